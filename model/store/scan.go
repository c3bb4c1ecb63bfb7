package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"time"

	"dispatch/model"
)

// Instants are stored as Unix seconds; a zero time is stored as NULL where
// the column allows it.
func unix(t time.Time) int64 { return t.Unix() }

func fromUnix(s int64) time.Time { return time.Unix(s, 0).UTC() }

func nullUnix(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Unix()
}

func fromNullUnix(n sql.NullInt64) time.Time {
	if !n.Valid {
		return time.Time{}
	}
	return fromUnix(n.Int64)
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// notFound turns sql.ErrNoRows into the domain's NotFound.
func notFound(err error, what, key, hint string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return model.NotFound{What: what, Key: key, Hint: hint}
	}
	return err
}

// Setting reads one office setting, or "" when unset.
func (t *Tx) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := t.queryRow(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

// SetSetting writes one office setting.
func (t *Tx) SetSetting(ctx context.Context, key, value string) error {
	_, err := t.exec(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	return err
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// scanner is a *sql.Row or *sql.Rows.
type scanner interface{ Scan(...any) error }

// queryAll runs a query and scans every row with scan.
func queryAll[T any](ctx context.Context, t *Tx, scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := t.query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
