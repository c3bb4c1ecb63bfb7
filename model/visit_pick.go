package model

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// VisitFor picks the visit a step of this kind applies to when a
// technician names none: the one of their visits where it makes sense now.
// Setting off goes to the next booked start, and starting shop work to the
// visit last back; every other step to the visit under way that allows it
// (a note, an on-site request or an answer: the one under way). Where two
// could be meant, it refuses and lists them, rather than guess.
func VisitFor(kind EventKind, visits []Visit, loc *time.Location, now time.Time) (Visit, error) {
	var fits []Visit
	for _, v := range visits {
		if fitsStep(kind, v.Phase()) {
			fits = append(fits, v)
		}
	}
	switch kind {
	case EvTravelStarted:
		sort.SliceStable(fits, func(i, j int) bool { return fits[i].ScheduledAt.Before(fits[j].ScheduledAt) })
		fits = sameAs(fits, func(v Visit) time.Time { return v.ScheduledAt })
	case EvShopStarted:
		sort.SliceStable(fits, func(i, j int) bool { return PhaseSince(fits[i].Events).After(PhaseSince(fits[j].Events)) })
		fits = sameAs(fits, func(v Visit) time.Time { return PhaseSince(v.Events) })
	}
	switch len(fits) {
	case 1:
		return fits[0], nil
	case 0:
		return Visit{}, FieldError{Field: "visit", Msg: fmt.Sprintf("is needed: none of your visits can %s now (%s); name one, like V-12",
			kind.Verb(), listVisits(visits, loc, now))}
	}
	return Visit{}, FieldError{Field: "visit", Msg: fmt.Sprintf("is needed: %s could each %s now; name one of them",
		listVisits(fits, loc, now), kind.Verb())}
}

// fitsStep reports whether a visit in this phase may take the step; notes
// and side steps go to a visit under way.
func fitsStep(kind EventKind, p Phase) bool {
	if kind == EvNote || kind.Side() {
		return p.Active()
	}
	return allows(p, kind)
}

// sameAs keeps the first visit and any that share its instant: a tie.
func sameAs(sorted []Visit, at func(Visit) time.Time) []Visit {
	if len(sorted) == 0 {
		return sorted
	}
	n := 1
	for n < len(sorted) && at(sorted[n]).Equal(at(sorted[0])) {
		n++
	}
	return sorted[:n]
}

// listVisits names visits and where they stand: "V-322 booked 21:00, V-328 in shop".
func listVisits(visits []Visit, loc *time.Location, now time.Time) string {
	if len(visits) == 0 {
		return "no visit today"
	}
	var parts []string
	for _, v := range visits {
		state := string(v.Phase())
		if v.Phase() == PhaseScheduled {
			state = "booked " + ClockIn(v.ScheduledAt, now, loc)
		}
		parts = append(parts, v.Ref()+" "+state)
	}
	return strings.Join(parts, ", ")
}
