package model

import (
	"strings"
	"testing"
	"time"
)

// visitAt builds a visit whose steps happened at the given clock times on
// 25 Nov 2026 (UTC), each a kind and "15:04".
func visitAt(t *testing.T, steps ...string) Visit {
	t.Helper()
	v := Visit{ID: 12, Events: []Event{{ID: 1, Kind: EvScheduled, At: at(t, "08:00")}}}
	for i := 0; i < len(steps); i += 2 {
		v.Events = append(v.Events, Event{ID: int64(len(v.Events) + 1), Kind: EventKind(steps[i]), At: at(t, steps[i+1])})
	}
	return v
}

func at(t *testing.T, clock string) time.Time {
	t.Helper()
	c, err := time.Parse("15:04", clock)
	if err != nil {
		t.Fatal(err)
	}
	return time.Date(2026, 11, 25, c.Hour(), c.Minute(), 0, 0, time.UTC)
}

// Every phase against every kind: exactly the state machine's moves pass.
func TestCheckEventStateMachine(t *testing.T) {
	phases := map[Phase][]string{
		PhaseScheduled:  nil,
		PhaseTravelling: {"travel_started", "09:00"},
		PhaseOnSite:     {"travel_started", "09:00", "arrived", "09:40"},
		PhasePaused:     {"travel_started", "09:00", "arrived", "09:40", "paused", "10:00"},
		PhaseReturning:  {"travel_started", "09:00", "arrived", "09:40", "departed", "11:00"},
		PhaseFinished:   {"travel_started", "09:00", "arrived", "09:40", "departed", "11:00", "travel_ended", "11:40"},
		PhaseInShop:     {"travel_started", "09:00", "arrived", "09:40", "departed", "11:00", "travel_ended", "11:40", "shop_started", "11:45"},
	}
	allowed := map[Phase]map[EventKind]bool{
		PhaseScheduled:  {EvTravelStarted: true},
		PhaseTravelling: {EvArrived: true},
		PhaseOnSite:     {EvPaused: true, EvDeparted: true},
		PhasePaused:     {EvResumed: true, EvDeparted: true},
		PhaseReturning:  {EvTravelEnded: true},
		PhaseFinished:   {EvShopStarted: true},
		PhaseInShop:     {EvShopStopped: true},
	}
	kinds := []EventKind{EvScheduled, EvTravelStarted, EvArrived, EvPaused, EvResumed, EvDeparted, EvTravelEnded, EvShopStarted, EvShopStopped, EvNote}
	now := at(t, "12:00")
	for phase, steps := range phases {
		v := visitAt(t, steps...)
		if v.Phase() != phase {
			t.Fatalf("fixture for %s derives %s", phase, v.Phase())
		}
		for _, k := range kinds {
			err := CheckEvent(v, k, now, now, time.UTC)
			want := allowed[phase][k] || k == EvNote
			if (err == nil) != want {
				t.Errorf("%s then %s: err = %v, want allowed=%v", phase, k, err, want)
			}
			if err != nil && k != EvScheduled && !strings.Contains(err.Error(), "now you can") && !strings.Contains(err.Error(), "nothing more") {
				t.Errorf("%s then %s: the refusal should say what can be done: %v", phase, k, err)
			}
		}
	}
}

func TestCheckEventRefusalsReadWell(t *testing.T) {
	now := at(t, "12:00")
	tests := []struct {
		v    Visit
		kind EventKind
		at   time.Time
		want string
	}{
		{visitAt(t), EvArrived, now, "cannot arrive: V-12 is scheduled; now you can start travel"},
		{visitAt(t, "travel_started", "09:00", "arrived", "09:40", "departed", "11:00"), EvDeparted, now,
			"cannot depart: V-12 is returning; now you can end travel"},
		{visitAt(t, "travel_started", "09:00"), EvArrived, at(t, "12:01"), "in the future"},
		{visitAt(t, "travel_started", "09:00"), EvArrived, at(t, "08:59"), "before the visit's last step (travel started at 09:00)"},
		{visitAt(t, "travel_started", "09:00"), EvArrived, at(t, "09:00"), ""}, // the same minute is fine
		{visitAt(t, "travel_started", "09:00"), EvNote, at(t, "08:00"), ""},    // a note may be about earlier
	}
	for _, tt := range tests {
		err := CheckEvent(tt.v, tt.kind, tt.at, now, time.UTC)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s at %s: %v", tt.kind, tt.at, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s at %s: err = %v, want %q", tt.kind, tt.at, err, tt.want)
		}
	}
}

func TestTimesOf(t *testing.T) {
	h, m := time.Hour, time.Minute
	tests := []struct {
		name  string
		steps []string
		now   string
		want  Times
	}{
		{"scheduled counts nothing", nil, "12:00", Times{}},
		{"travelling runs to now", []string{"travel_started", "11:15"}, "12:00", Times{Travel: 45 * m}},
		{"on site runs to now", []string{"travel_started", "09:00", "arrived", "09:45"}, "12:00", Times{Travel: 45 * m, OnSite: 2*h + 15*m}},
		{"a pause is not on-site time", []string{"travel_started", "09:00", "arrived", "09:45", "paused", "10:45", "resumed", "11:15"}, "12:00",
			Times{Travel: 45 * m, OnSite: h + 45*m, Paused: 30 * m}},
		{"paused now", []string{"travel_started", "09:00", "arrived", "09:45", "paused", "10:45"}, "12:00",
			Times{Travel: 45 * m, OnSite: h, Paused: h + 15*m}},
		{"departing from a pause ends it", []string{"travel_started", "09:00", "arrived", "09:45", "paused", "10:45", "departed", "11:00"}, "12:00",
			Times{Travel: 45*m + h, OnSite: h, Paused: 15 * m}},
		{"there and back", []string{"travel_started", "09:00", "arrived", "09:45", "departed", "11:00", "travel_ended", "11:40"}, "12:00",
			Times{Travel: 85 * m, OnSite: 75 * m}},
		{"shop work, twice", []string{"travel_started", "09:00", "arrived", "09:45", "departed", "11:00", "travel_ended", "11:40",
			"shop_started", "13:00", "shop_stopped", "14:00", "shop_started", "15:00"}, "15:30",
			Times{Travel: 85 * m, OnSite: 75 * m, Shop: 90 * m}},
		{"notes change nothing", []string{"travel_started", "09:00", "note", "09:10", "arrived", "09:45", "note", "10:00"}, "10:45",
			Times{Travel: 45 * m, OnSite: h}},
		{"a clock behind the last step counts no negative time", []string{"travel_started", "11:00"}, "10:00", Times{}},
	}
	for _, tt := range tests {
		got := TimesOf(visitAt(t, tt.steps...).Events, at(t, tt.now))
		if got != tt.want {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
	if tot := (Times{Travel: h, OnSite: 2 * h, Paused: h, Shop: 30 * m}).Total(); tot != 3*h+30*m {
		t.Errorf("Total counts pauses: %s", tot)
	}
}

// A late entry and a corrected time are just events with their real times:
// the durations follow the times the visit happened at, not when they were
// typed.
func TestTimesFollowLateEntriesAndFixes(t *testing.T) {
	v := visitAt(t, "travel_started", "09:00", "arrived", "09:45")
	v.Events[1].RecordedAt = at(t, "09:00")
	v.Events[2].RecordedAt = at(t, "10:30") // tapped late, with --at 09:45
	if !v.Events[2].Late() || v.Events[1].Late() {
		t.Errorf("late marks: travel %v, arrival %v", v.Events[1].Late(), v.Events[2].Late())
	}
	if got := TimesOf(v.Events, at(t, "11:00")); got.OnSite != 75*time.Minute || got.Travel != 45*time.Minute {
		t.Errorf("late entry: %+v", got)
	}
	// A dispatcher corrects the arrival to 09:30: the original stays.
	v.Events[2].Fix = &Fix{OriginalAt: v.Events[2].At, Reason: "client says 9:30", By: "Rita"}
	v.Events[2].At = at(t, "09:30")
	if got := TimesOf(v.Events, at(t, "11:00")); got.OnSite != 90*time.Minute || got.Travel != 30*time.Minute {
		t.Errorf("after the fix: %+v", got)
	}
	if !v.Events[2].Late() || v.Events[2].EnteredAt() != at(t, "09:45") {
		t.Errorf("a fix keeps the entry's own lateness and first time")
	}
}

func TestTimesAcrossMidnightAndDaylightSaving(t *testing.T) {
	chicago, err := time.LoadLocation("America/Chicago")
	if err != nil {
		t.Skip("no zone data:", err)
	}
	local := func(y int, mo time.Month, d, h, mi int) time.Time { return time.Date(y, mo, d, h, mi, 0, 0, chicago) }
	steps := func(ts ...time.Time) []Event {
		kinds := []EventKind{EvTravelStarted, EvArrived, EvDeparted, EvTravelEnded}
		var out []Event
		for i, t := range ts {
			out = append(out, Event{Kind: kinds[i], At: t.UTC()})
		}
		return out
	}
	tests := []struct {
		name   string
		events []Event
		now    time.Time
		onSite time.Duration
		travel time.Duration
	}{
		// 23:30 to 01:30 local across midnight: two hours.
		{"midnight", steps(local(2026, 11, 24, 23, 0), local(2026, 11, 24, 23, 30), local(2026, 11, 25, 1, 30), local(2026, 11, 25, 2, 0)),
			local(2026, 11, 25, 3, 0), 2 * time.Hour, time.Hour},
		// 1 Nov 2026 the clocks go back at 02:00 CDT: 00:30 to 02:30 on the wall is three hours.
		{"clocks go back", steps(local(2026, 11, 1, 0, 0), local(2026, 11, 1, 0, 30), local(2026, 11, 1, 2, 30), local(2026, 11, 1, 3, 0)),
			local(2026, 11, 1, 4, 0), 3 * time.Hour, time.Hour},
		// 8 Mar 2026 the clocks go forward at 02:00 CST: 01:30 to 03:30 on the wall is one hour.
		{"clocks go forward", steps(local(2026, 3, 8, 1, 0), local(2026, 3, 8, 1, 30), local(2026, 3, 8, 3, 30), local(2026, 3, 8, 4, 0)),
			local(2026, 3, 8, 5, 0), time.Hour, time.Hour},
		// still on site while the clocks go back: counts real time up to now.
		{"running over the change", steps(local(2026, 11, 1, 0, 0), local(2026, 11, 1, 0, 30)),
			local(2026, 11, 1, 2, 30), 3 * time.Hour, 30 * time.Minute},
	}
	for _, tt := range tests {
		got := TimesOf(tt.events, tt.now.UTC())
		if got.OnSite != tt.onSite || got.Travel != tt.travel {
			t.Errorf("%s: on site %s travel %s, want %s and %s", tt.name, got.OnSite, got.Travel, tt.onSite, tt.travel)
		}
	}
}

func TestCheckFix(t *testing.T) {
	v := visitAt(t, "travel_started", "09:00", "note", "09:20", "arrived", "09:45", "departed", "11:00")
	now := at(t, "12:00")
	tests := []struct {
		id     int64
		at     string
		reason string
		want   string
	}{
		{4, "09:30", "client says 9:30", ""},
		{4, "09:00", "same minute as travel", ""},
		{4, "08:59", "x", "before the step it follows (travel started"},
		{4, "11:01", "x", "after the step that follows (departed"},
		{4, "09:30", "  ", "reason is empty"},
		{5, "11:59", "x", ""},
		{1, "08:30", "x", "only the visit's steps"},
		{3, "09:10", "x", "only the visit's steps"},
		{9, "09:10", "x", "no event E-9 (see: visit show V-12)"},
	}
	for _, tt := range tests {
		err := CheckFix(v, tt.id, at(t, tt.at), now, time.UTC, tt.reason)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("fix E-%d to %s: %v", tt.id, tt.at, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("fix E-%d to %s: err = %v, want %q", tt.id, tt.at, err, tt.want)
		}
	}
	if err := CheckFix(v, 5, now.Add(time.Minute), now, time.UTC, "x"); err == nil || !strings.Contains(err.Error(), "future") {
		t.Errorf("a fix into the future: %v", err)
	}
}

func TestAgainstEstimate(t *testing.T) {
	tests := []struct {
		onSite, estimate time.Duration
		want             EstimateLevel
	}{
		{time.Hour, 0, EstimateNone},
		{0, 2 * time.Hour, EstimateOK},
		{95 * time.Minute, 2 * time.Hour, EstimateOK},
		{96 * time.Minute, 2 * time.Hour, EstimateNear},
		{2 * time.Hour, 2 * time.Hour, EstimateNear}, // done in its estimate: on time
		{2*time.Hour + time.Second, 2 * time.Hour, EstimateOver},
		{3 * time.Hour, 2 * time.Hour, EstimateOver},
	}
	for _, tt := range tests {
		if _, got := AgainstEstimate(tt.onSite, tt.estimate); got != tt.want {
			t.Errorf("%s of %s: level %d, want %d", tt.onSite, tt.estimate, got, tt.want)
		}
	}
}
