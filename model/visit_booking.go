package model

import (
	"fmt"
	"strings"
	"time"
)

// CheckRebook says whether a visit may still be moved or cancelled: only
// while its ticket is open and before its first step. Once the technician
// has set off, the log is the truth; its times are corrected with visit fix.
func CheckRebook(v Visit, t Ticket, verb string) error {
	if t.Status != TicketOpen {
		return Conflict{Msg: fmt.Sprintf("cannot %s %s: %s is %s", verb, v.Ref(), t.Ref(), t.Status)}
	}
	switch phase := v.Phase(); phase {
	case PhaseScheduled:
		return nil
	case PhaseCancelled:
		return Conflict{Msg: fmt.Sprintf("cannot %s %s: it was cancelled; book a new visit with visit schedule %s", verb, v.Ref(), t.Ref())}
	default:
		return Conflict{Msg: fmt.Sprintf("cannot %s %s: it is %s, and a visit with a step recorded stays as it happened; "+
			"correct a step's time with visit fix E-…, or book another visit", verb, v.Ref(), phase)}
	}
}

// Move is a visit's new booking: another start, another technician, or
// both; a zero field keeps what was booked.
type Move struct {
	At     time.Time
	TechID int64
	Reason string
	Anyway bool // over the technician's other visits, knowingly
}

// Apply is the visit as the move books it, refused when it changes nothing.
func (m Move) Apply(v Visit) (Visit, error) {
	next := v
	if !m.At.IsZero() {
		next.ScheduledAt = m.At.UTC().Truncate(time.Second)
	}
	if m.TechID != 0 {
		next.TechID = m.TechID
	}
	if next.ScheduledAt.Equal(v.ScheduledAt) && next.TechID == v.TechID {
		return v, FieldError{Field: "at", Msg: "and the technician are as booked; give another start (--at) or technician (--tech)"}
	}
	return next, nil
}

// MovedFrom says what a move replaced, for the log: the booking before the
// event at i, " (was Sat 28 Nov 18:15 with Priya Nair)"; "" for any other event.
func MovedFrom(events []Event, i int, loc *time.Location) string {
	if events[i].Kind != EvMoved {
		return ""
	}
	for j := i - 1; j >= 0; j-- {
		if e := events[j]; (e.Kind == EvScheduled || e.Kind == EvMoved) && !e.BookedFor.IsZero() {
			return fmt.Sprintf(" (was %s with %s)", e.BookedFor.In(loc).Format("Mon 2 Jan 15:04"), e.TechName)
		}
	}
	return ""
}

// cancelReasonLimit keeps a cancellation's reason to a line of the log.
var cancelReasonLimit = TextLimit{Field: "reason", Max: 300}

// CheckCancelReason cleans and checks why a visit or ticket is cancelled:
// the log and the client's record keep it.
func CheckCancelReason(reason string) (string, error) {
	reason = CleanLine(reason)
	if strings.TrimSpace(reason) == "" {
		return reason, FieldError{Field: "reason", Msg: "is empty; say why, like \"client rescheduled\" (it stays in the log)"}
	}
	return reason, cancelReasonLimit.Check(reason)
}
