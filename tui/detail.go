package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"dispatch/model"
	"dispatch/model/door"
)

// detailPage shows one ticket in full: what was agreed, who asked, where,
// every visit with its log, and the audit trail.
type detailPage struct {
	deps      Deps
	km        detailKeys
	id        int64
	card      door.TicketCard
	err       error
	scroll    int
	notice    string // what the last key did, or why not
	noticeErr bool
}

func newDetail(deps Deps, id int64) *detailPage {
	d := &detailPage{deps: deps, km: newDetailKeys(deps.User.Role.Can(model.ActScheduleVisit)), id: id}
	d.refresh()
	return d
}

func (d *detailPage) keys() help.KeyMap  { return d.km }
func (d *detailPage) capturesText() bool { return false }

// ticking: a visit of this ticket is under way, so its timers run.
func (d *detailPage) ticking() bool {
	for _, v := range d.card.Visits {
		if v.Phase().Active() {
			return true
		}
	}
	return false
}

func (d *detailPage) refresh() {
	d.card, d.err = d.deps.Door.Ticket(d.deps.Ctx, d.deps.actor(), d.id)
	open := d.err == nil && d.card.Status == model.TicketOpen
	d.km.Schedule.SetEnabled(d.deps.User.Role.Can(model.ActScheduleVisit) && open)
	d.km.Edit.SetEnabled(d.deps.User.Role.Can(model.ActEditTicket) && d.err == nil && d.card.Status != model.TicketInvoiced)
	d.km.forTicket(d.deps.User.Role.Can(model.ActTrackTicket), open, d.waiting())
}

func (d *detailPage) waiting() bool {
	return model.HistoryOf(d.card.Ticket, d.card.Events, d.card.Visits).Waiting()
}

func (d *detailPage) update(msg tea.Msg) (page, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return d, nil
	}
	switch {
	case key.Matches(k, d.km.Back):
		return d, d.deps.close("")
	case key.Matches(k, d.km.Down):
		d.scroll++
	case key.Matches(k, d.km.Up):
		d.scroll = max(d.scroll-1, 0)
	case key.Matches(k, d.km.Schedule):
		f := newScheduleForm(d.deps, d.card.Ticket)
		return d, tea.Batch(d.deps.open(f), f.focusCurrent())
	case key.Matches(k, d.km.Edit):
		f := newEditForm(d.deps, d.card.Ticket)
		return d, tea.Batch(d.deps.open(f), f.focusCurrent())
	case key.Matches(k, d.km.Wait) && d.waiting():
		return d, d.track(door.Track{Kind: model.TkResumed}, "the client answered: the resolution clock runs again")
	case key.Matches(k, d.km.Done):
		return d, d.track(door.Track{Kind: model.TkDone}, "done: the resolution clock stops; it waits to be invoiced")
	case key.Matches(k, d.km.Wait), key.Matches(k, d.km.Contacted), key.Matches(k, d.km.Priority):
		kind := map[string]model.TicketEventKind{"w": model.TkWaiting, "c": model.TkContacted, "p": model.TkPriority}[k.String()]
		f := newTrackForm(d.deps, d.card.Ticket, kind)
		return d, tea.Batch(d.deps.open(f), f.focusCurrent())
	}
	return d, nil
}

// track records a ticket event that needs no words, and says what it did.
func (d *detailPage) track(in door.Track, did string) tea.Cmd {
	if _, err := d.deps.Door.TrackTicket(d.deps.Ctx, d.deps.actor(), d.id, in); err != nil {
		d.notice, d.noticeErr = err.Error(), true
		return nil
	}
	d.notice, d.noticeErr = d.card.Ref()+": "+did, false
	d.refresh()
	return nil
}

func (d *detailPage) view(width, height int) string {
	if d.err != nil {
		return styleError.Render(fit(d.err.Error(), width)) + "\n" + styleMuted.Render("esc to go back")
	}
	c := d.card
	loc := d.deps.Door.Location()
	var lines []string
	add := func(s ...string) { lines = append(lines, s...) }
	title := styleTitle.Render(c.Ref()) + "  " + styleHeader.Render(safe(c.Title)) + "  " +
		priorityStyle[c.Priority].Render(c.Priority.String()) + styleMuted.Render("  "+string(c.Status))
	add(fit(title, width), "")
	fieldLine := func(label, value string) { add(fit(styleLabel.Render(label)+value, width)) }
	client := safe(c.Client.Name)
	if !c.Client.RatesHidden {
		client += styleMuted.Render(fmt.Sprintf("  %s/h · %s", c.Client.HourlyRate, c.Client.Terms))
	}
	fieldLine("client", client)
	fieldLine("requester", safe(c.Contact.Name)+styleMuted.Render(" ("+string(c.Contact.Role)+") "+safe(c.Contact.Phone)))
	fieldLine("site", safe(c.Site.Name)+styleMuted.Render(" · "+safe(c.Site.Address)+" · "+model.FormatDuration(c.Site.Travel)+" away"))
	estimate := c.Estimate.String()
	if c.FirstJob {
		estimate += styleWarn.Render("  first job: invoice no more than the quote")
	}
	fieldLine("estimate", estimate)
	fieldLine("opened", c.CreatedAt.In(loc).Format("Mon 2 Jan 15:04")+" by "+safe(c.CreatedBy))
	now := d.deps.Door.Now()
	if c.AfterHours {
		fieldLine("sla", styleError.Render("an after-hours emergency"))
	}
	fieldLine("response", clockLine(c.Response, now, loc))
	fieldLine("resolution", clockLine(c.Resolution, now, loc))
	for _, e := range c.Events {
		fieldLine(string(e.Kind), styleMuted.Render(e.At.In(loc).Format("Mon 15:04")+" by "+safe(e.By)+" "+safe(ticketEventWords(e))))
	}
	if d.notice != "" {
		style := styleOK
		if d.noticeErr {
			style = styleError
		}
		add(wrapNotice(style, d.notice, width)...)
	}
	if c.ParentID != 0 {
		fieldLine("spawned", "on site from "+model.FormatID(model.PrefixTicket, c.ParentID))
	}
	add("", styleSection.Render("SCOPE"))
	wrap := lipgloss.NewStyle().Width(max(width-2, 10))
	for _, l := range strings.Split(wrap.Render(model.CleanText(c.Scope)), "\n") {
		add("  " + l)
	}
	add("", styleSection.Render(fmt.Sprintf("VISITS (%d)", len(c.Visits))))
	if len(c.Visits) == 0 {
		add(styleMuted.Render("  none yet" + map[bool]string{true: " — press s to schedule one", false: ""}[d.km.Schedule.Enabled()]))
	}
	for _, v := range c.Visits {
		add(visitLog(v, c.Estimate.Duration, now, loc, width)...)
	}
	if len(c.Requests) > 0 {
		add("", styleSection.Render(fmt.Sprintf("WHILE YOU'RE HERE (%d)", len(c.Requests))))
		for _, r := range c.Requests {
			add(fit(fmt.Sprintf("  %s  %s  %s", r.Ref(), r.AskedAt.In(loc).Format("15:04"), safe(r.What))+
				styleMuted.Render(" — asked by "+safe(r.AskedBy)+" on "+model.FormatID(model.PrefixVisit, r.VisitID)+" · ")+scopeState(r, loc, now), width))
			for _, dec := range r.Decisions {
				add(fit(styleMuted.Render("      "+dec.At.In(loc).Format("15:04")+"  "+safe(dec.Sentence())), width))
			}
		}
	}
	add("", styleSection.Render("HISTORY"))
	for _, a := range c.Audit {
		add(fit(styleMuted.Render(fmt.Sprintf("  %s  %s  %s", a.At.In(loc).Format("2006-01-02 15:04"), safe(a.Actor), a.Action)), width))
	}
	d.scroll = min(d.scroll, max(len(lines)-height, 0))
	return strings.Join(lines[d.scroll:], "\n")
}

// clockLine is an SLA clock on the ticket page: where it stands, coloured,
// with its due time and target.
func clockLine(c model.SLAClock, now time.Time, loc *time.Location) string {
	text, style := clockCell(c, true, now, loc)
	if !c.Breached && !c.AtRisk && !c.Paused && !c.Stopped && c.StartsAt.IsZero() {
		style = styleOK // on time
	}
	s := style.Render(text)
	if !c.Due.IsZero() {
		s += styleMuted.Render(" · due " + model.ClockIn(c.Due, now, loc))
	}
	return s + styleMuted.Render(" · target "+model.FormatDuration(c.Target))
}

func ticketEventWords(e model.TicketEvent) string {
	if e.Kind == model.TkPriority {
		return fmt.Sprintf("%s → %s %s", e.From, e.To, e.Note)
	}
	return e.Note
}
