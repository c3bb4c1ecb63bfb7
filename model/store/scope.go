package store

import (
	"context"
	"database/sql"
	"time"

	"dispatch/model"
)

// InsertScopeRequest stores a new request; it starts undecided.
func (t *Tx) InsertScopeRequest(ctx context.Context, r model.ScopeRequest) (model.ScopeRequest, error) {
	err := t.queryRow(ctx, `INSERT INTO scope_requests (visit_id, asked_at, recorded_by, asked_by_contact, asked_by, what, state)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		r.VisitID, unix(r.AskedAt), r.RecordedBy, nullID(r.AskedByID), r.AskedBy, r.What, model.ScopeAsked).Scan(&r.ID)
	if err != nil {
		return r, err
	}
	return r, t.reindexVisit(ctx, r.VisitID)
}

// AppendDecision adds a decision to a request and stores the state it leads
// to, in the same transaction. Decisions are never updated.
func (t *Tx) AppendDecision(ctx context.Context, r model.ScopeRequest, d model.ScopeDecision) (model.ScopeRequest, error) {
	err := t.queryRow(ctx, `INSERT INTO scope_decisions
		(request_id, kind, at, by, contact_id, estimate_seconds, told_meter_running, ticket_id, reason)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		r.ID, d.Kind, unix(d.At), d.By, nullID(d.ContactID), int64(d.Estimate/time.Second), b2i(d.ToldMeterRunning),
		nullID(d.TicketID), d.Reason).Scan(&d.ID)
	if err != nil {
		return r, err
	}
	r.Decisions = append(r.Decisions, d)
	_, err = t.exec(ctx, `UPDATE scope_requests SET state = ? WHERE id = ?`, r.State(), r.ID)
	return r, err
}

// ScopeByID loads one request with its decisions.
func (t *Tx) ScopeByID(ctx context.Context, id int64) (model.ScopeRequest, error) {
	rs, err := t.scopeWhere(ctx, `s.id = ?`, id)
	if err == nil && len(rs) == 0 {
		err = sql.ErrNoRows
	}
	if err != nil {
		return model.ScopeRequest{}, notFound(err, "scope request", model.FormatID(model.PrefixScope, id), "see: scope list")
	}
	return rs[0], nil
}

// ScopeForVisit lists the requests made on a visit, oldest first.
func (t *Tx) ScopeForVisit(ctx context.Context, visitID int64) ([]model.ScopeRequest, error) {
	return t.scopeWhere(ctx, `s.visit_id = ?`, visitID)
}

// ScopeForTicket lists the requests made on any visit of a ticket.
func (t *Tx) ScopeForTicket(ctx context.Context, ticketID int64) ([]model.ScopeRequest, error) {
	return t.scopeWhere(ctx, `v.ticket_id = ?`, ticketID)
}

// ScopeMadeTicket finds the request a ticket was made from on site, if any.
func (t *Tx) ScopeMadeTicket(ctx context.Context, ticketID int64) ([]model.ScopeRequest, error) {
	return t.scopeWhere(ctx, `s.id IN (SELECT request_id FROM scope_decisions WHERE kind = 'new_ticket' AND ticket_id = ?)`, ticketID)
}

// OpenScope lists the requests still to be decided (asked, awaiting a
// supervisor, or refused and not yet settled), oldest first, through the
// partial index on state.
func (t *Tx) OpenScope(ctx context.Context) ([]model.ScopeRequest, error) {
	return t.scopeWhere(ctx, `s.state IN ('asked', 'awaiting supervisor', 'refused')`)
}

// AwaitingSupervisor lists the add-ons waiting for a supervisor. It names
// the partial index's own condition: SQLite uses a partial index only for a
// query whose WHERE repeats it, and without it read every request the
// office ever had after every change (6.6% of the server's CPU at 500
// sessions on the ten-year office).
func (t *Tx) AwaitingSupervisor(ctx context.Context) ([]model.ScopeRequest, error) {
	return t.scopeWhere(ctx, `s.state IN ('asked', 'awaiting supervisor', 'refused') AND s.state = 'awaiting supervisor'`)
}

// scopeWhere loads requests matching a condition with what they are shown
// with (client, technician, first job) and their decisions: two queries.
func (t *Tx) scopeWhere(ctx context.Context, cond string, args ...any) ([]model.ScopeRequest, error) {
	from := ` FROM scope_requests s JOIN visits v ON v.id = s.visit_id JOIN tickets k ON k.id = v.ticket_id
		JOIN clients c ON c.id = k.client_id JOIN users u ON u.id = v.tech_id WHERE ` + cond
	reqs, err := queryAll(ctx, t, func(r scanner) (model.ScopeRequest, error) {
		var s model.ScopeRequest
		var asked int64
		var contact sql.NullInt64
		err := r.Scan(&s.ID, &s.VisitID, &s.TicketID, &s.ClientID, &contact, &s.AskedBy, &s.What, &asked, &s.RecordedBy,
			&s.FirstJob, &s.Client, &s.Tech, &s.TechID)
		s.AskedAt, s.AskedByID = fromUnix(asked), contact.Int64
		return s, err
	}, `SELECT s.id, s.visit_id, v.ticket_id, k.client_id, s.asked_by_contact, s.asked_by, s.what, s.asked_at,
		s.recorded_by, k.first_job, c.name, u.name, u.id`+from+` ORDER BY s.id`, args...)
	if err != nil || len(reqs) == 0 {
		return reqs, err
	}
	index := make(map[int64]int, len(reqs))
	for i, r := range reqs {
		index[r.ID] = i
	}
	decisions, err := queryAll(ctx, t, func(r scanner) (struct {
		request int64
		d       model.ScopeDecision
	}, error) {
		var row struct {
			request int64
			d       model.ScopeDecision
		}
		var at, estimate int64
		var contact, ticket sql.NullInt64
		err := r.Scan(&row.request, &row.d.ID, &row.d.Kind, &at, &row.d.By, &contact, &row.d.ContactName, &estimate,
			&row.d.ToldMeterRunning, &ticket, &row.d.Reason)
		row.d.At, row.d.ContactID, row.d.TicketID = fromUnix(at), contact.Int64, ticket.Int64
		row.d.Estimate = time.Duration(estimate) * time.Second
		return row, err
	}, `SELECT d.request_id, d.id, d.kind, d.at, d.by, d.contact_id, COALESCE(p.name, ''), d.estimate_seconds,
		d.told_meter_running, d.ticket_id, d.reason
		FROM scope_decisions d LEFT JOIN contacts p ON p.id = d.contact_id
		WHERE d.request_id IN (SELECT s.id`+from+`) ORDER BY d.id`, args...)
	for _, row := range decisions {
		if i, ok := index[row.request]; ok {
			reqs[i].Decisions = append(reqs[i].Decisions, row.d)
		}
	}
	return reqs, err
}

// ScopeSince lists the requests asked since an instant.
func (t *Tx) ScopeSince(ctx context.Context, since time.Time) ([]model.ScopeRequest, error) {
	return t.scopeWhere(ctx, `s.asked_at >= ?`, unix(since))
}
