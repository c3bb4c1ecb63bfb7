package store

import (
	"context"
	"database/sql"
	"time"

	"dispatch/model"
)

// InsertVisit stores a new visit and its "scheduled" event.
func (t *Tx) InsertVisit(ctx context.Context, v model.Visit, createdBy string, at model.Event) (model.Visit, error) {
	err := t.queryRow(ctx, `INSERT INTO visits (ticket_id, tech_id, scheduled_at, created_at, created_by, after_the_fact)
		VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
		v.TicketID, v.TechID, unix(v.ScheduledAt), unix(at.RecordedAt), createdBy, b2i(v.AfterTheFact)).Scan(&v.ID)
	if err != nil {
		return v, err
	}
	at.VisitID, at.Kind, at.TechID, at.BookedFor = v.ID, model.EvScheduled, v.TechID, v.ScheduledAt
	ev, err := t.AppendEvent(ctx, at)
	ev.TechName = v.TechName
	v.Events = []model.Event{ev}
	if err != nil {
		return v, err
	}
	return v, t.reindex(ctx, v.TicketID) // who goes is searched for
}

// AppendEvent adds one event to a visit's log and brings the visit's phase
// up to date in the same transaction. Events are never updated.
func (t *Tx) AppendEvent(ctx context.Context, e model.Event) (model.Event, error) {
	err := t.queryRow(ctx, `INSERT INTO visit_events (visit_id, kind, at, recorded_at, by, contact_id, note, scope_id, answer,
		tech_id, booked_for) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		e.VisitID, e.Kind, unix(e.At), unix(e.RecordedAt), e.By, nullID(e.ContactID), e.Note, nullID(e.ScopeID), e.Answer,
		nullID(e.TechID), nullUnix(e.BookedFor)).Scan(&e.ID)
	if err != nil {
		return e, err
	}
	if e.Note != "" {
		if err := t.reindexVisit(ctx, e.VisitID); err != nil {
			return e, err
		}
	}
	if !e.Timed() && e.Kind != model.EvCancelled {
		return e, nil
	}
	return e, t.syncPhase(ctx, e.VisitID)
}

// RebookVisit moves a visit to its new start and technician, and logs the
// move in the same transaction.
func (t *Tx) RebookVisit(ctx context.Context, v model.Visit, moved model.Event) (model.Event, error) {
	if _, err := t.exec(ctx, `UPDATE visits SET scheduled_at = ?, tech_id = ? WHERE id = ?`, unix(v.ScheduledAt), v.TechID, v.ID); err != nil {
		return moved, err
	}
	moved.VisitID, moved.Kind, moved.TechID, moved.BookedFor = v.ID, model.EvMoved, v.TechID, v.ScheduledAt
	moved, err := t.AppendEvent(ctx, moved)
	if err != nil || moved.Note != "" { // a note has reindexed already
		return moved, err
	}
	return moved, t.reindex(ctx, v.TicketID)
}

// FixEventTime records a corrected time for an event; the event itself keeps
// the time it was entered with.
func (t *Tx) FixEventTime(ctx context.Context, eventID int64, at time.Time, reason, by string, recordedAt time.Time) error {
	_, err := t.exec(ctx, `INSERT INTO visit_event_fixes (event_id, at, reason, by, recorded_at) VALUES (?, ?, ?, ?, ?)`,
		eventID, unix(at), reason, by, unix(recordedAt))
	return err
}

// syncPhase stores the phase the visit's events lead to and when its last
// step was taken.
func (t *Tx) syncPhase(ctx context.Context, visitID int64) error {
	events, err := t.events(ctx, `e.visit_id = ?`, visitID)
	if err != nil {
		return err
	}
	_, err = t.exec(ctx, `UPDATE visits SET phase = ?, last_step_at = ? WHERE id = ?`,
		model.PhaseOf(events), nullUnix(model.PhaseSince(events)), visitID)
	return err
}

// VisitByID loads one visit with its events.
func (t *Tx) VisitByID(ctx context.Context, id int64) (model.Visit, error) {
	vs, err := t.visitsWhere(ctx, `v.id = ?`, id)
	if err == nil && len(vs) == 0 {
		err = sql.ErrNoRows
	}
	if err != nil {
		return model.Visit{}, notFound(err, "visit", model.FormatID(model.PrefixVisit, id), "see: ticket show T-…")
	}
	return vs[0], nil
}

// VisitOfEvent finds the visit an event belongs to.
func (t *Tx) VisitOfEvent(ctx context.Context, eventID int64) (int64, error) {
	var id int64
	err := t.queryRow(ctx, `SELECT visit_id FROM visit_events WHERE id = ?`, eventID).Scan(&id)
	return id, notFound(err, "event", model.FormatID(model.PrefixEvent, eventID), "see: visit show V-…")
}

// VisitsForTicket lists a ticket's visits with their events, in schedule order.
func (t *Tx) VisitsForTicket(ctx context.Context, ticketID int64) ([]model.Visit, error) {
	return t.visitsWhere(ctx, `v.ticket_id = ?`, ticketID)
}

// TechDay lists a technician's visits booked in [from, to) or stepped on
// in it, and any of theirs still under way from before: a visit begun last
// night and a forgotten check-out both stay in view.
func (t *Tx) TechDay(ctx context.Context, techID int64, from, to time.Time) ([]model.Visit, error) {
	// Three indexed lookups, not one OR that would read a decade of the
	// technician's visits. The last is told its index: without statistics
	// SQLite took (tech_id, scheduled_at) for it and read every visit the
	// technician ever had, 86% of the server's CPU at 100 sessions.
	return t.visitsWhere(ctx, `v.id IN (
		SELECT id FROM visits WHERE tech_id = ? AND scheduled_at >= ? AND scheduled_at < ? AND phase <> 'cancelled'
		UNION SELECT id FROM visits WHERE tech_id = ? AND last_step_at >= ? AND last_step_at < ?
		UNION SELECT id FROM visits INDEXED BY visits_tech_active
			WHERE tech_id = ? AND phase NOT IN ('scheduled', 'finished', 'cancelled') AND after_the_fact = 0)`,
		techID, unix(from), unix(to), techID, unix(from), unix(to), techID)
}

// VisitsSteppedSince lists every visit stepped on since from, or still under
// way from before, whoever's and whatever its ticket's state: the hours a
// wall adds up for the week. UNION ALL, not UNION: a merged UNION made
// SQLite scan the whole visits table twice to keep the ids in order.
func (t *Tx) VisitsSteppedSince(ctx context.Context, from time.Time) ([]model.Visit, error) {
	return t.visitsWhere(ctx, `v.id IN (
		SELECT id FROM visits WHERE last_step_at >= ?
		UNION ALL SELECT id FROM visits WHERE phase NOT IN ('scheduled', 'finished', 'cancelled') AND after_the_fact = 0)`, unix(from))
}

// BookedVisits lists a technician's visits booked and not started, late or
// to come: what someone must take over if they leave.
func (t *Tx) BookedVisits(ctx context.Context, techID int64) ([]model.Visit, error) {
	return t.visitsWhere(ctx, `v.tech_id = ? AND v.phase = 'scheduled'`, techID)
}

// ActiveVisits lists a technician's visits under way (travelling, on site,
// paused, returning or in the shop); a visit still being entered after the
// fact is not where they are now.
func (t *Tx) ActiveVisits(ctx context.Context, techID int64) ([]model.Visit, error) {
	return t.visitsWhere(ctx, `v.id IN (SELECT id FROM visits INDEXED BY visits_tech_active
		WHERE tech_id = ? AND phase NOT IN ('scheduled', 'finished', 'cancelled') AND after_the_fact = 0)`, techID) // see TechDay
}

// UnfinishedVisits lists a technician's visits started and not finished,
// entered after the fact or not: someone leaving must not strand one.
func (t *Tx) UnfinishedVisits(ctx context.Context, techID int64) ([]model.Visit, error) {
	return t.visitsWhere(ctx, `v.id IN (SELECT id FROM visits INDEXED BY visits_tech_active
		WHERE tech_id = ? AND phase NOT IN ('scheduled', 'finished', 'cancelled'))`, techID) // see TechDay
}

// visitsWhere loads visits matching a condition, with technician names and
// every event, in two queries.
func (t *Tx) visitsWhere(ctx context.Context, cond string, args ...any) ([]model.Visit, error) {
	rows, err := t.query(ctx, `SELECT v.id, v.ticket_id, v.tech_id, u.name, v.scheduled_at, v.after_the_fact
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
		if err := rows.Scan(&v.ID, &v.TicketID, &v.TechID, &v.TechName, &sched, &v.AfterTheFact); err != nil {
			return nil, err
		}
		v.ScheduledAt = fromUnix(sched)
		index[v.ID] = len(visits)
		visits = append(visits, v)
	}
	if err := rows.Err(); err != nil || len(visits) == 0 {
		return visits, err
	}
	events, err := t.events(ctx, `e.visit_id IN (SELECT v.id FROM visits v WHERE `+cond+`)`, args...)
	for _, e := range events {
		if i, ok := index[e.VisitID]; ok {
			visits[i].Events = append(visits[i].Events, e)
		}
	}
	return visits, err
}

// events loads events matching a condition, each with its contact's name and
// its latest time fix, in the order they happened.
func (t *Tx) events(ctx context.Context, cond string, args ...any) ([]model.Event, error) {
	return queryAll(ctx, t, scanEvent, `SELECT e.id, e.visit_id, e.kind, e.at, e.recorded_at, e.by, e.contact_id,
			COALESCE(c.name, ''), e.note, e.scope_id, e.answer, f.at, COALESCE(f.reason, ''), COALESCE(f.by, ''), f.recorded_at,
			e.tech_id, COALESCE(u.name, ''), e.booked_for
		FROM visit_events e
		LEFT JOIN contacts c ON c.id = e.contact_id
		LEFT JOIN users u ON u.id = e.tech_id
		LEFT JOIN visit_event_fixes f ON f.id = (SELECT MAX(id) FROM visit_event_fixes WHERE event_id = e.id)
		WHERE `+cond+` ORDER BY e.visit_id, COALESCE(f.at, e.at), e.id`, args...)
}

func scanEvent(r scanner) (model.Event, error) {
	var e model.Event
	var at, rec int64
	var contact, scope, fixAt, fixRec, tech, booked sql.NullInt64
	var reason, by string
	if err := r.Scan(&e.ID, &e.VisitID, &e.Kind, &at, &rec, &e.By, &contact, &e.ContactName, &e.Note,
		&scope, &e.Answer, &fixAt, &reason, &by, &fixRec, &tech, &e.TechName, &booked); err != nil {
		return e, err
	}
	e.At, e.RecordedAt, e.ContactID, e.ScopeID = fromUnix(at), fromUnix(rec), contact.Int64, scope.Int64
	e.TechID, e.BookedFor = tech.Int64, fromNullUnix(booked)
	if fixAt.Valid {
		e.Fix = &model.Fix{OriginalAt: e.At, Reason: reason, By: by, RecordedAt: fromUnix(fixRec.Int64)}
		e.At = fromUnix(fixAt.Int64)
	}
	return e, nil
}

// TechCalendar lists a technician's visits booked in [from, to), not
// cancelled, as their calendar holds them: with the ticket, the client and
// the site, the changes that make each one's SEQUENCE, and when one begun
// began and ended. One read, by the technician's index.
func (t *Tx) TechCalendar(ctx context.Context, techID int64, from, to time.Time) ([]model.CalendarVisit, error) {
	return queryAll(ctx, t, func(r scanner) (model.CalendarVisit, error) {
		var cv model.CalendarVisit
		var sched, estimate, travel int64
		var started, ended sql.NullInt64
		err := r.Scan(&cv.Visit.ID, &cv.Visit.TicketID, &cv.Visit.TechID, &cv.Visit.TechName, &sched, &cv.Moves, &started, &ended,
			&cv.Ticket.Title, &cv.Ticket.Scope, &estimate, &cv.Client, &cv.Site.Name, &cv.Site.Address, &travel)
		cv.Ticket.ID, cv.Visit.ScheduledAt = cv.Visit.TicketID, fromUnix(sched)
		cv.Started, cv.Ended = fromNullUnix(started), fromNullUnix(ended)
		cv.Ticket.Estimate.Duration, cv.Site.Travel = time.Duration(estimate)*time.Second, time.Duration(travel)*time.Second
		return cv, err
	}, `WITH steps AS (SELECT e.visit_id, e.kind,
			COALESCE((SELECT f.at FROM visit_event_fixes f WHERE f.event_id = e.id ORDER BY f.id DESC LIMIT 1), e.at) AS at
		FROM visit_events e JOIN visits v ON v.id = e.visit_id
		WHERE v.tech_id = ? AND v.scheduled_at >= ? AND v.scheduled_at < ?)
		SELECT v.id, v.ticket_id, v.tech_id, u.name, v.scheduled_at,
			(SELECT COUNT(*) FROM steps e WHERE e.visit_id = v.id AND e.kind IN ('moved', 'cancelled')),
			(SELECT MIN(at) FROM steps e WHERE e.visit_id = v.id AND e.kind IN ('travel_started', 'arrived', 'shop_started')),
			CASE WHEN v.phase = 'finished' THEN
				(SELECT MAX(at) FROM steps e WHERE e.visit_id = v.id AND e.kind IN ('departed', 'travel_ended', 'shop_stopped')) END,
			k.title, k.scope, k.estimate_seconds, c.name, s.name, s.address, s.travel_seconds
		FROM visits v JOIN users u ON u.id = v.tech_id JOIN tickets k ON k.id = v.ticket_id
		JOIN clients c ON c.id = k.client_id JOIN sites s ON s.id = k.site_id
		WHERE v.tech_id = ? AND v.scheduled_at >= ? AND v.scheduled_at < ? AND v.phase <> 'cancelled'
		ORDER BY v.scheduled_at, v.id`, techID, unix(from), unix(to), techID, unix(from), unix(to))
}
