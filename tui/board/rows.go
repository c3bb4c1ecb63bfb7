package board

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"dispatch/model"
	"dispatch/tui/draw"
	"dispatch/tui/theme"
)

// drawnRows shares drawn board rows among every session. The board is built
// once per change and shared, so after a change hundreds of sessions would
// draw the same rows at the same widths; the first draws each, the rest
// reuse it. A row is keyed by the row itself (rows of a built board never
// change), whether it is under the cursor, the width, and the time-dependent
// cell as it reads now (a ticking stopwatch, a clock's minutes).
var drawnRows = draw.NewCache[rowKey, string](20000)

type rowKey struct {
	row      *model.BoardRow
	selected bool
	width    int
	when     string
}

func (b *Board) row(rp *model.BoardRow, c columns, width int, selected bool, now time.Time) string {
	r := *rp
	when, whenStyle := b.whenCell(r, now)
	return drawnRows.Get(rowKey{row: rp, selected: selected, width: width, when: when}, func() string {
		return drawRow(r, c, selected, when, whenStyle)
	})
}

// drawRow draws one row of the board.
func drawRow(r model.BoardRow, c columns, selected bool, when string, whenStyle lipgloss.Style) string {
	// A job waiting for another visit has no technician yet: its title and
	// reason take the empty tech cell too.
	wide := r.Section == model.SecNeedsVisit && r.Tech == ""
	titleWidth := c.title
	if wide {
		titleWidth += 1 + c.tech
	}
	id, title, mark, markStyle := rowText(r, titleWidth)
	const techCell = 4
	cells := []string{
		draw.Fit(id, c.id),
		theme.Priority[r.Ticket.Priority].Render(draw.Fit(r.Ticket.Priority.String(), c.pri)),
		draw.Fit(draw.Safe(r.Client), c.client),
		markStyle.Render(mark) + draw.Fit(title, titleWidth-len([]rune(mark))),
		draw.Fit(draw.Safe(r.Tech), c.tech),
		whenStyle.Render(draw.Fit(when, c.when)),
		theme.Muted.Render(draw.Fit(model.FormatAge(r.Age), c.age)),
	}
	if selected {
		cells = []string{draw.Fit(id, c.id), draw.Fit(r.Ticket.Priority.String(), c.pri), draw.Fit(draw.Safe(r.Client), c.client),
			draw.Fit(mark+title, titleWidth), draw.Fit(draw.Safe(r.Tech), c.tech), draw.Fit(when, c.when), draw.Fit(model.FormatAge(r.Age), c.age)}
	}
	if wide {
		cells = slices.Delete(cells, techCell, techCell+1)
	}
	if selected {
		return theme.Selected.Render("▸ " + strings.Join(cells, " "))
	}
	return "  " + strings.Join(cells, " ")
}

// rowText is the id and title a row shows, and a mark before the title: a
// waiting row says what is asked of the dispatcher; a ticket is marked when
// over its estimate or when the contact is yet to be told.
func rowText(r model.BoardRow, width int) (id, title, mark string, markStyle lipgloss.Style) {
	id, title = r.Ticket.Ref(), draw.Safe(r.Ticket.Title)
	switch {
	case r.Scope != nil:
		add, _ := r.Scope.AddOn()
		return r.Scope.Ref(), fmt.Sprintf("add-on: %s (%s, %s agreed)", draw.Safe(r.Scope.What),
			model.FormatDuration(add.Estimate), draw.Safe(add.ContactName)), "", theme.Warn
	case r.Alert:
		return id, "client not told of estimate: " + title, "", theme.Error
	case r.Section == model.SecNeedsVisit:
		return id, titleAndReason(title, draw.Safe(r.FollowUp), width), "", theme.Warn
	case r.AfterHours && r.Section == model.SecUnscheduled:
		return id, title, "after hours! ", theme.Error
	case r.Overrun == model.EstimateOver && r.PromptDue != model.EstimateNone:
		return id, title, "▲⚑ ", theme.Error // over, and the contact not yet told
	case r.PromptDue != model.EstimateNone:
		return id, title, "⚑ ", theme.Warn
	case r.Overrun == model.EstimateOver:
		return id, title, "▲ ", theme.Error
	}
	return id, title, "", lipgloss.NewStyle()
}

// whenCell is the time that matters for the row's section.
func (b *Board) whenCell(r model.BoardRow, now time.Time) (string, lipgloss.Style) {
	loc := b.deps.Door.Location()
	plain := lipgloss.NewStyle()
	switch r.Section {
	case model.SecUnscheduled, model.SecNeedsVisit:
		return draw.ClockCell(r.Clock, r.HasClock, now, loc)
	case model.SecToday:
		t := r.Visit.ScheduledAt.In(loc).Format("15:04")
		if r.Late {
			return t + " late", theme.Warn
		}
		return t, plain
	case model.SecInProgress:
		return draw.PhaseWord[r.Phase] + " " + draw.Stopwatch(now.Sub(r.Since)), theme.Phase(r.Phase)
	case model.SecWaiting:
		return "since " + r.Since.In(loc).Format("15:04"), theme.Warn
	case model.SecUpcoming:
		return r.Visit.ScheduledAt.In(loc).Format("Mon 15:04"), plain
	case model.SecDone:
		if !r.Ticket.DoneAt.IsZero() {
			return r.Ticket.DoneAt.In(loc).Format("Mon 15:04"), theme.Muted
		}
	}
	return "", plain
}

// titleAndReason fits a title and why the job needs another visit into one
// cell. On a narrow board the title gives way first, to a third of the cell, so the
// reason — what the dispatcher acts on — stays in view.
func titleAndReason(title, reason string, width int) string {
	const sep = " — "
	full := title + sep + reason
	if ansi.StringWidth(full) <= width {
		return full
	}
	titleWidth := max(width-len([]rune(sep))-ansi.StringWidth(reason), width/3)
	return strings.TrimRight(draw.Fit(title, titleWidth), " ") + sep + reason
}
