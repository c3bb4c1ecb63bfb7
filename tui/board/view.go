package board

import (
	"fmt"
	"slices"
	"strings"
	"time"

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

// drawnBoards shares a whole board among the sessions showing the same rows
// from the same place at one size, as most boards do after a change: the
// first draws it, the rest only lay it out to know where they stand.
var drawnBoards = draw.NewCache[boardKey, string](256)

// boardKey is everything a board's drawing depends on, unfiltered.
type boardKey struct {
	top                  topKey
	first                *model.BoardRow // the first row: rows of one build are shared and never changed
	rows, cursor, offset int
	width, height        int
	second               time.Time // stopwatches are drawn to the second
	zone                 *time.Location
}

func (b *Board) View(width, height int) string {
	b.width, b.height = width, height
	b.flash = b.fade.Keep(b.flash, b.deps.Door.Now())
	now := b.deps.Door.Now().Truncate(time.Second)
	top, k, shared := b.topShared(width)
	room := height - len(top)
	if room <= 0 {
		return strings.Join(top, "\n")
	}
	b.scrollTo(b.layout.lineOf(b.cursor), room, b.layout.lines)
	if !shared || len(b.rows) == 0 {
		return b.draw(top, room, width, now)
	}
	key := boardKey{top: k, first: b.rows[0], rows: len(b.rows), cursor: b.cursor, offset: b.offset,
		width: width, height: height, second: now, zone: b.deps.Door.Location()}
	return drawnBoards.Get(key, func() string { return b.draw(top, room, width, now) })
}

// draw draws the lines in view under the top ones.
func (b *Board) draw(top []string, room, width int, now time.Time) string {
	out := top
	c := layoutColumns(width)
	for l := b.offset; l < min(b.offset+room, b.layout.lines); l++ {
		out = append(out, b.line(l, c, width, now))
	}
	return strings.Join(out, "\n")
}

// visibleRows is the range of rows the next draw shows, worked out as it
// will, without drawing them.
func (b *Board) visibleRows(width, height int) (from, to int) {
	room := height - len(b.top(width))
	if room <= 0 {
		return 0, 0
	}
	b.scrollTo(b.layout.lineOf(b.cursor), room, b.layout.lines)
	from, to = len(b.rows), 0
	for l := b.offset; l < min(b.offset+room, b.layout.lines); l++ {
		if kind, _, r := b.layout.at(l); kind == rowLine {
			from, to = min(from, r), max(to, r+1)
		}
	}
	return from, max(from, to)
}

// drawnTops shares the lines above the rows among boards: after a change
// every board shows the same counts. One typing in its filter draws its own.
var drawnTops = draw.NewCache[topKey, []string](512)

// topKey is everything the lines above the rows depend on, the filter aside.
type topKey struct {
	counts                  [len(model.Board{}.Rows)]int // tickets in each section
	breached, atRisk, late  int
	calls                   int
	width                   int
	flash, failed           string
	flashErr, meetingsShown bool
	decides                 bool // answers what waits
}

// top is what stands above the rows: the summary, a flash, an error, the
// filter and the column heads. It is shared, so callers append to a copy.
func (b *Board) top(width int) []string {
	top, _, _ := b.topShared(width)
	return top
}

// topShared is the top and, unless the filter is in use, the key it is
// shared under.
func (b *Board) topShared(width int) ([]string, topKey, bool) {
	if b.filtering || b.filter.Value() != "" {
		return b.drawTop(width), topKey{}, false
	}
	k := topKey{breached: b.board.Breached, atRisk: b.board.AtRisk, late: b.board.LateToStart(), calls: len(b.board.Calls),
		width: width, flash: b.flash, flashErr: b.flashErr, meetingsShown: b.km.Meetings.Enabled(), decides: b.decides()}
	for s, rows := range b.board.Rows {
		k.counts[s] = len(rows)
	}
	if b.err != nil {
		k.failed = b.err.Error()
	}
	return slices.Clip(drawnTops.Get(k, func() []string { return b.drawTop(width) })), k, true
}

func (b *Board) drawTop(width int) []string {
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
	if n := b.board.Count(model.SecWaiting); n > 0 && b.decides() {
		s += theme.Error.Bold(true).Render(fmt.Sprintf("%d waiting on you", n)) + "  "
	} else if n > 0 {
		s += theme.Warn.Render(fmt.Sprintf("%d waiting on the office", n)) + "  " // a technician reads it, and cannot answer it
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

// decides reports whether the user answers what waits on the board.
func (b *Board) decides() bool { return b.deps.User.Role.Can(model.ActSuperviseWork) }

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

// line draws one line of the board.
func (b *Board) line(l int, c columns, width int, now time.Time) string {
	kind, s, row := b.layout.at(l)
	switch kind {
	case headingLine:
		h := theme.Section.Render(fmt.Sprintf("%s (%d)", strings.ToUpper(s.section.String()), s.rows))
		if s.section == model.SecInProgress {
			h += theme.Muted.Render("   ▲ over the estimate · ⚑ contact not yet told")
		}
		return draw.Fit(h, width)
	case emptySectionLine:
		return theme.Muted.Render(draw.Fit("  "+emptyText(s.section, b.filter.Value() != ""), width))
	case rowLine:
		return b.row(b.rows[row], c, width, row == b.cursor, now)
	case noTicketsLine:
		return theme.Muted.Render("  No open tickets. Press n to open one.")
	}
	return ""
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
