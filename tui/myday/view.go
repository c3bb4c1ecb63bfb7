package myday

import (
	"fmt"
	"strings"
	"time"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/tui/draw"
	"dispatch/tui/theme"
)

// drawnDays shares a drawn day among a technician's sessions: each of them
// wakes on the same change and ticks on the same second, and draws the same
// thing unless one has moved its cursor or holds a notice.
var drawnDays = draw.NewCache[dayKey, string](512)

// dayKey is everything the drawing of a day depends on.
type dayKey struct {
	cards         *door.VisitCard // the first of the day's cards: the door shares one read of a day, never changed
	count, cursor int
	notice, err   string
	noticeOK      bool
	second        time.Time // timers are drawn to the second
	zone          *time.Location
	width, height int
}

func (m *Day) View(width, height int) string {
	m.syncKeys() // a prompt falls due as the clock runs
	m.notice = m.fade.Keep(m.notice, m.deps.Door.Now())
	if len(m.cards) == 0 {
		return m.draw(m.deps.Door.Now(), width, height)
	}
	k := dayKey{cards: &m.cards[0], count: len(m.cards), cursor: m.cursor, notice: m.notice, noticeOK: m.noticeOK,
		second: m.deps.Door.Now().Truncate(time.Second), zone: m.deps.Door.Location(), width: width, height: height}
	if m.err != nil {
		k.err = m.err.Error()
	}
	return drawnDays.Get(k, func() string { return m.draw(k.second, width, height) })
}

// draw draws the day as of now.
func (m *Day) draw(now time.Time, width, height int) string {
	var out []string
	out = append(out, draw.Fit(m.summary(now), width))
	if m.err != nil {
		out = append(out, theme.Error.Render(draw.Fit("cannot read your day: "+m.err.Error(), width)))
	}
	c, ok := m.current()
	if !ok {
		out = append(out, "", theme.Muted.Render(draw.Fit("  No visits booked for you today. Press b for the board.", width)))
		return strings.Join(out, "\n")
	}
	out = append(out, strings.Split(m.bigCard(c, now, width), "\n")...)
	out = append(out, m.prompt(c, now, width)...)
	if m.notice != "" {
		style := theme.Error
		if m.noticeOK {
			style = theme.OK
		}
		out = append(out, draw.WrapNotice(style, m.notice, width)...)
	}
	room := height - len(out) - 2
	if room < 1 {
		return strings.Join(out, "\n")
	}
	cols := dayColumns(width)
	out = append(out, theme.Section.Render(draw.Fit("TODAY", width)), theme.Muted.Render(draw.Fit(cols.header(), width)))
	start := max(0, min(m.cursor-room/2, len(m.cards)-room))
	for i := start; i < min(start+room, len(m.cards)); i++ {
		out = append(out, m.dayRow(m.cards[i], cols, i == m.cursor, now, width))
	}
	return strings.Join(out, "\n")
}

func (m *Day) summary(now time.Time) string {
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
	day := now.In(m.deps.Door.Location()).Format("Mon 2 Jan")
	visits := "visits"
	if len(m.cards) == 1 {
		visits = "visit"
	}
	return theme.Header.Render("My day") + theme.Muted.Render(fmt.Sprintf("  %s · %d %s: %d done, %d under way, %d to go",
		day, len(m.cards), visits, done, under, toGo))
}

// bigCard is the selected visit drawn large: its phase and timer, the job,
// the place, the last step, every phase's time and the estimate.
func (m *Day) bigCard(c door.VisitCard, now time.Time, width int) string {
	inner := max(min(width, 110)-4, 20)
	loc := m.deps.Door.Location()
	phase := c.Phase()
	times := model.TimesOf(c.Events, now)
	shares := model.AttributeOnSite(c.Events, now)
	tag := map[bool]string{true: "NOW", false: "NEXT"}[phase.Active()]
	if phase == model.PhaseFinished {
		tag = "DONE"
	}
	head := theme.Title.Render(tag) + "  " + c.Ref() + "  " + theme.Phase(phase).Bold(true).Render(strings.ToUpper(string(phase)))
	if phase.Active() {
		head += "  " + theme.Phase(phase).Bold(true).Render(draw.Stopwatch(now.Sub(model.PhaseSince(c.Events))))
	} else if phase == model.PhaseScheduled {
		head += theme.Muted.Render("  booked for " + c.ScheduledAt.In(loc).Format("15:04"))
	}
	lines := []string{
		head,
		theme.Header.Render(draw.Safe(c.Ticket.Title)) + theme.Muted.Render("  "+c.Ticket.Ref()+" ") + theme.Priority[c.Ticket.Priority].Render(c.Ticket.Priority.String()),
		draw.Safe(c.Client) + theme.Muted.Render(" · "+draw.Safe(c.Site.Name)+", "+draw.Safe(c.Site.Address)+" · "+model.FormatDuration(c.Site.Travel)+" away"),
		theme.Muted.Render(lastStep(c.Visit, loc)),
		fmt.Sprintf("%s %s  %s %s  %s %s  %s %s",
			theme.Muted.Render("travel"), theme.Travel.Render(draw.Stopwatch(times.Travel)),
			theme.Muted.Render("on site"), theme.OK.Render(draw.Stopwatch(times.OnSite)),
			theme.Muted.Render("shop"), theme.Shop.Render(draw.Stopwatch(times.Shop)),
			theme.Muted.Render("total"), theme.Header.Render(draw.Stopwatch(times.Total()))),
		theme.Muted.Render("estimate ") + draw.EstimateBar(shares[0], c.Ticket.Estimate.Duration, inner-9),
	}
	lines = append(lines, workLines(c, shares, loc, now)...)
	for i := range lines {
		lines[i] = draw.Fit(lines[i], inner)
	}
	return theme.Box.Render(strings.Join(lines, "\n"))
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
		s = "checked in with " + draw.Safe(last.ContactName) + " at " + last.At.In(loc).Format("15:04")
	case model.EvDeparted:
		s = "checked out with " + draw.Safe(last.ContactName) + " at " + last.At.In(loc).Format("15:04")
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
	return "  " + draw.Fit("TIME", 5) + " " + draw.Fit("VISIT", 6) + " " + draw.Fit("CLIENT", c.client) + " " + draw.Fit("SITE", c.site) + " " +
		draw.Fit("TRAVEL", 6) + " " + draw.Fit("JOB", c.job) + " " + draw.Fit("STATE", c.state)
}

func (m *Day) dayRow(c door.VisitCard, cols dayCols, selected bool, now time.Time, width int) string {
	phase := c.Phase()
	state := string(phase)
	if phase.Active() {
		state = draw.PhaseWord[phase] + " " + draw.Stopwatch(now.Sub(model.PhaseSince(c.Events)))
	}
	cells := []string{
		draw.Fit(c.ScheduledAt.In(m.deps.Door.Location()).Format("15:04"), 5), draw.Fit(c.Ref(), 6), draw.Fit(draw.Safe(c.Client), cols.client),
		draw.Fit(draw.Safe(c.Site.Name), cols.site), draw.Fit(model.FormatDuration(c.Site.Travel), 6), draw.Fit(draw.Safe(c.Ticket.Title), cols.job),
	}
	if selected {
		return theme.Selected.Render(draw.Fit("▸ "+strings.Join(cells, " ")+" "+draw.Fit(state, cols.state), width))
	}
	return draw.Fit("  "+strings.Join(cells, " ")+" "+theme.Phase(phase).Render(draw.Fit(state, cols.state)), width)
}

// prompt is the estimate prompt, drawn under the card until it is answered:
// ignoring it does not make it go away.
func (m *Day) prompt(c door.VisitCard, now time.Time, width int) []string {
	due := promptDue(c, now)
	if due == model.EstimateNone {
		return nil
	}
	main := model.AttributeOnSite(c.Events, now)[0]
	ratio, _ := model.AgainstEstimate(main, c.Ticket.Estimate.Duration)
	style, what := theme.Warn, "nearly at"
	if due == model.EstimateOver {
		style, what = theme.Error, "past"
	}
	msg := fmt.Sprintf("⚑ %s the %s estimate (%d%%): tell %s now. c told them, carrying on · s told them, stopping here · u couldn't reach anyone",
		what, model.FormatDuration(c.Ticket.Estimate.Duration), int(ratio*100), model.Approvers(c.Contacts))
	return draw.WrapNotice(style.Bold(true), msg, width)
}
