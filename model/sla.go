package model

import (
	"fmt"
	"time"
)

// SLAHistory is what a ticket's clocks are computed from, nothing else:
// when it was opened (as the client called, so a late entry gets no fresh
// budget), its priorities over time, when it waited on the client, its
// first response and when it was done.
type SLAHistory struct {
	Created    time.Time
	Priorities []PriorityChange // the first is the priority it was opened with
	Waits      []Interval       // waiting on the client, in order; the last may be open
	Responded  time.Time        // a visit set off, or the requester contacted; zero if not yet
	Done       time.Time        // zero while open
	Closed     []Interval       // done or cancelled, then reopened: the resolution clock did not run
	Withdrawn  bool             // cancelled: no promise stands, kept or broken
}

// PriorityChange is a ticket's priority from an instant on.
type PriorityChange struct {
	At       time.Time
	Priority Priority
}

// Priority is the ticket's priority now.
func (h SLAHistory) Priority() Priority {
	if len(h.Priorities) == 0 {
		return P4
	}
	return h.Priorities[len(h.Priorities)-1].Priority
}

// Waiting reports whether the ticket is waiting on the client now.
func (h SLAHistory) Waiting() bool {
	return len(h.Waits) > 0 && h.Waits[len(h.Waits)-1].To.IsZero()
}

// ClockKind names the two promises.
type ClockKind string

const (
	ResponseClock   ClockKind = "response"
	ResolutionClock ClockKind = "resolution"
)

// SLAClock is one promise as it stands now.
type SLAClock struct {
	Kind       ClockKind
	Priority   Priority      // the ticket's, now
	Target     time.Duration // in counting time
	Used       time.Duration
	Left       time.Duration // negative once breached
	Breached   bool          // at any time, under any priority it had: a breach stays a breach
	BreachedAt time.Time
	Due        time.Time // when it breaches if it keeps running; zero when paused, stopped or breached
	Stopped    bool      // the response was made, or the ticket is done
	Paused     bool      // waiting on the client (resolution only)
	StartsAt   time.Time // opened outside business hours: when it starts counting, while it has not
	AtRisk     bool      // running low: under the policy's share of its target left
	Withdrawn  bool      // the ticket was cancelled: the promise no longer stands
}

// Clocks computes a ticket's response and resolution clocks as of now. The
// response clock never pauses; the resolution clock pauses while waiting on
// the client. A priority change recomputes both from the ticket's opening,
// with the pauses it had, but never clears a breach made under the earlier
// priority.
func Clocks(p Policy, loc *time.Location, h SLAHistory, now time.Time) (response, resolution SLAClock) {
	return clock(ResponseClock, p, loc, h, now), clock(ResolutionClock, p, loc, h, now)
}

func clock(kind ClockKind, p Policy, loc *time.Location, h SLAHistory, now time.Time) SLAClock {
	c := SLAClock{Kind: kind, Priority: h.Priority()}
	if h.Withdrawn {
		c.Withdrawn, c.Stopped = true, true
		return c
	}
	end, stopAt, pauses := now, h.Responded, []Interval(nil)
	if kind == ResolutionClock {
		stopAt, pauses = h.Done, unionOf(h.Waits, h.Closed)
	}
	if !stopAt.IsZero() && !stopAt.After(now) {
		end, c.Stopped = stopAt, true
	}
	span := func(pr Priority) (calendar, time.Duration) {
		t := p.Targets[pr]
		s := t.Response
		if kind == ResolutionClock {
			s = t.Resolution
		}
		return calendar{p: p, loc: loc, allDay: t.AroundTheClock}, s.Length(p)
	}
	changes := h.Priorities
	if len(changes) == 0 {
		changes = []PriorityChange{{h.Created, P4}}
	}
	last := changes[len(changes)-1]
	for i, ch := range changes[:len(changes)-1] { // earlier priorities: a breach under one stays
		segEnd := earlier(changes[i+1].At, end)
		cal, target := span(ch.Priority)
		if at, ok := cal.reach(h.Created, target, pauses, segEnd); ok && !c.Breached {
			c.Breached, c.BreachedAt = true, later(at, ch.At) // breached under it, or the moment it was set
		}
	}
	cal, target := span(last.Priority)
	c.Target = target
	var ranOut time.Time // one walk gives the time used and when the target ran out
	cal.counting(h.Created, end, pauses, func(iv Interval) bool {
		d := iv.To.Sub(iv.From)
		if ranOut.IsZero() && c.Used+d >= target {
			ranOut = iv.From.Add(target - c.Used)
		}
		c.Used += d
		return true
	})
	if !ranOut.IsZero() && !c.Breached {
		c.Breached, c.BreachedAt = true, later(ranOut, last.At)
	}
	c.Left = target - c.Used
	c.Paused = kind == ResolutionClock && !c.Stopped && h.Waiting()
	if !c.Stopped && !c.Paused && !c.Breached {
		c.Due, _ = cal.reach(now, c.Left, pauses, now.AddDate(0, 6, 0))
	}
	if !cal.allDay && c.Used == 0 { // nothing counted yet: it may not have started
		if first := cal.nextOpen(h.Created); first.After(now) {
			c.StartsAt = first
		}
	}
	c.AtRisk = !c.Breached && !c.Stopped && float64(c.Left) < p.AtRisk*float64(target)
	return c
}

// Pressing is the clock a dispatcher watches: the response until it is
// made, then the resolution until the ticket is done.
func Pressing(response, resolution SLAClock) (SLAClock, bool) {
	if !response.Stopped {
		return response, true
	}
	if !resolution.Stopped {
		return resolution, true
	}
	return SLAClock{}, false
}

// Describe says where the clock stands in a few words: "2h 10m left",
// "breached 35m ago", "waiting on client · 3h left", "starts Mon 08:00";
// never "0m", which reads as nothing at all.
func (c SLAClock) Describe(now time.Time, loc *time.Location) string {
	switch {
	case c.Withdrawn:
		return "withdrawn: the ticket was cancelled"
	case c.Breached && now.Sub(c.BreachedAt) < time.Minute:
		return "breached just now"
	case c.Breached:
		return "breached " + FormatLeft(now.Sub(c.BreachedAt)) + " ago"
	case c.Stopped:
		return "met"
	case c.Paused:
		return "paused · " + FormatLeft(c.Left) + " left"
	case !c.StartsAt.IsZero():
		return "starts " + c.StartsAt.In(loc).Format("Mon 15:04")
	case c.Left < time.Minute:
		return "under a minute left"
	}
	return FormatLeft(c.Left) + " left"
}

// FormatLeft writes time left or past compactly: "35m", "2h 10m", "3d 4h".
func FormatLeft(d time.Duration) string {
	if d < 0 {
		d = -d
	}
	d = d.Truncate(time.Minute)
	switch {
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d/time.Minute))
	case d < 24*time.Hour:
		if m := int(d % time.Hour / time.Minute); m > 0 {
			return fmt.Sprintf("%dh %dm", int(d/time.Hour), m)
		}
		return fmt.Sprintf("%dh", int(d/time.Hour))
	}
	if h := int(d % (24 * time.Hour) / time.Hour); h > 0 {
		return fmt.Sprintf("%dd %dh", int(d/(24*time.Hour)), h)
	}
	return fmt.Sprintf("%dd", int(d/(24*time.Hour)))
}

// AfterHours reports whether a ticket opened when the office was closed:
// at P1 an after-hours emergency, otherwise its clocks start at opening.
func AfterHours(p Policy, loc *time.Location, created time.Time) bool {
	return calendar{p: p, loc: loc}.nextOpen(created).After(created)
}
