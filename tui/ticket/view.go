package ticket

import (
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"dispatch/model"
	"dispatch/tui/draw"
	"dispatch/tui/theme"
)

func (d *Page) View(width, height int) string {
	if d.err != nil {
		return theme.Error.Render(draw.Fit(d.err.Error(), width)) + "\n" + theme.Muted.Render("esc to go back")
	}
	c := d.card
	loc := d.deps.Door.Location()
	var lines []string
	add := func(s ...string) { lines = append(lines, s...) }
	title := theme.Title.Render(c.Ref()) + "  " + theme.Header.Render(draw.Safe(c.Title)) + "  " +
		theme.Priority[c.Priority].Render(c.Priority.String()) + theme.Muted.Render("  "+string(c.Status))
	add(draw.Fit(title, width), "")
	fieldLine := func(label, value string) { add(draw.Fit(theme.Label.Render(label)+value, width)) }
	client := draw.Safe(c.Client.Name)
	if !c.Client.RatesHidden {
		client += theme.Muted.Render(fmt.Sprintf("  %s · %s", ownRate(c.Client.Own), c.Client.Terms))
	}
	fieldLine("client", client)
	contact := draw.Safe(c.Contact.Name) + theme.Muted.Render(" ("+string(c.Contact.Role)+") "+draw.Safe(c.Contact.Phone))
	if c.RequestedBy != "" { // someone not on file asked on site: the contact is whom the office reaches
		contact = draw.Safe(c.RequestedBy) + theme.Muted.Render(" (not a contact) · reach ") + contact
	}
	fieldLine("requester", contact)
	fieldLine("site", draw.Safe(c.Site.Name)+theme.Muted.Render(" · "+draw.Safe(c.Site.Address)+" · "+model.FormatDuration(c.Site.Travel)+" away"))
	estimate := c.Estimate.String()
	if c.FirstJob {
		estimate += theme.Warn.Render("  first job: invoice no more than the quote")
	}
	fieldLine("estimate", estimate)
	fieldLine("opened", c.CreatedAt.In(loc).Format("Mon 2 Jan 15:04")+" by "+draw.Safe(c.CreatedBy))
	if a := c.Authorisation; a != nil {
		how := "by phone, recorded by " + draw.Safe(a.By)
		if a.VisitID != 0 {
			how = "at check-in on " + model.FormatID(model.PrefixVisit, a.VisitID)
		}
		fieldLine("terms", "accepted by "+draw.Safe(a.ContactName)+theme.Muted.Render(" · "+a.At.In(loc).Format("Mon 2 Jan 15:04")+" · "+how))
	} else if c.Status != model.TicketCancelled {
		how := " — at check-in (Terms in the arrival step)"
		if d.km.Authorise.Enabled() {
			how += ", or by phone: T"
		}
		fieldLine("terms", theme.Warn.Render("not yet accepted")+theme.Muted.Render(how))
	}
	switch {
	case d.invoiceID != 0:
		fieldLine("invoice", model.FormatID(model.PrefixInvoice, d.invoiceID)+" · "+string(d.invoiceIs)+theme.Muted.Render("  i opens it"))
	case c.Status == model.TicketDone && !c.Client.RatesHidden:
		fieldLine("invoice", theme.Muted.Render("none yet: ready to invoice (i on the board opens the invoices desk)"))
	}
	now := d.deps.Door.Now()
	if c.AfterHours {
		fieldLine("sla", theme.Error.Render("an after-hours emergency"))
	}
	fieldLine("response", clockLine(c.Response, now, loc))
	fieldLine("resolution", clockLine(c.Resolution, now, loc))
	for _, e := range c.Events {
		fieldLine(e.Kind.Label(), theme.Muted.Render(e.At.In(loc).Format("Mon 15:04")+" by "+draw.Safe(e.By)+" "+draw.Safe(ticketEventWords(e))))
	}
	if d.notice != "" {
		style := theme.OK
		if d.noticeErr {
			style = theme.Error
		}
		add(draw.WrapNotice(style, d.notice, width)...)
	}
	if c.ParentID != 0 {
		from := "on site from " + model.FormatID(model.PrefixTicket, c.ParentID)
		if r := c.MadeFrom; r != nil {
			from = fmt.Sprintf("on site from %s on %s, asked by %s", r.Ref(), model.FormatID(model.PrefixTicket, r.TicketID), draw.Safe(r.AskedBy))
		}
		fieldLine("spawned", from)
	}
	add("", theme.Section.Render("SCOPE"))
	wrap := lipgloss.NewStyle().Width(max(width-2, 10))
	for _, l := range strings.Split(wrap.Render(model.CleanText(c.Scope)), "\n") {
		add("  " + l)
	}
	add("", theme.Section.Render(fmt.Sprintf("VISITS (%d)", len(c.Visits))))
	if len(c.Visits) == 0 {
		add(theme.Muted.Render("  none yet" + map[bool]string{true: " — press s to schedule one", false: ""}[d.km.Schedule.Enabled()]))
	}
	for _, v := range c.Visits {
		add(visitLog(v, c.Estimate.Duration, now, loc, width)...)
	}
	if len(c.Parts) > 0 {
		add("", theme.Section.Render(fmt.Sprintf("PARTS (%d)", len(c.Parts))))
		for _, p := range c.Parts {
			price := ""
			if p.Price > 0 {
				price = " at " + p.Price.String()
			}
			add(draw.Fit(fmt.Sprintf("  %s %s × %d%s", p.Ref(), draw.Safe(p.Description), p.Qty, price)+
				theme.Muted.Render(" · approved by "+draw.Safe(p.ApprovedBy)), width))
		}
	}
	if len(c.Requests) > 0 {
		add("", theme.Section.Render(fmt.Sprintf("WHILE YOU'RE HERE (%d)", len(c.Requests))))
		for _, r := range c.Requests {
			add(draw.Fit(fmt.Sprintf("  %s  %s  %s", r.Ref(), r.AskedAt.In(loc).Format("15:04"), draw.Safe(r.What))+
				theme.Muted.Render(" — asked by "+draw.Safe(r.AskedBy)+" on "+model.FormatID(model.PrefixVisit, r.VisitID)+" · ")+draw.ScopeState(r, loc, now), width))
			for _, dec := range r.Decisions {
				add(draw.Fit(theme.Muted.Render("      "+dec.At.In(loc).Format("15:04")+"  "+draw.Safe(dec.Sentence())), width))
			}
		}
	}
	add("", theme.Section.Render("HISTORY"))
	for _, a := range c.Audit {
		what := a.Action
		if changed := a.Changed(); strings.HasSuffix(a.Action, ".edit") && changed != "" {
			what += " (" + changed + ")"
		}
		add(draw.Fit(theme.Muted.Render(fmt.Sprintf("  %s  %s  %s", a.At.In(loc).Format("2006-01-02 15:04"), draw.Safe(a.Actor), draw.Safe(what))), width))
	}
	d.scroll = min(d.scroll, max(len(lines)-height, 0))
	return strings.Join(lines[d.scroll:], "\n")
}

// clockLine is an SLA clock on the ticket page: where it stands, coloured,
// with its due time and target.
func clockLine(c model.SLAClock, now time.Time, loc *time.Location) string {
	text, style := draw.ClockCell(c, true, now, loc)
	if c.Withdrawn {
		return theme.Muted.Render(text)
	}
	if !c.Breached && !c.AtRisk && !c.Paused && !c.Stopped && c.StartsAt.IsZero() {
		style = theme.OK // on time
	}
	s := style.Render(text)
	if !c.Due.IsZero() {
		s += theme.Muted.Render(" · due " + model.ClockIn(c.Due, now, loc))
	}
	return s + theme.Muted.Render(" · target "+model.FormatDuration(c.Target))
}

func ticketEventWords(e model.TicketEvent) string {
	if e.Kind == model.TkPriority {
		return fmt.Sprintf("%s → %s %s", e.From, e.To, e.Note)
	}
	return e.Note
}

// ownRate is the client's own rate, or that it follows the office's.
func ownRate(o model.OwnTerms) string {
	if o.Rate == 0 {
		return "office rate"
	}
	return o.Rate.String() + "/h"
}
