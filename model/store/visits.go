package store

import (
	"context"
	"database/sql"

	"dispatch/model"
)

// InsertVisit stores a new visit and its "scheduled" event.
func (t *Tx) InsertVisit(ctx context.Context, v model.Visit, createdBy string, at model.Event) (model.Visit, error) {
	err := t.tx.QueryRowContext(ctx, `INSERT INTO visits (ticket_id, tech_id, scheduled_at, created_at, created_by)
		VALUES (?, ?, ?, ?, ?) RETURNING id`,
		v.TicketID, v.TechID, unix(v.ScheduledAt), unix(at.RecordedAt), createdBy).Scan(&v.ID)
	if err != nil {
		return v, err
	}
	at.VisitID, at.Kind = v.ID, model.EvScheduled
	ev, err := t.AppendEvent(ctx, at)
	v.Events = []model.Event{ev}
	return v, err
}

// AppendEvent adds one event to a visit's log. Events are never updated.
func (t *Tx) AppendEvent(ctx context.Context, e model.Event) (model.Event, error) {
	err := t.tx.QueryRowContext(ctx, `INSERT INTO visit_events (visit_id, kind, at, recorded_at, by, contact_id, note)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		e.VisitID, e.Kind, unix(e.At), unix(e.RecordedAt), e.By, nullID(e.ContactID), e.Note).Scan(&e.ID)
	return e, err
}

// VisitsForTicket lists a ticket's visits with their events, in schedule order.
func (t *Tx) VisitsForTicket(ctx context.Context, ticketID int64) ([]model.Visit, error) {
	return t.visitsWhere(ctx, `v.ticket_id = ?`, ticketID)
}

// visitsWhere loads visits matching a condition, with technician names and
// every event, in two queries.
func (t *Tx) visitsWhere(ctx context.Context, cond string, args ...any) ([]model.Visit, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT v.id, v.ticket_id, v.tech_id, u.name, v.scheduled_at
		FROM visits v JOIN users u ON u.id = v.tech_id WHERE `+cond+` ORDER BY v.scheduled_at, v.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var visits []model.Visit
	index := map[int64]int{}
	for rows.Next() {
		var v model.Visit
		var sched int64
		if err := rows.Scan(&v.ID, &v.TicketID, &v.TechID, &v.TechName, &sched); err != nil {
			return nil, err
		}
		v.ScheduledAt = fromUnix(sched)
		index[v.ID] = len(visits)
		visits = append(visits, v)
	}
	if err := rows.Err(); err != nil || len(visits) == 0 {
		return visits, err
	}
	evRows, err := t.tx.QueryContext(ctx, `SELECT e.id, e.visit_id, e.kind, e.at, e.recorded_at, e.by, e.contact_id, e.note
		FROM visit_events e JOIN visits v ON v.id = e.visit_id WHERE `+cond+` ORDER BY e.visit_id, e.at, e.id`, args...)
	if err != nil {
		return nil, err
	}
	defer evRows.Close()
	for evRows.Next() {
		var e model.Event
		var at, rec int64
		var contact sql.NullInt64
		if err := evRows.Scan(&e.ID, &e.VisitID, &e.Kind, &at, &rec, &e.By, &contact, &e.Note); err != nil {
			return nil, err
		}
		e.At, e.RecordedAt, e.ContactID = fromUnix(at), fromUnix(rec), contact.Int64
		if i, ok := index[e.VisitID]; ok {
			visits[i].Events = append(visits[i].Events, e)
		}
	}
	return visits, evRows.Err()
}
