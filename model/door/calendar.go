package door

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"dispatch/model"
	"dispatch/model/feed"
	"dispatch/model/store"
)

// TechCalendar writes a technician's visits booked in [from, to) as an
// iCalendar file. A technician reads their own; the office anyone's.
func (d *Door) TechCalendar(ctx context.Context, who model.Actor, techName string, from, to time.Time) (string, error) {
	var out string
	err := d.read(ctx, who, model.ActViewBoard, func(tx *store.Tx) error {
		tech, err := tx.UserByName(ctx, techName)
		if err != nil {
			return err
		}
		if tech.ID != who.UserID && !who.Role.Can(model.ActScheduleVisit) {
			return model.Forbidden{Action: model.ActScheduleVisit, Role: who.Role, Why: "a technician reads only their own calendar"}
		}
		if tech.Role != model.RoleTech {
			return model.Conflict{Msg: fmt.Sprintf("%s is a %s, not a technician: no visits are booked for them", tech.Name, tech.Role)}
		}
		out, err = d.techFeed(ctx, tx, tech, from, to, 0)
		return err
	})
	return out, err
}

// techFeed reads a technician's visits and writes them as their calendar.
func (d *Door) techFeed(ctx context.Context, tx *store.Tx, tech model.User, from, to time.Time, refresh time.Duration) (string, error) {
	visits, err := tx.TechCalendar(ctx, tech.ID, from, to)
	if err != nil {
		return "", err
	}
	head, err := d.letterhead(ctx, tx)
	if err != nil {
		return "", err
	}
	return model.TechFeed(tech.Name, visits, head.From, head.Calendar, d.Now(), refresh), nil
}

// CalendarFeed is what a subscribed calendar reads with a technician's
// secret: their visits from a year back to two years ahead. It runs
// before anyone signs in; an unknown secret and a revoked one are the same
// NotFound, so a guess learns nothing.
func (d *Door) CalendarFeed(ctx context.Context, token string) (string, error) {
	var out string
	err := d.store.Read(ctx, func(tx *store.Tx) error {
		tech, err := tx.UserByCalendarToken(ctx, tokenDigest(token))
		if err != nil {
			return err
		}
		if !tech.Role.Can(model.ActViewBoard) { // made a viewer since: a wall has no visits of its own
			return model.NotFound{What: "calendar"}
		}
		from, to := model.FeedWindow(d.Now())
		out, err = d.techFeed(ctx, tx, tech, from, to, model.FeedRefresh)
		return err
	})
	return out, err
}

// CalendarToken gives a user's calendar secret: a new one when they have
// none or when rotate asks for it (the old stops working at once), else ""
// and when the one they have was made, for only its digest is kept. A
// manager or an admin does this for anyone, a technician for themselves.
func (d *Door) CalendarToken(ctx context.Context, who model.Actor, name string, rotate bool) (token string, since time.Time, err error) {
	err = d.write(ctx, who, model.ActViewBoard, feed.Users, func(tx *store.Tx, now time.Time) error {
		u, err := d.selfOrAdmin(ctx, tx, who, name, model.ActTellClients, "a calendar address")
		if err != nil {
			return err
		}
		if u.Role != model.RoleTech {
			return model.Conflict{Msg: fmt.Sprintf("%s is a %s, not a technician: a calendar address would show no visits", u.Name, u.Role)}
		}
		if since, err = tx.CalendarSince(ctx, u.ID); err != nil || (!since.IsZero() && !rotate) {
			return err
		}
		raw := make([]byte, 24) // 192 bits
		if _, err := rand.Read(raw); err != nil {
			return err
		}
		token, since = base64.RawURLEncoding.EncodeToString(raw), now
		if err := tx.SetCalendarToken(ctx, u.ID, tokenDigest(token), now); err != nil {
			return err
		}
		return tx.Audit(ctx, now, who.String(), "user.calendar-token", "user", u.ID, nil, map[string]bool{"rotated": rotate})
	})
	return token, since, err
}

// SetUserEmail keeps where a user's invitations go; "" stops them. A
// manager or an admin does this for anyone, a user for themselves.
func (d *Door) SetUserEmail(ctx context.Context, who model.Actor, name, email string) (model.User, error) {
	email = model.CleanLine(email)
	if err := model.CheckEmail(email); err != nil {
		return model.User{}, err
	}
	var u model.User
	err := d.write(ctx, who, model.ActViewBoard, feed.Users, func(tx *store.Tx, now time.Time) error {
		var err error
		if u, err = d.selfOrAdmin(ctx, tx, who, name, model.ActTellClients, "setting an email address"); err != nil {
			return err
		}
		before := u.Email
		if err := tx.SetUserEmail(ctx, u.ID, email); err != nil {
			return err
		}
		u.Email = email
		return tx.Audit(ctx, now, who.String(), "user.email", "user", u.ID, before, email)
	})
	return u, err
}

// selfOrAdmin finds the named user when who may act for them: themselves,
// or anyone for a role that may take the action for others.
func (d *Door) selfOrAdmin(ctx context.Context, tx *store.Tx, who model.Actor, name string, forOthers model.Action, what string) (model.User, error) {
	u, err := tx.UserByName(ctx, name)
	if err != nil {
		return u, err
	}
	if u.ID != who.UserID && !who.Role.Can(forOthers) {
		return u, model.Forbidden{Action: forOthers, Role: who.Role, Why: fmt.Sprintf("%s for someone else is for %s", what, model.RolesList(forOthers.AllowedRoles()))}
	}
	return u, nil
}

// tokenDigest is what is kept of a calendar secret.
func tokenDigest(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// calendarURLKey is the setting that holds where the calendar feed is
// served, as a phone reaches it; serve keeps it, every command reads it.
const calendarURLKey = "calendar.url"

// SetCalendarURL keeps where the feed is served ("" when it is not), so a
// command run anywhere prints an address that works.
func (d *Door) SetCalendarURL(ctx context.Context, url string) error {
	return d.store.Write(ctx, func(tx *store.Tx) error {
		return tx.SetSetting(ctx, calendarURLKey, url)
	})
}

// CalendarURL is the address a calendar subscribes to with this secret,
// or "" when no feed is served.
func (d *Door) CalendarURL(ctx context.Context, token string) (string, error) {
	base, err := d.Setting(ctx, calendarURLKey)
	if err != nil || base == "" {
		return "", err
	}
	return strings.TrimSuffix(base, "/") + CalendarPath + token + ".ics", nil
}

// CalendarPath is where the feed's addresses begin.
const CalendarPath = "/calendar/"
