package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"dispatch/model"
	"dispatch/model/door"
)

func (m *myDayPage) view(width, height int) string {
	now := m.deps.Door.Now()
	var out []string
	out = append(out, fit(m.summary(), width))
	if m.err != nil {
		out = append(out, styleError.Render(fit("cannot read your day: "+m.err.Error(), width)))
	}
	c, ok := m.current()
	if !ok {
		out = append(out, "", styleMuted.Render(fit("  No visits booked for you today. Press b for the board.", width)))
		return strings.Join(out, "\n")
	}
	m.syncKeys()
	out = append(out, strings.Split(m.bigCard(c, now, width), "\n")...)
	out = append(out, m.prompt(c, now, width)...)
	if m.notice != "" {
		style := styleError
		if m.noticeOK {
			style = styleOK
		}
		out = append(out, wrapNotice(style, m.notice, width)...)
	}
	room := height - len(out) - 2
	if room < 1 {
		return strings.Join(out, "\n")
	}
	cols := dayColumns(width)
	out = append(out, styleSection.Render(fit("TODAY", width)), styleMuted.Render(fit(cols.header(), width)))
	start := max(0, min(m.cursor-room/2, len(m.cards)-room))
	for i := start; i < min(start+room, len(m.cards)); i++ {
		out = append(out, m.dayRow(m.cards[i], cols, i == m.cursor, now, width))
	}
	return strings.Join(out, "\n")
}

func (m *myDayPage) summary() string {
	var done, under, toGo int
	for _, c := range m.cards {
		switch p := c.Phase(); {
		case p == model.PhaseFinished:
			done++
		case p.Active():
			under++
		default:
			toGo++
		}
	}
	day := m.deps.Door.Now().In(m.deps.Door.Location()).Format("Mon 2 Jan")
	return styleHeader.Render("My day") + styleMuted.Render(fmt.Sprintf("  %s · %d visits: %d done, %d under way, %d to go",
		day, len(m.cards), done, under, toGo))
}

// bigCard is the selected visit drawn large: its phase and timer, the job,
// the place, the last step, every phase's time and the estimate.
func (m *myDayPage) bigCard(c door.VisitCard, now time.Time, width int) string {
	inner := max(min(width, 110)-4, 20)
	loc := m.deps.Door.Location()
	phase := c.Phase()
	times := model.TimesOf(c.Events, now)
	shares := model.AttributeOnSite(c.Events, now)
	tag := map[bool]string{true: "NOW", false: "NEXT"}[phase.Active()]
	if phase == model.PhaseFinished {
		tag = "DONE"
	}
	head := styleTitle.Render(tag) + "  " + c.Ref() + "  " + phaseStyle(phase).Bold(true).Render(strings.ToUpper(string(phase)))
	if phase.Active() {
		head += "  " + phaseStyle(phase).Bold(true).Render(stopwatch(now.Sub(model.PhaseSince(c.Events))))
	} else if phase == model.PhaseScheduled {
		head += styleMuted.Render("  booked for " + c.ScheduledAt.In(loc).Format("15:04"))
	}
	lines := []string{
		head,
		styleHeader.Render(safe(c.Ticket.Title)) + styleMuted.Render("  "+c.Ticket.Ref()+" ") + priorityStyle[c.Ticket.Priority].Render(c.Ticket.Priority.String()),
		safe(c.Client) + styleMuted.Render(" · "+safe(c.Site.Name)+", "+safe(c.Site.Address)+" · "+model.FormatDuration(c.Site.Travel)+" away"),
		styleMuted.Render(lastStep(c.Visit, loc)),
		fmt.Sprintf("%s %s  %s %s  %s %s  %s %s",
			styleMuted.Render("travel"), styleTravel.Render(stopwatch(times.Travel)),
			styleMuted.Render("on site"), styleOK.Render(stopwatch(times.OnSite)),
			styleMuted.Render("shop"), styleShop.Render(stopwatch(times.Shop)),
			styleMuted.Render("total"), styleHeader.Render(stopwatch(times.Total()))),
		styleMuted.Render("estimate ") + estimateBar(shares[0], c.Ticket.Estimate.Duration, inner-9),
	}
	lines = append(lines, workLines(c, shares, loc, now)...)
	for i := range lines {
		lines[i] = fit(lines[i], inner)
	}
	return styleBox.Render(strings.Join(lines, "\n"))
}

// lastStep says what happened last in the words of the log.
func lastStep(v model.Visit, loc *time.Location) string {
	var last *model.Event
	for i := range v.Events {
		if v.Events[i].Timed() {
			last = &v.Events[i]
		}
	}
	if last == nil {
		return "not started · press t when you set off"
	}
	s := last.Kind.Label() + " at " + last.At.In(loc).Format("15:04")
	switch last.Kind {
	case model.EvArrived:
		s = "checked in with " + safe(last.ContactName) + " at " + last.At.In(loc).Format("15:04")
	case model.EvDeparted:
		s = "checked out with " + safe(last.ContactName) + " at " + last.At.In(loc).Format("15:04")
	}
	if last.Late() {
		s += " (entered " + last.RecordedAt.In(loc).Format("15:04") + ")"
	}
	return s
}

type dayCols struct{ client, site, job, state int }

func dayColumns(width int) dayCols {
	c := dayCols{client: 14, site: 11, state: 16}
	if width >= 120 {
		c.client, c.site = 22, 18
	}
	c.job = max(width-(2+5+1+6+1+c.client+1+c.site+1+6+1+c.state+1), 8)
	return c
}

func (c dayCols) header() string {
	return "  " + fit("TIME", 5) + " " + fit("VISIT", 6) + " " + fit("CLIENT", c.client) + " " + fit("SITE", c.site) + " " +
		fit("TRAVEL", 6) + " " + fit("JOB", c.job) + " " + fit("STATE", c.state)
}

func (m *myDayPage) dayRow(c door.VisitCard, cols dayCols, selected bool, now time.Time, width int) string {
	phase := c.Phase()
	state := string(phase)
	if phase.Active() {
		state = boardPhase[phase] + " " + stopwatch(now.Sub(model.PhaseSince(c.Events)))
	}
	cells := []string{
		fit(c.ScheduledAt.In(m.deps.Door.Location()).Format("15:04"), 5), fit(c.Ref(), 6), fit(safe(c.Client), cols.client),
		fit(safe(c.Site.Name), cols.site), fit(model.FormatDuration(c.Site.Travel), 6), fit(safe(c.Ticket.Title), cols.job),
	}
	if selected {
		return styleSelected.Render(fit("▸ "+strings.Join(cells, " ")+" "+fit(state, cols.state), width))
	}
	return fit("  "+strings.Join(cells, " ")+" "+phaseStyle(phase).Render(fit(state, cols.state)), width)
}

// wrapNotice wraps a message whole: its second half says what to do.
func wrapNotice(style lipgloss.Style, msg string, width int) []string {
	var out []string
	for _, l := range strings.Split(lipgloss.NewStyle().Width(max(width-2, 10)).Render(safe(msg)), "\n") {
		out = append(out, style.Render(strings.TrimRight(l, " ")))
	}
	return out
}

// workLines show what is worked on when add-ons exist, and every request
// made on the visit with where it stands.
func workLines(c door.VisitCard, shares model.Shares, loc *time.Location, now time.Time) []string {
	if len(c.Requests) == 0 {
		return nil
	}
	working := model.WorkingOn(c.Events)
	var out []string
	if addOns := approvedAddOns(c); len(addOns) > 0 {
		parts := []string{workPart("main job", shares[0], 0, working == 0)}
		for _, r := range addOns {
			add, _ := r.AddOn()
			parts = append(parts, workPart(r.Ref(), shares[r.ID], add.Estimate, working == r.ID)) // its words are on its own line below
		}
		out = append(out, styleMuted.Render("working on ")+strings.Join(parts, styleMuted.Render(" · ")))
	}
	shown := requestsToShow(c.Requests, maxRequestLines)
	for _, r := range shown {
		// Where it stands first: a narrow screen cuts the words, not the answer.
		out = append(out, styleMuted.Render("asked ")+r.Ref()+" "+scopeState(r, loc, now)+styleMuted.Render(" · ")+safe(r.What)+styleMuted.Render(" · "+safe(r.AskedBy)))
	}
	if more := len(c.Requests) - len(shown); more > 0 {
		out = append(out, styleMuted.Render(fmt.Sprintf("… %d more settled: enter shows them all on the ticket", more)))
	}
	return out
}

// maxRequestLines keeps the card's height bounded however often a visit is
// asked for more.
const maxRequestLines = 4

// requestsToShow picks what the card lists: every request still waiting on
// someone, then the latest settled ones, up to n, oldest first.
func requestsToShow(reqs []model.ScopeRequest, n int) []model.ScopeRequest {
	keep := map[int64]bool{}
	for _, r := range reqs {
		if r.State().Open() && len(keep) < n {
			keep[r.ID] = true
		}
	}
	for i := len(reqs) - 1; i >= 0 && len(keep) < n; i-- {
		keep[reqs[i].ID] = true
	}
	var out []model.ScopeRequest
	for _, r := range reqs {
		if keep[r.ID] {
			out = append(out, r)
		}
	}
	return out
}

func workPart(label string, d, estimate time.Duration, current bool) string {
	s := label + " " + stopwatch(d)
	if estimate > 0 {
		s += "/" + model.FormatDuration(estimate)
	}
	if current {
		return styleOK.Bold(true).Render("▶ " + s)
	}
	return s
}

// scopeState says where a request stands in the technician's words.
func scopeState(r model.ScopeRequest, loc *time.Location, now time.Time) string {
	last, _ := r.Last()
	switch r.State() {
	case model.ScopeAsked:
		return styleWarn.Render("undecided: press h")
	case model.ScopeAwaiting:
		return styleWarn.Render("waiting for the office (first job)")
	case model.ScopeRefused:
		return styleError.Render("refused by " + safe(last.By) + ": press h to make it a ticket or decline")
	case model.ScopeApproved:
		return styleOK.Render("add-on, approved " + model.ClockIn(last.At, now, loc))
	case model.ScopeNewTicket:
		return styleMuted.Render("new ticket " + model.FormatID(model.PrefixTicket, last.TicketID))
	}
	return styleMuted.Render("declined: " + safe(last.Reason))
}

// prompt is the estimate prompt, drawn under the card until it is answered:
// ignoring it does not make it go away.
func (m *myDayPage) prompt(c door.VisitCard, now time.Time, width int) []string {
	due := m.promptDue(c)
	if due == model.EstimateNone {
		return nil
	}
	main := model.AttributeOnSite(c.Events, now)[0]
	ratio, _ := model.AgainstEstimate(main, c.Ticket.Estimate.Duration)
	style, what := styleWarn, "nearly at"
	if due == model.EstimateOver {
		style, what = styleError, "past"
	}
	msg := fmt.Sprintf("⚑ %s the %s estimate (%d%%): tell %s now. c told them, carrying on · s told them, stopping here · u couldn't reach anyone",
		what, model.FormatDuration(c.Ticket.Estimate.Duration), int(ratio*100), model.Approvers(c.Contacts))
	return wrapNotice(style.Bold(true), msg, width)
}
