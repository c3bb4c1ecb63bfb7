package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"

	"dispatch/model"
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

func (b *boardPage) pageRows() int { return 10 }

func (b *boardPage) view(width, height int) string {
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
	for _, draw := range lines[b.offset:end] {
		out = append(out, draw())
	}
	return strings.Join(out, "\n")
}

// visibleRows is the range of rows the next draw shows, worked out without
// drawing them.
// It is asked after every message (is a timer in view?), so the answer is
// kept until something it depends on changes.
func (b *boardPage) visibleRows(width, height int) (from, to int) {
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
func (b *boardPage) top(width int) []string {
	var out []string
	out = append(out, b.summary(width))
	if b.flash != "" {
		style := styleOK
		if b.flashErr {
			style = styleError
		}
		out = append(out, wrapNotice(style, b.flash, width)...)
	}
	if b.err != nil {
		out = append(out, styleError.Render(fit("cannot read the board: "+b.err.Error(), width)))
	}
	if b.filtering || b.filter.Value() != "" {
		b.filter.SetWidth(width - 4)
		out = append(out, b.filter.View())
	}
	return append(out, styleMuted.Render(fit(b.headerRow(layoutColumns(width)), width)))
}

// scrollTo keeps the cursor's line in view, with its section heading when
// the cursor is on the first row of a section.
func (b *boardPage) scrollTo(cursorLine, room, total int) {
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

func (b *boardPage) summary(width int) string {
	late := b.board.LateToStart()
	parts := []string{
		fmt.Sprintf("%d unscheduled", b.board.Count(model.SecUnscheduled)),
		fmt.Sprintf("%d today", b.board.Count(model.SecToday)),
		fmt.Sprintf("%d in progress", b.board.Count(model.SecInProgress)),
		fmt.Sprintf("%d to invoice", b.board.Count(model.SecDone)),
	}
	// What needs someone comes first, so a narrow window cuts the counts.
	s := styleHeader.Render("Board") + "  "
	if n := b.board.Count(model.SecWaiting); n > 0 {
		s += styleError.Bold(true).Render(fmt.Sprintf("%d waiting on you", n)) + "  "
	}
	if n := b.board.Breached; n > 0 {
		s += styleError.Render(fmt.Sprintf("%d breached", n)) + "  "
	}
	if n := b.board.AtRisk; n > 0 {
		s += styleWarn.Render(fmt.Sprintf("%d at risk", n)) + "  "
	}
	if late > 0 {
		s += styleWarn.Render(fmt.Sprintf("%d late to start", late)) + "  "
	}
	return fit(s+styleMuted.Render(strings.Join(parts, " · ")), width)
}

func (b *boardPage) headerRow(c columns) string {
	return "  " + fit("ID", c.id) + " " + fit("P", c.pri) + " " + fit("CLIENT", c.client) + " " + fit("TITLE", c.title) + " " +
		fit("TECH", c.tech) + " " + fit("WHEN", c.when) + " " + fit("AGE", c.age)
}

// lines lays out every section with its heading, each line drawn only when
// asked: a busy board has hundreds of rows and a screen shows forty. It
// returns the line the cursor is on, and for each line the row it draws
// (-1 for headings).
func (b *boardPage) lines(c columns, width int) ([]func() string, int, []int) {
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
			h := styleSection.Render(heading)
			if legend {
				h += styleMuted.Render("   ▲ over the estimate · ⚑ contact not yet told")
			}
			return fit(h, width)
		}, -1)
		if i == start {
			add(text(styleMuted.Render(fit("  "+emptyText(s, b.filter.Value() != ""), width))), -1)
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
		add(text(styleMuted.Render("  No open tickets. Press n to open one.")), -1)
	}
	return lines, cursorLine, rowAt
}

func emptyText(s model.Section, filtered bool) string {
	if filtered {
		return "no match"
	}
	return map[model.Section]string{
		model.SecUnscheduled: "nothing waiting to be scheduled",
		model.SecToday:       "no more visits today",
		model.SecInProgress:  "nobody is out right now",
		model.SecUpcoming:    "nothing booked for later days",
		model.SecDone:        "nothing waiting to be invoiced",
		model.SecWaiting:     "no decisions waiting",
	}[s]
}

func (b *boardPage) row(rp *model.BoardRow, c columns, width int, selected bool) string {
	r := *rp
	when, whenStyle := b.whenCell(r)
	return drawnRows.get(rowKey{row: rp, selected: selected, width: width, when: when}, func() string {
		return drawRow(r, c, selected, when, whenStyle)
	})
}

// drawRow draws one row of the board.
func drawRow(r model.BoardRow, c columns, selected bool, when string, whenStyle lipgloss.Style) string {
	id, title, mark, markStyle := rowText(r)
	cells := []string{
		fit(id, c.id),
		priorityStyle[r.Ticket.Priority].Render(fit(r.Ticket.Priority.String(), c.pri)),
		fit(safe(r.Client), c.client),
		markStyle.Render(mark) + fit(title, c.title-len([]rune(mark))),
		fit(safe(r.Tech), c.tech),
		whenStyle.Render(fit(when, c.when)),
		styleMuted.Render(fit(model.FormatAge(r.Age), c.age)),
	}
	if selected {
		plain := []string{fit(id, c.id), fit(r.Ticket.Priority.String(), c.pri), fit(safe(r.Client), c.client),
			fit(mark+title, c.title), fit(safe(r.Tech), c.tech), fit(when, c.when), fit(model.FormatAge(r.Age), c.age)}
		return styleSelected.Render("▸ " + strings.Join(plain, " "))
	}
	return "  " + strings.Join(cells, " ")
}

// rowText is the id and title a row shows, and a mark before the title: a
// waiting row says what is asked of the dispatcher; a ticket is marked when
// over its estimate or when the contact is yet to be told.
func rowText(r model.BoardRow) (id, title, mark string, markStyle lipgloss.Style) {
	id, title = r.Ticket.Ref(), safe(r.Ticket.Title)
	switch {
	case r.Scope != nil:
		add, _ := r.Scope.AddOn()
		return r.Scope.Ref(), fmt.Sprintf("add-on: %s (%s, %s agreed)", safe(r.Scope.What),
			model.FormatDuration(add.Estimate), safe(add.ContactName)), "", styleWarn
	case r.Alert:
		return id, "client not told of estimate: " + title, "", styleError
	case r.AfterHours && r.Section == model.SecUnscheduled:
		return id, title, "after hours! ", styleError
	case r.PromptDue != model.EstimateNone:
		return id, title, "⚑ ", styleWarn
	case r.Overrun == model.EstimateOver:
		return id, title, "▲ ", styleError
	}
	return id, title, "", lipgloss.NewStyle()
}

// whenCell is the time that matters for the row's section.
func (b *boardPage) whenCell(r model.BoardRow) (string, lipgloss.Style) {
	loc := b.deps.Door.Location()
	plain := lipgloss.NewStyle()
	switch r.Section {
	case model.SecUnscheduled:
		return clockCell(r.Clock, r.HasClock, b.deps.Door.Now(), loc)
	case model.SecToday:
		t := r.Visit.ScheduledAt.In(loc).Format("15:04")
		if r.Late {
			return t + " late", styleWarn
		}
		return t, plain
	case model.SecInProgress:
		return boardPhase[r.Phase] + " " + stopwatch(b.deps.Door.Now().Sub(r.Since)), phaseStyle(r.Phase)
	case model.SecWaiting:
		return "since " + r.Since.In(loc).Format("15:04"), styleWarn
	case model.SecUpcoming:
		return r.Visit.ScheduledAt.In(loc).Format("Mon 15:04"), plain
	case model.SecDone:
		if !r.Ticket.DoneAt.IsZero() {
			return r.Ticket.DoneAt.In(loc).Format("Mon 15:04"), styleMuted
		}
	}
	return "", plain
}

// clockCell is the SLA clock that presses, coloured by how it stands:
// red once breached, amber when at risk, muted while paused.
func clockCell(c model.SLAClock, has bool, now time.Time, loc *time.Location) (string, lipgloss.Style) {
	if !has {
		return "", lipgloss.NewStyle()
	}
	text := c.Describe(now, loc)
	switch {
	case c.Breached:
		return text, styleError
	case c.AtRisk:
		return text, styleWarn
	case c.Paused || !c.StartsAt.IsZero():
		return text, styleMuted
	}
	return text, lipgloss.NewStyle()
}

// boardPhase names a phase in the board's narrow column.
var boardPhase = map[model.Phase]string{
	model.PhaseTravelling: "travel", model.PhaseOnSite: "on site", model.PhasePaused: "paused",
	model.PhaseReturning: "return", model.PhaseInShop: "in shop",
}

// inputStyles are the text field styles, with a steady cursor: a blinking
// one would redraw every session twice a second for nothing.
func inputStyles() textinput.Styles {
	s := textinput.DefaultDarkStyles()
	s.Cursor.Blink = false
	s.Focused.Prompt = styleFocus
	return s
}
