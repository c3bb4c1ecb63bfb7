package door

import (
	"context"
	"errors"
	"fmt"
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
// A name already in use is refused: changing a role or a key is its own
// command, never a side effect of adding someone (a technician on site
// once became a manager that way). A removed user's name may be used
// again: they come back with the role given.
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
		if have, err := tx.UserByName(ctx, u.Name); err == nil {
			return model.Conflict{Msg: fmt.Sprintf("%s is already a user (%s); change their role with user role %q ROLE, "+
				"or add a key with user key add %q --key …", have.Name, have.Role, have.Name, have.Name)}
		} else if !errors.Is(err, model.ErrNotFound) {
			return err
		}
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

// EnsureUser is for tools that set an office up (the demo, the load tool,
// tests): the user with this name and role, added if absent, with the key
// added if it is new to them. A user of that name with another role is
// refused, never changed.
func (d *Door) EnsureUser(ctx context.Context, who model.Actor, name string, role model.Role, key string) (model.User, error) {
	u, err := d.AddUser(ctx, who, name, role, key)
	var exists model.Conflict
	if !errors.As(err, &exists) {
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
		if u, err = tx.UserByName(ctx, model.CleanName(name)); err != nil {
			return err
		}
		if u.Role != role {
			return model.Conflict{Msg: fmt.Sprintf("%s is a %s, not a %s; change it with user role", u.Name, u.Role, role)}
		}
		if k.Fingerprint == "" {
			return nil
		}
		if owner, err := tx.UserByKey(ctx, k.Fingerprint); err == nil && owner.ID == u.ID {
			return nil // theirs already
		}
		if err := tx.AddKey(ctx, u.ID, k, now); err != nil {
			return err
		}
		return tx.Audit(ctx, now, who.String(), "user.key_add", "user", u.ID, nil, k.Fingerprint)
	})
	return u, err
}

// SetRole changes what a user may do; their open sessions end, so the next
// one opens with the new role.
func (d *Door) SetRole(ctx context.Context, who model.Actor, name string, role model.Role) (model.User, error) {
	var u model.User
	err := d.write(ctx, who, model.ActManageUsers, feed.Users, func(tx *store.Tx, now time.Time) error {
		var err error
		if u, err = tx.UserByName(ctx, model.CleanName(name)); err != nil {
			return err
		}
		if u.ID == who.UserID {
			return model.Conflict{Msg: "you cannot change your own role; ask another admin"}
		}
		if u.Role == role {
			return model.Conflict{Msg: fmt.Sprintf("%s is a %s already", u.Name, role)}
		}
		before := u
		u.Role = role
		if err := tx.SetRole(ctx, u.ID, role); err != nil {
			return err
		}
		return tx.Audit(ctx, now, who.String(), "user.role", "user", u.ID, before, u)
	})
	return u, err
}

// AddKey lets a user sign in with one more key (a new laptop).
func (d *Door) AddKey(ctx context.Context, who model.Actor, name, key string) (store.UserKey, error) {
	k, err := ParseKey(key)
	if err != nil {
		return k, err
	}
	err = d.write(ctx, who, model.ActManageUsers, feed.Users, func(tx *store.Tx, now time.Time) error {
		u, err := tx.UserByName(ctx, model.CleanName(name))
		if err != nil {
			return err
		}
		if owner, err := tx.UserByKey(ctx, k.Fingerprint); err == nil {
			if owner.ID == u.ID {
				return model.Conflict{Msg: fmt.Sprintf("%s signs in with that key already", u.Name)}
			}
			return model.Conflict{Msg: fmt.Sprintf("that key is %s's; a key signs one person in", owner.Name)}
		}
		if err := tx.AddKey(ctx, u.ID, k, now); err != nil {
			return err
		}
		return tx.Audit(ctx, now, who.String(), "user.key_add", "user", u.ID, nil, k.Fingerprint)
	})
	return k, err
}

// RemoveKey stops one key signing in (a lost laptop); the user's other keys
// still work.
func (d *Door) RemoveKey(ctx context.Context, who model.Actor, name, fingerprint string) error {
	return d.write(ctx, who, model.ActManageUsers, feed.Users, func(tx *store.Tx, now time.Time) error {
		u, err := tx.UserByName(ctx, model.CleanName(name))
		if err != nil {
			return err
		}
		keys, err := tx.Keys(ctx, u.ID)
		if err != nil {
			return err
		}
		var have []string
		for _, k := range keys {
			if k.Fingerprint == strings.TrimSpace(fingerprint) {
				if err := tx.RemoveKey(ctx, u.ID, k.Fingerprint); err != nil {
					return err
				}
				return tx.Audit(ctx, now, who.String(), "user.key_remove", "user", u.ID, k.Fingerprint, nil)
			}
			have = append(have, k.Fingerprint)
		}
		return model.FieldError{Field: "fingerprint", Msg: fmt.Sprintf("%q is not one of %s's keys: %s (see user list)",
			model.CleanLine(fingerprint), u.Name, strings.Join(have, ", "))}
	})
}

// RemoveUser removes a user's access; their sessions end once the feed says
// so. A technician with visits still to come is refused, with the visits
// listed, unless they are moved to another technician (reassignTo).
func (d *Door) RemoveUser(ctx context.Context, who model.Actor, name, reassignTo string) (model.User, error) {
	var u model.User
	err := d.write(ctx, who, model.ActManageUsers, feed.Users|feed.Visits, func(tx *store.Tx, now time.Time) error {
		var err error
		if u, err = tx.UserByName(ctx, model.CleanName(name)); err != nil {
			return err
		}
		if u.ID == who.UserID {
			return model.Conflict{Msg: "you cannot remove yourself; ask another admin"}
		}
		if err := refuseUnfinished(ctx, tx, u); err != nil {
			return err
		}
		booked, err := tx.BookedVisits(ctx, u.ID)
		if err != nil {
			return err
		}
		if len(booked) > 0 || strings.TrimSpace(reassignTo) != "" {
			if err := d.reassign(ctx, tx, who, u, booked, reassignTo, now); err != nil {
				return err
			}
		}
		if err := tx.RemoveUser(ctx, u.ID, now); err != nil {
			return err
		}
		return tx.Audit(ctx, now, who.String(), "user.remove", "user", u.ID, u, nil)
	})
	return u, err
}

// refuseUnfinished keeps someone with a visit under way: its time is theirs
// to record, and nobody else can end their travel or their shop work.
func refuseUnfinished(ctx context.Context, tx *store.Tx, u model.User) error {
	started, err := tx.UnfinishedVisits(ctx, u.ID)
	if err != nil || len(started) == 0 {
		return err
	}
	var list []string
	for _, v := range started {
		list = append(list, fmt.Sprintf("%s (%s)", v.Ref(), v.Phase()))
	}
	return model.Conflict{Msg: fmt.Sprintf("%s has %s under way; record its end first (visit depart and visit return, or visit shop-stop), then remove them",
		u.Name, strings.Join(list, ", "))}
}

// reassign moves a leaving technician's booked visits to another, or says
// which they are and how to move them.
func (d *Door) reassign(ctx context.Context, tx *store.Tx, who model.Actor, u model.User, booked []model.Visit, to string, now time.Time) error {
	if strings.TrimSpace(to) == "" {
		var list []string
		for _, v := range booked {
			list = append(list, fmt.Sprintf("%s %s (%s)", v.Ref(), model.ClockIn(v.ScheduledAt, now, d.Location()), model.FormatID(model.PrefixTicket, v.TicketID)))
		}
		return model.Conflict{Msg: fmt.Sprintf("%s still has %d visit(s) booked: %s; move them first (visit move V-… --tech …), "+
			"or give them all to another technician with --reassign-to NAME", u.Name, len(booked), strings.Join(list, ", "))}
	}
	next, err := tx.UserByName(ctx, model.CleanName(to))
	if err != nil {
		return err
	}
	if next.Role != model.RoleTech || next.ID == u.ID {
		return model.FieldError{Field: "reassign-to", Msg: fmt.Sprintf("%s is not another technician; name one to take the visits", next.Name)}
	}
	for _, v := range booked {
		moved := v
		moved.TechID, moved.TechName = next.ID, next.Name
		t, err := tx.TicketByID(ctx, v.TicketID)
		if err != nil {
			return err
		}
		if err := d.checkBooking(ctx, tx, moved, t); err != nil { // one by one, as visit move would
			return fmt.Errorf("giving %s to %s: %w; move it with visit move first, then remove %s", v.Ref(), next.Name, err, u.Name)
		}
		e := model.Event{At: now, RecordedAt: now, By: who.Name, Note: u.Name + " left; reassigned"}
		if e, err = tx.RebookVisit(ctx, moved, e); err != nil {
			return err
		}
		if err := tx.Audit(ctx, now, who.String(), "visit.move", "visit", v.ID, v.TechName, next.Name); err != nil {
			return err
		}
		if moved, err = tx.VisitByID(ctx, v.ID); err != nil {
			return err
		}
		if err := d.tell(ctx, tx, model.MsgMoved, moved, t, e, now, func(n *model.VisitNews) { n.Was, n.PreviousTech = v.ScheduledAt, u.ID }); err != nil {
			return err
		}
	}
	return nil
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

// RoleNow is what a signed-in user may do now: their role, or false if
// they were removed. Sessions opened under another role end.
func (d *Door) RoleNow(ctx context.Context, id int64) (model.Role, bool, error) {
	var u model.User
	err := d.store.Read(ctx, func(tx *store.Tx) error {
		var err error
		u, err = tx.UserByID(ctx, id)
		return err
	})
	if errors.Is(err, model.ErrNotFound) {
		return "", false, nil
	}
	return u.Role, err == nil, err
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
