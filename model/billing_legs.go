package model

import "time"

// Leg is one stretch of a finished visit between two steps: a trip out, on
// site (arrival to departure), a trip back, a spell in the shop.
type Leg struct {
	Phase    Phase // travelling, on site, returning or in shop
	From, To Event
}

// Took is the leg's length.
func (l Leg) Took() time.Duration { return l.To.At.Sub(l.From.At) }

// LegsOf reads a visit's legs from its steps. On site runs from arrival to
// departure whatever pauses fell between (the shares say what was worked).
func LegsOf(events []Event) []Leg {
	var legs []Leg
	var open *Event
	var phase Phase
	for i := range events {
		e := events[i]
		if !e.Timed() {
			continue
		}
		if open != nil {
			switch {
			case phase == PhaseTravelling && e.Kind == EvArrived,
				phase == PhaseOnSite && e.Kind == EvDeparted,
				phase == PhaseReturning && e.Kind == EvTravelEnded,
				phase == PhaseInShop && e.Kind == EvShopStopped:
				legs = append(legs, Leg{Phase: phase, From: *open, To: e})
				open = nil
			}
		}
		switch e.Kind {
		case EvTravelStarted:
			open, phase = &events[i], PhaseTravelling
		case EvArrived:
			open, phase = &events[i], PhaseOnSite
		case EvDeparted:
			open, phase = &events[i], PhaseReturning
		case EvShopStarted:
			open, phase = &events[i], PhaseInShop
		}
	}
	return legs
}

// eventRefs are the refs of the events of kinds, for tracing a line.
func eventRefs(events []Event, keep func(Event) bool) []string {
	var refs []string
	for _, e := range events {
		if keep(e) {
			refs = append(refs, e.Ref())
		}
	}
	return refs
}

// within reports whether the event fell in the leg (its bounds included).
func within(e Event, l Leg) bool { return !e.At.Before(l.From.At) && !e.At.After(l.To.At) }

// TimeEntry is one stretch of a technician's time on a visit, derived from
// its steps: travelling, on site, paused, returning or in the shop.
type TimeEntry struct {
	VisitID    int64
	Tech       string
	Kind       Phase
	Start, End time.Time
}

// TimeEntries are a visit's stretches of time, one per phase between two
// steps, oldest first; a phase still running is left out (it has no end).
func TimeEntries(v Visit) []TimeEntry {
	var out []TimeEntry
	phase := PhaseScheduled
	var since time.Time
	for _, e := range v.Events {
		if !e.Timed() {
			continue
		}
		if phase.Active() && e.At.After(since) {
			out = append(out, TimeEntry{VisitID: v.ID, Tech: v.TechName, Kind: phase, Start: since, End: e.At})
		}
		phase, since = phaseAfter(phase, e.Kind), e.At
	}
	return out
}
