package door

import (
	"context"
	"fmt"
	"sort"
	"time"

	"dispatch/model"
	"dispatch/model/feed"
	"dispatch/model/store"
)

// slaZone is where business hours are kept: the policy's zone, else the
// office's.
func (d *Door) slaZone(model.Policy) *time.Location { return d.Location() }

// Policy reads the office policy; anyone may, since it is the promise made
// to every client.
func (d *Door) Policy(ctx context.Context, who model.Actor) (model.Policy, *time.Location, error) {
	var p model.Policy
	err := d.read(ctx, who, model.ActViewBoard, func(tx *store.Tx) error {
		var err error
		p, err = tx.Policy(ctx)
		return err
	})
	return p, d.slaZone(p), err
}

// SetPolicy replaces the office policy. Every clock is computed from it, so
// every clock changes with it; nothing stored goes stale.
func (d *Door) SetPolicy(ctx context.Context, who model.Actor, p model.Policy) error {
	if err := who.Role.Check(model.ActSetPolicy); err != nil {
		return err
	}
	if p.Zone != "" {
		if _, err := time.LoadLocation(p.Zone); err != nil {
			return model.FieldError{Field: "tz", Msg: fmt.Sprintf("%q is not a time zone; use a name like America/Chicago", model.CleanLine(p.Zone))}
		}
	}
	if err := p.Validate(); err != nil {
		return err
	}
	return d.write(ctx, who, model.ActSetPolicy, feed.Tickets|feed.Policy, func(tx *store.Tx, now time.Time) error {
		before, err := tx.Policy(ctx)
		if err != nil {
			return err
		}
		if err := tx.SetPolicy(ctx, p); err != nil {
			return err
		}
		return tx.Audit(ctx, now, who.String(), "policy.set", "policy", 1, before, p)
	})
}

// Track records something that happens to a ticket besides its visits:
// waiting on the client (with a reason), resumed, re-prioritised, the
// requester contacted (a response), done.
type Track struct {
	Kind        model.TicketEventKind
	Priority    model.Priority // TkPriority: the new one
	Note        string         // the reason it waits, changed, was cancelled or reopened; what was said
	DuplicateOf int64          // TkCancelled: the ticket this one repeats, instead of a reason
}

var trackNoteLimit = model.TextLimit{Field: "note", Max: 300}

// TrackTicket records a ticket event after checking it makes sense now.
func (d *Door) TrackTicket(ctx context.Context, who model.Actor, ticketID int64, in Track) (model.TicketEvent, error) {
	var e model.TicketEvent
	if err := who.Role.Check(model.ActTrackTicket); err != nil {
		return e, err
	}
	in.Note = model.CleanLine(in.Note)
	if err := trackNoteLimit.Check(in.Note); err != nil {
		return e, err
	}
	err := d.write(ctx, who, model.ActTrackTicket, feed.Tickets, func(tx *store.Tx, now time.Time) error {
		t, err := tx.TicketByID(ctx, ticketID)
		if err != nil {
			return err
		}
		events, err := tx.TicketEvents(ctx, ticketID)
		if err != nil {
			return err
		}
		visits, err := tx.VisitsForTicket(ctx, ticketID)
		if err != nil {
			return err
		}
		if in.DuplicateOf != 0 {
			if in.Note, err = duplicateNote(ctx, tx, t, in); err != nil {
				return err
			}
		}
		if err := model.CheckTrack(t, events, visits, in.Kind, in.Priority, in.Note); err != nil {
			return err
		}
		e = model.TicketEvent{TicketID: t.ID, Kind: in.Kind, At: now, By: who.Name, Note: in.Note}
		switch in.Kind {
		case model.TkPriority:
			e.From, e.To = t.Priority, in.Priority
			if err := tx.SetTicketPriority(ctx, t.ID, in.Priority); err != nil {
				return err
			}
		case model.TkDone:
			if err := d.cancelBooked(ctx, tx, who, t, visits, "the job is done", now); err != nil {
				return err
			}
			if err := tx.SetTicketStatus(ctx, t.ID, model.TicketDone, now); err != nil {
				return err
			}
		case model.TkCancelled:
			if err := d.cancelTicket(ctx, tx, who, t, visits, in.Note, now); err != nil {
				return err
			}
		case model.TkReopened:
			if err := tx.SetTicketStatus(ctx, t.ID, model.TicketOpen, now); err != nil {
				return err
			}
		}
		if e, err = tx.AppendTicketEvent(ctx, e); err != nil {
			return err
		}
		return tx.Audit(ctx, now, who.String(), "ticket."+string(in.Kind), "ticket", t.ID, nil, e)
	})
	return e, err
}

// duplicateNote is the reason a ticket cancelled as a duplicate gives: the
// ticket it repeats, which must be another that exists.
func duplicateNote(ctx context.Context, tx *store.Tx, t model.Ticket, in Track) (string, error) {
	if in.Kind != model.TkCancelled {
		return "", model.FieldError{Field: "duplicate-of", Msg: "is only for cancelling a ticket"}
	}
	if in.DuplicateOf == t.ID {
		return "", model.FieldError{Field: "duplicate-of", Msg: fmt.Sprintf("is %s itself; name the ticket it repeats", t.Ref())}
	}
	orig, err := tx.TicketByID(ctx, in.DuplicateOf)
	if err != nil {
		return "", err
	}
	if orig.ClientID != t.ClientID {
		return "", model.FieldError{Field: "duplicate-of", Msg: fmt.Sprintf("%s is another client's ticket; a duplicate repeats one of the same client's", orig.Ref())}
	}
	note := "duplicate of " + orig.Ref()
	if in.Note != "" {
		note += ": " + in.Note
	}
	return note, nil
}

// cancelTicket takes a ticket off every list and clock, with the visits
// still booked for it.
func (d *Door) cancelTicket(ctx context.Context, tx *store.Tx, who model.Actor, t model.Ticket, visits []model.Visit, reason string, now time.Time) error {
	if err := d.cancelBooked(ctx, tx, who, t, visits, "the job was withdrawn: "+reason, now); err != nil {
		return err
	}
	return tx.SetTicketStatus(ctx, t.ID, model.TicketCancelled, now)
}

// cancelBooked cancels a closed ticket's visits still booked: nobody goes
// to a job that is done or withdrawn.
func (d *Door) cancelBooked(ctx context.Context, tx *store.Tx, who model.Actor, t model.Ticket, visits []model.Visit, why string, now time.Time) error {
	for _, v := range visits {
		if v.Phase() == model.PhaseScheduled {
			if _, err := d.cancelVisit(ctx, tx, who, v, t, why, now); err != nil {
				return err
			}
		}
	}
	return nil
}

// SLAItem is an open ticket with its clocks, for sla list.
type SLAItem struct {
	Ticket               model.Ticket
	Client               string
	Response, Resolution model.SLAClock
	Clock                model.SLAClock // the one that presses
	AfterHours, Waiting  bool
}

// SLAFilter keeps only the clocks at risk (running low), breached, or
// both; the zero filter keeps every open ticket.
type SLAFilter struct{ AtRisk, Breached bool }

func (f SLAFilter) keeps(c model.SLAClock) bool {
	return !f.AtRisk && !f.Breached || f.AtRisk && c.AtRisk || f.Breached && c.Breached
}

// SLA lists the open tickets' clocks, most pressing first; the filter keeps
// only those at risk or breached. It shares the board's read.
func (d *Door) SLA(ctx context.Context, who model.Actor, only SLAFilter) ([]SLAItem, error) {
	b, err := d.Board(ctx, who)
	if err != nil {
		return nil, err
	}
	var out []SLAItem
	for _, s := range model.Sections {
		for _, r := range b.Rows[s] {
			if !r.HasClock || r.Scope != nil || r.Alert || !only.keeps(r.Clock) {
				continue
			}
			out = append(out, SLAItem{Ticket: r.Ticket, Client: r.Client, Response: r.Response, Resolution: r.Resolution,
				Clock: r.Clock, AfterHours: r.AfterHours, Waiting: r.Waiting})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return model.MorePressing(out[i].Clock, out[j].Clock) })
	return out, nil
}
