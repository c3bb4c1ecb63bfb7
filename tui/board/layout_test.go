package board

import (
	"testing"

	"dispatch/model"
)

func TestLayoutPlacesRowsUnderTheirHeadings(t *testing.T) {
	rows := func(sections ...model.Section) []*model.BoardRow {
		var out []*model.BoardRow
		for _, s := range sections {
			out = append(out, &model.BoardRow{Section: s})
		}
		return out
	}
	type line struct {
		kind    lineKind
		section model.Section
		row     int
	}
	h := func(s model.Section) line { return line{headingLine, s, -1} }
	e := func(s model.Section) line { return line{emptySectionLine, s, -1} }
	r := func(s model.Section, i int) line { return line{rowLine, s, i} }
	tests := []struct {
		name      string
		rows      []*model.BoardRow
		noTickets bool
		want      []line
	}{
		{"nothing waits, so no waiting section; every other section says it is empty", nil, true, []line{
			h(model.SecUnscheduled), e(model.SecUnscheduled), h(model.SecNeedsVisit), e(model.SecNeedsVisit),
			h(model.SecToday), e(model.SecToday), h(model.SecInProgress), e(model.SecInProgress),
			h(model.SecUpcoming), e(model.SecUpcoming), h(model.SecDone), e(model.SecDone),
			{blankLine, model.SecDone, -1}, {noTicketsLine, model.SecDone, -1}}},
		{"rows under their sections, waiting first", rows(model.SecWaiting, model.SecUnscheduled, model.SecUnscheduled, model.SecDone), false, []line{
			h(model.SecWaiting), r(model.SecWaiting, 0),
			h(model.SecUnscheduled), r(model.SecUnscheduled, 1), r(model.SecUnscheduled, 2),
			h(model.SecNeedsVisit), e(model.SecNeedsVisit), h(model.SecToday), e(model.SecToday),
			h(model.SecInProgress), e(model.SecInProgress), h(model.SecUpcoming), e(model.SecUpcoming),
			h(model.SecDone), r(model.SecDone, 3)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := layOut(tt.rows, tt.noTickets)
			if l.lines != len(tt.want) {
				t.Fatalf("%d lines, want %d", l.lines, len(tt.want))
			}
			for i, want := range tt.want {
				kind, s, row := l.at(i)
				if got := (line{kind, s.section, row}); got != want {
					t.Errorf("line %d = %+v, want %+v", i, got, want)
				}
				if want.kind == rowLine && l.lineOf(want.row) != i {
					t.Errorf("row %d is on line %d, want %d", want.row, l.lineOf(want.row), i)
				}
			}
			if l.lineOf(len(tt.rows)) != -1 {
				t.Errorf("a row past the end has line %d, want -1", l.lineOf(len(tt.rows)))
			}
		})
	}
}
