package model

import (
	"strings"
	"testing"
	"time"
)

// Cancelling is for work never done; reopening for a ticket closed too soon.
func TestCheckTrackCancelAndReopen(t *testing.T) {
	open := Ticket{ID: 7, Status: TicketOpen}
	booked := visitAt(t)
	worked := visitAt(t, "travel_started", "09:00")
	cancelled := visitAt(t)
	cancelled.Events = append(cancelled.Events, Event{Kind: EvCancelled, At: at(t, "08:30")})
	tests := []struct {
		name   string
		t      Ticket
		visits []Visit
		kind   TicketEventKind
		note   string
		refuse string
	}{
		{"cancel, never booked", open, nil, TkCancelled, "client withdrew", ""},
		{"cancel with a visit booked", open, []Visit{booked}, TkCancelled, "client withdrew", ""},
		{"cancel with a visit cancelled", open, []Visit{cancelled}, TkCancelled, "duplicate of T-9", ""},
		{"cancel without a reason", open, nil, TkCancelled, "", "reason is empty"},
		{"cancel once worked on", open, []Visit{worked}, TkCancelled, "client withdrew", "mark it done instead"},
		{"cancel a done ticket", Ticket{ID: 7, Status: TicketDone}, nil, TkCancelled, "x", "only open tickets"},
		{"reopen a done ticket", Ticket{ID: 7, Status: TicketDone}, nil, TkReopened, "printer failed again", ""},
		{"reopen a cancelled ticket", Ticket{ID: 7, Status: TicketCancelled}, nil, TkReopened, "client wants it after all", ""},
		{"reopen without a reason", Ticket{ID: 7, Status: TicketDone}, nil, TkReopened, "", "reason is empty"},
		{"reopen an open ticket", open, nil, TkReopened, "x", "open already"},
		{"reopen an invoiced ticket", Ticket{ID: 7, Status: TicketInvoiced}, nil, TkReopened, "x", "on its invoice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckTrack(tt.t, nil, tt.visits, tt.kind, 0, tt.note)
			switch {
			case tt.refuse == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tt.refuse != "" && (err == nil || !strings.Contains(err.Error(), tt.refuse)):
				t.Errorf("got %v, want a refusal saying %q", err, tt.refuse)
			}
		})
	}
}

// A reopened ticket's resolution clock resumes where it stopped: the time
// it stood done does not count. Done again, it stops again.
func TestReopeningResumesTheResolutionClock(t *testing.T) {
	mon := func(clock string) time.Time { return ct(t, "2026-11-23 "+clock) }
	created := mon("08:00")
	ticket := Ticket{ID: 7, Priority: P3, CreatedAt: created, Status: TicketOpen}
	events := []TicketEvent{
		{Kind: TkContacted, At: mon("08:30")},
		{Kind: TkDone, At: mon("10:00")},
		{Kind: TkReopened, At: mon("14:00"), Note: "failed again"},
	}
	h := HistoryOf(ticket, events, nil)
	_, res := Clocks(DefaultPolicy(), chicago, h, mon("15:00"))
	if want := 3 * time.Hour; res.Used != want || res.Stopped {
		t.Errorf("used %s (stopped %v), want %s running: 08–10 and 14–15", res.Used, res.Stopped, want)
	}
	// Done again at 15:00: it stops there, the closed hours still left out.
	ticket.Status, ticket.DoneAt = TicketDone, mon("15:00")
	events = append(events, TicketEvent{Kind: TkDone, At: mon("15:00")})
	_, res = Clocks(DefaultPolicy(), chicago, HistoryOf(ticket, events, nil), mon("17:00"))
	if want := 3 * time.Hour; res.Used != want || !res.Stopped {
		t.Errorf("used %s (stopped %v), want %s stopped", res.Used, res.Stopped, want)
	}
}

// Waiting on the client while it stood done counts once, not twice.
func TestClosedWhileWaitingPausesOnce(t *testing.T) {
	mon := func(clock string) time.Time { return ct(t, "2026-11-23 "+clock) }
	ticket := Ticket{ID: 7, Priority: P3, CreatedAt: mon("08:00"), Status: TicketOpen}
	events := []TicketEvent{
		{Kind: TkWaiting, At: mon("09:00"), Note: "password"},
		{Kind: TkDone, At: mon("10:00")},
		{Kind: TkReopened, At: mon("12:00"), Note: "x"},
		{Kind: TkResumed, At: mon("13:00")},
	}
	_, res := Clocks(DefaultPolicy(), chicago, HistoryOf(ticket, events, nil), mon("14:00"))
	if want := 2 * time.Hour; res.Used != want {
		t.Errorf("used %s, want %s: 08–09 and 13–14", res.Used, want)
	}
}

func TestFollowUpOf(t *testing.T) {
	tests := []struct {
		name   string
		events []TicketEvent
		want   string
	}{
		{"nothing said", nil, ""},
		{"a visit ended with work left", []TicketEvent{{Kind: TkNeedsVisit, Note: "part on order"}}, "part on order"},
		{"then done", []TicketEvent{{Kind: TkNeedsVisit, Note: "part on order"}, {Kind: TkDone}}, ""},
		{"reopened", []TicketEvent{{Kind: TkDone}, {Kind: TkReopened, Note: "failed again"}}, "reopened: failed again"},
		{"the latest reason", []TicketEvent{{Kind: TkNeedsVisit, Note: "a"}, {Kind: TkContacted, Note: "called"}, {Kind: TkNeedsVisit, Note: "b"}}, "b"},
	}
	for _, tt := range tests {
		if got, _ := FollowUpOf(tt.events); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// A cancelled ticket leaves the board; one whose visit ended with work left
// and nothing booked waits in its own section with the reason, until the
// next visit is booked.
func TestBoardPlacesCancelledAndNeedsVisit(t *testing.T) {
	now := ct(t, "2026-11-25 10:00")
	finished := Visit{ID: 1, TechName: "Sam", ScheduledAt: now.Add(-30 * time.Hour), Events: []Event{
		{Kind: EvScheduled, At: now.Add(-40 * time.Hour)}, {Kind: EvTravelStarted, At: now.Add(-30 * time.Hour)},
		{Kind: EvArrived, At: now.Add(-29 * time.Hour)}, {Kind: EvDeparted, At: now.Add(-28 * time.Hour)},
		{Kind: EvTravelEnded, At: now.Add(-27 * time.Hour)}}}
	next := Visit{ID: 2, TechName: "Sam", ScheduledAt: now.Add(2 * time.Hour), Events: []Event{{Kind: EvScheduled, At: now.Add(-time.Hour)}}}
	cancelledVisit := Visit{ID: 3, TechName: "Sam", ScheduledAt: now.Add(time.Hour), Events: []Event{
		{Kind: EvScheduled, At: now.Add(-time.Hour)}, {Kind: EvCancelled, At: now.Add(-time.Minute)}}}
	left := []TicketEvent{{Kind: TkNeedsVisit, At: now.Add(-28 * time.Hour), Note: "part on order"}}
	tickets := []BoardTicket{
		{Ticket: Ticket{ID: 1, Priority: P3, CreatedAt: now.Add(-50 * time.Hour), Status: TicketCancelled}},
		{Ticket: Ticket{ID: 2, Priority: P3, CreatedAt: now.Add(-50 * time.Hour), Status: TicketOpen}, Visits: []Visit{finished}, Events: left},
		{Ticket: Ticket{ID: 3, Priority: P3, CreatedAt: now.Add(-50 * time.Hour), Status: TicketOpen}, Visits: []Visit{finished, next}, Events: left},
		{Ticket: Ticket{ID: 4, Priority: P3, CreatedAt: now.Add(-5 * time.Hour), Status: TicketOpen}, Visits: []Visit{cancelledVisit}},
		{Ticket: Ticket{ID: 5, Priority: P3, CreatedAt: now.Add(-5 * time.Hour), Status: TicketOpen}, Visits: []Visit{{ID: 4, TechName: "Sam",
			ScheduledAt: now.Add(-20 * time.Hour), AfterTheFact: true, Events: []Event{{Kind: EvScheduled, At: now}}}}},
		{Ticket: Ticket{ID: 6, Priority: P3, CreatedAt: now.Add(-50 * time.Hour), Status: TicketOpen}, Events: []TicketEvent{
			{Kind: TkCancelled, At: now.Add(-2 * time.Hour)}, {Kind: TkReopened, At: now.Add(-time.Hour), Note: "wanted after all"}}},
	}
	b := BuildBoard(tickets, nil, DefaultPolicy(), now, time.UTC)
	where := map[int64]Section{}
	for _, s := range Sections {
		for _, r := range b.Rows[s] {
			where[r.Ticket.ID] = s
		}
	}
	if s, ok := where[1]; ok {
		t.Errorf("the cancelled ticket is on the board, in %s", s)
	}
	if where[2] != SecNeedsVisit || b.Rows[SecNeedsVisit][0].FollowUp != "part on order" {
		t.Errorf("ticket 2 in %s: %+v", where[2], b.Rows[SecNeedsVisit])
	}
	if where[3] != SecToday {
		t.Errorf("ticket 3, its next visit booked, is in %s", where[3])
	}
	if where[4] != SecUnscheduled {
		t.Errorf("ticket 4, its only visit cancelled, is in %s", where[4])
	}
	if where[5] != SecUnscheduled || b.LateToStart() != 0 {
		t.Errorf("ticket 5, a visit entered after the fact and not yet stepped, is in %s (late %d)", where[5], b.LateToStart())
	}
	if where[6] != SecUnscheduled {
		t.Errorf("ticket 6, reopened and never visited, is in %s", where[6])
	}
}

// A cancelled ticket's clocks read withdrawn: no promise stands, kept or
// broken, and none reads "met".
func TestACancelledTicketsClocksAreWithdrawn(t *testing.T) {
	mon := func(clock string) time.Time { return ct(t, "2026-11-23 "+clock) }
	ticket := Ticket{ID: 7, Priority: P2, CreatedAt: mon("08:00"), Status: TicketCancelled, DoneAt: mon("09:00")}
	resp, res := Clocks(DefaultPolicy(), chicago, HistoryOf(ticket, []TicketEvent{{Kind: TkCancelled, At: mon("09:00")}}, nil), mon("15:00"))
	for _, c := range []SLAClock{resp, res} {
		if !c.Withdrawn || c.Breached || c.AtRisk || c.Describe(mon("15:00"), chicago) != "withdrawn: the ticket was cancelled" {
			t.Errorf("%s clock: %+v", c.Kind, c)
		}
	}
}
