package model

import (
	"strings"
	"testing"
	"time"
)

func TestTimesSinceCountsOnlyWhatFellAfter(t *testing.T) {
	day := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	at := func(h, m int) time.Time { return day.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute) }
	// Out at 23:00 the night before, on site from 23:30 to 01:00, back at 01:40.
	overnight := []Event{
		{Kind: EvScheduled, At: at(-20, 0)},
		{Kind: EvTravelStarted, At: at(-1, 0)}, {Kind: EvArrived, At: at(-1, 30)},
		{Kind: EvDeparted, At: at(1, 0)}, {Kind: EvTravelEnded, At: at(1, 40)},
	}
	running := []Event{{Kind: EvTravelStarted, At: at(9, 0)}, {Kind: EvArrived, At: at(9, 20)}}
	tests := []struct {
		name   string
		events []Event
		from   time.Time
		now    time.Time
		want   Times
	}{
		{"the whole visit", overnight, time.Time{}, at(12, 0), Times{Travel: 70 * time.Minute, OnSite: 90 * time.Minute}},
		{"today's share", overnight, day, at(12, 0), Times{Travel: 40 * time.Minute, OnSite: 60 * time.Minute}},
		{"from after it ended", overnight, at(2, 0), at(12, 0), Times{}},
		{"a running phase up to now", running, day, at(10, 0), Times{Travel: 20 * time.Minute, OnSite: 40 * time.Minute}},
		{"from inside the running phase", running, at(9, 50), at(10, 0), Times{OnSite: 10 * time.Minute}},
		{"nothing yet", []Event{{Kind: EvScheduled, At: at(8, 0)}}, day, at(10, 0), Times{}},
	}
	for _, tt := range tests {
		if got := TimesSince(tt.events, tt.from, tt.now); got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestStartOfWeekIsMondayMidnight(t *testing.T) {
	chicago, err := time.LoadLocation("America/Chicago")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	tests := []struct {
		at   time.Time
		want time.Time
	}{
		{time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC), time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)},  // Wednesday
		{time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)},   // Monday midnight itself
		{time.Date(2026, 11, 29, 23, 59, 0, 0, time.UTC), time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)}, // Sunday night
		// Tuesday 3 November 03:00 UTC is still Monday evening in Chicago, the
		// day after the clocks went back.
		{time.Date(2026, 11, 3, 3, 0, 0, 0, time.UTC), time.Date(2026, 11, 2, 0, 0, 0, 0, chicago)},
	}
	for _, tt := range tests {
		loc := tt.want.Location()
		if got := StartOfWeek(tt.at, loc); !got.Equal(tt.want) {
			t.Errorf("StartOfWeek(%s) = %s, want %s", tt.at, got, tt.want)
		}
	}
}

// A small shop on Wednesday 25 November at 10:00: Sam on site, Ana
// travelling after a job finished this morning, Lee free with a visit at
// 14:00, Kim free with nothing; a visit of an invoiced ticket from Monday
// and one by a technician since removed count towards the hours only.
func TestBuildWall(t *testing.T) {
	loc := time.UTC
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, loc)
	ago := func(d time.Duration) time.Time { return now.Add(-d) }
	visit := func(id, ticket, tech int64, sched time.Time, steps ...any) Visit {
		v := Visit{ID: id, TicketID: ticket, TechID: tech, ScheduledAt: sched, Events: []Event{{Kind: EvScheduled, At: sched.Add(-24 * time.Hour)}}}
		for i := 0; i < len(steps); i += 2 {
			v.Events = append(v.Events, Event{Kind: steps[i].(EventKind), At: steps[i+1].(time.Time)})
		}
		return v
	}
	sam, ana, lee, kim := User{ID: 1, Name: "Sam"}, User{ID: 2, Name: "Ana"}, User{ID: 3, Name: "Lee"}, User{ID: 4, Name: "Kim"}
	tickets := []BoardTicket{
		{Ticket: Ticket{ID: 101, Title: "Router", Priority: P2, Estimate: Estimate{Duration: time.Hour}, CreatedAt: ago(3 * time.Hour)}, Client: "Acme",
			Visits: []Visit{visit(11, 101, 1, ago(2*time.Hour), EvTravelStarted, ago(100*time.Minute), EvArrived, ago(90*time.Minute))}},
		{Ticket: Ticket{ID: 102, Title: "Printer", Priority: P3, Estimate: Estimate{Duration: 30 * time.Minute}, CreatedAt: ago(5 * time.Hour), Status: TicketDone}, Client: "Birch",
			Visits: []Visit{visit(12, 102, 2, ago(4*time.Hour), EvTravelStarted, ago(4*time.Hour), EvArrived, ago(210*time.Minute),
				EvDeparted, ago(150*time.Minute), EvTravelEnded, ago(2*time.Hour))}},
		{Ticket: Ticket{ID: 103, Title: "Laptop", Priority: P3, CreatedAt: ago(time.Hour)}, Client: "Cedar",
			Visits: []Visit{visit(13, 103, 2, ago(30*time.Minute), EvTravelStarted, ago(10*time.Minute))}},
		{Ticket: Ticket{ID: 104, Title: "Backup", Priority: P3, CreatedAt: ago(time.Hour)}, Client: "Delta",
			Visits: []Visit{visit(14, 104, 3, now.Add(4*time.Hour))}},
		{Ticket: Ticket{ID: 105, Title: "Server down", Priority: P1, CreatedAt: ago(3 * time.Hour)}, Client: "Elm"},
		{Ticket: Ticket{ID: 106, Title: "Late one", Priority: P3, CreatedAt: ago(2 * time.Hour)}, Client: "Fir",
			Visits: []Visit{visit(15, 106, 3, ago(time.Hour))}},
	}
	week := []Visit{
		tickets[0].Visits[0], // also on the board: counted once
		visit(21, 90, 1, ago(48*time.Hour), EvTravelStarted, ago(48*time.Hour), EvArrived, ago(47*time.Hour),
			EvDeparted, ago(45*time.Hour), EvTravelEnded, ago(44*time.Hour)), // Monday, invoiced since
		visit(22, 91, 9, ago(3*time.Hour), EvTravelStarted, ago(3*time.Hour), EvTravelEnded, ago(150*time.Minute)),                   // a removed technician
		visit(23, 92, 1, ago(10*24*time.Hour), EvTravelStarted, ago(10*24*time.Hour), EvTravelEnded, ago(10*24*time.Hour-time.Hour)), // last week
	}
	b := BuildBoard(tickets, nil, DefaultPolicy(), now, loc)
	w := BuildWall(b, tickets, []User{sam, ana, lee, kim}, week, now, loc)

	names := []string{}
	for _, tech := range w.Techs {
		names = append(names, tech.Name)
	}
	if got := strings.Join(names, " "); got != "Ana Kim Lee Sam" {
		t.Errorf("technicians in order %q", got)
	}
	byName := map[string]TechNow{}
	for _, tech := range w.Techs {
		byName[tech.Name] = tech
	}
	checks := []struct {
		name   string
		phase  Phase
		client string
		since  time.Time
		next   int64
		done   int
	}{
		{"Sam", PhaseOnSite, "Acme", ago(90 * time.Minute), 0, 0},
		{"Ana", PhaseTravelling, "Cedar", ago(10 * time.Minute), 0, 1},
		{"Lee", PhaseScheduled, "", time.Time{}, 15, 0}, // the late one is still the next of today's
		{"Kim", PhaseScheduled, "", time.Time{}, 0, 0},
	}
	for _, c := range checks {
		got := byName[c.name]
		var next int64
		if got.Next != nil {
			next = got.Next.ID
		}
		if got.Phase != c.phase || got.Client != c.client || !got.Since.Equal(c.since) || next != c.next || got.DoneToday != c.done {
			t.Errorf("%s: %s at %q since %s, next V-%d, done %d; want %s at %q since %s, next V-%d, done %d", c.name,
				got.Phase, got.Client, got.Since.Format("15:04"), next, got.DoneToday, c.phase, c.client, c.since.Format("15:04"), c.next, c.done)
		}
		if got.Free() != (c.phase == PhaseScheduled) {
			t.Errorf("%s: free = %v", c.name, got.Free())
		}
	}
	// Done: Ana's job this morning and the removed technician's trip.
	if want := (DayProgress{Done: 2, InProgress: 2, ToStart: 1, Late: 1}); w.Today != want {
		t.Errorf("today %+v, want %+v", w.Today, want)
	}
	// Today: Sam 10m travel + 90m on site; Ana 60m travel + 60m on site, then 10m
	// travel; the removed technician 30m travel.
	wantToday := Times{Travel: 110 * time.Minute, OnSite: 150 * time.Minute}
	if w.HoursToday != wantToday {
		t.Errorf("hours today %+v, want %+v", w.HoursToday, wantToday)
	}
	// This week adds Monday's 2h travel and 2h on site; last week's visit is out.
	wantWeek := Times{Travel: wantToday.Travel + 2*time.Hour, OnSite: wantToday.OnSite + 2*time.Hour}
	if w.HoursWeek != wantWeek {
		t.Errorf("hours this week %+v, want %+v", w.HoursWeek, wantWeek)
	}
	if got := byName["Ana"].HoursToday; got != (Times{Travel: 70 * time.Minute, OnSite: 60 * time.Minute}) {
		t.Errorf("Ana's hours %+v", got)
	}
	// Sam is 90m on site on a 1h estimate and nobody answered the prompt.
	// Ana's printer ran over too, unanswered, but it is done: not for the room.
	if len(w.Overruns) != 1 || w.Overruns[0].Ticket.ID != 101 {
		t.Errorf("overruns %+v", w.Overruns)
	}
	// The P1 had an hour to be answered, three hours ago: breached first.
	if len(w.Breached) == 0 || w.Breached[0].Ticket.ID != 105 || len(w.Breached) != b.Breached || len(w.AtRisk) != b.AtRisk {
		t.Errorf("breached %d (board %d), at risk %d (board %d)", len(w.Breached), b.Breached, len(w.AtRisk), b.AtRisk)
	}
	if w.Attention() != len(w.Breached)+len(w.Overruns) {
		t.Errorf("attention %d", w.Attention())
	}
}
