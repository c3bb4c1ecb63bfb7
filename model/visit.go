package model

import (
	"fmt"
	"time"
)

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
	EvNote          EventKind = "note" // says something; changes nothing
	// The booking's own history: a move to another time or technician, and a
	// cancellation, both only before the first step.
	EvMoved     EventKind = "moved"
	EvCancelled EventKind = "cancelled"
)

// Event is one entry in a visit's log. At is when it happened; RecordedAt is
// when someone told us, so a late entry is visible as such.
type Event struct {
	ID          int64
	VisitID     int64
	Kind        EventKind
	At          time.Time // when it happened, as corrected if it was
	RecordedAt  time.Time
	By          string // who entered it: the technician, or someone on their behalf
	ContactID   int64  // arrived/departed: who the technician checked in or out with
	ContactName string
	Note        string
	ScopeID     int64         // work_on: the add-on now worked on, 0 for the main job
	Answer      OverrunAnswer // estimate_near, estimate_over: what the technician did
	Fix         *Fix          // the latest correction of At, if any
	// scheduled, moved: the technician and the start booked.
	TechID    int64
	TechName  string
	BookedFor time.Time
}

// Fix is a correction of an event's time. The event keeps its original time;
// the log shows both, and the audit every correction.
type Fix struct {
	OriginalAt time.Time
	Reason     string
	By         string
	RecordedAt time.Time
}

// Ref is the event's readable id, E-1207, used to correct its time.
func (e Event) Ref() string { return FormatID(PrefixEvent, e.ID) }

// EnteredAt is the time the event was first entered with, before any fix.
func (e Event) EnteredAt() time.Time {
	if e.Fix != nil {
		return e.Fix.OriginalAt
	}
	return e.At
}

// Late reports whether the event was entered well after the time it was
// entered with: a forgotten tap, made up for honestly.
func (e Event) Late() bool { return e.RecordedAt.Sub(e.EnteredAt()) > LateEntry }

// Timed reports whether the event moves the visit along (not a note and not
// the booking), so its time may be corrected and orders later entries.
func (e Event) Timed() bool { return e.Kind.Timed() }

// Timed reports whether events of this kind move the visit from phase to
// phase; notes, the booking and the side steps (work_on, estimate answers)
// do not.
func (k EventKind) Timed() bool {
	return k != EvNote && !k.Booking() && !k.Side()
}

// Booking reports whether events of this kind book, move or cancel the
// visit rather than record its work.
func (k EventKind) Booking() bool { return k == EvScheduled || k == EvMoved || k == EvCancelled }

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
	PhaseCancelled  Phase = "cancelled" // before its first step; kept in the log, never billed
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
		phase = phaseAfter(phase, e.Kind)
	}
	return phase
}

// phaseAfter is the phase an event leads to; notes and the booking leave
// the phase as it was.
func phaseAfter(p Phase, k EventKind) Phase {
	switch k {
	case EvTravelStarted:
		return PhaseTravelling
	case EvArrived, EvResumed:
		return PhaseOnSite
	case EvPaused:
		return PhasePaused
	case EvDeparted:
		return PhaseReturning
	case EvTravelEnded, EvShopStopped:
		return PhaseFinished
	case EvShopStarted:
		return PhaseInShop
	case EvCancelled:
		return PhaseCancelled
	}
	return p
}

// PhaseAt is the phase a visit was in at an instant: its steps up to then.
func PhaseAt(events []Event, t time.Time) Phase {
	phase := PhaseScheduled
	for _, e := range events {
		if e.At.After(t) {
			break
		}
		phase = phaseAfter(phase, e.Kind)
	}
	return phase
}

// PhaseSince is when the current phase began, or the zero time while scheduled.
func PhaseSince(events []Event) time.Time {
	if last := lastTimed(events); last != nil {
		return last.At
	}
	return time.Time{}
}

// lastTimed is the latest event that moved the visit along, or nil.
func lastTimed(events []Event) *Event {
	for i := len(events) - 1; i >= 0; i-- {
		if events[i].Timed() {
			return &events[i]
		}
	}
	return nil
}

// Visit is one trip of one technician for one ticket.
type Visit struct {
	ID          int64
	TicketID    int64
	TechID      int64
	TechName    string
	ScheduledAt time.Time
	Events      []Event
	// AfterTheFact: booked once it had happened (an emergency nobody booked,
	// a paper timesheet), its steps entered late: never late to start.
	AfterTheFact bool
}

// Ref is the visit's readable id, V-311.
func (v Visit) Ref() string { return FormatID(PrefixVisit, v.ID) }

// Phase is the visit's current phase.
func (v Visit) Phase() Phase { return PhaseOf(v.Events) }

// ValidateSchedule checks a visit's start: a booking is for now on (a
// start a few minutes gone is "now": the technician is leaving), never
// years ahead; a start in the past is always an explicit after-the-fact
// entry (afterTheFact), on any day, and then not in the future.
func ValidateSchedule(at, now time.Time, afterTheFact bool) error {
	switch {
	case at.IsZero():
		return FieldError{Field: "start", Msg: "is empty; give a start time"}
	case afterTheFact && at.After(now):
		return FieldError{Field: "start", Msg: "is still to come; book it as a visit to come, not one that already happened"}
	case afterTheFact && at.Before(now.AddDate(0, 0, -MaxAfterTheFactDays)):
		return FieldError{Field: "start", Msg: fmt.Sprintf("is more than %d days ago; too long for the log to be true to it", MaxAfterTheFactDays)}
	case !afterTheFact && at.Before(now.Add(-StartGrace)):
		return FieldError{Field: "start", Msg: "is in the past; a visit that already happened is entered as one (--past on the command line, " +
			"Past ticked in the form), then its steps at their real times"}
	case at.After(now.AddDate(1, 0, 0)):
		return FieldError{Field: "start", Msg: "is more than a year ahead; check the date"}
	}
	return nil
}

// StartGrace is how far back a booking's start may be and still mean now.
const StartGrace = 15 * time.Minute

// MaxAfterTheFactDays is how far back a visit may be entered after the fact.
const MaxAfterTheFactDays = 60

// LateEntry is how long after the fact an event may be recorded before the
// log marks it as entered late.
const LateEntry = 2 * time.Minute
