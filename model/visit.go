package model

import "time"

// EventKind is one thing that happened on a visit. A visit's truth is its
// append-only list of events; every phase and duration is derived from it.
type EventKind string

const (
	EvScheduled     EventKind = "scheduled"
	EvTravelStarted EventKind = "travel_started"
	EvArrived       EventKind = "arrived"
	EvPaused        EventKind = "paused"
	EvResumed       EventKind = "resumed"
	EvDeparted      EventKind = "departed"
	EvTravelEnded   EventKind = "travel_ended"
	EvShopStarted   EventKind = "shop_started"
	EvShopStopped   EventKind = "shop_stopped"
)

// Event is one entry in a visit's log. At is when it happened; RecordedAt is
// when someone told us, so a late entry is visible as such.
type Event struct {
	ID         int64
	VisitID    int64
	Kind       EventKind
	At         time.Time
	RecordedAt time.Time
	By         string
	ContactID  int64 // arrived/departed: who the technician checked in or out with
	Note       string
}

// Phase is where a visit stands, derived from its last event.
type Phase string

const (
	PhaseScheduled  Phase = "scheduled"
	PhaseTravelling Phase = "travelling"
	PhaseOnSite     Phase = "on site"
	PhasePaused     Phase = "paused"
	PhaseReturning  Phase = "returning"
	PhaseInShop     Phase = "in shop"
	PhaseFinished   Phase = "finished"
)

// Active reports whether the technician is working on this visit now.
func (p Phase) Active() bool {
	switch p {
	case PhaseTravelling, PhaseOnSite, PhasePaused, PhaseReturning, PhaseInShop:
		return true
	}
	return false
}

// PhaseOf derives a visit's phase from its events, oldest first.
func PhaseOf(events []Event) Phase {
	phase := PhaseScheduled
	for _, e := range events {
		switch e.Kind {
		case EvTravelStarted:
			phase = PhaseTravelling
		case EvArrived, EvResumed:
			phase = PhaseOnSite
		case EvPaused:
			phase = PhasePaused
		case EvDeparted:
			phase = PhaseReturning
		case EvTravelEnded, EvShopStopped:
			phase = PhaseFinished
		case EvShopStarted:
			phase = PhaseInShop
		}
	}
	return phase
}

// PhaseSince is when the current phase began, or the zero time while scheduled.
func PhaseSince(events []Event) time.Time {
	for i := len(events) - 1; i >= 0; i-- {
		if events[i].Kind != EvScheduled {
			return events[i].At
		}
	}
	return time.Time{}
}

// Visit is one trip of one technician for one ticket.
type Visit struct {
	ID          int64
	TicketID    int64
	TechID      int64
	TechName    string
	ScheduledAt time.Time
	Events      []Event
}

// Ref is the visit's readable id, V-311.
func (v Visit) Ref() string { return FormatID(PrefixVisit, v.ID) }

// Phase is the visit's current phase.
func (v Visit) Phase() Phase { return PhaseOf(v.Events) }

// ValidateSchedule checks a new visit's time: not in the past beyond a grace
// (a dispatcher may record a visit that began minutes ago), not years ahead.
func ValidateSchedule(at, now time.Time) error {
	switch {
	case at.IsZero():
		return FieldError{Field: "start", Msg: "is empty; give a start time"}
	case at.Before(now.Add(-12 * time.Hour)):
		return FieldError{Field: "start", Msg: "is in the past; schedule from now on (late entries come with the visit log)"}
	case at.After(now.AddDate(1, 0, 0)):
		return FieldError{Field: "start", Msg: "is more than a year ahead; check the date"}
	}
	return nil
}

// LateEntry is how long after the fact an event may be recorded before the
// log marks it as entered late.
const LateEntry = 2 * time.Minute
