package door

import (
	"context"
	"fmt"
	"strings"
	"time"

	"dispatch/model"
	"dispatch/model/feed"
	"dispatch/model/store"
)

// Step is one thing recorded on a visit: travel started, arrived, a note….
type Step struct {
	Kind      model.EventKind
	At        time.Time // when it happened; zero means now
	ContactID int64     // arrived, departed: who the technician checked in or out with…
	Contact   string    // …or their name, when ContactID is not known
	Note      string
	Outcome   model.Outcome // departed: how the visit ended
	// Authorised, on arrival: the contact checked in with accepted the
	// terms (the work authorisation), recorded with the step.
	Authorised bool
}

var noteLimit = model.TextLimit{Field: "note", Max: 1000}

// Record appends a step to a visit's log. Only the visit's technician, or
// the office on their behalf, may record it; the step must make sense now
// and its time must lie between the visit's last step and now.
func (d *Door) Record(ctx context.Context, who model.Actor, visitID int64, s Step) (model.Visit, error) {
	var v model.Visit
	if err := who.Role.Check(model.ActRecordVisit); err != nil {
		return v, err
	}
	s.Note = model.CleanText(s.Note)
	if err := noteLimit.Check(s.Note); err != nil {
		return v, err
	}
	if s.Kind == model.EvNote && s.Note == "" {
		return v, model.FieldError{Field: "note", Msg: "is empty; write what happened"}
	}
	if s.Kind.Side() {
		return v, model.Conflict{Msg: fmt.Sprintf("%s is recorded with its own command", s.Kind.Label())}
	}
	err := d.write(ctx, who, model.ActRecordVisit, feed.Visits, func(tx *store.Tx, now time.Time) error {
		var ticket model.Ticket
		var err error
		if v, ticket, err = d.recordable(ctx, tx, who, visitID); err != nil {
			return err
		}
		at := now
		if !s.At.IsZero() {
			at = s.At.UTC().Truncate(time.Second)
		}
		e := model.Event{VisitID: v.ID, Kind: s.Kind, At: at, RecordedAt: now, By: who.Name, Note: s.Note}
		if err := model.CheckEvent(v, s.Kind, at, now, d.Location()); err != nil {
			return err
		}
		if s.Kind.NeedsContact() {
			if e.ContactID, err = contactOf(ctx, tx, ticket.ClientID, s); err != nil {
				return err
			}
		}
		if s.Kind == model.EvDeparted {
			if s.Outcome, err = d.checkOutcome(ctx, tx, s.Outcome, ticket, v.ID); err != nil {
				return err
			}
			e.Note = s.Outcome.Said() // how it ended is in the visit's own log too
		}
		if e, err = d.appendStep(ctx, tx, who, v, e, now); err != nil {
			return err
		}
		if s.Authorised && s.Kind == model.EvArrived {
			if _, err := authorise(ctx, tx, who, ticket, v.ID, Step{ContactID: e.ContactID}, e.At, now); err != nil {
				return err
			}
		}
		if s.Kind == model.EvDeparted {
			if err := d.recordOutcome(ctx, tx, who, ticket, s.Outcome, e.At, now); err != nil {
				return err
			}
		}
		if v, err = tx.VisitByID(ctx, visitID); err != nil {
			return err
		}
		kind, ok := toldOf[s.Kind]
		if !ok {
			return nil
		}
		var addOns []model.ScopeRequest
		if kind == model.MsgDeparted { // the summary counts each add-on's share
			if addOns, err = tx.ScopeForVisit(ctx, v.ID); err != nil {
				return err
			}
		}
		return d.tell(ctx, tx, kind, v, ticket, e, now, func(n *model.VisitNews) { n.AddOns = addOns })
	})
	return v, err
}

// toldOf are the steps of a visit the client hears of as they are made.
var toldOf = map[model.EventKind]model.MessageKind{model.EvTravelStarted: model.MsgTravel, model.EvArrived: model.MsgArrived,
	model.EvDeparted: model.MsgDeparted}

func (d *Door) checkOutcome(ctx context.Context, tx *store.Tx, o model.Outcome, t model.Ticket, departing int64) (model.Outcome, error) {
	visits, err := tx.VisitsForTicket(ctx, t.ID)
	if err != nil {
		return o, err
	}
	return model.CheckOutcome(o, t, visits, departing)
}

// recordOutcome puts the ticket where the departure said: done as of the
// departure, or waiting for another visit with what is left.
func (d *Door) recordOutcome(ctx context.Context, tx *store.Tx, who model.Actor, t model.Ticket, o model.Outcome, at, now time.Time) error {
	e := model.TicketEvent{TicketID: t.ID, Kind: model.TkNeedsVisit, At: at, By: who.Name, Note: o.FollowUp}
	if o.Done {
		e.Kind = model.TkDone
		e.Note = "done on site"
		visits, err := tx.VisitsForTicket(ctx, t.ID)
		if err != nil {
			return err
		}
		if err := d.cancelBooked(ctx, tx, who, t, visits, "the job was finished on another visit", now); err != nil {
			return err
		}
		if err := tx.SetTicketStatus(ctx, t.ID, model.TicketDone, at); err != nil {
			return err
		}
	}
	e, err := tx.AppendTicketEvent(ctx, e)
	if err != nil {
		return err
	}
	return tx.Audit(ctx, now, who.String(), "ticket."+string(e.Kind), "ticket", t.ID, nil, e)
}

// appendStep checks an event against the visit and the technician's other
// visits, then appends it with its audit entry.
func (d *Door) appendStep(ctx context.Context, tx *store.Tx, who model.Actor, v model.Visit, e model.Event, now time.Time) (model.Event, error) {
	if err := model.CheckEvent(v, e.Kind, e.At, now, d.Location()); err != nil {
		return e, err
	}
	if err := d.checkTechElsewhere(ctx, tx, who, v, e, now); err != nil {
		return e, err
	}
	e, err := tx.AppendEvent(ctx, e)
	if err != nil {
		return e, err
	}
	if e.Timed() {
		after, err := tx.VisitByID(ctx, v.ID)
		if err != nil {
			return e, err
		}
		if err := d.checkNoClash(ctx, tx, after, now); err != nil {
			return e, err
		}
	}
	return e, tx.Audit(ctx, now, who.String(), "visit."+string(e.Kind), "visit", v.ID, nil, e)
}

// recordable loads a visit and its ticket, and checks that who may record
// on it.
func (d *Door) recordable(ctx context.Context, tx *store.Tx, who model.Actor, visitID int64) (model.Visit, model.Ticket, error) {
	v, err := tx.VisitByID(ctx, visitID)
	if err != nil {
		return v, model.Ticket{}, err
	}
	ticket, err := tx.TicketByID(ctx, v.TicketID)
	if err != nil {
		return v, ticket, err
	}
	return v, ticket, mayRecord(who, v, ticket)
}

// mayRecord lets a technician record only their own visits, and anyone only
// on an open ticket, but for the trip back from a job done on site.
func mayRecord(who model.Actor, v model.Visit, t model.Ticket) error {
	if who.Role == model.RoleTech && v.TechID != who.UserID {
		return model.Conflict{Msg: fmt.Sprintf("%s is %s's visit; only they or a dispatcher, manager or admin can record it", v.Ref(), v.TechName)}
	}
	if model.VisitsClosed(t, v.Phase()) {
		return model.Conflict{Msg: fmt.Sprintf("%s is %s; its visits are closed", t.Ref(), t.Status)}
	}
	return nil
}

// contactOf resolves the contact a technician checked in or out with; it
// must be one of the client's own.
func contactOf(ctx context.Context, tx *store.Tx, clientID int64, s Step) (int64, error) {
	if s.ContactID == 0 && strings.TrimSpace(s.Contact) == "" {
		return 0, model.FieldError{Field: "contact", Msg: "is missing; name the client's contact you checked in or out with"}
	}
	contacts, err := tx.Contacts(ctx, clientID)
	if err != nil {
		return 0, err
	}
	var names []string
	for _, c := range contacts {
		if c.ID == s.ContactID || s.ContactID == 0 && strings.EqualFold(c.Name, model.CleanLine(s.Contact)) {
			return c.ID, nil
		}
		names = append(names, c.Name)
	}
	asked := model.CleanLine(s.Contact)
	if s.ContactID != 0 {
		asked = model.FormatID(model.PrefixContact, s.ContactID)
	}
	client, err := tx.ClientByID(ctx, clientID)
	if err != nil {
		return 0, err
	}
	return 0, model.FieldError{Field: "contact", Msg: fmt.Sprintf("%s is not a contact of %s; pick one of: %s",
		asked, client.Name, strings.Join(names, ", "))}
}

// checkTechElsewhere keeps a technician in one place: one visit on site at a
// time, one trip at a time, no shop work while out. What the step itself
// ends, it ends then and there, in the same transaction, so no minute is
// counted twice: setting off ends the trip back from the last visit and
// any shop work; starting shop work ends the trip back.
func (d *Door) checkTechElsewhere(ctx context.Context, tx *store.Tx, who model.Actor, v model.Visit, e model.Event, now time.Time) error {
	if e.Kind != model.EvArrived && e.Kind != model.EvTravelStarted && e.Kind != model.EvShopStarted {
		return nil
	}
	others, err := tx.ActiveVisits(ctx, v.TechID)
	if err != nil {
		return err
	}
	for _, o := range others {
		if o.ID == v.ID || e.At.Before(model.PhaseSince(o.Events)) {
			continue // a step entered for before that phase began: the clash check judges it
		}
		phase := o.Phase()
		if model.KeptElsewhere(e.Kind, phase) {
			return model.Conflict{Msg: v.TechName + " is " + model.Elsewhere(o, d.Location())}
		}
		switch {
		case phase == model.PhaseInShop && e.Kind == model.EvTravelStarted:
			if err := endThen(ctx, tx, who, o, model.EvShopStopped, e.At, now, "set off for "+v.Ref(), d.Location()); err != nil {
				return err
			}
		case phase == model.PhaseReturning && e.Kind != model.EvArrived:
			note := "went on to " + v.Ref()
			if e.Kind == model.EvShopStarted {
				note = "back at the shop for " + v.Ref()
			}
			if err := endThen(ctx, tx, who, o, model.EvTravelEnded, e.At, now, note, d.Location()); err != nil {
				return err
			}
		}
	}
	return nil
}

// endThen ends another visit's phase at the instant the technician moved
// on, with a note saying why it ended there.
func endThen(ctx context.Context, tx *store.Tx, who model.Actor, o model.Visit, kind model.EventKind, at, now time.Time, note string, loc *time.Location) error {
	if err := model.CheckEvent(o, kind, at, now, loc); err != nil {
		return fmt.Errorf("ending %s on %s: %w", kind.Label(), o.Ref(), err)
	}
	end, err := tx.AppendEvent(ctx, model.Event{VisitID: o.ID, Kind: kind, At: at, RecordedAt: now, By: who.Name, Note: note})
	if err != nil {
		return err
	}
	return tx.Audit(ctx, now, who.String(), "visit."+string(kind), "visit", o.ID, nil, end)
}

// checkNoClash refuses a step or a corrected time that would put the
// technician in two places at once across their visits.
func (d *Door) checkNoClash(ctx context.Context, tx *store.Tx, v model.Visit, now time.Time) error {
	busy := model.BusyOf(v.Events, now)
	if len(busy) == 0 {
		return nil
	}
	others, err := tx.TechDay(ctx, v.TechID, busy[0].From.Add(-24*time.Hour), now.Add(24*time.Hour))
	if err != nil {
		return err
	}
	return model.CheckNoClash(v, others, now, d.Location())
}

var reasonLimit = model.TextLimit{Field: "reason", Max: 300}

// FixTime corrects when a step happened, with a reason. The step keeps the
// time it was entered with; the log shows both and the audit every fix.
func (d *Door) FixTime(ctx context.Context, who model.Actor, eventID int64, at time.Time, reason string) (model.Visit, error) {
	var v model.Visit
	if err := who.Role.Check(model.ActFixVisitTime); err != nil {
		return v, err
	}
	reason = model.CleanLine(reason)
	if err := reasonLimit.Check(reason); err != nil {
		return v, err
	}
	at = at.UTC().Truncate(time.Second)
	err := d.write(ctx, who, model.ActFixVisitTime, feed.Visits, func(tx *store.Tx, now time.Time) error {
		visitID, err := tx.VisitOfEvent(ctx, eventID)
		if err != nil {
			return err
		}
		if v, err = tx.VisitByID(ctx, visitID); err != nil {
			return err
		}
		ticket, err := tx.TicketByID(ctx, v.TicketID)
		if err != nil {
			return err
		}
		if err := notInvoiced(ctx, tx, ticket); err != nil { // a sent invoice's lines name these times
			return err
		}
		if err := model.CheckFix(v, eventID, at, now, d.Location(), reason); err != nil {
			return err
		}
		var before model.Event
		for _, e := range v.Events {
			if e.ID == eventID {
				before = e
			}
		}
		if err := tx.FixEventTime(ctx, eventID, at, reason, who.Name, now); err != nil {
			return err
		}
		fixed, err := tx.VisitByID(ctx, visitID)
		if err != nil {
			return err
		}
		if err := d.checkNoClash(ctx, tx, fixed, now); err != nil {
			return err
		}
		after := struct {
			Event  string    `json:"event"`
			At     time.Time `json:"at"`
			Reason string    `json:"reason"`
		}{before.Ref(), at, reason}
		if err := tx.Audit(ctx, now, who.String(), "visit.fix_time", "visit", v.ID, before, after); err != nil {
			return err
		}
		v, err = tx.VisitByID(ctx, visitID)
		return err
	})
	return v, err
}
