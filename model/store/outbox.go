package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"dispatch/model"
)

// QueueLetter writes a letter to the outbox, to be sent from now on: the
// letter with what it is about (o's client, visit, invoice) and, for a
// letter to one of the office, whom (o.UserID). A letter for the same step
// and recipient is already there when a step is retried: then nothing is
// written and queued is false.
func (t *Tx) QueueLetter(ctx context.Context, o model.OutboxLetter, now time.Time) (queued bool, err error) {
	l := o.Letter
	res, err := t.exec(ctx, `INSERT INTO outbox (key, kind, client_id, visit_id, invoice_id, to_user_id, to_contact_id, to_name, to_email, subject,
			body, ics, html, message_id, next_at, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
		l.Key, l.Kind, o.ClientID, nullID(o.VisitID), nullID(o.InvoiceID), nullID(o.UserID), nullID(o.ContactID), l.To.Name, l.To.Email, l.Subject,
		l.Text, l.ICS, l.HTML, l.MessageID, unix(now), unix(now))
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

const outboxCols = `id, key, kind, client_id, visit_id, invoice_id, to_user_id, to_contact_id, to_name, to_email, subject, body, ics, html,
	message_id, state, attempts, next_at, last_error, created_at, sent_at`

func scanOutbox(r scanner) (model.OutboxLetter, error) {
	var o model.OutboxLetter
	var visit, invoice, user, contact, sent sql.NullInt64
	var next, created int64
	err := r.Scan(&o.ID, &o.Key, &o.Kind, &o.ClientID, &visit, &invoice, &user, &contact, &o.To.Name, &o.To.Email, &o.Subject, &o.Text, &o.ICS,
		&o.HTML, &o.MessageID, &o.State, &o.Attempts, &next, &o.LastError, &created, &sent)
	o.VisitID, o.InvoiceID, o.UserID, o.ContactID = visit.Int64, invoice.Int64, user.Int64, contact.Int64
	o.NextAt, o.CreatedAt, o.SentAt = fromUnix(next), fromUnix(created), fromNullUnix(sent)
	return o, err
}

// DueLetters are the queued letters whose time to try has come, oldest first.
func (t *Tx) DueLetters(ctx context.Context, now time.Time, limit int) ([]model.OutboxLetter, error) {
	return queryAll(ctx, t, scanOutbox, `SELECT `+outboxCols+` FROM outbox WHERE state = 'queued' AND next_at <= ? ORDER BY id LIMIT ?`,
		unix(now), limit)
}

// LetterByID finds a letter in the outbox.
func (t *Tx) LetterByID(ctx context.Context, id int64) (model.OutboxLetter, error) {
	o, err := scanOutbox(t.queryRow(ctx, `SELECT `+outboxCols+` FROM outbox WHERE id = ?`, id))
	return o, notFound(err, "letter", model.FormatID(model.PrefixOutbox, id), "see: outbox list")
}

// Outbox lists letters newest written first, of one state or all ("").
func (t *Tx) Outbox(ctx context.Context, state model.OutboxState, limit int) ([]model.OutboxLetter, error) {
	return queryAll(ctx, t, scanOutbox, `SELECT `+outboxCols+` FROM outbox WHERE ? = '' OR state = ? ORDER BY created_at DESC, id DESC LIMIT ?`,
		state, state, limit)
}

// ReaddressLetter sends a letter to a corrected address, under the
// Message-ID that address gives it. A letter for the same step already
// bound there is a conflict, not a second letter.
func (t *Tx) ReaddressLetter(ctx context.Context, o model.OutboxLetter) error {
	var other int64
	err := t.queryRow(ctx, `SELECT id FROM outbox WHERE key = ? AND to_email = ? AND id <> ?`, o.Key, o.To.Email, o.ID).Scan(&other)
	if err == nil {
		return model.Conflict{Msg: fmt.Sprintf("%s already carries this letter to %s", model.FormatID(model.PrefixOutbox, other), o.To.Email)}
	} else if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	_, err = t.exec(ctx, `UPDATE outbox SET to_name = ?, to_email = ?, message_id = ?, ics = ? WHERE id = ?`, o.To.Name, o.To.Email, o.MessageID, o.ICS, o.ID)
	return err
}

// ClaimLetter takes a due letter for one sender until lease ends: it is
// claimed only if it is still queued and still due as it was read (due),
// so two senders on one office never both send it, and a sender that dies
// with it leaves it to be tried again after the lease.
func (t *Tx) ClaimLetter(ctx context.Context, id int64, due, lease time.Time) (bool, error) {
	res, err := t.exec(ctx, `UPDATE outbox SET next_at = ? WHERE id = ? AND state = 'queued' AND next_at = ?`, unix(lease), id, unix(due))
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// SaveLetterState stores where a letter stands after a try, a retry or a
// cancellation.
func (t *Tx) SaveLetterState(ctx context.Context, o model.OutboxLetter) error {
	_, err := t.exec(ctx, `UPDATE outbox SET state = ?, attempts = ?, next_at = ?, last_error = ?, sent_at = ? WHERE id = ?`,
		o.State, o.Attempts, unix(o.NextAt), o.LastError, nullUnix(o.SentAt), o.ID)
	return err
}

// ClientNotify is what a client hears of and who hears it; the default
// when nothing was chosen.
func (t *Tx) ClientNotify(ctx context.Context, clientID int64) (model.NotifyPolicy, error) {
	var p model.NotifyPolicy
	var raw string
	if err := t.queryRow(ctx, `SELECT notify FROM clients WHERE id = ?`, clientID).Scan(&raw); err != nil {
		return p, notFound(err, "client", model.FormatID(model.PrefixClient, clientID), "see: client list")
	}
	if raw == "" {
		return p, nil
	}
	return p, json.Unmarshal([]byte(raw), &p)
}

// SetClientNotify stores what a client hears of and who hears it.
func (t *Tx) SetClientNotify(ctx context.Context, clientID int64, p model.NotifyPolicy) error {
	raw, err := json.Marshal(p)
	if err != nil {
		return err
	}
	_, err = t.exec(ctx, `UPDATE clients SET notify = ? WHERE id = ?`, string(raw), clientID)
	return err
}

// SentLetters are the letters a client was sent, oldest first: each is a
// touch on its timeline.
func (t *Tx) SentLetters(ctx context.Context, clientID int64) ([]model.OutboxLetter, error) {
	return queryAll(ctx, t, scanOutbox, `SELECT `+outboxCols+` FROM outbox WHERE client_id = ? AND state = 'sent' AND to_user_id IS NULL ORDER BY id`, clientID)
}

// LettersOfInvoice are the letters that send an invoice, oldest first.
func (t *Tx) LettersOfInvoice(ctx context.Context, invoiceID int64) ([]model.OutboxLetter, error) {
	return queryAll(ctx, t, scanOutbox, `SELECT `+outboxCols+` FROM outbox WHERE invoice_id = ? ORDER BY id`, invoiceID)
}

// ToldOfBooking is who has been written to of a visit's booking: by
// address (lower case), and as "contact:ID" or "user:ID", so someone whose
// address changed since is still known. Their calendar entry is theirs to
// update.
func (t *Tx) ToldOfBooking(ctx context.Context, visitID int64) (map[string]bool, error) {
	rows, err := queryAll(ctx, t, func(r scanner) ([3]string, error) {
		var email string
		var contact, user sql.NullInt64
		err := r.Scan(&email, &contact, &user)
		return [3]string{email, whoKey("contact", contact), whoKey("user", user)}, err
	}, `SELECT DISTINCT lower(to_email), to_contact_id, to_user_id FROM outbox
		WHERE visit_id = ? AND kind IN ('booked', 'moved') AND state IN ('queued', 'sent')`, visitID)
	told := map[string]bool{}
	for _, r := range rows {
		for _, k := range r {
			if k != "" {
				told[k] = true
			}
		}
	}
	return told, err
}

func whoKey(kind string, id sql.NullInt64) string {
	if !id.Valid {
		return ""
	}
	return kind + ":" + itoa(id.Int64)
}
