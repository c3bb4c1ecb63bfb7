package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"dispatch/model"
)

const officeTermsKey = "billing_terms"

// OfficeTerms reads the office's billing defaults, or the defaults of a new
// office while none are set.
func (t *Tx) OfficeTerms(ctx context.Context) (model.OfficeTerms, error) {
	raw, err := t.Setting(ctx, officeTermsKey)
	if err != nil || raw == "" {
		return model.DefaultOfficeTerms(), err
	}
	o := model.DefaultOfficeTerms()
	return o, json.Unmarshal([]byte(raw), &o)
}

// SetOfficeTerms stores the office's billing defaults.
func (t *Tx) SetOfficeTerms(ctx context.Context, o model.OfficeTerms) error {
	b, err := json.Marshal(o)
	if err != nil {
		return err
	}
	return t.SetSetting(ctx, officeTermsKey, string(b))
}

// InsertAuthorisation stores a work authorisation.
func (t *Tx) InsertAuthorisation(ctx context.Context, a model.WorkAuthorisation) (model.WorkAuthorisation, error) {
	accepted, err := json.Marshal(a.Accepted)
	if err != nil {
		return a, err
	}
	err = t.queryRow(ctx, `INSERT INTO work_authorisations (ticket_id, visit_id, contact_id, at, recorded_at, by, terms, accepted)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		a.TicketID, nullID(a.VisitID), a.ContactID, unix(a.At), unix(a.RecordedAt), a.By, a.Terms, string(accepted)).Scan(&a.ID)
	return a, err
}

// LatestAuthorisation is the newest work authorisation of a ticket, or nil.
func (t *Tx) LatestAuthorisation(ctx context.Context, ticketID int64) (*model.WorkAuthorisation, error) {
	var a model.WorkAuthorisation
	var visit sql.NullInt64
	var at, recorded int64
	var accepted string
	err := t.queryRow(ctx, `SELECT w.id, w.ticket_id, w.visit_id, w.contact_id, c.name, w.at, w.recorded_at, w.by, w.terms, w.accepted
		FROM work_authorisations w JOIN contacts c ON c.id = w.contact_id
		WHERE w.ticket_id = ? ORDER BY w.at DESC, w.id DESC LIMIT 1`, ticketID).
		Scan(&a.ID, &a.TicketID, &visit, &a.ContactID, &a.ContactName, &at, &recorded, &a.By, &a.Terms, &accepted)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	a.VisitID, a.At, a.RecordedAt = visit.Int64, fromUnix(at), fromUnix(recorded)
	if accepted != "" {
		err = json.Unmarshal([]byte(accepted), &a.Accepted)
	}
	return &a, err
}

// InsertPart stores a part sold with a ticket.
func (t *Tx) InsertPart(ctx context.Context, p model.Part) (model.Part, error) {
	err := t.queryRow(ctx, `INSERT INTO parts (ticket_id, description, qty, price_cents, approved_by, added_at, added_by)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		p.TicketID, p.Description, p.Qty, p.Price, p.ApprovedByID, unix(p.AddedAt), p.AddedBy).Scan(&p.ID)
	return p, err
}

// PartsFor lists a ticket's parts in the order they were added.
func (t *Tx) PartsFor(ctx context.Context, ticketID int64) ([]model.Part, error) {
	return queryAll(ctx, t, func(r scanner) (model.Part, error) {
		var p model.Part
		var added int64
		err := r.Scan(&p.ID, &p.TicketID, &p.Description, &p.Qty, &p.Price, &p.ApprovedByID, &p.ApprovedBy, &added, &p.AddedBy)
		p.AddedAt = fromUnix(added)
		return p, err
	}, `SELECT p.id, p.ticket_id, p.description, p.qty, p.price_cents, p.approved_by, c.name, p.added_at, p.added_by
		FROM parts p JOIN contacts c ON c.id = p.approved_by WHERE p.ticket_id = ? ORDER BY p.id`, ticketID)
}

// PartByID finds a part.
func (t *Tx) PartByID(ctx context.Context, id int64) (model.Part, error) {
	var p model.Part
	var added int64
	err := t.queryRow(ctx, `SELECT p.id, p.ticket_id, p.description, p.qty, p.price_cents, p.approved_by, c.name, p.added_at, p.added_by
		FROM parts p JOIN contacts c ON c.id = p.approved_by WHERE p.id = ?`, id).
		Scan(&p.ID, &p.TicketID, &p.Description, &p.Qty, &p.Price, &p.ApprovedByID, &p.ApprovedBy, &added, &p.AddedBy)
	p.AddedAt = fromUnix(added)
	return p, notFound(err, "part", model.FormatID(model.PrefixPart, id), "see: ticket show T-…")
}

// DeletePart takes a part off its ticket; the audit keeps what it was.
func (t *Tx) DeletePart(ctx context.Context, id int64) error {
	_, err := t.exec(ctx, `DELETE FROM parts WHERE id = ?`, id)
	return err
}
