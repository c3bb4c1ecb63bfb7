package door

import (
	"context"
	"errors"
	"strings"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"dispatch/model"
	"dispatch/model/feed"
	"dispatch/model/store"
)

// UserCard is a user with their registered keys.
type UserCard struct {
	model.User
	Keys []store.UserKey
}

// ParseKey reads one authorized_keys line ("ssh-ed25519 AAAA… comment").
func ParseKey(line string) (store.UserKey, error) {
	pk, comment, _, _, err := gossh.ParseAuthorizedKey([]byte(strings.TrimSpace(line)))
	if err != nil {
		return store.UserKey{}, model.FieldError{Field: "key", Msg: "is not a public key; pass the one line of a .pub file, like \"ssh-ed25519 AAAA… you@laptop\""}
	}
	text := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(pk)))
	if c := model.CleanLine(comment); c != "" {
		text += " " + c
	}
	return store.UserKey{Fingerprint: gossh.FingerprintSHA256(pk), AuthorizedKey: text}, nil
}

// AddUser registers a person with a role and, unless key is empty, a key.
// Adding a key to an existing user keeps their other keys and sets the role
// given. A user without a key exists on the board but cannot sign in.
func (d *Door) AddUser(ctx context.Context, who model.Actor, name string, role model.Role, key string) (model.User, error) {
	u, err := model.NewUser(name, role)
	if err != nil {
		return u, err
	}
	var k store.UserKey
	if key != "" {
		if k, err = ParseKey(key); err != nil {
			return u, err
		}
	}
	err = d.write(ctx, who, model.ActManageUsers, feed.Users, func(tx *store.Tx, now time.Time) error {
		var err error
		if u, err = tx.UpsertUser(ctx, u, now); err != nil {
			return err
		}
		if k.Fingerprint != "" {
			if err := tx.AddKey(ctx, u.ID, k, now); err != nil {
				return err
			}
		}
		return tx.Audit(ctx, now, who.String(), "user.add", "user", u.ID, nil, map[string]any{"user": u, "key": k.Fingerprint})
	})
	return u, err
}

// RemoveUser removes a user's access; their sessions end once the feed says so.
func (d *Door) RemoveUser(ctx context.Context, who model.Actor, name string) (model.User, error) {
	var u model.User
	err := d.write(ctx, who, model.ActManageUsers, feed.Users, func(tx *store.Tx, now time.Time) error {
		var err error
		if u, err = tx.UserByName(ctx, model.CleanLine(name)); err != nil {
			return err
		}
		if u.ID == who.UserID {
			return model.Conflict{Msg: "you cannot remove yourself; ask another admin"}
		}
		if err := tx.RemoveUser(ctx, u.ID, now); err != nil {
			return err
		}
		return tx.Audit(ctx, now, who.String(), "user.remove", "user", u.ID, u, nil)
	})
	return u, err
}

// Users lists active users with their keys.
func (d *Door) Users(ctx context.Context, who model.Actor) ([]UserCard, error) {
	var out []UserCard
	err := d.read(ctx, who, model.ActManageUsers, func(tx *store.Tx) error {
		users, err := tx.Users(ctx, "")
		if err != nil {
			return err
		}
		for _, u := range users {
			keys, err := tx.Keys(ctx, u.ID)
			if err != nil {
				return err
			}
			out = append(out, UserCard{User: u, Keys: keys})
		}
		return nil
	})
	return out, err
}

// UserForKey is the sign-in lookup: the active user a key belongs to. It
// runs before anyone is an actor, so it has no role check.
func (d *Door) UserForKey(ctx context.Context, pk gossh.PublicKey) (model.User, error) {
	var u model.User
	err := d.store.Read(ctx, func(tx *store.Tx) error {
		var err error
		u, err = tx.UserByKey(ctx, gossh.FingerprintSHA256(pk))
		return err
	})
	return u, err
}

// StillActive reports whether a signed-in user may still be here.
func (d *Door) StillActive(ctx context.Context, id int64) (bool, error) {
	err := d.store.Read(ctx, func(tx *store.Tx) error {
		_, err := tx.UserByID(ctx, id)
		return err
	})
	if errors.Is(err, model.ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// Setting and SetSetting expose office settings to the console.
func (d *Door) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := d.store.Read(ctx, func(tx *store.Tx) error {
		var err error
		v, err = tx.Setting(ctx, key)
		return err
	})
	return v, err
}

// SetSetting writes an office setting as the console.
func (d *Door) SetSetting(ctx context.Context, who model.Actor, key, value string) error {
	return d.write(ctx, who, model.ActManageUsers, feed.All, func(tx *store.Tx, now time.Time) error {
		old, err := tx.Setting(ctx, key)
		if err != nil {
			return err
		}
		if err := tx.SetSetting(ctx, key, value); err != nil {
			return err
		}
		return tx.Audit(ctx, now, who.String(), "setting.set", "setting:"+key, 0, old, value)
	})
}
