package store

import (
	"context"
	"database/sql"
	"encoding/json"

	"dispatch/model"
)

// AppendTicketEvent records something that happened to a ticket; ticket
// events are never updated.
func (t *Tx) AppendTicketEvent(ctx context.Context, e model.TicketEvent) (model.TicketEvent, error) {
	err := t.queryRow(ctx, `INSERT INTO ticket_events (ticket_id, kind, at, by, from_priority, to_priority, note)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, e.TicketID, e.Kind, unix(e.At), e.By,
		nullPriority(e.From), nullPriority(e.To), e.Note).Scan(&e.ID)
	if err != nil || e.Note == "" {
		return e, err
	}
	return e, t.reindex(ctx, e.TicketID)
}

func nullPriority(p model.Priority) any {
	if p == 0 {
		return nil
	}
	return int(p)
}

// TicketEvents lists one ticket's events in order.
func (t *Tx) TicketEvents(ctx context.Context, ticketID int64) ([]model.TicketEvent, error) {
	return t.ticketEventsWhere(ctx, `ticket_id = ?`, ticketID)
}

func (t *Tx) ticketEventsWhere(ctx context.Context, cond string, args ...any) ([]model.TicketEvent, error) {
	return queryAll(ctx, t, func(r scanner) (model.TicketEvent, error) {
		var e model.TicketEvent
		var at int64
		var from, to sql.NullInt64
		err := r.Scan(&e.ID, &e.TicketID, &e.Kind, &at, &e.By, &from, &to, &e.Note)
		e.At, e.From, e.To = fromUnix(at), model.Priority(from.Int64), model.Priority(to.Int64)
		return e, err
	}, `SELECT id, ticket_id, kind, at, by, from_priority, to_priority, note FROM ticket_events
		WHERE `+cond+` ORDER BY ticket_id, at, id`, args...)
}

// SetTicketPriority changes a ticket's priority.
func (t *Tx) SetTicketPriority(ctx context.Context, id int64, p model.Priority) error {
	_, err := t.exec(ctx, `UPDATE tickets SET priority = ?, version = version + 1 WHERE id = ?`, int(p), id)
	return err
}

const policyKey = "policy"

// Policy reads the office policy, or the default when none was set.
func (t *Tx) Policy(ctx context.Context) (model.Policy, error) {
	raw, err := t.Setting(ctx, policyKey)
	if err != nil || raw == "" {
		return model.DefaultPolicy(), err
	}
	var p model.Policy
	return p, json.Unmarshal([]byte(raw), &p)
}

// SetPolicy stores the office policy.
func (t *Tx) SetPolicy(ctx context.Context, p model.Policy) error {
	b, err := json.Marshal(p)
	if err != nil {
		return err
	}
	return t.SetSetting(ctx, policyKey, string(b))
}
