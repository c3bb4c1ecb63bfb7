package model

import (
	"fmt"
	"time"
)

// BusyOf is when a visit kept its technician busy: each stretch the visit
// was under way (travelling, on site, paused, returning, in the shop), an
// unfinished one running to now. A technician is in one place at a time, so
// two visits' stretches must never overlap: time would be counted twice.
func BusyOf(events []Event, now time.Time) []Interval {
	var out []Interval
	phase := PhaseScheduled
	for _, e := range events {
		if !e.Timed() {
			continue
		}
		next := phaseAfter(phase, e.Kind)
		switch {
		case !phase.Active() && next.Active():
			out = append(out, Interval{From: e.At})
		case phase.Active() && !next.Active():
			out[len(out)-1].To = e.At
		}
		phase = next
	}
	if n := len(out); n > 0 && out[n-1].To.IsZero() {
		out[n-1].To = now
	}
	return out
}

// BusyKnown is a visit's busy time as far as it is known: a visit entered
// after the fact whose last stretch is not closed yet is being entered, and
// holds its technician up to its last step entered, not up to now (its
// next step is checked when it is given).
func BusyKnown(v Visit, now time.Time) []Interval {
	busy := BusyOf(v.Events, now)
	if n := len(busy); n > 0 && v.AfterTheFact && v.Phase().Active() {
		busy[n-1].To = PhaseSince(v.Events).Add(time.Second)
	}
	return busy
}

// CheckNoClash says whether a visit's busy time overlaps another visit of
// the same technician, naming the clash so it can be put right.
func CheckNoClash(v Visit, others []Visit, now time.Time, loc *time.Location) error {
	mine := BusyKnown(v, now)
	for _, o := range others {
		if o.ID == v.ID {
			continue
		}
		for _, a := range mine {
			for _, b := range BusyKnown(o, now) {
				if a.From.Before(b.To) && b.From.Before(a.To) {
					return Conflict{Msg: fmt.Sprintf("%s would be on %s %s–%s while on %s %s–%s: a technician is in one place at a time; "+
						"check both visits' times (visit show %s, visit show %s)", v.TechName, v.Ref(), ClockIn(a.From, now, loc),
						ClockIn(a.To, now, loc), o.Ref(), ClockIn(b.From, now, loc), ClockIn(b.To, now, loc), v.Ref(), o.Ref())}
				}
			}
		}
	}
	return nil
}
