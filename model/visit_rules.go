package model

import (
	"fmt"
	"strings"
	"time"
)

// next is the visit state machine: what may be recorded in each phase.
// Notes may be added in any phase and are not listed.
var next = map[Phase][]EventKind{
	PhaseScheduled:  {EvTravelStarted},
	PhaseTravelling: {EvArrived},
	PhaseOnSite:     {EvPaused, EvDeparted},
	PhasePaused:     {EvResumed, EvDeparted},
	PhaseReturning:  {EvTravelEnded},
	PhaseFinished:   {EvShopStarted},
	PhaseInShop:     {EvShopStopped},
}

// Allowed lists what may be recorded on a visit in this phase, notes aside.
func Allowed(p Phase) []EventKind { return next[p] }

// Elsewhere says where a technician's other visit o keeps them, and what
// to do first: "travelling for V-330 (T-1038) since 08:04; arrive there
// first".
func Elsewhere(o Visit, loc *time.Location) string {
	since := PhaseSince(o.Events).In(loc).Format("15:04")
	where := fmt.Sprintf("%s (%s) since %s", o.Ref(), FormatID(PrefixTicket, o.TicketID), since)
	switch o.Phase() {
	case PhaseOnSite, PhasePaused:
		return "still on site for " + where + "; depart there first"
	case PhaseTravelling:
		return "travelling for " + where + "; arrive there first"
	}
	return fmt.Sprintf("already working in the shop on %s since %s; stop that first", o.Ref(), since)
}

// VisitsClosed reports whether a visit takes no more steps, but notes,
// because its ticket is no longer open; one still under way takes the trip
// back from a job done on site.
func VisitsClosed(t Ticket, p Phase) bool { return t.Status != TicketOpen && !p.Active() }

// KeptElsewhere reports whether a technician whose other visit stands in
// phase may not take this step on a visit: one place at a time, one trip at
// a time, no shop work while out. Setting off from the shop, or going on
// from the trip back, ends the other instead.
func KeptElsewhere(kind EventKind, other Phase) bool {
	switch {
	case kind != EvArrived && kind != EvTravelStarted && kind != EvShopStarted:
		return false
	case other == PhaseOnSite || other == PhasePaused || other == PhaseTravelling:
		return true
	}
	return other == PhaseInShop && kind == EvShopStarted
}

// Verb is the action as a user says it: "arrive", "start travel".
func (k EventKind) Verb() string {
	return map[EventKind]string{
		EvScheduled: "schedule", EvTravelStarted: "start travel", EvArrived: "arrive", EvPaused: "pause",
		EvResumed: "resume", EvDeparted: "depart", EvTravelEnded: "end travel", EvShopStarted: "start shop work",
		EvShopStopped: "stop shop work", EvNote: "add a note", EvWorkOn: "switch work",
		EvEstimateNear: "answer the estimate prompt", EvEstimateOver: "answer the estimate prompt",
	}[k]
}

// Label is how the log shows the event: "arrived", "travel ended".
func (k EventKind) Label() string {
	switch k {
	case EvWorkOn:
		return "switched work"
	case EvEstimateNear:
		return "near the estimate"
	case EvEstimateOver:
		return "over the estimate"
	}
	return strings.ReplaceAll(string(k), "_", " ")
}

// Noun names an event of this kind in a sentence: "the booking", "a note".
func (k EventKind) Noun() string {
	switch k {
	case EvScheduled:
		return "the booking"
	case EvMoved:
		return "a move of the booking"
	case EvCancelled:
		return "the cancellation"
	case EvNote:
		return "a note"
	case EvWorkOn:
		return "a switch of work"
	case EvEstimateNear, EvEstimateOver:
		return "an answer to the estimate prompt"
	}
	return "the step " + k.Label()
}

// NeedsContact reports whether the event names the client's contact the
// technician checked in or out with.
func (k EventKind) NeedsContact() bool { return k == EvArrived || k == EvDeparted }

// CheckEvent says whether kind may be recorded on the visit at the instant
// at, given now: the phase must allow it, and the time must be neither in the
// future nor before the visit's previous step. Times in messages are shown in
// loc, the office's zone.
func CheckEvent(v Visit, kind EventKind, at, now time.Time, loc *time.Location) error {
	if kind == EvScheduled {
		return Conflict{Msg: "a visit is scheduled once, when it is booked"}
	}
	if kind.Booking() {
		return Conflict{Msg: fmt.Sprintf("%s is moved or cancelled with visit move or visit cancel, not recorded as a step", v.Ref())}
	}
	if phases, side := sideSteps[kind]; side {
		if phase := PhaseAt(v.Events, at); !phaseIn(phase, phases) { // as it stood then: entered late, it may be over since
			return Conflict{Msg: fmt.Sprintf("cannot record %s: %s was %s at %s", kind.Label(), v.Ref(), phase, ClockIn(at, now, loc))}
		}
	} else if kind != EvNote {
		phase := v.Phase()
		if !allows(phase, kind) {
			return Conflict{Msg: fmt.Sprintf("cannot %s: %s is %s; %s", kind.Verb(), v.Ref(), phase, whatNow(phase))}
		}
	}
	if at.After(now) {
		return FieldError{Field: "at", Msg: fmt.Sprintf("%s is in the future (it is %s now); give the time it happened",
			ClockIn(at, now, loc), ClockIn(now, now, loc))}
	}
	if prev := lastBefore(v.Events, kind); prev != nil && at.Before(prev.At) {
		return FieldError{Field: "at", Msg: fmt.Sprintf("is before the visit's last step (%s at %s); give a time from then on",
			prev.Kind.Label(), ClockIn(prev.At, now, loc))}
	}
	return nil
}

// ClockIn shows an instant as a time of day in loc, with the date when it
// is not on now's day: "12:45", "Nov 24 17:30".
func ClockIn(t, now time.Time, loc *time.Location) string {
	if t.In(loc).Format("2006-01-02") == now.In(loc).Format("2006-01-02") {
		return t.In(loc).Format("15:04")
	}
	return t.In(loc).Format("Jan 2 15:04")
}

// CheckFix says whether event id may be moved to at: it must be a step of the
// visit (not a note or the booking), keep its place between the steps before
// and after it, not be in the future, and come with a reason.
func CheckFix(v Visit, id int64, at, now time.Time, loc *time.Location, reason string) error {
	if strings.TrimSpace(reason) == "" {
		return FieldError{Field: "reason", Msg: "is empty; say why the time was wrong (it stays in the log)"}
	}
	i := indexOf(v.Events, id)
	if i < 0 {
		return NotFound{What: "event", Key: FormatID(PrefixEvent, id), Hint: "see: visit show " + v.Ref()}
	}
	e := v.Events[i]
	if !e.Timed() {
		return Conflict{Msg: fmt.Sprintf("%s is %s, not a step; only the visit's steps (travel, arrival, …) have times to correct", e.Ref(), e.Kind.Noun())}
	}
	if at.After(now) {
		return FieldError{Field: "at", Msg: "is in the future; give the time it really happened"}
	}
	for j := i - 1; j >= 0; j-- {
		if p := v.Events[j]; p.Timed() {
			if at.Before(p.At) {
				return FieldError{Field: "at", Msg: fmt.Sprintf("is before the step it follows (%s at %s); the order of steps cannot change",
					p.Kind.Label(), ClockIn(p.At, now, loc))}
			}
			break
		}
	}
	for _, n := range v.Events[i+1:] {
		if n.Timed() {
			if at.After(n.At) {
				return FieldError{Field: "at", Msg: fmt.Sprintf("is after the step that follows (%s at %s); the order of steps cannot change",
					n.Kind.Label(), ClockIn(n.At, now, loc))}
			}
			break
		}
	}
	return nil
}

// lastBefore is the event a new event of this kind must not precede: the
// last step for a step; for a side step, the last of its own family (a
// switch of work cannot slip in before the previous switch, nor an answer
// before the previous answer). A side step entered late may fall before
// later steps: the phase it fell in is checked instead. Notes go anywhere.
func lastBefore(events []Event, kind EventKind) *Event {
	if kind == EvNote {
		return nil
	}
	if !kind.Side() {
		return lastTimed(events)
	}
	family := func(k EventKind) bool {
		if kind == EvWorkOn {
			return k == EvWorkOn
		}
		return k == EvEstimateNear || k == EvEstimateOver
	}
	for i := len(events) - 1; i >= 0; i-- {
		if family(events[i].Kind) {
			return &events[i]
		}
	}
	return nil
}

func phaseIn(p Phase, phases []Phase) bool {
	for _, q := range phases {
		if q == p {
			return true
		}
	}
	return false
}

func allows(p Phase, k EventKind) bool {
	for _, a := range next[p] {
		if a == k {
			return true
		}
	}
	return false
}

// whatNow tells the user what can be recorded instead.
func whatNow(p Phase) string {
	verbs := []string{}
	for _, k := range next[p] {
		verbs = append(verbs, k.Verb())
	}
	if len(verbs) == 0 {
		return "nothing more can be recorded on it but notes"
	}
	return "now you can " + strings.Join(verbs, " or ")
}

func indexOf(events []Event, id int64) int {
	for i, e := range events {
		if e.ID == id {
			return i
		}
	}
	return -1
}

// Sentence is the event as the log reads it, without its time: "arrived,
// checked in with Dana Ruiz", "note: …", "paused — entered by Rita Gomez"
// when someone entered it on the technician's behalf. A booked start is
// shown in loc, the office's zone.
func (e Event) Sentence(tech string, loc *time.Location) string {
	s := e.Kind.Label()
	switch e.Kind {
	case EvScheduled:
		return "booked by " + e.By
	case EvMoved:
		s = fmt.Sprintf("moved to %s with %s by %s", e.BookedFor.In(loc).Format("Mon 2 Jan 15:04"), e.TechName, e.By)
		if e.Note != "" {
			s += ": " + e.Note
		}
		return s
	case EvCancelled:
		return "cancelled by " + e.By + ": " + e.Note
	case EvArrived:
		s += ", checked in with " + e.ContactName
	case EvDeparted:
		s += ", checked out with " + e.ContactName
	case EvWorkOn:
		s = "back on the main job"
		if e.ScopeID != 0 {
			s = "working on add-on " + FormatID(PrefixScope, e.ScopeID)
		}
	case EvEstimateNear, EvEstimateOver:
		s += ": " + e.Answer.Describe()
	}
	if e.Note != "" {
		s += ": " + e.Note
	}
	if e.By != tech {
		s += " — entered by " + e.By
	}
	return s
}
