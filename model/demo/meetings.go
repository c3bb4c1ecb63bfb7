package demo

import (
	"context"
	"fmt"
	"time"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/model/store"
)

// The demo's meetings: each client had its first meeting a week or two
// after its first job, as the office promises — all but the newest, which
// has none planned yet, and the next newest, invited two days ago and not
// yet called to confirm. The oldest client has a roadmap review coming.
var (
	ken    = model.Actor{Name: "Ken Walsh", Role: model.RoleManager}
	firstA = []string{"how you work with us: who calls, who approves work", "your sites and what is on them", "the first job: what we found"}
	roadA  = []string{"the year ahead: machines due for replacement", "what keeps going wrong", "budget"}
)

func seedMeetings(ctx context.Context, s *store.Store, at func(time.Time) *door.Door, earliest, now time.Time, loc *time.Location) error {
	at9 := func(t time.Time) time.Time { return at9(t, loc) }
	var fresh []model.NewClient // oldest first job first
	if err := s.Read(ctx, func(tx *store.Tx) error {
		var err error
		fresh, err = tx.NewClients(ctx, earliest.Add(-d))
		return err
	}); err != nil {
		return err
	}
	for i, c := range fresh {
		var err error
		switch {
		case i == len(fresh)-1: // the newest: no first meeting yet
		case i == len(fresh)-2:
			invited := now.Add(-50 * time.Hour)
			_, err = at(invited).PlanMeeting(ctx, ken, model.Meeting{ClientID: c.ID, Kind: model.MeetingFirst, At: at9(now.Add(5 * d)), Agenda: firstA})
		default:
			err = heldFirstMeeting(ctx, at, c, now, loc, i)
		}
		if err != nil {
			return fmt.Errorf("demo meeting for %s: %w", c.Name, err)
		}
	}
	if len(fresh) == 0 {
		return nil
	}
	m, err := at(now.Add(-3*d)).PlanMeeting(ctx, ken, model.Meeting{ClientID: fresh[0].ID, Kind: model.MeetingRoadmap, At: at9(now.Add(6 * d)), Agenda: roadA})
	if err == nil {
		_, err = at(now.Add(-2*d)).ConfirmMeeting(ctx, ken, m.ID, "confirmed with the office manager")
	}
	return err
}

// heldFirstMeeting invites a client three days after its first job to a
// meeting a week later, confirms it the next day and records it held.
func heldFirstMeeting(ctx context.Context, at func(time.Time) *door.Door, c model.NewClient, now time.Time, loc *time.Location, i int) error {
	invited := c.FirstJob.Add(3 * d)
	when := at9(invited.Add(7*d), loc)
	if !when.Add(2 * time.Hour).Before(now) {
		when = at9(now.Add(time.Duration(2+i%5)*d), loc).Add(time.Duration(i%3) * time.Hour) // its week is not over: still to come
	}
	m, err := at(invited).PlanMeeting(ctx, ken, model.Meeting{ClientID: c.ID, Kind: model.MeetingFirst, At: when, Agenda: firstA})
	if err != nil {
		return err
	}
	if m, err = at(invited.Add(d)).ConfirmMeeting(ctx, ken, m.ID, "confirmed by phone"); err != nil || !when.Before(now) {
		return err
	}
	_, err = at(when.Add(90*time.Minute)).MeetingDone(ctx, ken, m.ID, "met the owner and the office manager; agreed who approves work and how we bill travel")
	return err
}

// at9 is nine in the morning of t's day where the office is, or of the
// Monday after when that is a weekend.
func at9(t time.Time, loc *time.Location) time.Time {
	y, mo, dd := t.In(loc).Date()
	day := time.Date(y, mo, dd, 9, 0, 0, 0, loc)
	for day.Weekday() == time.Saturday || day.Weekday() == time.Sunday {
		day = day.AddDate(0, 0, 1)
	}
	return day
}
