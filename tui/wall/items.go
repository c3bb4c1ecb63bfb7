package wall

import (
	"fmt"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"dispatch/model"
	"dispatch/tui/draw"
	"dispatch/tui/theme"
)

// styleNew marks something that needs attention and appeared while the wall
// was up: reversed edge to edge, so it stands out without colour too.
var styleNew = lipgloss.NewStyle().Reverse(true).Bold(true)

// seg is a piece of a line with its style; a highlighted line drops the
// styles and is reversed whole.
type seg struct {
	text string
	st   lipgloss.Style
}

func plain(s string) seg { return seg{text: s} }

func joinSegs(segs []seg, bare bool) string {
	out := ""
	for _, s := range segs {
		if bare {
			out += s.text
		} else {
			out += s.st.Render(s.text)
		}
	}
	return out
}

// spread lays left at the start and right at the end of exactly w cells,
// cutting left first.
func spread(left, right []seg, w int, hl bool) string {
	r := joinSegs(right, hl)
	rw := ansi.StringWidth(r)
	var s string
	if rw+2 > w {
		s = draw.Fit(joinSegs(left, hl), w)
	} else {
		s = draw.Fit(joinSegs(left, hl), w-rw-1) + " " + r
	}
	if hl {
		return styleNew.Render(s)
	}
	return s
}

// attentionItem is one thing on the wall that needs someone.
type attentionItem struct {
	key   string
	kind  string
	style lipgloss.Style
	row   model.BoardRow
	call  *model.MeetingCall // a call owed about a meeting, instead of a row
}

// listedItems shares each wall's list among every wall session: a busy
// office has thousands of broken promises, and every wall looks at them
// after every change.
var listedItems = draw.NewCache[*model.Wall, []attentionItem](64)

// attentionItems lists what needs someone, most urgent first: what keeps a
// technician waiting on site (a decision for a supervisor, a contact to
// reach), overruns the contact has not heard of, broken promises, then
// promises running low, then calls owed about meetings. The list is shared:
// never change it.
func attentionItems(w *model.Wall) []attentionItem {
	return listedItems.Get(w, func() []attentionItem { return listAttention(w) })
}

func listAttention(w *model.Wall) []attentionItem {
	var out []attentionItem
	for _, r := range w.Waiting {
		kind := "APPROVE"
		if r.Alert {
			kind = "CALL"
		}
		out = append(out, attentionItem{r.Key(), kind, theme.Error.Bold(true), r, nil})
	}
	for _, r := range w.Overruns {
		out = append(out, attentionItem{"over " + r.Ticket.Ref(), "OVER EST.", theme.Error, r, nil})
	}
	for _, r := range w.Breached {
		out = append(out, attentionItem{"breached " + r.Ticket.Ref(), "BREACHED", theme.Error.Bold(true), r, nil})
	}
	for _, r := range w.AtRisk {
		out = append(out, attentionItem{"at risk " + r.Ticket.Ref(), "AT RISK", theme.Warn, r, nil})
	}
	for i := range w.Calls {
		c := &w.Calls[i]
		it := attentionItem{key: "plan " + model.FormatID(model.PrefixClient, c.ClientID), kind: "1ST MTG", style: theme.Warn, call: c}
		if c.Meeting != nil {
			it.key, it.kind = "confirm "+c.Meeting.Ref(), "CONFIRM"
		}
		if c.Overdue {
			it.style = theme.Error
		}
		out = append(out, it)
	}
	return out
}

// attentionLine draws an item in one line of w cells: what, which, for
// whom, and how it stands at the end.
func attentionLine(it attentionItem, hl bool, w int, now time.Time, loc *time.Location) string {
	mark := "  "
	if hl {
		mark = "● "
	}
	if c := it.call; c != nil {
		ref := model.FormatID(model.PrefixClient, c.ClientID)
		what := "plan a first meeting by " + model.FirstMeetingBy(c.FirstJob).In(loc).Format("Mon 2 Jan")
		detail := "first job " + c.FirstJob.In(loc).Format("2 Jan")
		if m := c.Meeting; m != nil {
			ref, what = m.Ref(), fmt.Sprintf("confirm the %s meeting of %s", m.Kind, m.At.In(loc).Format("Mon 2 Jan 15:04"))
			detail = "invited " + m.InvitedAt.In(loc).Format("2 Jan")
		}
		left := []seg{plain(mark), {fmt.Sprintf("%-10s", it.kind), it.style}, {fmt.Sprintf("%-7s", ref), theme.Muted},
			plain(" "), {draw.Safe(c.Client), theme.Header}, plain(" · " + what)}
		return spread(left, []seg{{detail, it.style}}, w, hl)
	}
	r := it.row
	ref, what, detail := r.Ticket.Ref(), draw.Safe(r.Ticket.Title), ""
	switch {
	case r.Scope != nil:
		ref, what = r.Scope.Ref(), "add-on: "+draw.Safe(r.Scope.What)
		detail = fmt.Sprintf("%s · %s", draw.Safe(r.Tech), model.FormatAge(r.Age))
	case r.Alert:
		ref, what = r.Visit.Ref(), "could not reach the contact about the estimate"
		detail = fmt.Sprintf("%s · %s", draw.Safe(r.Tech), model.FormatAge(r.Age))
	case it.kind == "OVER EST.":
		detail = draw.Safe(r.Tech) + " · contact not told"
	default:
		detail = r.Clock.Describe(now, loc)
	}
	left := []seg{plain(mark), {fmt.Sprintf("%-10s", it.kind), it.style}, {fmt.Sprintf("%-7s", ref), theme.Muted},
		plain(" "), {r.Ticket.Priority.String() + " ", theme.Priority[r.Ticket.Priority]},
		{draw.Safe(r.Client), theme.Header}, plain(" · " + what)}
	return spread(left, []seg{{detail, it.style}}, w, hl)
}

// techLines draws a technician in one line, or in three with the estimate
// bar and the day's tally when there is room.
func techLines(t model.TechNow, w int, tall bool, now time.Time, loc *time.Location) []string {
	state, where, timer := techState(t, !tall, now, loc) // tall, the day's tally has a line of its own
	name := []seg{{fmt.Sprintf("%-16s", ansi.Truncate(draw.Safe(t.Name), 15, "…")), theme.Header}, {fmt.Sprintf("%-8s", state), theme.Phase(t.Phase)}}
	if !tall {
		return []string{spread(append(name, plain(where)), []seg{{timer, theme.Phase(t.Phase)}}, w, false)}
	}
	lines := []string{spread(name, []seg{{timer, theme.Phase(t.Phase).Bold(true)}}, w, false), draw.Fit("  "+where, w)}
	third := theme.Muted.Render(fmt.Sprintf("  today %d done · on site %s · travel %s", t.DoneToday,
		hoursText(t.HoursToday.OnSite), hoursText(t.HoursToday.Travel)))
	if t.Visit != nil && (t.Phase == model.PhaseOnSite || t.Phase == model.PhasePaused) && t.Ticket.Estimate.Duration > 0 {
		third = "  " + draw.EstimateBar(model.MainOnSite(t.Visit.Events, now), t.Ticket.Estimate.Duration, min(w-2, 60))
	}
	return append(lines, draw.Fit(third, w))
}

// techState names what a technician is doing, where, and for how long, to
// the minute: visits last hours, and a wall of second counters ticking is
// noise across a room and bytes down every wall's connection.
func techState(t model.TechNow, withTally bool, now time.Time, loc *time.Location) (state, where, timer string) {
	if t.Free() {
		where = "nothing booked for the rest of today"
		if t.Next != nil {
			where = fmt.Sprintf("next %s %s", t.Next.ScheduledAt.In(loc).Format("15:04"), draw.Safe(t.NextClient))
		}
		if t.DoneToday > 0 && withTally {
			where += fmt.Sprintf(" · %d done today", t.DoneToday)
		}
		return "free", where, ""
	}
	job := draw.Safe(t.Client) + " · " + draw.Safe(t.Ticket.Title)
	switch t.Phase {
	case model.PhaseTravelling:
		state, where = "TRAVEL", "→ "+job
	case model.PhaseReturning:
		state, where = "RETURN", "← from "+draw.Safe(t.Client)
	case model.PhaseOnSite:
		state, where = "ON SITE", job
	case model.PhasePaused:
		state, where = "PAUSED", job
	case model.PhaseInShop:
		state, where = "IN SHOP", job
	}
	return state, where, hoursText(now.Sub(t.Since))
}

// hoursText shows worked hours as hours and minutes, never days: "41h 05m".
func hoursText(d time.Duration) string {
	d = d.Truncate(time.Minute)
	return fmt.Sprintf("%dh %02dm", int(d/time.Hour), int(d%time.Hour/time.Minute))
}
