package model

import "fmt"

// Outcome is how a visit ended, said by the technician as they depart: the
// job done, or work left for another visit and why. It decides where the
// ticket stands next: done waits to be invoiced; the other waits on the
// board, with its reason, for the office to book the next visit.
type Outcome struct {
	Done     bool
	FollowUp string // what is left, when not done
}

// Said is the outcome as the departure's log line ends: "job done",
// "needs another visit: waiting for the part".
func (o Outcome) Said() string {
	if o.Done {
		return "job done"
	}
	return "needs another visit: " + o.FollowUp
}

var followUpLimit = TextLimit{Field: "follow-up", Max: 300}

// CheckOutcome cleans and checks a departure's outcome for ticket t, whose
// visits are given: one of the two must be said, a follow-up says what is
// left, and a job is done only when nobody else is still at work on it.
func CheckOutcome(o Outcome, t Ticket, visits []Visit, departing int64) (Outcome, error) {
	o.FollowUp = CleanLine(o.FollowUp)
	switch {
	case o.Done && o.FollowUp != "":
		return o, FieldError{Field: "outcome", Msg: "is both done and needing another visit; say one"}
	case !o.Done && o.FollowUp == "":
		return o, FieldError{Field: "outcome", Msg: "is not said; say how it ended: done, or needs another visit and why (like \"waiting for the part\")"}
	case !o.Done:
		return o, followUpLimit.Check(o.FollowUp)
	}
	if t.Status != TicketOpen {
		return o, Conflict{Msg: fmt.Sprintf("%s is %s already", t.Ref(), t.Status)}
	}
	for _, v := range visits {
		if v.ID != departing && v.Phase().Active() {
			return o, Conflict{Msg: fmt.Sprintf("cannot mark %s done: %s is still %s on %s; say it needs another visit, or leave it to them",
				t.Ref(), v.TechName, v.Phase(), v.Ref())}
		}
	}
	return o, nil
}
