package model

import (
	"strings"
	"testing"
	"time"
)

func TestAConfirmationCallFallsDueABusinessDayLater(t *testing.T) {
	p := DefaultPolicy()
	p.Holidays = []string{"2026-11-30"}
	cases := []struct {
		invited, at, from, overdue string
	}{
		{"2026-11-24 15:00", "2026-12-10 10:00", "2026-11-25 00:00", "2026-11-26 00:00"}, // Tuesday: Wednesday, then Thursday
		{"2026-11-27 16:00", "2026-12-10 10:00", "2026-12-01 00:00", "2026-12-02 00:00"}, // Friday: the weekend and Monday's holiday pass
		{"2026-11-24 15:00", "2026-11-25 09:00", "2026-11-24 15:00", "2026-11-25 09:00"}, // tomorrow's meeting: call now, before it
		{"2026-11-24 15:00", "2026-11-25 16:00", "2026-11-24 15:00", "2026-11-25 16:00"},
		{"2026-11-24 15:00", "2026-11-26 09:00", "2026-11-25 00:00", "2026-11-26 00:00"}, // the day before is time enough
	}
	for _, c := range cases {
		invited, _ := time.Parse(TimeLayout, c.invited)
		at, _ := time.Parse(TimeLayout, c.at)
		from, overdue := ConfirmationDue(p, time.UTC, Meeting{InvitedAt: invited, At: at})
		if from.Format(TimeLayout) != c.from || overdue.Format(TimeLayout) != c.overdue {
			t.Errorf("invited %s for %s: due %s, overdue %s; want %s, %s", c.invited, c.at, from.Format(TimeLayout), overdue.Format(TimeLayout), c.from, c.overdue)
		}
	}
}

func TestWhatTheBriefSaysOfMeetings(t *testing.T) {
	p := DefaultPolicy()
	invited := time.Date(2026, 11, 24, 15, 0, 0, 0, time.UTC)
	m := Meeting{ID: 4, Kind: MeetingFirst, At: invited.Add(7 * 24 * time.Hour), Agenda: []string{"how you work with us", "the first job"}, InvitedAt: invited}
	cases := []struct {
		name     string
		meetings []Meeting
		firstJob time.Time
		now      time.Time
		want     []string
		not      []string
	}{
		{"a new client with work and no first meeting", nil, invited.Add(-24 * time.Hour), invited, []string{"no first meeting planned: plan one by Wed 23 Dec"}, nil},
		{"a client of years is not asked for a first meeting", nil, invited.AddDate(-3, 0, 0), invited, nil, []string{"no first meeting"}},
		{"invited today: no call due yet", []Meeting{m}, invited, invited, []string{"M-4: first meeting"}, []string{"call to confirm", "no first meeting"}},
		{"the next business day: call to confirm", []Meeting{m}, invited, invited.Add(20 * time.Hour), []string{"M-4: call to confirm the first meeting"}, nil},
		{"confirmed: no call", []Meeting{func() Meeting { c := m; c.ConfirmedAt = invited.Add(20 * time.Hour); return c }()}, invited,
			invited.Add(30 * time.Hour), []string{"M-4: first meeting"}, []string{"call to confirm"}},
		{"no tickets, nothing to say", nil, time.Time{}, invited, nil, []string{"no first meeting"}},
	}
	for _, c := range cases {
		got := strings.Join(MeetingsToKnow(c.meetings, c.firstJob, p, time.UTC, c.now), "\n")
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q lacks %q", c.name, got, w)
			}
		}
		for _, n := range c.not {
			if strings.Contains(got, n) {
				t.Errorf("%s: %q holds %q", c.name, got, n)
			}
		}
	}
}

func TestTheCallsOwedAboutMeetings(t *testing.T) {
	p := DefaultPolicy()
	now := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC) // Thursday
	day := 24 * time.Hour
	meeting := func(id int64, invited time.Time, confirmed bool) Meeting {
		m := Meeting{ID: id, ClientID: id, Client: "client", Kind: MeetingRoadmap, At: now.Add(10 * day), InvitedAt: invited}
		if confirmed {
			m.ConfirmedAt = invited.Add(day)
		}
		return m
	}
	cases := []struct {
		name  string
		open  []Meeting
		fresh []NewClient
		want  []string // What of each call, in order; "!" marks overdue
	}{
		{"invited today: not yet due", []Meeting{meeting(1, now, false)}, nil, nil},
		{"invited yesterday: due", []Meeting{meeting(1, now.Add(-day), false)}, nil, []string{"call to confirm the roadmap meeting"}},
		{"invited two business days ago: overdue", []Meeting{meeting(1, now.Add(-2*day), false)}, nil, []string{"!call to confirm"}},
		{"confirmed: nothing owed", []Meeting{meeting(1, now.Add(-5*day), true)}, nil, nil},
		{"a new client: plan a first meeting", nil, []NewClient{{ID: 7, Name: "Harbor", FirstJob: now.Add(-3 * day)}}, []string{"plan a first meeting: first job 23 Nov, plan by 23 Dec"}},
		{"past 30 days: overdue", nil, []NewClient{{ID: 7, FirstJob: now.Add(-40 * day)}}, []string{"!plan a first meeting"}},
		{"past two months: no longer asked", nil, []NewClient{{ID: 7, FirstJob: now.Add(-61 * day)}}, nil},
		{"overdue before due", []Meeting{meeting(1, now.Add(-day), false)}, []NewClient{{ID: 7, FirstJob: now.Add(-40 * day)}},
			[]string{"!plan a first meeting", "call to confirm"}},
	}
	for _, c := range cases {
		got := MeetingCalls(c.open, c.fresh, p, time.UTC, now)
		if len(got) != len(c.want) {
			t.Errorf("%s: %d calls, want %d: %+v", c.name, len(got), len(c.want), got)
			continue
		}
		for i, w := range c.want {
			overdue := strings.HasPrefix(w, "!")
			if what := got[i].What(time.UTC); !strings.HasPrefix(what, strings.TrimPrefix(w, "!")) || got[i].Overdue != overdue {
				t.Errorf("%s: call %d is %q (overdue %v); want %q", c.name, i, what, got[i].Overdue, w)
			}
		}
	}
}
