package door

import (
	"context"
	"testing"
	"time"

	"dispatch/model"
)

// The office's time zone is one setting: the policy's. --tz seeds it on a
// new office only; a change reaches the board (what "today" is) at once.
func TestOneOfficeTimeZone(t *testing.T) {
	f := newFixture(t) // opened with UTC; the clock reads 14:00 UTC, 08:00 in Chicago
	ctx := context.Background()
	if zone, err := f.d.SeedZone(ctx, "UTC"); err != nil || zone != "UTC" {
		t.Fatalf("seeding a new office: %q %v", zone, err)
	}
	if zone, _ := f.d.SeedZone(ctx, "Europe/Paris"); zone != "UTC" {
		t.Errorf("--tz overrode the office's zone: %q", zone)
	}
	// 23:00 UTC is today in UTC, and 17:00 today in Chicago; 03:00 UTC
	// tomorrow is tomorrow in UTC but still today (21:00) in Chicago.
	late, _ := f.d.CreateTicket(ctx, f.disp, f.newTicket())
	if _, err := f.d.ScheduleVisit(ctx, f.disp, late.ID, f.tech.UserID, time.Date(2026, 11, 26, 3, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	b, _ := f.d.Board(ctx, f.disp)
	if b.Count(model.SecUpcoming) != 1 {
		t.Fatalf("in UTC the 03:00 visit is tomorrow's: %d upcoming", b.Count(model.SecUpcoming))
	}
	p, _, _ := f.d.Policy(ctx, f.disp)
	p.Zone = "America/Chicago"
	if err := f.d.SetPolicy(ctx, f.admin, p); err != nil {
		t.Fatal(err)
	}
	if loc := f.d.Location(); loc.String() != "America/Chicago" {
		t.Errorf("the door's zone after the change: %s", loc)
	}
	b, _ = f.d.Board(ctx, f.disp)
	if b.Count(model.SecToday) != 1 || b.Count(model.SecUpcoming) != 0 {
		t.Errorf("in Chicago the 21:00 visit is today's: %d today, %d upcoming", b.Count(model.SecToday), b.Count(model.SecUpcoming))
	}
	if day, _ := f.d.MyDay(ctx, f.tech); len(day) != 1 {
		t.Errorf("Sam's day in Chicago holds %d visits", len(day))
	}
}
