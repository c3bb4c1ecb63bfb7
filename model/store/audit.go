package store

import (
	"context"
	"encoding/json"
	"sort"
	"strings"
	"time"
)

// AuditEntry is one recorded change: who, when, what, before and after.
type AuditEntry struct {
	ID       int64
	At       time.Time
	Actor    string
	Action   string
	Entity   string
	EntityID int64
	Before   string
	After    string
}

// Audit records a change in the same transaction as the change itself, so
// there is never a change without its record or a record without its change.
func (t *Tx) Audit(ctx context.Context, at time.Time, actor, action, entity string, id int64, before, after any) error {
	enc := func(v any) (string, error) {
		if v == nil {
			return "", nil
		}
		b, err := json.Marshal(v)
		return string(b), err
	}
	b, err := enc(before)
	if err != nil {
		return err
	}
	a, err := enc(after)
	if err != nil {
		return err
	}
	_, err = t.exec(ctx, `INSERT INTO audit (at, actor, action, entity, entity_id, before, after)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, unix(at), actor, action, entity, id, b, a)
	return err
}

// AuditFor lists the changes to one entity, oldest first.
func (t *Tx) AuditFor(ctx context.Context, entity string, id int64) ([]AuditEntry, error) {
	return queryAll(ctx, t, func(r scanner) (AuditEntry, error) {
		var e AuditEntry
		var at int64
		err := r.Scan(&e.ID, &at, &e.Actor, &e.Action, &e.Entity, &e.EntityID, &e.Before, &e.After)
		e.At = fromUnix(at)
		return e, err
	}, `SELECT id, at, actor, action, entity, entity_id, before, after
		FROM audit WHERE entity = ? AND entity_id = ? ORDER BY id`, entity, id)
}

// Changed names the fields an edit changed ("title, priority"), read from
// its before and after; "" when either is missing or not an object.
func (a AuditEntry) Changed() string {
	var before, after map[string]json.RawMessage
	if json.Unmarshal([]byte(a.Before), &before) != nil || json.Unmarshal([]byte(a.After), &after) != nil || before == nil || after == nil {
		return ""
	}
	var names []string
	for k, v := range after {
		if string(before[k]) != string(v) {
			names = append(names, k)
		}
	}
	for k := range before {
		if _, ok := after[k]; !ok {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// moneyKeys are the fields of an audit entry that carry what a client pays.
var moneyKeys = map[string]bool{"Quote": true, "Price": true, "Terms": true, "Accepted": true, "Rate": true, "Own": true, "Amount": true}

// WithoutMoney is the entry with every amount, rate and term taken out of
// its before and after, for someone who may not see what a client pays; the
// fields stay named, so the history still says what changed.
func (e AuditEntry) WithoutMoney() AuditEntry {
	e.Before, e.After = stripMoney(e.Before), stripMoney(e.After)
	return e
}

func stripMoney(raw string) string {
	if raw == "" {
		return raw
	}
	var v any
	if json.Unmarshal([]byte(raw), &v) != nil {
		return ""
	}
	b, err := json.Marshal(redact(v))
	if err != nil {
		return ""
	}
	return string(b)
}

func redact(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			if moneyKeys[k] {
				t[k] = "hidden"
				continue
			}
			t[k] = redact(x)
		}
	case []any:
		for i := range t {
			t[i] = redact(t[i])
		}
	}
	return v
}
