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

// Ask is a "while you're here" request as the technician records it.
type Ask struct {
	AskedByID int64  // a contact of the client…
	AskedBy   string // …or a name: a contact's, matched, or anyone else's
	What      string
	At        time.Time // when it was asked, entered late; zero is now
}

// AskScope records a request made of a technician on site. It changes
// nothing about the visit; it waits for the technician's decision.
func (d *Door) AskScope(ctx context.Context, who model.Actor, visitID int64, in Ask) (model.ScopeRequest, error) {
	var r model.ScopeRequest
	if err := who.Role.Check(model.ActRecordVisit); err != nil {
		return r, err
	}
	askedBy, what, err := model.ValidateAsk(in.AskedByID, in.AskedBy, in.What)
	if err != nil {
		return r, err
	}
	err = d.write(ctx, who, model.ActRecordVisit, feed.Scope, func(tx *store.Tx, now time.Time) error {
		v, ticket, err := d.recordable(ctx, tx, who, visitID)
		if err != nil {
			return err
		}
		at := orNow(in.At, now)
		if err := model.CheckOnSiteAt(v, at, now, d.Location(), "a request"); err != nil {
			return err
		}
		r = model.ScopeRequest{VisitID: v.ID, TicketID: ticket.ID, ClientID: ticket.ClientID, AskedAt: at,
			RecordedBy: who.Name, What: what, AskedBy: askedBy, AskedByID: in.AskedByID, FirstJob: ticket.FirstJob}
		if err := askerOf(ctx, tx, &r); err != nil {
			return err
		}
		if r, err = tx.InsertScopeRequest(ctx, r); err != nil {
			return err
		}
		return tx.Audit(ctx, now, who.String(), "scope.ask", "scope", r.ID, nil, r)
	})
	if err != nil {
		return r, err
	}
	return d.Scope(ctx, who, r.ID)
}

// askerOf resolves who asked: a contact of the client by id or by name, or
// anyone else by the name given.
func askerOf(ctx context.Context, tx *store.Tx, r *model.ScopeRequest) error {
	contacts, err := tx.Contacts(ctx, r.ClientID)
	if err != nil {
		return err
	}
	if c, ok := findContact(contacts, r.AskedByID, r.AskedBy); ok {
		r.AskedByID, r.AskedBy = c.ID, c.Name
		return nil
	}
	if r.AskedByID != 0 {
		return model.FieldError{Field: "asked by", Msg: fmt.Sprintf("%s is not a contact of this client; pick one, or type the name of whoever asked",
			model.FormatID(model.PrefixContact, r.AskedByID))}
	}
	return nil
}

// findContact finds a contact by id, or by name in any case.
func findContact(contacts []model.Contact, id int64, name string) (model.Contact, bool) {
	name = model.CleanLine(name)
	for _, c := range contacts {
		if c.ID == id || id == 0 && name != "" && strings.EqualFold(c.Name, name) {
			return c, true
		}
	}
	return model.Contact{}, false
}

// SpawnTicket is a ticket made on site from another: a request turned into
// its own job, or the rest of a job stopped at the estimate. Empty fields
// are filled from what was asked and the parent ticket.
type SpawnTicket struct {
	Title    string
	Scope    string
	Priority model.Priority // P3 when not given: it waits its turn
	Estimate model.Estimate // may stay empty for the office to give
	At       time.Time      // when it was decided, entered late; zero is now
}

// ScopeNewTicket turns a request into a ticket linked to the visit's. It
// lands unscheduled on the board; the visit's timer is untouched.
func (d *Door) ScopeNewTicket(ctx context.Context, who model.Actor, scopeID int64, in SpawnTicket) (model.ScopeRequest, model.Ticket, error) {
	var t model.Ticket
	r, err := d.decide(ctx, who, model.ActRecordVisit, scopeID, model.DecNewTicket, feed.Tickets, in.At,
		func(tx *store.Tx, at time.Time, r model.ScopeRequest, parent model.Ticket) (model.ScopeDecision, error) {
			if in.Title == "" {
				in.Title = r.What
			}
			if in.Scope == "" {
				in.Scope = fmt.Sprintf("%s asked during %s: %s. Scope to be agreed with the client.", r.AskedBy, model.FormatID(model.PrefixVisit, r.VisitID), r.What)
			}
			requester, askedBy := r.AskedByID, ""
			if requester == 0 { // someone not on file asked: kept by name, and the job's requester is whom the office reaches
				requester, askedBy = parent.ContactID, r.AskedBy
			}
			var err error
			if t, err = d.spawn(ctx, tx, who, at, parent, requester, askedBy, in); err != nil {
				return model.ScopeDecision{}, err
			}
			return model.ScopeDecision{TicketID: t.ID}, nil
		})
	return r, t, err
}

// spawn creates a ticket from a parent, in the caller's transaction, opened
// when it was decided on site; askedBy names who asked when they are not
// the requester contact.
func (d *Door) spawn(ctx context.Context, tx *store.Tx, who model.Actor, opened time.Time, parent model.Ticket, requester int64, askedBy string, in SpawnTicket) (model.Ticket, error) {
	if in.Priority == 0 {
		in.Priority = model.P3
	}
	t := model.Ticket{ClientID: parent.ClientID, ContactID: requester, SiteID: parent.SiteID, ParentID: parent.ID,
		Title: in.Title, Scope: in.Scope, Priority: in.Priority, Estimate: in.Estimate, Status: model.TicketOpen,
		CreatedBy: who.Name, CreatedAt: opened, RequestedBy: askedBy}
	if err := t.Validate(); err != nil {
		return t, err
	}
	t, err := tx.InsertTicket(ctx, t)
	if err != nil {
		return t, err
	}
	return t, tx.Audit(ctx, d.Now(), who.String(), "ticket.create", "ticket", t.ID, nil, t)
}

// AddOn is the contact's approval of a request as work on this visit.
type AddOn struct {
	ContactID        int64
	Contact          string // or their name
	Estimate         time.Duration
	ToldMeterRunning bool
	At               time.Time // when the contact agreed, entered late; zero is now
}

// ScopeAddOn adds a request to the visit with the approval of the client's
// authorised or backup contact, who was told the meter is running and the
// rough cost. On a first job it then waits for a supervisor.
func (d *Door) ScopeAddOn(ctx context.Context, who model.Actor, scopeID int64, in AddOn) (model.ScopeRequest, error) {
	return d.decide(ctx, who, model.ActRecordVisit, scopeID, model.DecAddOn, 0, in.At,
		func(tx *store.Tx, at time.Time, r model.ScopeRequest, parent model.Ticket) (model.ScopeDecision, error) {
			v, err := tx.VisitByID(ctx, r.VisitID)
			if err != nil {
				return model.ScopeDecision{}, err
			}
			if err := model.CheckOnSiteAt(v, at, d.Now(), d.Location(), "an add-on (or make "+r.Ref()+" a new ticket instead)"); err != nil {
				return model.ScopeDecision{}, err
			}
			contacts, err := tx.Contacts(ctx, r.ClientID)
			if err != nil {
				return model.ScopeDecision{}, err
			}
			contact, ok := findContact(contacts, in.ContactID, in.Contact)
			if !ok {
				name := model.CleanLine(in.Contact)
				if name == "" {
					name = "nobody"
				}
				return model.ScopeDecision{}, model.FieldError{Field: "approved by", Msg: fmt.Sprintf(
					"%s is not a contact of %s; only %s can approve an add-on", name, r.Client, model.Approvers(contacts))}
			}
			if err := model.CheckApprover(contact, contacts, in.Estimate, in.ToldMeterRunning); err != nil {
				return model.ScopeDecision{}, err
			}
			return model.ScopeDecision{ContactID: contact.ID, ContactName: contact.Name, Estimate: in.Estimate,
				ToldMeterRunning: true}, nil
		})
}

// ScopeDecline records that a request will not be done, and why; at is
// when it was declined, entered late (zero: now).
func (d *Door) ScopeDecline(ctx context.Context, who model.Actor, scopeID int64, reason string, at time.Time) (model.ScopeRequest, error) {
	reason, err := model.ValidateReason(reason, true)
	if err != nil {
		return model.ScopeRequest{}, err
	}
	return d.decide(ctx, who, model.ActRecordVisit, scopeID, model.DecDeclined, 0, at,
		func(tx *store.Tx, _ time.Time, r model.ScopeRequest, _ model.Ticket) (model.ScopeDecision, error) {
			return model.ScopeDecision{Reason: reason}, nil
		})
}

// ScopeSupervise approves or refuses an add-on waiting for a supervisor.
func (d *Door) ScopeSupervise(ctx context.Context, who model.Actor, scopeID int64, approve bool, reason string) (model.ScopeRequest, error) {
	reason, err := model.ValidateReason(reason, !approve) // a refusal says why: the technician tells the client
	if err != nil {
		return model.ScopeRequest{}, err
	}
	kind := model.DecRefused
	if approve {
		kind = model.DecApproved
	}
	return d.decide(ctx, who, model.ActSuperviseWork, scopeID, kind, 0, time.Time{},
		func(tx *store.Tx, _ time.Time, r model.ScopeRequest, _ model.Ticket) (model.ScopeDecision, error) {
			return model.ScopeDecision{Reason: reason}, nil
		})
}

// decideFunc checks a decision's details, as of when it was made, and
// returns it.
type decideFunc func(tx *store.Tx, at time.Time, r model.ScopeRequest, parent model.Ticket) (model.ScopeDecision, error)

// decide runs one decision on a request, made at (zero: now): the role, the
// technician's own visit (or the office on their behalf), the state
// machine, the time against the request's, then the decision and its audit
// in one transaction.
func (d *Door) decide(ctx context.Context, who model.Actor, act model.Action, scopeID int64, kind model.DecisionKind,
	topics feed.Topic, at time.Time, fn decideFunc) (model.ScopeRequest, error) {
	var r model.ScopeRequest
	err := d.write(ctx, who, act, feed.Scope|feed.Visits|topics, func(tx *store.Tx, now time.Time) error {
		var err error
		if r, err = tx.ScopeByID(ctx, scopeID); err != nil {
			return err
		}
		_, parent, err := d.recordable(ctx, tx, who, r.VisitID)
		if err != nil && act != model.ActSuperviseWork {
			return err
		}
		if err := r.CheckDecision(kind); err != nil {
			return err
		}
		at := orNow(at, now)
		if err := model.CheckDecisionAt(r, at, now, d.Location()); err != nil {
			return err
		}
		dec, err := fn(tx, at, r, parent)
		if err != nil {
			return err
		}
		dec.Kind, dec.At, dec.By = kind, at, who.Name
		before := r.State()
		if r, err = tx.AppendDecision(ctx, r, dec); err != nil {
			return err
		}
		if err := tx.Audit(ctx, now, who.String(), "scope."+string(kind), "scope", r.ID, before, r); err != nil {
			return err
		}
		// The client hears the meter runs on an add-on once it is approved
		// for good: by the contact, or on a first job by the office too.
		if kind == model.DecAddOn && !r.FirstJob || kind == model.DecApproved {
			v, err := tx.VisitByID(ctx, r.VisitID)
			if err != nil {
				return err
			}
			return d.tell(ctx, tx, model.MsgAddOn, v, parent, model.Event{At: at}, now, func(n *model.VisitNews) { n.AddOn = &r })
		}
		return nil
	})
	if err != nil {
		return r, err
	}
	return d.Scope(ctx, who, r.ID)
}

// Scope loads one request with its decisions.
func (d *Door) Scope(ctx context.Context, who model.Actor, id int64) (model.ScopeRequest, error) {
	var r model.ScopeRequest
	err := d.read(ctx, who, model.ActViewBoard, func(tx *store.Tx) error {
		var err error
		r, err = tx.ScopeByID(ctx, id)
		return err
	})
	return r, err
}

// ScopeList lists the requests still waiting on someone (pending), or every
// request asked in the last week.
func (d *Door) ScopeList(ctx context.Context, who model.Actor, pending bool) ([]model.ScopeRequest, error) {
	var out []model.ScopeRequest
	since := d.Now().AddDate(0, 0, -7)
	err := d.read(ctx, who, model.ActViewBoard, func(tx *store.Tx) error {
		all, err := tx.OpenScope(ctx)
		if !pending && err == nil {
			all, err = tx.ScopeSince(ctx, since)
		}
		out = all
		return err
	})
	return out, err
}

// orNow is when something happened: at, to the second, or now when not given.
func orNow(at, now time.Time) time.Time {
	if at.IsZero() {
		return now
	}
	return at.UTC().Truncate(time.Second)
}
