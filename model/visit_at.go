package model

import (
	"fmt"
	"time"
)

// CheckOnSiteAt says whether something done on site (a request asked, an
// add-on agreed) may be recorded at an instant: not in the future, and
// while the visit was on site then. Entered late, the visit may have
// moved on since; what matters is where it stood at that time.
func CheckOnSiteAt(v Visit, at, now time.Time, loc *time.Location, what string) error {
	if at.After(now) {
		return FieldError{Field: "at", Msg: fmt.Sprintf("%s is in the future (it is %s now); give the time it happened",
			ClockIn(at, now, loc), ClockIn(now, now, loc))}
	}
	if phase := PhaseAt(v.Events, at); phase != PhaseOnSite && phase != PhasePaused {
		return Conflict{Msg: fmt.Sprintf("%s was %s at %s; %s is recorded while on site (%s)", v.Ref(), phase,
			ClockIn(at, now, loc), what, onSiteSpans(v, now, loc))}
	}
	return nil
}

// onSiteSpans says when the visit was on site: "on site 12:45–15:10".
func onSiteSpans(v Visit, now time.Time, loc *time.Location) string {
	var from time.Time
	for _, e := range v.Events {
		switch e.Kind {
		case EvArrived:
			from = e.At
		case EvDeparted:
			if !from.IsZero() {
				return fmt.Sprintf("it was on site %s–%s", ClockIn(from, now, loc), ClockIn(e.At, now, loc))
			}
		}
	}
	if !from.IsZero() {
		return "it has been on site since " + ClockIn(from, now, loc)
	}
	return "its arrival is not recorded yet"
}

// CheckDecisionAt says whether a decision on a request may be dated at:
// not in the future, not before it was asked, not before its last decision.
func CheckDecisionAt(r ScopeRequest, at, now time.Time, loc *time.Location) error {
	if at.After(now) {
		return FieldError{Field: "at", Msg: fmt.Sprintf("%s is in the future; give the time it was decided", ClockIn(at, now, loc))}
	}
	if at.Before(r.AskedAt) {
		return FieldError{Field: "at", Msg: fmt.Sprintf("is before %s was asked (%s); a request is decided after it is asked",
			r.Ref(), ClockIn(r.AskedAt, now, loc))}
	}
	if last, ok := r.Last(); ok && at.Before(last.At) {
		return FieldError{Field: "at", Msg: fmt.Sprintf("is before %s's last decision (%s at %s)", r.Ref(), last.Kind, ClockIn(last.At, now, loc))}
	}
	return nil
}
