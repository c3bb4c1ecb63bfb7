package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"

	"dispatch/model"
)

// InsertMeeting stores a planned meeting: its invitation.
func (t *Tx) InsertMeeting(ctx context.Context, m model.Meeting) (model.Meeting, error) {
	agenda, err := json.Marshal(m.Agenda)
	if err != nil {
		return m, err
	}
	err = t.queryRow(ctx, `INSERT INTO meetings (client_id, kind, at, agenda, invited_at, invited_by) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
		m.ClientID, m.Kind, unix(m.At), string(agenda), unix(m.InvitedAt), m.InvitedBy).Scan(&m.ID)
	return m, err
}

// SaveMeeting stores a meeting's confirmation, notes or cancellation.
func (t *Tx) SaveMeeting(ctx context.Context, m model.Meeting) error {
	_, err := t.exec(ctx, `UPDATE meetings SET confirmed_at = ?, confirm_note = ?, done_at = ?, notes = ?, by = ?, cancelled_at = ?, cancel_reason = ?
		WHERE id = ?`, nullUnix(m.ConfirmedAt), m.ConfirmNote, nullUnix(m.DoneAt), m.Notes, m.By, nullUnix(m.CancelledAt), m.CancelReason, m.ID)
	return err
}

const meetingCols = `m.id, m.client_id, c.name, m.kind, m.at, m.agenda, m.invited_at, m.invited_by, m.confirmed_at, m.confirm_note,
	m.done_at, m.notes, m.by, m.cancelled_at, m.cancel_reason`

func scanMeeting(r scanner) (model.Meeting, error) {
	var m model.Meeting
	var at, invited int64
	var confirmed, done, cancelled sql.NullInt64
	var agenda string
	err := r.Scan(&m.ID, &m.ClientID, &m.Client, &m.Kind, &at, &agenda, &invited, &m.InvitedBy, &confirmed, &m.ConfirmNote, &done, &m.Notes, &m.By,
		&cancelled, &m.CancelReason)
	if err != nil {
		return m, err
	}
	m.At, m.InvitedAt, m.ConfirmedAt, m.DoneAt = fromUnix(at), fromUnix(invited), fromNullUnix(confirmed), fromNullUnix(done)
	m.CancelledAt = fromNullUnix(cancelled)
	return m, json.Unmarshal([]byte(agenda), &m.Agenda)
}

// MeetingByID finds a meeting.
func (t *Tx) MeetingByID(ctx context.Context, id int64) (model.Meeting, error) {
	m, err := scanMeeting(t.queryRow(ctx, `SELECT `+meetingCols+` FROM meetings m JOIN clients c ON c.id = m.client_id WHERE m.id = ?`, id))
	return m, notFound(err, "meeting", model.FormatID(model.PrefixMeeting, id), "see: meeting list")
}

// MeetingsFor lists a client's meetings, soonest first.
func (t *Tx) MeetingsFor(ctx context.Context, clientID int64) ([]model.Meeting, error) {
	return queryAll(ctx, t, scanMeeting, `SELECT `+meetingCols+` FROM meetings m JOIN clients c ON c.id = m.client_id
		WHERE m.client_id = ? ORDER BY m.at`, clientID)
}

// OpenMeetings lists the meetings not yet held, soonest first.
func (t *Tx) OpenMeetings(ctx context.Context) ([]model.Meeting, error) {
	return queryAll(ctx, t, scanMeeting, `SELECT `+meetingCols+` FROM meetings m JOIN clients c ON c.id = m.client_id
		WHERE m.done_at IS NULL AND m.cancelled_at IS NULL ORDER BY m.at`)
}

// NewClients lists the clients whose first ticket was opened since then
// and who have no first meeting, newest last.
func (t *Tx) NewClients(ctx context.Context, since time.Time) ([]model.NewClient, error) {
	return queryAll(ctx, t, func(r scanner) (model.NewClient, error) {
		var c model.NewClient
		var first int64
		err := r.Scan(&c.ID, &c.Name, &first)
		c.FirstJob = fromUnix(first)
		return c, err
	}, `SELECT c.id, c.name, t.created_at FROM tickets t JOIN clients c ON c.id = t.client_id
		WHERE t.first_job = 1 AND t.created_at >= ?
		AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.client_id = c.id AND m.kind = 'first' AND m.cancelled_at IS NULL)
		ORDER BY t.created_at, t.id`, unix(since))
}
