package door

import (
	"context"
	"fmt"
	"time"

	"dispatch/model"
	"dispatch/model/feed"
	"dispatch/model/store"
)

// EditTicket changes what a ticket says: its client (while no visit was
// recorded), requester, site, priority, title, scope and estimate. The
// edit carries the version its editor read; if the ticket has moved on
// since (another dispatcher's edit, a priority change), nothing is saved
// and the editor is told who changed it and shown it as it is now, rather
// than silently overwriting their change.
func (d *Door) EditTicket(ctx context.Context, who model.Actor, id int64, e model.TicketEdit) (model.Ticket, error) {
	var out model.Ticket
	if err := who.Role.Check(model.ActEditTicket); err != nil {
		return out, err
	}
	err := d.write(ctx, who, model.ActEditTicket, feed.Tickets, func(tx *store.Tx, now time.Time) error {
		cur, err := tx.TicketByID(ctx, id)
		if err != nil {
			return err
		}
		if cur.Status == model.TicketInvoiced {
			return model.Conflict{Msg: fmt.Sprintf("%s is invoiced; its record is closed", cur.Ref())}
		}
		if cur.Version != e.Version {
			return editConflict(ctx, tx, cur)
		}
		next, changed, err := e.Apply(cur)
		if err != nil {
			return err
		}
		if len(changed) == 0 {
			return model.Conflict{Msg: fmt.Sprintf("%s already says that; nothing to save", cur.Ref())}
		}
		if err := d.checkEditedParties(ctx, tx, cur, &next); err != nil {
			return err
		}
		saved, err := tx.EditTicket(ctx, next, e.Version)
		if err != nil {
			return err
		}
		if !saved { // the writer is single, so only another process can get here
			return editConflict(ctx, tx, cur)
		}
		next.Version = e.Version + 1
		out = next
		if next.Priority != cur.Priority { // the clocks follow a priority's history, as when set with ticket priority
			pe := model.TicketEvent{TicketID: id, Kind: model.TkPriority, At: now, By: who.Name, From: cur.Priority, To: next.Priority, Note: "edited"}
			if _, err := tx.AppendTicketEvent(ctx, pe); err != nil {
				return err
			}
		}
		return tx.Audit(ctx, now, who.String(), "ticket.edit", "ticket", id, editedFields(cur, changed), editedFields(next, changed))
	})
	return out, err
}

// checkEditedParties checks a ticket's client, requester and site after an
// edit: the client changes only while no visit was recorded (and the first
// job is the new client's to judge), the requester and site are the
// client's own.
func (d *Door) checkEditedParties(ctx context.Context, tx *store.Tx, cur model.Ticket, next *model.Ticket) error {
	if next.ClientID != cur.ClientID {
		visits, err := tx.VisitsForTicket(ctx, cur.ID)
		if err != nil {
			return err
		}
		if err := model.CheckClientChange(cur, visits); err != nil {
			return err
		}
		others, err := tx.HasOtherTickets(ctx, next.ClientID, cur.ID)
		if err != nil {
			return err
		}
		next.FirstJob = !others
	}
	if next.ClientID != cur.ClientID || next.ContactID != cur.ContactID || next.SiteID != cur.SiteID {
		return belongsTogether(ctx, tx, *next)
	}
	return nil
}

// editConflict names who changed the ticket last, from its audit.
func editConflict(ctx context.Context, tx *store.Tx, now model.Ticket) error {
	c := model.EditConflict{Now: now}
	entries, err := tx.AuditFor(ctx, "ticket", now.ID)
	if err != nil {
		return err
	}
	if n := len(entries); n > 0 {
		c.By, c.At = entries[n-1].Actor, entries[n-1].At
	}
	return c
}

// editedFields is what the audit keeps of an edit: the fields it changed.
func editedFields(t model.Ticket, changed []string) map[string]string {
	out := map[string]string{}
	for _, f := range changed {
		switch f {
		case "title":
			out[f] = t.Title
		case "scope":
			out[f] = t.Scope
		case "estimate":
			out[f] = t.Estimate.String()
		case "priority":
			out[f] = t.Priority.String()
		case "client":
			out[f] = model.FormatID(model.PrefixClient, t.ClientID)
		case "requester":
			out[f] = model.FormatID(model.PrefixContact, t.ContactID)
		case "site":
			out[f] = model.FormatID(model.PrefixSite, t.SiteID)
		}
	}
	return out
}
