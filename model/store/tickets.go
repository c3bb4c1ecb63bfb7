package store

import (
	"context"
	"database/sql"
	"time"

	"dispatch/model"
)

// InsertTicket stores a new ticket.
func (t *Tx) InsertTicket(ctx context.Context, k model.Ticket) (model.Ticket, error) {
	err := t.queryRow(ctx, `INSERT INTO tickets
		(client_id, contact_id, site_id, parent_id, title, scope, priority, estimate_seconds, quote_cents,
		 first_job, status, created_at, created_by, done_at, requested_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id, version`,
		k.ClientID, k.ContactID, k.SiteID, nullID(k.ParentID), k.Title, k.Scope, int(k.Priority),
		int64(k.Estimate.Duration/time.Second), int64(k.Estimate.Quote), b2i(k.FirstJob), k.Status,
		unix(k.CreatedAt), k.CreatedBy, nullUnix(k.DoneAt), k.RequestedBy).Scan(&k.ID, &k.Version)
	if err != nil {
		return k, err
	}
	return k, t.reindex(ctx, k.ID)
}

// SetTicketStatus moves a ticket along its life: done or cancelled at an
// instant, open again with no such instant, invoiced keeping when it was done.
func (t *Tx) SetTicketStatus(ctx context.Context, id int64, status model.TicketStatus, at time.Time) error {
	done := `?`
	var arg any = unix(at)
	switch status {
	case model.TicketOpen:
		arg = nil
	case model.TicketInvoiced:
		done = `COALESCE(done_at, ?)`
	}
	_, err := t.exec(ctx, `UPDATE tickets SET status = ?, done_at = `+done+`, version = version + 1 WHERE id = ?`, status, arg, id)
	return err
}

// EditTicket saves what a ticket says if it is still at the version the
// edit was made from; false means someone changed it in between.
func (t *Tx) EditTicket(ctx context.Context, k model.Ticket, fromVersion int64) (bool, error) {
	res, err := t.exec(ctx, `UPDATE tickets SET client_id = ?, contact_id = ?, site_id = ?, priority = ?, title = ?, scope = ?,
		estimate_seconds = ?, quote_cents = ?, first_job = ?, requested_by = ?, version = version + 1 WHERE id = ? AND version = ?`,
		k.ClientID, k.ContactID, k.SiteID, int(k.Priority), k.Title, k.Scope, int64(k.Estimate.Duration/time.Second),
		int64(k.Estimate.Quote), b2i(k.FirstJob), k.RequestedBy, k.ID, fromVersion)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	if err != nil || n != 1 {
		return false, err
	}
	return true, t.reindex(ctx, k.ID)
}

const ticketCols = `t.id, t.client_id, t.contact_id, t.site_id, t.parent_id, t.title, t.scope, t.priority,
	t.estimate_seconds, t.quote_cents, t.first_job, t.status, t.created_at, t.created_by, t.done_at, t.version, t.requested_by`

func scanTicket(row scanner, extra ...any) (model.Ticket, error) {
	var k model.Ticket
	var parent sql.NullInt64
	var estimate, created int64
	var done sql.NullInt64
	dest := append([]any{&k.ID, &k.ClientID, &k.ContactID, &k.SiteID, &parent, &k.Title, &k.Scope, &k.Priority,
		&estimate, &k.Estimate.Quote, &k.FirstJob, &k.Status, &created, &k.CreatedBy, &done, &k.Version, &k.RequestedBy}, extra...)
	if err := row.Scan(dest...); err != nil {
		return k, err
	}
	k.ParentID = parent.Int64
	k.Estimate.Duration = time.Duration(estimate) * time.Second
	k.CreatedAt, k.DoneAt = fromUnix(created), fromNullUnix(done)
	return k, nil
}

// TicketByID finds a ticket.
func (t *Tx) TicketByID(ctx context.Context, id int64) (model.Ticket, error) {
	k, err := scanTicket(t.queryRow(ctx, `SELECT `+ticketCols+` FROM tickets t WHERE t.id = ?`, id))
	return k, notFound(err, "ticket", model.FormatID(model.PrefixTicket, id), "see: board")
}

// BoardTickets loads every ticket that is open or done (not yet invoiced), with its client's
// name, its visits and their events, and its own events: four queries
// however many tickets.
func (t *Tx) BoardTickets(ctx context.Context) ([]model.BoardTicket, error) {
	rows, err := t.query(ctx, `SELECT `+ticketCols+`, c.name FROM tickets t
		JOIN clients c ON c.id = t.client_id WHERE t.status IN ('open', 'done')`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.BoardTicket
	index := map[int64]int{}
	for rows.Next() {
		var bt model.BoardTicket
		if bt.Ticket, err = scanTicket(rows, &bt.Client); err != nil {
			return nil, err
		}
		index[bt.ID] = len(out)
		out = append(out, bt)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	visits, err := t.visitsWhere(ctx, `v.ticket_id IN (SELECT id FROM tickets WHERE status IN ('open', 'done'))`)
	if err != nil {
		return nil, err
	}
	for _, v := range visits {
		if i, ok := index[v.TicketID]; ok {
			out[i].Visits = append(out[i].Visits, v)
		}
	}
	events, err := t.ticketEventsWhere(ctx, `ticket_id IN (SELECT id FROM tickets WHERE status IN ('open', 'done'))`)
	for _, e := range events {
		if i, ok := index[e.TicketID]; ok {
			out[i].Events = append(out[i].Events, e)
		}
	}
	return out, err
}
