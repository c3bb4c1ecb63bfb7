package board

import "dispatch/model"

// layout is where the board's lines fall: each section's heading, then its
// rows or a line saying it has none; after them all, a word when there are
// no tickets at all. It is worked out once per refresh from the sections,
// so finding what is in view, after every message, costs the same on a
// board of ten rows or ten thousand.
type layout struct {
	spans     []span
	lines     int
	noTickets bool // the last two lines: a blank and "No open tickets"
}

// span is one section's lines.
type span struct {
	section  model.Section
	heading  int // its heading's line
	firstRow int // its rows are b.rows[firstRow:firstRow+rows], from the line after the heading
	rows     int
}

// lineKind is what a line of the board shows.
type lineKind int

const (
	headingLine lineKind = iota
	emptySectionLine
	rowLine
	blankLine
	noTicketsLine
)

// layOut places rows, in section order, under their headings.
func layOut(rows []*model.BoardRow, noTickets bool) layout {
	var l layout
	i := 0
	for _, s := range model.Sections {
		start := i
		for i < len(rows) && rows[i].Section == s {
			i++
		}
		if s == model.SecWaiting && i == start {
			continue // shown only when something waits: it is the first thing a dispatcher reads
		}
		l.spans = append(l.spans, span{section: s, heading: l.lines, firstRow: start, rows: i - start})
		l.lines += 1 + max(i-start, 1)
	}
	if noTickets {
		l.noTickets = true
		l.lines += 2
	}
	return l
}

// lineOf is the line a row is drawn on, or -1 for no row.
func (l layout) lineOf(row int) int {
	for _, s := range l.spans {
		if row >= s.firstRow && row < s.firstRow+s.rows {
			return s.heading + 1 + row - s.firstRow
		}
	}
	return -1
}

// at says what a line shows: for a row, its index in b.rows.
func (l layout) at(line int) (kind lineKind, s span, row int) {
	for i := len(l.spans) - 1; i >= 0; i-- {
		s := l.spans[i]
		switch end := s.heading + 1 + max(s.rows, 1); {
		case line < s.heading:
			continue
		case line == s.heading:
			return headingLine, s, -1
		case line < end && s.rows == 0:
			return emptySectionLine, s, -1
		case line < end:
			return rowLine, s, s.firstRow + line - s.heading - 1
		case line == end:
			return blankLine, s, -1
		}
		return noTicketsLine, s, -1
	}
	return blankLine, span{}, -1
}
