package store

import (
	"context"
	"strings"

	"dispatch/model"
)

// theirTickets selects a client's tickets by id, through the client's index.
const theirTickets = `(SELECT id FROM tickets WHERE client_id = ?)`

// ClientRecords reads every record a client's timeline is drawn from.
func (t *Tx) ClientRecords(ctx context.Context, clientID int64) (model.ClientRecords, error) {
	var r model.ClientRecords
	var err error
	if r.Tickets, err = queryAll(ctx, t, func(row scanner) (model.Ticket, error) { return scanTicket(row) },
		`SELECT `+ticketCols+` FROM tickets t WHERE t.client_id = ?`, clientID); err != nil {
		return r, err
	}
	if r.TicketEvents, err = t.ticketEventsWhere(ctx, `ticket_id IN `+theirTickets, clientID); err != nil {
		return r, err
	}
	if r.Visits, err = t.visitsWhere(ctx, `v.ticket_id IN `+theirTickets, clientID); err != nil {
		return r, err
	}
	if r.Requests, err = t.scopeWhere(ctx, `v.ticket_id IN `+theirTickets, clientID); err != nil {
		return r, err
	}
	if r.Authorisations, err = queryAll(ctx, t, func(row scanner) (model.WorkAuthorisation, error) {
		var a model.WorkAuthorisation
		var visit *int64
		var at int64
		err := row.Scan(&a.ID, &a.TicketID, &visit, &a.ContactName, &at, &a.By)
		if visit != nil {
			a.VisitID = *visit
		}
		a.At = fromUnix(at)
		return a, err
	}, `SELECT w.id, w.ticket_id, w.visit_id, c.name, w.at, w.by FROM work_authorisations w JOIN contacts c ON c.id = w.contact_id
		WHERE w.ticket_id IN `+theirTickets, clientID); err != nil {
		return r, err
	}
	if r.Invoices, err = t.InvoicesOfClient(ctx, clientID); err != nil {
		return r, err
	}
	contacts, err := queryAll(ctx, t, scanContact, `SELECT `+contactCols+` FROM contacts WHERE client_id = ?`, clientID)
	if err != nil {
		return r, err
	}
	r.Contacts = map[int64]string{}
	for _, c := range contacts {
		r.Contacts[c.ID] = c.Name
	}
	if r.FollowUps, err = queryAll(ctx, t, func(row scanner) (model.FollowUp, error) {
		var f model.FollowUp
		var at int64
		err := row.Scan(&f.VisitID, &at, &f.By, &f.Text)
		f.At = fromUnix(at)
		return f, err
	}, `SELECT f.visit_id, f.at, f.by, f.text FROM followups f JOIN visits v ON v.id = f.visit_id
		WHERE v.ticket_id IN `+theirTickets, clientID); err != nil {
		return r, err
	}
	if r.Notices, err = t.NoticesFor(ctx, clientID); err != nil {
		return r, err
	}
	if r.Meetings, err = t.MeetingsFor(ctx, clientID); err != nil {
		return r, err
	}
	if r.Changes, err = t.recordChanges(ctx, clientID); err != nil {
		return r, err
	}
	if r.Letters, err = t.SentLetters(ctx, clientID); err != nil {
		return r, err
	}
	if r.Policy, err = t.Policy(ctx); err != nil {
		return r, err
	}
	r.Touches, err = t.HandTouches(ctx, clientID)
	return r, err
}

// SaveFollowUp records what the client said about a finished job; a second
// answer joins the first.
func (t *Tx) SaveFollowUp(ctx context.Context, f model.FollowUp) error {
	_, err := t.exec(ctx, `INSERT INTO followups (visit_id, at, by, text) VALUES (?, ?, ?, ?)`, f.VisitID, unix(f.At), f.By, f.Text)
	return err
}

// HandTouches lists the calls, emails and notes logged by hand about a
// client; what the records say themselves (a request, an overrun answer, a
// call back on a ticket) is read from the records, not from here.
func (t *Tx) HandTouches(ctx context.Context, clientID int64) ([]model.Touch, error) {
	return queryAll(ctx, t, func(r scanner) (model.Touch, error) {
		var tc model.Touch
		var at int64
		err := r.Scan(&tc.ID, &tc.ClientID, &at, &tc.Kind, &tc.By, &tc.Summary)
		tc.At, tc.Ref = fromUnix(at), model.FormatID(model.PrefixClient, tc.ClientID)
		return tc, err
	}, `SELECT id, client_id, at, kind, by, summary FROM touches WHERE client_id = ? AND entity = 'client' ORDER BY at DESC, id DESC`, clientID)
}

// LogTouch records a call, an email or a note about a client, by hand.
func (t *Tx) LogTouch(ctx context.Context, tc model.Touch) (model.Touch, error) {
	err := t.queryRow(ctx, `INSERT INTO touches (client_id, at, kind, by, summary, entity, entity_id)
		VALUES (?, ?, ?, ?, ?, 'client', ?) RETURNING id`, tc.ClientID, unix(tc.At), tc.Kind, tc.By, tc.Summary, tc.ClientID).Scan(&tc.ID)
	tc.Ref = model.FormatID(model.PrefixClient, tc.ClientID)
	return tc, err
}

// recordChanges reads the audit of a client's own record: its terms, name
// and contract, its contacts and sites, oldest first.
func (t *Tx) recordChanges(ctx context.Context, clientID int64) ([]model.RecordChange, error) {
	prefix := map[string]string{"client": model.PrefixClient, "contact": model.PrefixContact, "site": model.PrefixSite}
	return queryAll(ctx, t, func(r scanner) (model.RecordChange, error) {
		var c model.RecordChange
		var at, id int64
		var entity string
		err := r.Scan(&at, &c.By, &c.Action, &entity, &id, &c.Before, &c.After)
		c.At, c.Ref = fromUnix(at), model.FormatID(prefix[entity], id)
		c.By, _, _ = strings.Cut(c.By, " (") // "Ken Walsh (manager)": the name is enough here
		return c, err
	}, `SELECT at, actor, action, entity, entity_id, before, after FROM audit
		WHERE entity = 'client' AND entity_id = ? AND action IN ('terms.client', 'client.edit')
		OR entity = 'contact' AND action IN ('contact.edit', 'contact.role') AND entity_id IN (SELECT id FROM contacts WHERE client_id = ?)
		OR entity = 'site' AND action = 'site.edit' AND entity_id IN (SELECT id FROM sites WHERE client_id = ?)
		ORDER BY id`, clientID, clientID, clientID)
}
