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
		invited, from, overdue string
	}{
		{"2026-11-24 15:00", "2026-11-25", "2026-11-26"}, // Tuesday: Wednesday, then Thursday
		{"2026-11-27 16:00", "2026-12-01", "2026-12-02"}, // Friday: the weekend and Monday's holiday pass
	}
	for _, c := range cases {
		invited, _ := time.Parse(TimeLayout, c.invited)
		from, overdue := ConfirmationDue(p, time.UTC, invited)
		if from.Format("2006-01-02") != c.from || overdue.Format("2006-01-02") != c.overdue {
			t.Errorf("invited %s: due %s, overdue %s; want %s, %s", c.invited, from.Format("2006-01-02"), overdue.Format("2006-01-02"), c.from, c.overdue)
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
		tickets  bool
		now      time.Time
		want     []string
		not      []string
	}{
		{"a client with work and no first meeting", nil, true, invited, []string{"no first meeting planned"}, nil},
		{"invited today: no call due yet", []Meeting{m}, true, invited, []string{"M-4: first meeting"}, []string{"call to confirm", "no first meeting"}},
		{"the next business day: call to confirm", []Meeting{m}, true, invited.Add(20 * time.Hour), []string{"M-4: call to confirm the first meeting"}, nil},
		{"confirmed: no call", []Meeting{func() Meeting { c := m; c.ConfirmedAt = invited.Add(20 * time.Hour); return c }()}, true,
			invited.Add(30 * time.Hour), []string{"M-4: first meeting"}, []string{"call to confirm"}},
		{"no tickets, nothing to say", nil, false, invited, nil, []string{"no first meeting"}},
	}
	for _, c := range cases {
		got := strings.Join(MeetingsToKnow(c.meetings, c.tickets, p, time.UTC, c.now), "\n")
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
