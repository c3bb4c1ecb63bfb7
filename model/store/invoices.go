package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"time"

	"dispatch/model"
)

// InsertInvoice stores a new invoice with its tickets and lines.
func (t *Tx) InsertInvoice(ctx context.Context, inv model.Invoice) (model.Invoice, error) {
	err := t.queryRow(ctx, `INSERT INTO invoices (client_id, state, terms, tolerance, told, warnings, total_cents, told_cents,
		surprise, drafted_at, drafted_by) VALUES (?, ?, '', '', '', '', 0, 0, 0, ?, ?) RETURNING id`,
		inv.ClientID, inv.State, unix(inv.DraftedAt), inv.DraftedBy).Scan(&inv.ID)
	if err != nil {
		return inv, err
	}
	inv.Version = 1
	return inv, t.SaveInvoice(ctx, inv)
}

// SaveInvoice stores an invoice's lines, tickets, state and what it was
// drawn from. The lines go first, while the invoice is as it was: once it
// is sent, the database refuses any change to them.
func (t *Tx) SaveInvoice(ctx context.Context, inv model.Invoice) error {
	if _, err := t.exec(ctx, `DELETE FROM invoice_tickets WHERE invoice_id = ?`, inv.ID); err != nil {
		return err
	}
	for _, id := range inv.TicketIDs {
		if _, err := t.exec(ctx, `INSERT INTO invoice_tickets (invoice_id, ticket_id) VALUES (?, ?)`, inv.ID, id); err != nil {
			return err
		}
	}
	if _, err := t.exec(ctx, `DELETE FROM invoice_lines WHERE invoice_id = ?`, inv.ID); err != nil {
		return err
	}
	for _, l := range inv.Lines {
		_, err := t.exec(ctx, `INSERT INTO invoice_lines (invoice_id, n, ticket_id, visit_id, kind, grp, description, actual_seconds,
			billed_seconds, rate_cents, qty, amount_cents, sources, reason, by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			inv.ID, l.N, nullID(l.TicketID), nullID(l.VisitID), l.Kind, l.Group, l.Description, int64(l.Actual/time.Second),
			int64(l.Billed/time.Second), l.Rate, l.Qty, l.Amount, strings.Join(l.Sources, " "), l.Reason, l.By)
		if err != nil {
			return err
		}
	}
	enc := func(v any) string { b, _ := json.Marshal(v); return string(b) }
	_, err := t.exec(ctx, `UPDATE invoices SET state = ?, terms = ?, tolerance = ?, told = ?, warnings = ?, total_cents = ?,
		told_cents = ?, surprise = ?, explanation = ?, explained_by = ?, explained_over_cents = ?, drafted_at = ?, drafted_by = ?, approved_at = ?,
		approved_by = ?, sent_at = ?, due_at = ?, paid_cents = ?, paid_at = ?, dispute = ?, disputed_at = ?, version = version + 1
		WHERE id = ?`,
		inv.State, enc(inv.Terms), enc(inv.Tolerance), enc(inv.Told), enc(inv.Warnings), inv.Total(), inv.ToldTotal(),
		b2i(inv.Surprise()), inv.Explanation, inv.ExplainedBy, inv.ExplainedOver, unix(inv.DraftedAt), inv.DraftedBy, nullUnix(inv.ApprovedAt),
		inv.ApprovedBy, nullUnix(inv.SentAt), nullUnix(inv.DueAt), inv.Paid, nullUnix(inv.PaidAt), inv.Dispute,
		nullUnix(inv.DisputedAt), inv.ID)
	return err
}

// SetInvoiceState stores a change of state alone: a sent invoice's lines
// are never written again.
func (t *Tx) SetInvoiceState(ctx context.Context, inv model.Invoice) error {
	_, err := t.exec(ctx, `UPDATE invoices SET state = ?, approved_at = ?, approved_by = ?, sent_at = ?, due_at = ?,
		paid_cents = ?, paid_at = ?, dispute = ?, disputed_at = ?, version = version + 1 WHERE id = ?`,
		inv.State, nullUnix(inv.ApprovedAt), inv.ApprovedBy, nullUnix(inv.SentAt), nullUnix(inv.DueAt), inv.Paid,
		nullUnix(inv.PaidAt), inv.Dispute, nullUnix(inv.DisputedAt), inv.ID)
	return err
}

// InvoiceByID loads an invoice with its tickets, lines and credit notes.
func (t *Tx) InvoiceByID(ctx context.Context, id int64) (model.Invoice, error) {
	list, err := t.invoicesWhere(ctx, `i.id = ?`, id)
	if err == nil && len(list) == 0 {
		err = sql.ErrNoRows
	}
	if err != nil {
		return model.Invoice{}, notFound(err, "invoice", model.FormatID(model.PrefixInvoice, id), "see: invoice list")
	}
	return list[0], nil
}

// InvoicesOfClient loads a client's invoices but the void ones, each whole,
// newest first: four reads however many there are.
func (t *Tx) InvoicesOfClient(ctx context.Context, clientID int64) ([]model.Invoice, error) {
	return t.invoicesWhere(ctx, `i.client_id = ? AND i.state <> 'void'`, clientID)
}

// invoicesWhere loads the invoices a condition on i (invoices) selects,
// with their tickets, lines and credit notes, by id.
func (t *Tx) invoicesWhere(ctx context.Context, where string, args ...any) ([]model.Invoice, error) {
	list, err := queryAll(ctx, t, scanInvoice, `SELECT i.id, i.client_id, c.name, i.state, i.terms, i.tolerance, i.told, i.warnings, i.explanation,
		i.explained_by, i.explained_over_cents, i.drafted_at, i.drafted_by, i.approved_at, i.approved_by, i.sent_at, i.due_at, i.paid_cents, i.paid_at,
		i.dispute, i.disputed_at, i.version FROM invoices i JOIN clients c ON c.id = i.client_id WHERE `+where+` ORDER BY i.id DESC`, args...)
	if err != nil || len(list) == 0 {
		return list, err
	}
	at := make(map[int64]*model.Invoice, len(list))
	for i := range list {
		at[list[i].ID] = &list[i]
	}
	chosen := `(SELECT i.id FROM invoices i WHERE ` + where + `)`
	held, err := queryAll(ctx, t, func(r scanner) ([2]int64, error) {
		var p [2]int64
		return p, r.Scan(&p[0], &p[1])
	}, `SELECT invoice_id, ticket_id FROM invoice_tickets WHERE invoice_id IN `+chosen+` ORDER BY invoice_id, ticket_id`, args...)
	if err != nil {
		return nil, err
	}
	for _, p := range held {
		at[p[0]].TicketIDs = append(at[p[0]].TicketIDs, p[1])
	}
	lines, err := queryAll(ctx, t, scanInvoiceLine, `SELECT invoice_id, n, ticket_id, visit_id, kind, grp, description, actual_seconds, billed_seconds,
		rate_cents, qty, amount_cents, sources, reason, by FROM invoice_lines WHERE invoice_id IN `+chosen+` ORDER BY invoice_id, n`, args...)
	if err != nil {
		return nil, err
	}
	for _, l := range lines {
		at[l.invoice].Lines = append(at[l.invoice].Lines, l.InvoiceLine)
	}
	credits, err := queryAll(ctx, t, scanCredit, `SELECT id, invoice_id, line_n, amount_cents, reason, at, by FROM credit_notes
		WHERE invoice_id IN `+chosen+` ORDER BY id`, args...)
	for _, c := range credits {
		at[c.InvoiceID].Credits = append(at[c.InvoiceID].Credits, c)
	}
	return list, err
}

func scanInvoice(r scanner) (model.Invoice, error) {
	var inv model.Invoice
	var terms, tol, told, warnings string
	var drafted int64
	var approved, sent, due, paid, disputed sql.NullInt64
	err := r.Scan(&inv.ID, &inv.ClientID, &inv.Client, &inv.State, &terms, &tol, &told, &warnings, &inv.Explanation,
		&inv.ExplainedBy, &inv.ExplainedOver, &drafted, &inv.DraftedBy, &approved, &inv.ApprovedBy, &sent, &due, &inv.Paid, &paid,
		&inv.Dispute, &disputed, &inv.Version)
	if err != nil {
		return inv, err
	}
	inv.DraftedAt, inv.ApprovedAt, inv.SentAt, inv.DueAt = fromUnix(drafted), fromNullUnix(approved), fromNullUnix(sent), fromNullUnix(due)
	inv.PaidAt, inv.DisputedAt = fromNullUnix(paid), fromNullUnix(disputed)
	for _, f := range []struct {
		raw string
		v   any
	}{{terms, &inv.Terms}, {tol, &inv.Tolerance}, {told, &inv.Told}, {warnings, &inv.Warnings}} {
		if err := json.Unmarshal([]byte(f.raw), f.v); err != nil {
			return inv, err
		}
	}
	return inv, nil
}

// lineOf is an invoice line with the invoice it is on.
type lineOf struct {
	invoice int64
	model.InvoiceLine
}

func scanInvoiceLine(r scanner) (lineOf, error) {
	var l lineOf
	var ticket, visit sql.NullInt64
	var actual, billed int64
	var sources string
	err := r.Scan(&l.invoice, &l.N, &ticket, &visit, &l.Kind, &l.Group, &l.Description, &actual, &billed, &l.Rate, &l.Qty, &l.Amount,
		&sources, &l.Reason, &l.By)
	l.TicketID, l.VisitID = ticket.Int64, visit.Int64
	l.Actual, l.Billed = time.Duration(actual)*time.Second, time.Duration(billed)*time.Second
	l.Sources = strings.Fields(sources)
	return l, err
}

func scanCredit(r scanner) (model.CreditNote, error) {
	var c model.CreditNote
	var at int64
	err := r.Scan(&c.ID, &c.InvoiceID, &c.Line, &c.Amount, &c.Reason, &at, &c.By)
	c.At = fromUnix(at)
	return c, err
}

// InsertCredit stores a credit note.
func (t *Tx) InsertCredit(ctx context.Context, c model.CreditNote) (model.CreditNote, error) {
	err := t.queryRow(ctx, `INSERT INTO credit_notes (invoice_id, line_n, amount_cents, reason, at, by) VALUES (?, ?, ?, ?, ?, ?)
		RETURNING id`, c.InvoiceID, c.Line, c.Amount, c.Reason, unix(c.At), c.By).Scan(&c.ID)
	return c, err
}

// CreditsFor lists an invoice's credit notes, oldest first.
func (t *Tx) CreditsFor(ctx context.Context, invoiceID int64) ([]model.CreditNote, error) {
	return queryAll(ctx, t, scanCredit, `SELECT id, invoice_id, line_n, amount_cents, reason, at, by FROM credit_notes WHERE invoice_id = ? ORDER BY id`, invoiceID)
}

// LiveInvoiceOf is the invoice, not void, that holds a ticket, or 0.
func (t *Tx) LiveInvoiceOf(ctx context.Context, ticketID int64) (int64, model.InvoiceState, error) {
	var id int64
	var state model.InvoiceState
	err := t.queryRow(ctx, `SELECT i.id, i.state FROM invoice_tickets it JOIN invoices i ON i.id = it.invoice_id
		WHERE it.ticket_id = ? AND i.state <> 'void' ORDER BY i.id DESC LIMIT 1`, ticketID).Scan(&id, &state)
	if err == sql.ErrNoRows {
		return 0, "", nil
	}
	return id, state, err
}

// InvoiceFilter narrows a list of invoices.
type InvoiceFilter struct {
	ClientID int64
	States   []model.InvoiceState // none: every state but void
	SentFrom time.Time            // sent on or after, when set
	SentTo   time.Time            // sent before, when set
	Limit    int
}

// Invoices lists invoices without their lines, newest first.
func (t *Tx) Invoices(ctx context.Context, f InvoiceFilter) ([]model.InvoiceSummary, error) {
	var where []string
	var args []any
	if f.ClientID != 0 {
		where, args = append(where, "i.client_id = ?"), append(args, f.ClientID)
	}
	if len(f.States) == 0 {
		where = append(where, "i.state <> 'void'")
	} else {
		marks := make([]string, len(f.States))
		for i, s := range f.States {
			marks[i], args = "?", append(args, s)
		}
		where = append(where, "i.state IN ("+strings.Join(marks, ", ")+")")
	}
	if !f.SentFrom.IsZero() {
		where, args = append(where, "i.sent_at >= ?"), append(args, unix(f.SentFrom))
	}
	if !f.SentTo.IsZero() {
		where, args = append(where, "i.sent_at < ?"), append(args, unix(f.SentTo))
	}
	q := `SELECT i.id, i.client_id, c.name, i.state, i.total_cents, i.told_cents, i.paid_cents, i.surprise,
		i.explanation <> '' AND i.total_cents - i.told_cents <= i.explained_over_cents,
		i.drafted_at, i.sent_at, i.due_at, i.dispute,
		(SELECT COUNT(*) FROM invoice_tickets it WHERE it.invoice_id = i.id),
		(SELECT COALESCE(SUM(amount_cents), 0) FROM credit_notes cn WHERE cn.invoice_id = i.id)
		FROM invoices i JOIN clients c ON c.id = i.client_id WHERE ` + strings.Join(where, " AND ") + ` ORDER BY i.id DESC`
	if f.Limit > 0 {
		q += ` LIMIT ?`
		args = append(args, f.Limit)
	}
	return queryAll(ctx, t, func(r scanner) (model.InvoiceSummary, error) {
		var s model.InvoiceSummary
		var drafted int64
		var sent, due sql.NullInt64
		err := r.Scan(&s.ID, &s.ClientID, &s.Client, &s.State, &s.Total, &s.Told, &s.Paid, &s.Surprise, &s.Explained,
			&drafted, &sent, &due, &s.Dispute, &s.Tickets, &s.Credited)
		s.DraftedAt, s.SentAt, s.DueAt = fromUnix(drafted), fromNullUnix(sent), fromNullUnix(due)
		return s, err
	}, q, args...)
}

// ReadyTicket is a done ticket on no invoice yet, as a list shows it.
type ReadyTicket struct {
	ID       int64
	ClientID int64
	Client   string
	Title    string
	DoneAt   time.Time
	Going    bool // a visit of it is still going (the trip back): it drafts once that ends
}

// ReadyToInvoice lists done tickets on no live invoice, oldest first, each
// saying whether a visit of it is still going (the trip back); a
// clientID of 0 lists every client's. The status is named as the board's
// index names it, so years of invoiced tickets are never read.
func (t *Tx) ReadyToInvoice(ctx context.Context, clientID int64) ([]ReadyTicket, error) {
	q := `SELECT t.id, t.client_id, c.name, t.title, COALESCE(t.done_at, t.created_at),
		EXISTS (SELECT 1 FROM visits v WHERE v.ticket_id = t.id AND v.phase NOT IN ('scheduled', 'finished', 'cancelled'))
		FROM tickets t JOIN clients c ON c.id = t.client_id
		WHERE t.status IN ('open', 'done') AND t.status = 'done' AND NOT EXISTS (SELECT 1 FROM invoice_tickets it JOIN invoices i ON i.id = it.invoice_id
			WHERE it.ticket_id = t.id AND i.state <> 'void')`
	var args []any
	if clientID != 0 {
		q += ` AND t.client_id = ?`
		args = append(args, clientID)
	}
	return queryAll(ctx, t, func(r scanner) (ReadyTicket, error) {
		var rt ReadyTicket
		var done int64
		err := r.Scan(&rt.ID, &rt.ClientID, &rt.Client, &rt.Title, &done, &rt.Going)
		rt.DoneAt = fromUnix(done)
		return rt, err
	}, q+` ORDER BY t.id`, args...)
}

// IssuedCredit is a credit note with the invoice and client it corrects.
type IssuedCredit struct {
	model.CreditNote
	Client string
}

// CreditsIssued lists the credit notes issued in [from, to), oldest first:
// the books take a credit in the month it was given, whenever its invoice went.
func (t *Tx) CreditsIssued(ctx context.Context, from, to time.Time) ([]IssuedCredit, error) {
	return queryAll(ctx, t, func(r scanner) (IssuedCredit, error) {
		var c IssuedCredit
		var at int64
		err := r.Scan(&c.ID, &c.InvoiceID, &c.Line, &c.Amount, &c.Reason, &at, &c.By, &c.Client)
		c.At = fromUnix(at)
		return c, err
	}, `SELECT cn.id, cn.invoice_id, cn.line_n, cn.amount_cents, cn.reason, cn.at, cn.by, c.name FROM credit_notes cn
		JOIN invoices i ON i.id = cn.invoice_id JOIN clients c ON c.id = i.client_id
		WHERE cn.at >= ? AND cn.at < ? ORDER BY cn.at, cn.id`, unix(from), unix(to))
}
