package door

import (
	"context"
	"fmt"
	"time"

	"dispatch/model"
	"dispatch/model/feed"
	"dispatch/model/store"
)

// EditTicket changes what a ticket says: its title, scope and estimate. The
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
		saved, err := tx.EditTicket(ctx, next, e.Version)
		if err != nil {
			return err
		}
		if !saved { // the writer is single, so only another process can get here
			return editConflict(ctx, tx, cur)
		}
		next.Version = e.Version + 1
		out = next
		return tx.Audit(ctx, now, who.String(), "ticket.edit", "ticket", id, editedFields(cur, changed), editedFields(next, changed))
	})
	return out, err
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
		}
	}
	return out
}
