package model

import (
	"fmt"
	"testing"
	"time"
)

func TestPhaseOf(t *testing.T) {
	ev := func(kinds ...EventKind) []Event {
		out := make([]Event, len(kinds))
		for i, k := range kinds {
			out[i] = Event{Kind: k}
		}
		return out
	}
	tests := []struct {
		events []Event
		want   Phase
	}{
		{ev(EvScheduled), PhaseScheduled},
		{ev(EvScheduled, EvTravelStarted), PhaseTravelling},
		{ev(EvScheduled, EvTravelStarted, EvArrived), PhaseOnSite},
		{ev(EvScheduled, EvTravelStarted, EvArrived, EvPaused), PhasePaused},
		{ev(EvScheduled, EvTravelStarted, EvArrived, EvPaused, EvResumed), PhaseOnSite},
		{ev(EvScheduled, EvTravelStarted, EvArrived, EvDeparted), PhaseReturning},
		{ev(EvScheduled, EvTravelStarted, EvArrived, EvDeparted, EvTravelEnded), PhaseFinished},
		{ev(EvScheduled, EvTravelStarted, EvArrived, EvDeparted, EvTravelEnded, EvShopStarted), PhaseInShop},
		{ev(EvScheduled, EvTravelStarted, EvArrived, EvDeparted, EvTravelEnded, EvShopStarted, EvShopStopped), PhaseFinished},
	}
	for _, tt := range tests {
		if got := PhaseOf(tt.events); got != tt.want {
			t.Errorf("PhaseOf(%v) = %s, want %s", tt.events, got, tt.want)
		}
	}
}

func TestBuildBoard(t *testing.T) {
	loc := time.UTC
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, loc)
	ticket := func(id int64, p Priority, age time.Duration, status TicketStatus, visits ...Visit) BoardTicket {
		return BoardTicket{Ticket: Ticket{ID: id, Priority: p, CreatedAt: now.Add(-age), Status: status, DoneAt: now.Add(-time.Duration(id) * time.Minute)},
			Client: "C", Visits: visits}
	}
	sched := func(at time.Time, events ...EventKind) Visit {
		v := Visit{ID: 1, ScheduledAt: at, TechName: "Sam", Events: []Event{{Kind: EvScheduled, At: now.Add(-48 * time.Hour)}}}
		for i, k := range events {
			v.Events = append(v.Events, Event{Kind: k, At: now.Add(time.Duration(i-len(events)) * time.Minute)})
		}
		return v
	}
	b := BuildBoard([]BoardTicket{
		ticket(1, P3, 5*time.Hour, TicketOpen),
		ticket(2, P1, time.Hour, TicketOpen),
		ticket(3, P3, 9*time.Hour, TicketOpen),
		ticket(4, P2, time.Hour, TicketOpen, sched(now.Add(3*time.Hour))),
		ticket(5, P2, time.Hour, TicketOpen, sched(now.Add(time.Hour))),
		ticket(6, P2, time.Hour, TicketOpen, sched(now.Add(-30*time.Minute))), // late to start
		ticket(7, P2, time.Hour, TicketOpen, sched(now.Add(-time.Hour), EvTravelStarted)),
		ticket(8, P2, time.Hour, TicketOpen, sched(now.Add(30*time.Hour))),
		ticket(9, P4, 3*24*time.Hour, TicketDone, sched(now.Add(-50*time.Hour), EvTravelStarted, EvArrived, EvDeparted, EvTravelEnded)),
		ticket(10, P4, 3*24*time.Hour, TicketInvoiced),
		ticket(11, P2, time.Hour, TicketOpen, sched(now.Add(-5*time.Hour), EvTravelStarted, EvArrived, EvDeparted, EvTravelEnded)), // needs another visit
		ticket(12, P2, time.Hour, TicketOpen, sched(now.Add(14*time.Hour-time.Minute))),                                            // 23:59 today
	}, nil, DefaultPolicy(), now, loc)

	ids := func(s Section) []int64 {
		var out []int64
		for _, r := range b.Rows[s] {
			out = append(out, r.Ticket.ID)
		}
		return out
	}
	want := map[Section][]int64{
		SecUnscheduled: {2, 3, 1, 11}, // by time left: the P1's hour is up; 11 was responded to, its resolution has 8h
		SecToday:       {6, 5, 4, 12},
		SecInProgress:  {7},
		SecUpcoming:    {8},
		SecDone:        {9},
	}
	for s, w := range want {
		if got := ids(s); !equal(got, w) {
			t.Errorf("%s = %v, want %v", s, got, w)
		}
	}
	if r := b.Rows[SecToday][0]; !r.Late || r.Tech != "Sam" {
		t.Errorf("ticket 6 should be late with Sam: %+v", r)
	}
	if r := b.Rows[SecInProgress][0]; r.Phase != PhaseTravelling || r.Since.IsZero() {
		t.Errorf("ticket 7 should be travelling since a time: %+v", r)
	}
}

func TestBoardTodayFollowsOfficeZone(t *testing.T) {
	loc, err := time.LoadLocation("America/Chicago")
	if err != nil {
		t.Skip("no zoneinfo")
	}
	now := time.Date(2026, 11, 25, 23, 0, 0, 0, loc)                  // 05:00 UTC on the 26th
	at := time.Date(2026, 11, 26, 1, 0, 0, 0, loc)                    // tomorrow in Chicago
	v := Visit{ScheduledAt: at, Events: []Event{{Kind: EvScheduled}}} // same UTC day as now
	b := BuildBoard([]BoardTicket{{Ticket: Ticket{ID: 1, Status: TicketOpen}, Visits: []Visit{v}}}, nil, DefaultPolicy(), now, loc)
	if b.Count(SecUpcoming) != 1 {
		t.Errorf("a visit after midnight in the office zone is not today: %v", b.Rows)
	}
}

func TestFormatAge(t *testing.T) {
	for d, want := range map[time.Duration]string{
		-time.Minute: "0m", 5 * time.Minute: "5m", 3 * time.Hour: "3h", 47 * time.Hour: "47h",
		3 * 24 * time.Hour: "3d", 30 * 24 * time.Hour: "4w",
	} {
		if got := FormatAge(d); got != want {
			t.Errorf("FormatAge(%v) = %s, want %s", d, got, want)
		}
	}
}

func equal(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// The unscheduled section is ordered by the time left on each ticket's
// pressing clock, breached first; paused clocks after running ones; and the
// header counts what is at risk and breached.
func TestUnscheduledByTimeLeft(t *testing.T) {
	now := time.Date(2026, 11, 25, 15, 0, 0, 0, time.UTC) // Wednesday
	open := func(id int64, p Priority, age time.Duration, events ...TicketEvent) BoardTicket {
		return BoardTicket{Ticket: Ticket{ID: id, Priority: p, CreatedAt: now.Add(-age), Status: TicketOpen}, Events: events}
	}
	b := BuildBoard([]BoardTicket{
		open(1, P4, 2*time.Hour),                // 3 business days to respond
		open(2, P2, 3*time.Hour+30*time.Minute), // 30m left of 4h: at risk
		open(3, P2, 5*time.Hour),                // breached an hour ago
		open(4, P3, time.Hour),                  // 8h left
		open(5, P2, time.Hour, TicketEvent{Kind: TkContacted, At: now.Add(-50 * time.Minute)},
			TicketEvent{Kind: TkWaiting, At: now.Add(-40 * time.Minute)}), // responded, then waiting: paused
		open(6, P1, 50*time.Minute), // 10m left of 1h: at risk
	}, nil, DefaultPolicy(), now, time.UTC)
	var got []int64
	for _, r := range b.Rows[SecUnscheduled] {
		got = append(got, r.Ticket.ID)
	}
	if want := []int64{3, 6, 2, 4, 1, 5}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("order %v, want %v", got, want)
	}
	if b.Breached != 1 || b.AtRisk != 2 {
		t.Errorf("breached %d, at risk %d; want 1 and 2", b.Breached, b.AtRisk)
	}
	last := b.Rows[SecUnscheduled][5]
	if !last.Waiting || !last.Clock.Paused || last.Clock.Kind != ResolutionClock {
		t.Errorf("the waiting ticket: %+v", last)
	}
}
