package model

import (
	"testing"
	"time"
)

var chicago = mustZone("America/Chicago")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// ct is a local time in Chicago: "2026-11-23 10:00" (a Monday).
func ct(t *testing.T, s string) time.Time {
	t.Helper()
	at, err := time.ParseInLocation("2006-01-02 15:04", s, chicago)
	if err != nil {
		t.Fatal(err)
	}
	return at
}

func opened(t *testing.T, at string, p Priority) SLAHistory {
	created := ct(t, at)
	return SLAHistory{Created: created, Priorities: []PriorityChange{{created, p}}}
}

func TestSLAClocks(t *testing.T) {
	thanksgiving := DefaultPolicy()
	thanksgiving.Holidays = []string{"2026-11-26"}
	type want struct {
		kind     ClockKind
		used     time.Duration
		due      string // local, "" for none
		breached string // local, "" for none
		describe string
	}
	tests := []struct {
		name   string
		policy Policy
		h      func(t *testing.T) SLAHistory
		now    string
		want   want
	}{
		{"business hours", DefaultPolicy(), func(t *testing.T) SLAHistory { return opened(t, "2026-11-23 10:00", P2) },
			"2026-11-23 12:00", want{ResponseClock, 2 * time.Hour, "2026-11-23 14:00", "", "2h left"}},
		{"overnight", DefaultPolicy(), func(t *testing.T) SLAHistory { return opened(t, "2026-11-23 16:00", P2) },
			"2026-11-23 18:30", want{ResponseClock, time.Hour, "2026-11-24 11:00", "", "3h left"}},
		{"over a weekend", DefaultPolicy(), func(t *testing.T) SLAHistory { return opened(t, "2026-11-27 15:00", P3) },
			"2026-11-28 12:00", want{ResponseClock, 2 * time.Hour, "2026-11-30 15:00", "", "7h left"}},
		{"a holiday does not count", thanksgiving, func(t *testing.T) SLAHistory { return opened(t, "2026-11-25 15:00", P2) },
			"2026-11-26 12:00", want{ResolutionClock, 2 * time.Hour, "2026-11-27 15:00", "", "7h left"}},
		{"opened after hours starts at opening", DefaultPolicy(), func(t *testing.T) SLAHistory { return opened(t, "2026-11-27 20:00", P3) },
			"2026-11-28 09:00", want{ResponseClock, 0, "2026-11-30 17:00", "", "starts Mon 08:00"}},
		{"P1 runs around the clock", DefaultPolicy(), func(t *testing.T) SLAHistory { return opened(t, "2026-11-28 23:00", P1) },
			"2026-11-28 23:40", want{ResponseClock, 40 * time.Minute, "2026-11-29 00:00", "", "20m left"}},
		{"a breach is dated when the target ran out", DefaultPolicy(), func(t *testing.T) SLAHistory { return opened(t, "2026-11-23 08:00", P2) },
			"2026-11-23 12:35", want{ResponseClock, 4*time.Hour + 35*time.Minute, "", "2026-11-23 12:00", "breached 35m ago"}},
		{"entered late gets no fresh budget", DefaultPolicy(), func(t *testing.T) SLAHistory { return opened(t, "2026-11-23 08:00", P2) },
			"2026-11-23 11:00", want{ResponseClock, 3 * time.Hour, "2026-11-23 12:00", "", "1h left"}},
		{"the response stops when made", DefaultPolicy(), func(t *testing.T) SLAHistory {
			h := opened(t, "2026-11-23 08:00", P2)
			h.Responded = ct(t, "2026-11-23 09:30")
			return h
		}, "2026-11-23 15:00", want{ResponseClock, 90 * time.Minute, "", "", "met"}},
		{"a pause over a weekend counts nothing", DefaultPolicy(), func(t *testing.T) SLAHistory {
			h := opened(t, "2026-11-27 09:00", P2)
			h.Waits = []Interval{{ct(t, "2026-11-27 11:00"), ct(t, "2026-11-30 10:00")}}
			return h
		}, "2026-11-30 12:00", want{ResolutionClock, 4 * time.Hour, "2026-11-30 17:00", "", "5h left"}},
		{"resumed on a Saturday counts from Monday's opening", DefaultPolicy(), func(t *testing.T) SLAHistory {
			h := opened(t, "2026-11-27 09:00", P2)
			h.Waits = []Interval{{ct(t, "2026-11-27 11:00"), ct(t, "2026-11-28 10:00")}}
			return h
		}, "2026-11-30 09:00", want{ResolutionClock, 3 * time.Hour, "2026-11-30 15:00", "", "6h left"}},
		{"paused now", DefaultPolicy(), func(t *testing.T) SLAHistory {
			h := opened(t, "2026-11-23 08:00", P2)
			h.Waits = []Interval{{From: ct(t, "2026-11-23 10:00")}}
			return h
		}, "2026-11-24 16:00", want{ResolutionClock, 2 * time.Hour, "", "", "paused · 7h left"}},
		{"a priority change after a pause keeps the pause", DefaultPolicy(), func(t *testing.T) SLAHistory {
			h := opened(t, "2026-11-23 08:00", P3)
			h.Waits = []Interval{{ct(t, "2026-11-23 09:00"), ct(t, "2026-11-23 13:00")}}
			h.Priorities = append(h.Priorities, PriorityChange{ct(t, "2026-11-23 14:00"), P2})
			return h
		}, "2026-11-23 15:00", want{ResolutionClock, 3 * time.Hour, "2026-11-24 12:00", "", "6h left"}},
		{"a breach stays when the priority is lowered", DefaultPolicy(), func(t *testing.T) SLAHistory {
			h := opened(t, "2026-11-23 08:00", P2)
			h.Priorities = append(h.Priorities, PriorityChange{ct(t, "2026-11-23 13:00"), P4})
			return h
		}, "2026-11-23 14:00", want{ResponseClock, 6 * time.Hour, "", "2026-11-23 12:00", "breached 2h ago"}},
		{"raising the priority can breach at once", DefaultPolicy(), func(t *testing.T) SLAHistory {
			h := opened(t, "2026-11-23 08:00", P4)
			h.Priorities = append(h.Priorities, PriorityChange{ct(t, "2026-11-23 13:00"), P2})
			return h
		}, "2026-11-23 14:00", want{ResponseClock, 6 * time.Hour, "", "2026-11-23 13:00", "breached 1h ago"}},
		{"spring forward: a 24x7 P1 counts real hours", DefaultPolicy(), func(t *testing.T) SLAHistory { return opened(t, "2026-03-08 00:00", P1) },
			"2026-03-08 04:00", want{ResolutionClock, 3 * time.Hour, "2026-03-08 05:00", "", "1h left"}},
		{"fall back: a 24x7 P1 counts real hours", DefaultPolicy(), func(t *testing.T) SLAHistory { return opened(t, "2026-11-01 00:00", P1) },
			"2026-11-01 02:00", want{ResolutionClock, 3 * time.Hour, "2026-11-01 03:00", "", "1h left"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, resol := Clocks(tt.policy, chicago, tt.h(t), ct(t, tt.now))
			c := resp
			if tt.want.kind == ResolutionClock {
				c = resol
			}
			if c.Used != tt.want.used {
				t.Errorf("used %s, want %s", c.Used, tt.want.used)
			}
			if got := localOrEmpty(c.Due); got != tt.want.due {
				t.Errorf("due %q, want %q", got, tt.want.due)
			}
			if got := localOrEmpty(c.BreachedAt); got != tt.want.breached || c.Breached != (tt.want.breached != "") {
				t.Errorf("breached %v at %q, want %q", c.Breached, got, tt.want.breached)
			}
			if got := c.Describe(ct(t, tt.now), chicago); got != tt.want.describe {
				t.Errorf("describe %q, want %q", got, tt.want.describe)
			}
		})
	}
}

func localOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(chicago).Format("2006-01-02 15:04")
}

// Business hours on the days the clocks change: a Sunday open round the
// clock is 23 hours in spring and 25 in autumn; one open 08:00–17:00 is 9
// either way.
func TestBusinessDaysAcrossDaylightSaving(t *testing.T) {
	allSunday, daySunday := DefaultPolicy(), DefaultPolicy()
	allSunday.Week[time.Sunday] = OpenHours{0, 24 * time.Hour}
	daySunday.Week[time.Sunday] = OpenHours{8 * time.Hour, 17 * time.Hour}
	for _, tt := range []struct {
		day    string
		policy Policy
		want   time.Duration
	}{
		{"2026-03-08", allSunday, 23 * time.Hour},
		{"2026-11-01", allSunday, 25 * time.Hour},
		{"2026-03-08", daySunday, 9 * time.Hour},
		{"2026-11-01", daySunday, 9 * time.Hour},
	} {
		from := ct(t, tt.day+" 00:00")
		to := from.AddDate(0, 0, 1)
		if got := (calendar{p: tt.policy, loc: chicago}).between(from, to, nil); got != tt.want {
			t.Errorf("%s: %s of business time, want %s", tt.day, got, tt.want)
		}
	}
}

// A policy change while a ticket waits: every clock is recomputed under the
// new hours, and the waiting time still does not count.
func TestPolicyChangeWhilePaused(t *testing.T) {
	h := opened(t, "2026-11-23 07:30", P3) // before the usual opening
	h.Waits = []Interval{{From: ct(t, "2026-11-23 10:00")}}
	now := ct(t, "2026-11-25 12:00")
	longer := DefaultPolicy()
	for d := time.Monday; d <= time.Friday; d++ {
		longer.Week[d] = OpenHours{7 * time.Hour, 19 * time.Hour}
	}
	_, before := Clocks(DefaultPolicy(), chicago, h, now)
	_, after := Clocks(longer, chicago, h, now)
	if before.Used != 2*time.Hour || after.Used != 150*time.Minute || !before.Paused || !after.Paused {
		t.Errorf("used %s then %s (paused %v %v); want 2h (08–10) then 2h30m (07:30–10)", before.Used, after.Used, before.Paused, after.Paused)
	}
	if after.Target != 3*12*time.Hour {
		t.Errorf("3 business days under 12-hour days = %s, want 36h", after.Target)
	}
}

func TestAfterHours(t *testing.T) {
	p := DefaultPolicy()
	for at, want := range map[string]bool{"2026-11-23 07:59": true, "2026-11-23 08:00": false, "2026-11-23 16:59": false,
		"2026-11-23 17:00": true, "2026-11-28 12:00": true} {
		if got := AfterHours(p, chicago, ct(t, at)); got != want {
			t.Errorf("%s: after hours %v, want %v", at, got, want)
		}
	}
}

// FuzzSLAInvariants builds a random history and checks what must hold
// whatever it is: time left never grows while a clock runs, and time spent
// waiting on the client never counts toward the resolution.
func FuzzSLAInvariants(f *testing.F) {
	f.Add(uint8(2), uint16(30), uint16(600), uint16(1200), uint16(100), uint8(3), uint16(2000))
	f.Add(uint8(1), uint16(0), uint16(10), uint16(20), uint16(5000), uint8(0), uint16(70))
	f.Fuzz(func(t *testing.T, pr uint8, waitAt, waitLen, respondAt, step uint16, changeTo uint8, changeAt uint16) {
		p := DefaultPolicy()
		created := time.Date(2026, 3, 6, 15, 0, 0, 0, chicago) // a Friday before spring forward
		min := func(n uint16) time.Time { return created.Add(time.Duration(n) * 7 * time.Minute) }
		h := SLAHistory{Created: created, Priorities: []PriorityChange{{created, Priority(pr%4 + 1)}}}
		if changeTo%5 != 0 {
			h.Priorities = append(h.Priorities, PriorityChange{min(changeAt), Priority(changeTo%4 + 1)})
		}
		wFrom, wTo := min(waitAt), min(waitAt+waitLen)
		h.Waits = []Interval{{wFrom, wTo}}
		if respondAt%3 == 0 {
			h.Responded = min(respondAt)
		}
		var prev *SLAClock
		for i := 0; i < 12; i++ {
			now := created.Add(time.Duration(i) * time.Duration(step%4000+1) * time.Minute)
			_, resol := Clocks(p, chicago, h, now)
			if prev != nil && !resol.Breached && len(h.Priorities) == 1 && resol.Left > prev.Left {
				t.Fatalf("time left grew from %s to %s at %s", prev.Left, resol.Left, now)
			}
			prev = &resol
		}
		// Waiting counts nothing: the resolution clock at the end of the wait
		// has used what it had at the start.
		_, atStart := Clocks(p, chicago, h, wFrom)
		_, atEnd := Clocks(p, chicago, h, wTo)
		if atStart.Used != atEnd.Used {
			t.Fatalf("waiting %s–%s counted %s", wFrom, wTo, atEnd.Used-atStart.Used)
		}
	})
}

// The moment a clock runs out, and the minute before, are said in words:
// "0m" reads as nothing at all.
func TestDescribeNeverSaysZeroMinutes(t *testing.T) {
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		clock SLAClock
		want  string
	}{
		{SLAClock{Breached: true, BreachedAt: now.Add(-30 * time.Second)}, "breached just now"},
		{SLAClock{Breached: true, BreachedAt: now.Add(-time.Minute)}, "breached 1m ago"},
		{SLAClock{Left: 40 * time.Second}, "under a minute left"},
		{SLAClock{Left: time.Minute}, "1m left"},
		{SLAClock{Stopped: true}, "met"},
	}
	for _, tt := range tests {
		if got := tt.clock.Describe(now, time.UTC); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.clock, got, tt.want)
		}
	}
}
