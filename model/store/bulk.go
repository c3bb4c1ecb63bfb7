package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"dispatch/model"
)

// Bulk writes generated history fast: ids chosen by the caller (SQLite's
// AUTOINCREMENT counters follow explicit ids, so later rows continue after
// them), prepared statements, no reads back. It is for the data generator only; every
// user's action goes through the door.
type Bulk struct {
	tx    *Tx
	ctx   context.Context
	stmts map[string]*sql.Stmt
}

var bulkSQL = map[string]string{
	"user":     `INSERT INTO users (id, name, role, created_at) VALUES (?, ?, ?, ?)`,
	"client":   `INSERT INTO clients (id, name, net_days, hourly_rate, travel_kind, travel_cents, managed, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
	"contact":  `INSERT INTO contacts (id, client_id, name, role, phone, email) VALUES (?, ?, ?, ?, ?, ?)`,
	"site":     `INSERT INTO sites (id, client_id, name, address, travel_seconds) VALUES (?, ?, ?, ?, ?)`,
	"ticket":   `INSERT INTO tickets (id, client_id, contact_id, site_id, title, scope, priority, estimate_seconds, quote_cents, first_job, status, created_at, created_by, done_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"visit":    `INSERT INTO visits (id, ticket_id, tech_id, scheduled_at, created_at, created_by, phase, last_step_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
	"event":    `INSERT INTO visit_events (id, visit_id, kind, at, recorded_at, by, contact_id, note, scope_id, answer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"tevent":   `INSERT INTO ticket_events (ticket_id, kind, at, by, note) VALUES (?, ?, ?, ?, ?)`,
	"scope":    `INSERT INTO scope_requests (id, visit_id, asked_at, recorded_by, asked_by_contact, asked_by, what, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
	"decision": `INSERT INTO scope_decisions (request_id, kind, at, by, contact_id, estimate_seconds, told_meter_running, ticket_id, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"invoice": `INSERT INTO invoices (id, client_id, state, terms, tolerance, told, warnings, total_cents, told_cents, surprise, explanation,
		explained_by, explained_over_cents, drafted_at, drafted_by, approved_at, approved_by, sent_at, due_at, paid_cents, paid_at, dispute, disputed_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"invoice_ticket": `INSERT INTO invoice_tickets (invoice_id, ticket_id) VALUES (?, ?)`,
	"invoice_state":  `UPDATE invoices SET state = ? WHERE id = ?`,
	"invoice_line": `INSERT INTO invoice_lines (invoice_id, n, ticket_id, visit_id, kind, grp, description, actual_seconds, billed_seconds,
		rate_cents, qty, amount_cents, sources, reason, by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
}

// Bulk starts a bulk writer inside this transaction.
func (t *Tx) Bulk(ctx context.Context) (*Bulk, error) {
	b := &Bulk{tx: t, ctx: ctx, stmts: map[string]*sql.Stmt{}}
	for name, q := range bulkSQL {
		st, err := t.tx.PrepareContext(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("prepare %s: %w", name, err)
		}
		b.stmts[name] = st
	}
	return b, nil
}

// Index builds the search rows of tickets from..to (their ids), once their
// visits, notes and requests are written.
func (b *Bulk) Index(from, to int64) error {
	_, err := b.tx.exec(b.ctx, `INSERT OR REPLACE INTO ticket_search (rowid, ref, client, title, scope, requester, techs, notes, requests)
		SELECT id, ref, client, title, scope, requester, techs, notes, requests FROM ticket_search_source WHERE id BETWEEN ? AND ?`, from, to)
	return err
}

// Close releases the statements.
func (b *Bulk) Close() {
	for _, st := range b.stmts {
		st.Close()
	}
}

func (b *Bulk) exec(name string, args ...any) error {
	_, err := b.stmts[name].ExecContext(b.ctx, args...)
	return err
}

func (b *Bulk) User(u model.User) error {
	return b.exec("user", u.ID, u.Name, u.Role, 0)
}

func (b *Bulk) Client(c model.Client) error {
	return b.exec("client", c.ID, c.Name, c.Terms.NetDays, int64(c.Own.Rate), nullText(string(c.Own.Travel.Kind)), int64(c.Own.Travel.Amount), b2i(c.Managed), unix(c.CreatedAt))
}

func (b *Bulk) Contact(c model.Contact) error {
	return b.exec("contact", c.ID, c.ClientID, c.Name, c.Role, c.Phone, c.Email)
}

func (b *Bulk) Site(s model.Site) error {
	return b.exec("site", s.ID, s.ClientID, s.Name, s.Address, int64(s.Travel/time.Second))
}

func (b *Bulk) Ticket(k model.Ticket) error {
	return b.exec("ticket", k.ID, k.ClientID, k.ContactID, k.SiteID, k.Title, k.Scope, int(k.Priority),
		int64(k.Estimate.Duration/time.Second), int64(k.Estimate.Quote), b2i(k.FirstJob), k.Status, unix(k.CreatedAt), k.CreatedBy, nullUnix(k.DoneAt))
}

// Visit stores a visit with its events, and the phase they lead to.
func (b *Bulk) Visit(v model.Visit, createdBy string) error {
	if err := b.exec("visit", v.ID, v.TicketID, v.TechID, unix(v.ScheduledAt), unix(v.Events[0].RecordedAt), createdBy,
		model.PhaseOf(v.Events), nullUnix(model.PhaseSince(v.Events))); err != nil {
		return err
	}
	for _, e := range v.Events {
		if err := b.exec("event", nullID(e.ID), v.ID, e.Kind, unix(e.At), unix(e.RecordedAt), e.By, nullID(e.ContactID), e.Note, nullID(e.ScopeID), e.Answer); err != nil {
			return err
		}
	}
	return nil
}

func (b *Bulk) TicketEvent(e model.TicketEvent) error {
	return b.exec("tevent", e.TicketID, e.Kind, unix(e.At), e.By, e.Note)
}

// Scope stores a request, its decisions and the state they lead to.
func (b *Bulk) Scope(r model.ScopeRequest) error {
	if err := b.exec("scope", r.ID, r.VisitID, unix(r.AskedAt), r.RecordedBy, nullID(r.AskedByID), r.AskedBy, r.What, r.State()); err != nil {
		return err
	}
	for _, d := range r.Decisions {
		if err := b.exec("decision", r.ID, d.Kind, unix(d.At), d.By, nullID(d.ContactID), int64(d.Estimate/time.Second),
			b2i(d.ToldMeterRunning), nullID(d.TicketID), d.Reason); err != nil {
			return err
		}
	}
	return nil
}

// Invoice stores an invoice with its tickets and lines, as drafted and
// taken as far as its state says: written as a draft with its lines, then
// moved to its state, as the database lets a sent invoice's lines be
// written no other way.
func (b *Bulk) Invoice(inv model.Invoice) error {
	enc := func(v any) string { j, _ := json.Marshal(v); return string(j) }
	if err := b.exec("invoice", inv.ID, inv.ClientID, model.InvoiceDraft, enc(inv.Terms), enc(inv.Tolerance), enc(inv.Told), enc(inv.Warnings),
		int64(inv.Total()), int64(inv.ToldTotal()), b2i(inv.Surprise()), inv.Explanation, inv.ExplainedBy, int64(inv.ExplainedOver), unix(inv.DraftedAt), inv.DraftedBy,
		nullUnix(inv.ApprovedAt), inv.ApprovedBy, nullUnix(inv.SentAt), nullUnix(inv.DueAt), int64(inv.Paid), nullUnix(inv.PaidAt),
		inv.Dispute, nullUnix(inv.DisputedAt)); err != nil {
		return err
	}
	for _, id := range inv.TicketIDs {
		if err := b.exec("invoice_ticket", inv.ID, id); err != nil {
			return err
		}
	}
	for _, l := range inv.Lines {
		if err := b.exec("invoice_line", inv.ID, l.N, nullID(l.TicketID), nullID(l.VisitID), l.Kind, l.Group, l.Description,
			int64(l.Actual/time.Second), int64(l.Billed/time.Second), int64(l.Rate), l.Qty, int64(l.Amount), strings.Join(l.Sources, " "), l.Reason, l.By); err != nil {
			return err
		}
	}
	return b.exec("invoice_state", inv.State, inv.ID)
}

// OfficeTerms sets the office's billing defaults.
func (b *Bulk) OfficeTerms(o model.OfficeTerms) error { return b.tx.SetOfficeTerms(b.ctx, o) }
