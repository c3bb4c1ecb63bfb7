package invoice

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"dispatch/model"
	"dispatch/model/store"
	"dispatch/tui/draw"
	"dispatch/tui/theme"
)

func (d *Desk) View(width, height int) string {
	out := []string{draw.Fit(theme.Header.Render("Invoices")+theme.Muted.Render("  · surprises first · enter opens · d drafts a ready ticket"), width)}
	if d.err != nil {
		out = append(out, draw.WrapNotice(theme.Error, d.err.Error(), width)...)
	}
	if d.notice != "" {
		style := theme.OK
		if d.noticeErr {
			style = theme.Error
		}
		out = append(out, draw.WrapNotice(style, d.notice, width)...)
	}
	room := max(height-len(out), 1)
	start := max(0, min(d.cursor-room/2, len(d.rows)-room))
	now := d.deps.Door.Now()
	for i := start; i < min(start+room, len(d.rows)); i++ {
		out = append(out, d.line(d.rows[i], width, i == d.cursor, now))
	}
	return strings.Join(out, "\n")
}

func (d *Desk) line(r row, width int, selected bool, now time.Time) string {
	var text string
	switch {
	case r.heading != "":
		return theme.Section.Render(draw.Fit(r.heading, width))
	case r.inv != nil:
		text = d.invoiceLine(*r.inv, width, now)
	case r.ready != nil:
		text = fmt.Sprintf("%-7s %s %s %s", model.FormatID(model.PrefixTicket, r.ready.ID), draw.Fit(draw.Safe(r.ready.Client), clientWidth(width)),
			draw.Fit(draw.Safe(r.ready.Title), max(width-clientWidth(width)-30, 10)), theme.Muted.Render(readyWhen(*r.ready, now, d.deps.Door.Location())))
	}
	if selected {
		return theme.Selected.Render(draw.Fit("▸ "+ansi.Strip(text), width))
	}
	return draw.Fit("  "+text, width)
}

func clientWidth(width int) int {
	if width >= 120 {
		return 24
	}
	return 18
}

// invoiceLine is an invoice as the desk lists it: id, client, total, and
// what it needs next.
func (d *Desk) invoiceLine(s model.InvoiceSummary, width int, now time.Time) string {
	head := fmt.Sprintf("%-6s %s %11s", s.Ref(), draw.Fit(draw.Safe(s.Client), clientWidth(width)), s.Total)
	var status string
	switch {
	case s.Held():
		status = theme.Error.Render(fmt.Sprintf("⚠ SURPRISE %s over what was told — adjust or explain", signed(s.Total-s.Told)))
	case s.State == model.InvoiceDraft && s.Surprise:
		status = theme.Warn.Render("surprise, explained — to approve")
	case s.State == model.InvoiceDraft:
		status = theme.Muted.Render("within what was told — to approve")
	case s.State == model.InvoiceApproved:
		status = theme.OK.Render("approved — to send")
	case s.State == model.InvoiceDisputed:
		status = theme.Error.Render(fmt.Sprintf("%s due · disputed: “%s”", s.Due(), draw.Safe(s.Dispute)))
	case s.PastDue(now):
		status = theme.Error.Render(fmt.Sprintf("%s due since %s (%s)", s.Due(), s.DueAt.In(d.deps.Door.Location()).Format("Jan 2"), ago(s.DueAt, now, d.deps.Door.Location())))
	case s.State == model.InvoicePaid && s.Due() < 0:
		status = theme.Warn.Render(fmt.Sprintf("paid · a refund of %s is owed to the client", -s.Due()))
	case s.State == model.InvoicePaid:
		status = theme.Muted.Render("paid")
	default:
		status = theme.Muted.Render(fmt.Sprintf("%s due %s", s.Due(), s.DueAt.In(d.deps.Door.Location()).Format("Jan 2")))
	}
	return head + "  " + status
}

func signed(c model.Cents) string {
	if c > 0 {
		return "+" + c.String()
	}
	return c.String()
}

// readyWhen says when a ready ticket was done, or that its trip back is
// still going: it drafts once that ends.
func readyWhen(r store.ReadyTicket, now time.Time, loc *time.Location) string {
	if r.Going {
		return "trip back under way — drafts once back"
	}
	return "done " + ago(r.DoneAt, now, loc)
}
