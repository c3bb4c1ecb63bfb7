package door

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"dispatch/model"
	"dispatch/model/feed"
	"dispatch/model/store"
)

// NewTicket is what a dispatcher fills in for a new job.
type NewTicket struct {
	ClientID  int64
	ContactID int64 // the requester
	SiteID    int64
	Title     string
	Scope     string
	Priority  model.Priority
	Estimate  model.Estimate
	OpenedAt  time.Time // when the client asked, if before now: the clocks start then, not at entry
}

// CreateTicket opens a ticket. A client's first ticket is marked a first job:
// invoiced at no more than its quote.
func (d *Door) CreateTicket(ctx context.Context, who model.Actor, in NewTicket) (model.Ticket, error) {
	t := model.Ticket{ClientID: in.ClientID, ContactID: in.ContactID, SiteID: in.SiteID, Title: in.Title,
		Scope: in.Scope, Priority: in.Priority, Estimate: in.Estimate, Status: model.TicketOpen, CreatedBy: who.Name}
	if err := who.Role.Check(model.ActCreateTicket); err != nil {
		return t, err // refuse before judging input the user may not give at all
	}
	if err := t.Validate(); err != nil {
		return t, err
	}
	err := d.write(ctx, who, model.ActCreateTicket, feed.Tickets, func(tx *store.Tx, now time.Time) error {
		if err := belongsTogether(ctx, tx, t); err != nil {
			return err
		}
		had, err := tx.HasTickets(ctx, t.ClientID)
		if err != nil {
			return err
		}
		t.FirstJob, t.CreatedAt = !had, now
		if !in.OpenedAt.IsZero() {
			if t.CreatedAt, err = openedAt(in.OpenedAt, now, d.Location()); err != nil {
				return err
			}
		}
		if t, err = tx.InsertTicket(ctx, t); err != nil {
			return err
		}
		return tx.Audit(ctx, now, who.String(), "ticket.create", "ticket", t.ID, nil, t)
	})
	return t, err
}

// openedAt checks a ticket entered after the client asked: in the past,
// and not so long ago that it is a different job.
func openedAt(at, now time.Time, loc *time.Location) (time.Time, error) {
	at = at.UTC().Truncate(time.Second)
	switch {
	case at.After(now):
		return at, model.FieldError{Field: "at", Msg: fmt.Sprintf("%s is in the future; give when the client asked", model.ClockIn(at, now, loc))}
	case at.Before(now.AddDate(0, 0, -30)):
		return at, model.FieldError{Field: "at", Msg: "is more than 30 days ago; open it as of now and say when they asked in the scope"}
	}
	return at, nil
}

// belongsTogether checks that the requester and the site are the client's own.
func belongsTogether(ctx context.Context, tx *store.Tx, t model.Ticket) error {
	client, err := tx.ClientByID(ctx, t.ClientID)
	if err != nil {
		return err
	}
	var inv model.Invalid
	contact, err := tx.ContactByID(ctx, t.ContactID)
	switch {
	case err != nil:
		inv.Add("contact", err)
	case contact.ClientID != client.ID:
		inv.Add("contact", model.FieldError{Field: "contact", Msg: fmt.Sprintf("%s is not a contact of %s; pick one of theirs", contact.Name, client.Name)})
	}
	site, err := tx.SiteByID(ctx, t.SiteID)
	switch {
	case err != nil:
		inv.Add("site", err)
	case site.ClientID != client.ID:
		inv.Add("site", model.FieldError{Field: "site", Msg: fmt.Sprintf("%s is not a site of %s; pick one of theirs", site.Name, client.Name)})
	}
	return inv.Err()
}

// Booking is a visit to book.
type Booking struct {
	TicketID, TechID int64
	At               time.Time
	AfterTheFact     bool // it already happened: its steps are entered next, at their real times
	Anyway           bool // over the technician's other visits, knowingly
}

// ScheduleVisit books a technician for a ticket at a time to come.
func (d *Door) ScheduleVisit(ctx context.Context, who model.Actor, ticketID, techID int64, at time.Time) (model.Visit, error) {
	return d.Book(ctx, who, Booking{TicketID: ticketID, TechID: techID, At: at})
}

// EnterPastVisit books a visit that already happened, on purpose: an
// emergency nobody booked, a paper timesheet. Its steps are then entered at
// their real times, each marked as entered late; it is never late to start.
func (d *Door) EnterPastVisit(ctx context.Context, who model.Actor, ticketID, techID int64, at time.Time) (model.Visit, error) {
	return d.Book(ctx, who, Booking{TicketID: ticketID, TechID: techID, At: at, AfterTheFact: true})
}

// Book books a visit. A booking over the technician's other visits (their
// sites' travel counted) is refused with the clash named, unless made
// anyway; one that already happened is checked step by step instead.
func (d *Door) Book(ctx context.Context, who model.Actor, b Booking) (model.Visit, error) {
	v := model.Visit{TicketID: b.TicketID, TechID: b.TechID, ScheduledAt: b.At.UTC().Truncate(time.Second), AfterTheFact: b.AfterTheFact}
	if err := who.Role.Check(model.ActScheduleVisit); err != nil {
		return v, err
	}
	if err := model.ValidateSchedule(v.ScheduledAt, d.Now(), b.AfterTheFact); err != nil {
		return v, err
	}
	err := d.write(ctx, who, model.ActScheduleVisit, feed.Visits|feed.Tickets, func(tx *store.Tx, now time.Time) error {
		t, err := tx.TicketByID(ctx, b.TicketID)
		if err != nil {
			return err
		}
		if t.Status != model.TicketOpen {
			return model.Conflict{Msg: fmt.Sprintf("%s is %s; only open tickets get visits", t.Ref(), t.Status)}
		}
		tech, err := bookableTech(ctx, tx, b.TechID)
		if err != nil {
			return err
		}
		v.TechName = tech.Name
		if b.AfterTheFact && v.ScheduledAt.Before(t.CreatedAt) {
			return model.FieldError{Field: "at", Msg: fmt.Sprintf("%s is before %s was opened (%s); a visit follows the call — "+
				"if the client called earlier, cancel the ticket and open it again as of the call (ticket new --at)",
				model.ClockIn(v.ScheduledAt, now, d.Location()), t.Ref(), model.ClockIn(t.CreatedAt, now, d.Location()))}
		}
		if !b.Anyway {
			if err := d.checkBooking(ctx, tx, v, t); err != nil {
				return err
			}
		}
		v, err = tx.InsertVisit(ctx, v, who.Name, model.Event{At: now, RecordedAt: now, By: who.Name})
		if err != nil {
			return err
		}
		action := "visit.schedule"
		if b.AfterTheFact {
			action = "visit.enter_past"
		}
		if err := tx.Audit(ctx, now, who.String(), action, "visit", v.ID, nil, v); err != nil {
			return err
		}
		booked, err := tx.VisitByID(ctx, v.ID)
		if err != nil || len(booked.Events) == 0 {
			return err
		}
		return d.tell(ctx, tx, model.MsgBooked, booked, t, booked.Events[0], now, nil)
	})
	return v, err
}

// checkBooking refuses a booking that overlaps the technician's other
// visits to come, the sites' travel both ways counted.
func (d *Door) checkBooking(ctx context.Context, tx *store.Tx, v model.Visit, t model.Ticket) error {
	span, err := bookedSpan(ctx, tx, v, t)
	if err != nil {
		return err
	}
	if v.AfterTheFact && span.To.After(d.Now()) {
		span.To = d.Now() // it happened: it cannot have held them past now
	}
	day := model.StartOfDay(v.ScheduledAt, d.Location())
	visits, err := tx.TechDay(ctx, v.TechID, day.AddDate(0, 0, -1), day.AddDate(0, 0, 2))
	if err != nil {
		return err
	}
	var others []model.Booked
	for _, o := range visits {
		if o.ID == v.ID || o.Phase() == model.PhaseCancelled {
			continue
		}
		// A booking holds its span; work already recorded holds the times it
		// was done, which is what a visit entered after the fact can clash with.
		var spans []model.Interval
		switch {
		case v.AfterTheFact && o.Phase() == model.PhaseScheduled && !o.AfterTheFact:
			// a booking never started says nothing of where they were
		case o.Phase() == model.PhaseScheduled:
			ot, err := tx.TicketByID(ctx, o.TicketID)
			if err != nil {
				return err
			}
			span, err := bookedSpan(ctx, tx, o, ot)
			if err != nil {
				return err
			}
			spans = append(spans, span)
		case v.AfterTheFact:
			spans = model.BusyKnown(o, d.Now()) // as far as its steps are entered
		}
		if len(spans) == 0 {
			continue
		}
		what, err := visitWhat(ctx, tx, o)
		if err != nil {
			return err
		}
		for _, span := range spans {
			others = append(others, model.Booked{Visit: o, Span: span, What: what})
		}
	}
	if clash := model.Overlapping(span, others, v.ID); len(clash) > 0 {
		return model.DoubleBooked{Tech: v.TechName, Span: span, With: clash, Loc: d.Location()}
	}
	return nil
}

// visitWhat names a visit's ticket and client, for a warning.
func visitWhat(ctx context.Context, tx *store.Tx, v model.Visit) (string, error) {
	t, err := tx.TicketByID(ctx, v.TicketID)
	if err != nil {
		return "", err
	}
	client, err := tx.ClientByID(ctx, t.ClientID)
	if err != nil {
		return "", err
	}
	return t.Ref() + " " + client.Name, nil
}

// bookedSpan is the time a booked visit holds its technician.
func bookedSpan(ctx context.Context, tx *store.Tx, v model.Visit, t model.Ticket) (model.Interval, error) {
	site, err := tx.SiteByID(ctx, t.SiteID)
	if err != nil {
		return model.Interval{}, err
	}
	return model.BookedSpan(v.ScheduledAt, site.Travel, t.Estimate), nil
}

// TicketCard is a ticket with everything needed to read it in full.
type TicketCard struct {
	model.Ticket
	Client   model.Client
	Contact  model.Contact
	Site     model.Site
	Visits   []model.Visit
	Requests []model.ScopeRequest // "while you're here", asked on its visits
	MadeFrom *model.ScopeRequest  // the request on another ticket's visit it was made from, if any
	Events   []model.TicketEvent  // waiting, priority changes, contacts, done
	Audit    []store.AuditEntry
	// Authorisation is the latest work authorisation, or nil; to a role that
	// may not see rates, who accepted and when, without the terms.
	Authorisation *model.WorkAuthorisation
	Parts         []model.Part // sold with it; without prices to those who may not see them
	// Its SLA clocks as of the read.
	Response, Resolution model.SLAClock
	AfterHours           bool
	SLAZone              *time.Location
}

// Ticket loads one ticket in full.
func (d *Door) Ticket(ctx context.Context, who model.Actor, id int64) (TicketCard, error) {
	var c TicketCard
	err := d.read(ctx, who, model.ActViewBoard, func(tx *store.Tx) error {
		var err error
		if c.Ticket, err = tx.TicketByID(ctx, id); err != nil {
			return err
		}
		if c.Client, err = tx.ClientByID(ctx, c.ClientID); err != nil {
			return err
		}
		c.Client = c.Client.SeenBy(who.Role)
		if c.Contact, err = tx.ContactByID(ctx, c.ContactID); err != nil {
			return err
		}
		if c.Site, err = tx.SiteByID(ctx, c.SiteID); err != nil {
			return err
		}
		if c.Visits, err = tx.VisitsForTicket(ctx, id); err != nil {
			return err
		}
		if c.Requests, err = tx.ScopeForTicket(ctx, id); err != nil {
			return err
		}
		if c.Authorisation, err = tx.LatestAuthorisation(ctx, id); err != nil {
			return err
		}
		if a := c.Authorisation; a != nil && !who.Role.Can(model.ActSeeRates) {
			a.Terms, a.Accepted = "", model.BillingTerms{}
		}
		if c.Parts, err = tx.PartsFor(ctx, id); err != nil {
			return err
		}
		if !who.Role.Can(model.ActSeeRates) {
			for i := range c.Parts {
				c.Parts[i].Price = 0
			}
		}
		from, err := tx.ScopeMadeTicket(ctx, id)
		if err != nil {
			return err
		}
		if len(from) > 0 {
			c.MadeFrom = &from[0]
		}
		if c.Events, err = tx.TicketEvents(ctx, id); err != nil {
			return err
		}
		policy, err := tx.Policy(ctx)
		if err != nil {
			return err
		}
		c.SLAZone = d.slaZone(policy)
		c.Response, c.Resolution = model.Clocks(policy, c.SLAZone, model.HistoryOf(c.Ticket, c.Events, c.Visits), d.clock.Now())
		c.AfterHours = c.Priority == model.P1 && model.AfterHours(policy, c.SLAZone, c.CreatedAt)
		c.Audit, err = tx.AuditFor(ctx, "ticket", id)
		if !who.Role.Can(model.ActSeeRates) { // what a client pays stays with the office
			c.Ticket = c.Ticket.SeenBy(who.Role)
			for i := range c.Audit {
				c.Audit[i] = c.Audit[i].WithoutMoney()
			}
		}
		return err
	})
	return c, err
}

// Board builds the dispatch board as of now. The calls owed about
// meetings are the office's: others get the board without them (a copy;
// the built board is shared).
func (d *Door) Board(ctx context.Context, who model.Actor) (model.Board, error) {
	if err := who.Role.Check(model.ActViewBoard); err != nil {
		return model.Board{}, err
	}
	b, err := d.board(ctx)
	if !who.Role.Can(model.ActManageClients) {
		b.Calls = nil
	}
	return b, err
}

// Techs lists the technicians, for picking who goes.
func (d *Door) Techs(ctx context.Context, who model.Actor) ([]model.User, error) {
	var out []model.User
	err := d.read(ctx, who, model.ActViewBoard, func(tx *store.Tx) error {
		var err error
		out, err = tx.Users(ctx, model.RoleTech)
		return err
	})
	return out, err
}

// FindTech resolves a technician by name.
func (d *Door) FindTech(ctx context.Context, who model.Actor, name string) (model.User, error) {
	var u model.User
	err := d.read(ctx, who, model.ActViewBoard, func(tx *store.Tx) error {
		var err error
		u, err = tx.UserByName(ctx, model.CleanName(name))
		switch {
		case errors.Is(err, model.ErrNotFound):
			techs, err := tx.Users(ctx, model.RoleTech)
			if err != nil {
				return err
			}
			names := make([]string, len(techs))
			for i, t := range techs {
				names[i] = t.Name
			}
			return model.FieldError{Field: "tech", Msg: fmt.Sprintf("%q is not one of the technicians: %s", model.CleanLine(name), strings.Join(names, ", "))}
		case err == nil && u.Role != model.RoleTech:
			return model.FieldError{Field: "tech", Msg: fmt.Sprintf("%s is a %s, not a technician", u.Name, u.Role)}
		}
		return err
	})
	return u, err
}

// Waiting counts the decisions waiting for a dispatcher (add-ons for a
// supervisor, contacts nobody could reach), for a badge on every screen:
// the waiting section of the board every session shares.
func (d *Door) Waiting(ctx context.Context, who model.Actor) (int, error) {
	b, err := d.Board(ctx, who)
	return b.Count(model.SecWaiting), err
}
