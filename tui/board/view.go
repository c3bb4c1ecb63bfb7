package board

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"dispatch/model"
	"dispatch/tui/draw"
	"dispatch/tui/theme"
)

// columns are the board's column widths for one window width.
type columns struct {
	id, pri, client, title, tech, when, age int
}

// layoutColumns gives the title what is left after the fixed columns, which
// grow on wide screens so names are not cut.
func layoutColumns(width int) columns {
	c := columns{id: 6, pri: 2, client: 14, tech: 10, when: 16, age: 3}
	if width >= 120 {
		c.client, c.tech, c.when, c.age = 22, 14, 19, 4
	}
	if width >= 180 {
		c.client, c.tech = 28, 18
	}
	fixed := 2 + c.id + c.pri + c.client + c.tech + c.when + c.age + 6 // cursor mark and gaps
	c.title = max(width-fixed, 8)
	return c
}

func (b *Board) pageRows() int { return 10 }

func (b *Board) View(width, height int) string {
	b.width, b.height = width, height
	out := b.top(width)
	c := layoutColumns(width)
	lines, cursorLine, _ := b.lines(c, width)
	room := height - len(out)
	if room <= 0 {
		return strings.Join(out, "\n")
	}
	b.scrollTo(cursorLine, room, len(lines))
	end := min(b.offset+room, len(lines))
	for _, line := range lines[b.offset:end] {
		out = append(out, line())
	}
	return strings.Join(out, "\n")
}

// visibleRows is the range of rows the next draw shows, worked out without
// drawing them.
// It is asked after every message (is a timer in view?), so the answer is
// kept until something it depends on changes.
func (b *Board) visibleRows(width, height int) (from, to int) {
	key := inViewKey{rowsGen: b.rowsGen, cursor: b.cursor, offset: b.offset, width: width, height: height,
		flash: b.flash, failed: b.err != nil, filtering: b.filtering, filter: b.filter.Value()}
	if m := b.inView; m.valid && m.key == key {
		b.offset = m.offset
		return m.from, m.to
	}
	lines, cursorLine, rowAt := b.lines(layoutColumns(width), width)
	room := height - len(b.top(width))
	if room <= 0 {
		return 0, 0
	}
	b.scrollTo(cursorLine, room, len(lines))
	from, to = len(b.rows), 0
	for l := b.offset; l < min(b.offset+room, len(lines)); l++ {
		if r := rowAt[l]; r >= 0 {
			from, to = min(from, r), max(to, r+1)
		}
	}
	to = max(from, to)
	b.inView = inViewMemo{key: key, valid: true, offset: b.offset, from: from, to: to}
	return from, to
}

// inViewKey is everything the rows in view depend on.
type inViewKey struct {
	rowsGen, cursor, offset, width, height int
	flash                                  string
	failed, filtering                      bool
	filter                                 string
}

type inViewMemo struct {
	key      inViewKey
	valid    bool
	offset   int // where scrolling left the first line shown
	from, to int
}

// top is what stands above the rows: the summary, a flash, an error, the
// filter and the column heads.
func (b *Board) top(width int) []string {
	var out []string
	out = append(out, b.summary(width)...)
	if b.flash != "" {
		style := theme.OK
		if b.flashErr {
			style = theme.Error
		}
		out = append(out, draw.WrapNotice(style, b.flash, width)...)
	}
	if b.err != nil {
		out = append(out, theme.Error.Render(draw.Fit("cannot read the board: "+b.err.Error(), width)))
	}
	if b.filtering || b.filter.Value() != "" {
		b.filter.SetWidth(width - 4)
		out = append(out, b.filter.View())
	}
	return append(out, theme.Muted.Render(draw.Fit(b.headerRow(layoutColumns(width)), width)))
}

// scrollTo keeps the cursor's line in view, with its section heading when
// the cursor is on the first row of a section.
func (b *Board) scrollTo(cursorLine, room, total int) {
	if cursorLine < 0 {
		b.offset = 0
		return
	}
	top := cursorLine
	if top > 0 {
		top-- // the heading or the row above gives context
	}
	if top < b.offset {
		b.offset = top
	}
	if cursorLine >= b.offset+room {
		b.offset = cursorLine - room + 1
	}
	b.offset = max(0, min(b.offset, total-room))
}

// summary is the board's counts: what needs someone, then how many stand
// where. On a window too narrow for one line it takes two, rather than cut
// the counts.
func (b *Board) summary(width int) []string {
	urgent, counts := b.urgentCounts(), b.sectionCounts()
	line := theme.Header.Render("Board") + "  " + urgent + counts
	if ansi.StringWidth(line) <= width {
		return []string{line}
	}
	return []string{draw.Fit(theme.Header.Render("Board")+"  "+urgent, width), draw.Fit(counts, width)}
}

// urgentCounts is what needs someone: waiting decisions, broken and
// running-low promises, visits late to start.
func (b *Board) urgentCounts() string {
	s := ""
	if n := b.board.Count(model.SecWaiting); n > 0 {
		s += theme.Error.Bold(true).Render(fmt.Sprintf("%d waiting on you", n)) + "  "
	}
	if n := b.board.Breached; n > 0 {
		s += theme.Error.Render(fmt.Sprintf("%d breached", n)) + "  "
	}
	if n := b.board.AtRisk; n > 0 {
		s += theme.Warn.Render(fmt.Sprintf("%d at risk", n)) + "  "
	}
	if n := b.board.LateToStart(); n > 0 {
		s += theme.Warn.Render(fmt.Sprintf("%d late to start", n)) + "  "
	}
	if n := len(b.board.Calls); n > 0 && b.km.Meetings.Enabled() {
		s += theme.Warn.Render(fmt.Sprintf("%d meeting calls (M)", n)) + "  "
	}
	return s
}

// sectionCounts is how many tickets stand in each section.
func (b *Board) sectionCounts() string {
	parts := []string{fmt.Sprintf("%d unscheduled", b.board.Count(model.SecUnscheduled))}
	if n := b.board.Count(model.SecNeedsVisit); n > 0 {
		parts = append(parts, fmt.Sprintf("%d to revisit", n))
	}
	parts = append(parts,
		fmt.Sprintf("%d today", b.board.Count(model.SecToday)),
		fmt.Sprintf("%d in progress", b.board.Count(model.SecInProgress)),
		fmt.Sprintf("%d to invoice", b.board.Count(model.SecDone)))
	return theme.Muted.Render(strings.Join(parts, " · "))
}

func (b *Board) headerRow(c columns) string {
	return "  " + draw.Fit("ID", c.id) + " " + draw.Fit("P", c.pri) + " " + draw.Fit("CLIENT", c.client) + " " + draw.Fit("TITLE", c.title) + " " +
		draw.Fit("TECH", c.tech) + " " + draw.Fit("WHEN", c.when) + " " + draw.Fit("AGE", c.age)
}

// lines lays out every section with its heading, each line drawn only when
// asked: a busy board has hundreds of rows and a screen shows forty. It
// returns the line the cursor is on, and for each line the row it draws
// (-1 for headings).
func (b *Board) lines(c columns, width int) ([]func() string, int, []int) {
	var lines []func() string
	var rowAt []int
	add := func(draw func() string, row int) { lines, rowAt = append(lines, draw), append(rowAt, row) }
	text := func(s string) func() string { return func() string { return s } }
	cursorLine := -1
	i := 0
	for _, s := range model.Sections {
		start := i
		for i < len(b.rows) && b.rows[i].Section == s {
			i++
		}
		if s == model.SecWaiting && i == start {
			continue // shown only when something waits: it is the first thing a dispatcher reads
		}
		heading := fmt.Sprintf("%s (%d)", strings.ToUpper(s.String()), i-start)
		legend := s == model.SecInProgress
		add(func() string {
			h := theme.Section.Render(heading)
			if legend {
				h += theme.Muted.Render("   ▲ over the estimate · ⚑ contact not yet told")
			}
			return draw.Fit(h, width)
		}, -1)
		if i == start {
			add(text(theme.Muted.Render(draw.Fit("  "+emptyText(s, b.filter.Value() != ""), width))), -1)
		}
		for j := start; j < i; j++ {
			if j == b.cursor {
				cursorLine = len(lines)
			}
			add(func() string { return b.row(b.rows[j], c, width, j == b.cursor) }, j)
		}
	}
	if len(b.board.Rows[model.SecUnscheduled])+len(b.rows) == 0 && b.filter.Value() == "" {
		add(text(""), -1)
		add(text(theme.Muted.Render("  No open tickets. Press n to open one.")), -1)
	}
	return lines, cursorLine, rowAt
}

func emptyText(s model.Section, filtered bool) string {
	if filtered {
		return "no match"
	}
	return map[model.Section]string{
		model.SecUnscheduled: "nothing waiting to be scheduled",
		model.SecNeedsVisit:  "no job waiting for a second visit",
		model.SecToday:       "no more visits today",
		model.SecInProgress:  "nobody is out right now",
		model.SecUpcoming:    "nothing booked for later days",
		model.SecDone:        "nothing waiting to be invoiced",
		model.SecWaiting:     "no decisions waiting",
	}[s]
}
