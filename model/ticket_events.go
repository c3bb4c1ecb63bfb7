package model

import (
	"fmt"
	"time"
)

// TicketEventKind is something that happened to a ticket besides its visits.
type TicketEventKind string

const (
	TkWaiting    TicketEventKind = "waiting"     // waiting on the client: the resolution clock pauses
	TkResumed    TicketEventKind = "resumed"     // the client answered: it runs again
	TkPriority   TicketEventKind = "priority"    // re-prioritised: targets recomputed from the opening
	TkContacted  TicketEventKind = "contacted"   // the requester was contacted: a response
	TkDone       TicketEventKind = "done"        // the job is finished: the resolution clock stops
	TkNeedsVisit TicketEventKind = "needs_visit" // a visit ended with work left: it waits for another
	TkCancelled  TicketEventKind = "cancelled"   // withdrawn, or a duplicate: off every list and clock
	TkReopened   TicketEventKind = "reopened"    // done or cancelled, then not: the resolution clock runs on
)

// Label is how a ticket's page names the event, in a word or two.
func (k TicketEventKind) Label() string {
	if k == TkNeedsVisit {
		return "revisit"
	}
	return string(k)
}

// TicketEvent is one of them, by name and time.
type TicketEvent struct {
	ID       int64
	TicketID int64
	Kind     TicketEventKind
	At       time.Time
	By       string
	From, To Priority // priority changes
	Note     string   // why it waits, what was said, why re-prioritised
}

// HistoryOf gathers what a ticket's SLA clocks need from the ticket, its
// events (in order) and its visits: the first response is the first contact
// recorded or the first visit set off, whichever came first.
func HistoryOf(t Ticket, events []TicketEvent, visits []Visit) SLAHistory {
	h := SLAHistory{Created: t.CreatedAt, Done: t.DoneAt}
	var closedAt time.Time // done or cancelled, until reopened
	initial := t.Priority
	for _, e := range events {
		if e.Kind == TkPriority {
			initial = e.From
			break
		}
	}
	h.Priorities = []PriorityChange{{t.CreatedAt, initial}}
	respond := func(at time.Time) {
		if h.Responded.IsZero() || at.Before(h.Responded) {
			h.Responded = at
		}
	}
	for _, e := range events {
		switch e.Kind {
		case TkWaiting:
			h.Waits = append(h.Waits, Interval{From: e.At})
		case TkResumed:
			if n := len(h.Waits); n > 0 && h.Waits[n-1].To.IsZero() {
				h.Waits[n-1].To = e.At
			}
		case TkPriority:
			h.Priorities = append(h.Priorities, PriorityChange{e.At, e.To})
		case TkContacted:
			respond(e.At)
		case TkDone, TkCancelled:
			closedAt = e.At
		case TkReopened:
			if !closedAt.IsZero() { // the time it stood closed does not count
				h.Closed = append(h.Closed, Interval{From: closedAt, To: e.At})
				closedAt = time.Time{}
			}
		}
	}
	for _, v := range visits {
		for _, e := range v.Events {
			if e.Kind == EvTravelStarted || e.Kind == EvArrived {
				respond(e.At)
				break
			}
		}
	}
	if t.Status == TicketOpen {
		h.Done = time.Time{}
	}
	h.Withdrawn = t.Status == TicketCancelled
	return h
}

// CheckTrack says whether a ticket event may be recorded now: on an open
// ticket, waiting only when not already waiting and with a reason, resumed
// only while waiting, a real change of priority, a contact with what was
// said, done only when no visit is under way, cancelled only while no visit
// has a step recorded (its time is billable: it is done instead), and
// reopened only once done or cancelled, with a reason.
func CheckTrack(t Ticket, events []TicketEvent, visits []Visit, kind TicketEventKind, p Priority, note string) error {
	if kind == TkReopened {
		return checkReopen(t, note)
	}
	if t.Status != TicketOpen {
		return Conflict{Msg: fmt.Sprintf("%s is %s; only open tickets change", t.Ref(), t.Status)}
	}
	waiting := HistoryOf(t, events, visits).Waiting()
	switch kind {
	case TkWaiting:
		if waiting {
			return Conflict{Msg: fmt.Sprintf("%s is already waiting on the client; resume it when they answer", t.Ref())}
		}
		if note == "" {
			return FieldError{Field: "reason", Msg: "is empty; say what the client owes us, like \"sending admin password\""}
		}
	case TkResumed:
		if !waiting {
			return Conflict{Msg: fmt.Sprintf("%s is not waiting on the client", t.Ref())}
		}
	case TkPriority:
		if p < P1 || p > P4 {
			return FieldError{Field: "priority", Msg: "is not set; choose P1 to P4"}
		}
		if p == t.Priority {
			return Conflict{Msg: fmt.Sprintf("%s is already %s", t.Ref(), p)}
		}
	case TkContacted:
		if note == "" {
			return FieldError{Field: "note", Msg: "is empty; say what you told them or agreed, like \"called Dana, booked for 14:00\""}
		}
	case TkDone:
		for _, v := range visits {
			if v.Phase().Active() {
				return Conflict{Msg: fmt.Sprintf("%s is still %s on %s; finish the visit first", v.TechName, v.Phase(), v.Ref())}
			}
		}
	case TkNeedsVisit:
		if note == "" {
			return FieldError{Field: "follow-up", Msg: "is empty; say what is left, like \"waiting for the part\""}
		}
	case TkCancelled:
		if note == "" {
			return FieldError{Field: "reason", Msg: "is empty; say why, like \"client withdrew\" (it stays on the record)"}
		}
		for _, v := range visits {
			if ph := v.Phase(); ph != PhaseScheduled && ph != PhaseCancelled {
				return Conflict{Msg: fmt.Sprintf("cannot cancel %s: %s was worked on (%s), and that time is billable; mark it done instead",
					t.Ref(), v.Ref(), ph)}
			}
		}
	default:
		return FieldError{Field: "event", Msg: fmt.Sprintf("%q is not something that happens to a ticket", kind)}
	}
	return nil
}

// FollowUpOf is why an open ticket waits for another visit, if it does: the
// reason given when a visit ended with work left, or when the ticket was
// reopened, whichever came last; a done or cancelled ticket needs none.
func FollowUpOf(events []TicketEvent) (string, time.Time) {
	for i := len(events) - 1; i >= 0; i-- {
		switch e := events[i]; e.Kind {
		case TkNeedsVisit:
			return e.Note, e.At
		case TkReopened:
			return "reopened: " + e.Note, e.At
		case TkDone, TkCancelled:
			return "", time.Time{}
		}
	}
	return "", time.Time{}
}

// checkReopen lets a done or cancelled ticket be opened again, with a
// reason; an invoiced one is corrected on its invoice, not reopened.
func checkReopen(t Ticket, note string) error {
	switch t.Status {
	case TicketDone, TicketCancelled:
	case TicketOpen:
		return Conflict{Msg: fmt.Sprintf("%s is open already", t.Ref())}
	default:
		return Conflict{Msg: fmt.Sprintf("%s is %s; correct it on its invoice rather than reopening it", t.Ref(), t.Status)}
	}
	if note == "" {
		return FieldError{Field: "reason", Msg: "is empty; say why it is open again, like \"printer failed again\""}
	}
	return nil
}

// MorePressing orders clocks for a dispatcher: breached ones (emergencies
// first, then longest ago); running ones by time left; then paused ones;
// then those with nothing left to watch.
func MorePressing(a, b SLAClock) bool {
	rank := func(c SLAClock) int {
		switch {
		case c.Stopped || c.Kind == "":
			return 2
		case c.Paused:
			return 1
		}
		return 0
	}
	if ra, rb := rank(a), rank(b); ra != rb {
		return ra < rb
	}
	if a.Breached != b.Breached {
		return a.Breached
	}
	if a.Breached { // a broken emergency first, then as the board reads them: longest ago first
		if a.Priority != b.Priority {
			return a.Priority < b.Priority
		}
		return a.BreachedAt.Before(b.BreachedAt)
	}
	return a.Left < b.Left
}
