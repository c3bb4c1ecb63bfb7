package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"dispatch/model"
)

// UserKey is a registered public key.
type UserKey struct {
	Fingerprint   string
	AuthorizedKey string
}

// UpsertUser adds a user or brings a removed one back with the given role.
func (t *Tx) UpsertUser(ctx context.Context, u model.User, at time.Time) (model.User, error) {
	err := t.queryRow(ctx, `INSERT INTO users (name, role, created_at) VALUES (?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET role = excluded.role, removed_at = NULL
		RETURNING id, name`, u.Name, u.Role, unix(at)).Scan(&u.ID, &u.Name)
	return u, err
}

// AddKey registers a key for a user; a key belongs to one user only.
func (t *Tx) AddKey(ctx context.Context, userID int64, k UserKey, at time.Time) error {
	var owner string
	err := t.queryRow(ctx, `SELECT u.name FROM user_keys k JOIN users u ON u.id = k.user_id
		WHERE k.fingerprint = ? AND k.user_id <> ?`, k.Fingerprint, userID).Scan(&owner)
	if err == nil {
		return model.Conflict{Msg: "that key is already registered to " + owner + "; each person needs their own key"}
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	_, err = t.exec(ctx, `INSERT INTO user_keys (user_id, fingerprint, authorized_key, added_at)
		VALUES (?, ?, ?, ?) ON CONFLICT (fingerprint) DO NOTHING`, userID, k.Fingerprint, k.AuthorizedKey, unix(at))
	return err
}

// SetRole changes a user's role.
func (t *Tx) SetRole(ctx context.Context, id int64, role model.Role) error {
	_, err := t.exec(ctx, `UPDATE users SET role = ? WHERE id = ?`, role, id)
	return err
}

// RemoveKey drops one of a user's keys.
func (t *Tx) RemoveKey(ctx context.Context, userID int64, fingerprint string) error {
	_, err := t.exec(ctx, `DELETE FROM user_keys WHERE user_id = ? AND fingerprint = ?`, userID, fingerprint)
	return err
}

// RemoveUser marks a user removed and drops their keys, so they cannot sign in.
func (t *Tx) RemoveUser(ctx context.Context, id int64, at time.Time) error {
	if _, err := t.exec(ctx, `DELETE FROM user_keys WHERE user_id = ?`, id); err != nil {
		return err
	}
	_, err := t.exec(ctx, `UPDATE users SET removed_at = ?, calendar_token = NULL WHERE id = ?`, unix(at), id)
	return err
}

const userCols = `u.id, u.name, u.role, u.email`

func scanUser(row scanner) (model.User, error) {
	var u model.User
	err := row.Scan(&u.ID, &u.Name, &u.Role, &u.Email)
	return u, err
}

// SetUserEmail keeps where a user's invitations go ("" for nowhere).
func (t *Tx) SetUserEmail(ctx context.Context, id int64, email string) error {
	_, err := t.exec(ctx, `UPDATE users SET email = ? WHERE id = ?`, email, id)
	return err
}

// SetCalendarToken keeps the digest of a user's calendar secret, replacing
// any before it: the old address stops working at once.
func (t *Tx) SetCalendarToken(ctx context.Context, id int64, digest string, at time.Time) error {
	_, err := t.exec(ctx, `UPDATE users SET calendar_token = ?, calendar_since = ? WHERE id = ?`, digest, unix(at), id)
	return err
}

// CalendarSince is when a user's calendar address was made; zero for none.
func (t *Tx) CalendarSince(ctx context.Context, id int64) (time.Time, error) {
	var since sql.NullInt64
	err := t.queryRow(ctx, `SELECT calendar_since FROM users WHERE id = ? AND calendar_token IS NOT NULL`, id).Scan(&since)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, nil
	}
	return fromNullUnix(since), err
}

// UserByCalendarToken finds the active user whose calendar secret has this
// digest; an unknown one is not found, like a removed user's.
func (t *Tx) UserByCalendarToken(ctx context.Context, digest string) (model.User, error) {
	u, err := scanUser(t.queryRow(ctx, `SELECT `+userCols+` FROM users u WHERE u.calendar_token = ? AND u.removed_at IS NULL`, digest))
	return u, notFound(err, "calendar", "", "")
}

// UserByName finds an active user by name, any case.
// A name kept from before spaces were collapsed ("Jo  Ann") is found by its
// collapsed form too, so nobody becomes unreachable or doubled.
func (t *Tx) UserByName(ctx context.Context, name string) (model.User, error) {
	u, err := scanUser(t.queryRow(ctx, `SELECT `+userCols+` FROM users u
		WHERE u.name = ? AND u.removed_at IS NULL`, name))
	if errors.Is(err, sql.ErrNoRows) && strings.Contains(name, " ") {
		users, lerr := t.Users(ctx, "")
		if lerr != nil {
			return u, lerr
		}
		for _, o := range users {
			if strings.EqualFold(model.CleanName(o.Name), model.CleanName(name)) {
				return o, nil
			}
		}
	}
	return u, notFound(err, "user", name, "see: dispatch user list")
}

// UserByID finds an active user.
func (t *Tx) UserByID(ctx context.Context, id int64) (model.User, error) {
	u, err := scanUser(t.queryRow(ctx, `SELECT `+userCols+` FROM users u
		WHERE u.id = ? AND u.removed_at IS NULL`, id))
	return u, notFound(err, "user", "#"+itoa(id), "")
}

// UserByKey finds the active user a key fingerprint is registered to.
func (t *Tx) UserByKey(ctx context.Context, fingerprint string) (model.User, error) {
	u, err := scanUser(t.queryRow(ctx, `SELECT `+userCols+` FROM user_keys k
		JOIN users u ON u.id = k.user_id WHERE k.fingerprint = ? AND u.removed_at IS NULL`, fingerprint))
	return u, notFound(err, "user with key", fingerprint, "register it with: dispatch user add")
}

// Users lists active users, optionally only those with one role, by name.
func (t *Tx) Users(ctx context.Context, role model.Role) ([]model.User, error) {
	return queryAll(ctx, t, scanUser, `SELECT `+userCols+` FROM users u
		WHERE u.removed_at IS NULL AND (? = '' OR u.role = ?) ORDER BY u.name`, role, role)
}

// Keys lists a user's registered keys.
func (t *Tx) Keys(ctx context.Context, userID int64) ([]UserKey, error) {
	return queryAll(ctx, t, func(r scanner) (UserKey, error) {
		var k UserKey
		err := r.Scan(&k.Fingerprint, &k.AuthorizedKey)
		return k, err
	}, `SELECT fingerprint, authorized_key FROM user_keys WHERE user_id = ? ORDER BY id`, userID)
}
