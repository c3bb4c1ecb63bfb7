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
	out = append(out, strings.Split(m.bigCard(c, now, width), "\n")...)
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
		styleMuted.Render("estimate ") + estimateBar(times.OnSite, c.Ticket.Estimate.Duration, inner-9),
	}
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
