package door

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"dispatch/model"
	"dispatch/model/feed"
)

// The fixture's clock reads Wednesday 25 November 2026, 14:00 UTC: inside
// the default business hours (the fixture's office is in UTC).
func TestTicketClocksThroughTheDoor(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	in := f.newTicket() // P2: respond in 4h, resolve in 1 business day
	in.OpenedAt = f.clock.T.Add(-3 * time.Hour)
	ticket, err := f.d.CreateTicket(ctx, f.disp, in)
	if err != nil {
		t.Fatal(err)
	}
	card, _ := f.d.Ticket(ctx, f.disp, ticket.ID)
	if card.Response.Used != 3*time.Hour || card.Response.Left != time.Hour {
		t.Errorf("entered three hours late: used %s, left %s; the late entry gets no fresh budget", card.Response.Used, card.Response.Left)
	}
	track := func(who model.Actor, tr Track) error {
		_, err := f.d.TrackTicket(ctx, who, ticket.ID, tr)
		return err
	}
	if err := track(f.tech, Track{Kind: model.TkWaiting, Note: "x"}); !errors.As(err, new(model.Forbidden)) {
		t.Errorf("a technician set a ticket waiting: %v", err)
	}
	if err := track(f.disp, Track{Kind: model.TkWaiting}); err == nil || !strings.Contains(err.Error(), "reason") {
		t.Errorf("waiting without a reason: %v", err)
	}
	if err := track(f.disp, Track{Kind: model.TkResumed}); err == nil || !strings.Contains(err.Error(), "not waiting") {
		t.Errorf("resumed while not waiting: %v", err)
	}
	f.sub.Take()
	if err := track(f.disp, Track{Kind: model.TkWaiting, Note: "sending the admin password"}); err != nil {
		t.Fatal(err)
	}
	if !f.sub.Take().Has(feed.Tickets) {
		t.Error("waiting was not published")
	}
	if err := track(f.disp, Track{Kind: model.TkWaiting, Note: "again"}); err == nil {
		t.Error("waiting twice was accepted")
	}
	f.clock.Advance(2 * time.Hour)
	card, _ = f.d.Ticket(ctx, f.disp, ticket.ID)
	if !card.Resolution.Paused || card.Resolution.Used != 3*time.Hour || !card.Response.Breached {
		t.Errorf("while waiting: resolution %+v; response %+v (never pauses: its 4h ran out at 15:00)", card.Resolution, card.Response)
	}
	if err := track(f.disp, Track{Kind: model.TkResumed}); err != nil {
		t.Fatal(err)
	}
	if err := track(f.disp, Track{Kind: model.TkPriority, Priority: model.P4, Note: "client says it can wait"}); err != nil {
		t.Fatal(err)
	}
	card, _ = f.d.Ticket(ctx, f.disp, ticket.ID)
	if card.Priority != model.P4 || !card.Response.Breached || card.Resolution.Used != 3*time.Hour {
		t.Errorf("after lowering the priority: %s, response breached %v, resolution used %s (the pause still excluded)",
			card.Priority, card.Response.Breached, card.Resolution.Used)
	}
	if err := track(f.disp, Track{Kind: model.TkPriority, Priority: model.P4}); err == nil {
		t.Error("a priority change to the same priority was accepted")
	}
	if err := track(f.disp, Track{Kind: model.TkDone}); err != nil {
		t.Fatal(err)
	}
	card, _ = f.d.Ticket(ctx, f.disp, ticket.ID)
	if card.Status != model.TicketDone || !card.Resolution.Stopped {
		t.Errorf("done: %s, resolution %+v", card.Status, card.Resolution)
	}
	if err := track(f.disp, Track{Kind: model.TkContacted, Note: "called"}); err == nil || !strings.Contains(err.Error(), "only open tickets") {
		t.Errorf("a done ticket tracked: %v", err)
	}
}

func TestAContactOrASetOffIsTheResponse(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	a, _ := f.d.CreateTicket(ctx, f.disp, f.newTicket())
	f.clock.Advance(20 * time.Minute)
	if _, err := f.d.TrackTicket(ctx, f.disp, a.ID, Track{Kind: model.TkContacted, Note: "called Dana, booked for tomorrow"}); err != nil {
		t.Fatal(err)
	}
	card, _ := f.d.Ticket(ctx, f.disp, a.ID)
	if !card.Response.Stopped || card.Response.Used != 20*time.Minute {
		t.Errorf("after the call: %+v", card.Response)
	}
	if calls := timelineOf(t, f.d, f.disp, f.client.ID, model.EntryTicket); len(calls) != 2 || !strings.Contains(calls[0], "called Dana") {
		t.Errorf("the call is not on the client's timeline: %q", calls)
	}
	v := f.visitFor(t, f.tech)
	f.clock.Advance(10 * time.Minute)
	f.record(t, f.tech, v, Step{Kind: model.EvTravelStarted})
	card, _ = f.d.Ticket(ctx, f.disp, v.TicketID)
	if !card.Response.Stopped || card.Response.Used != 10*time.Minute {
		t.Errorf("setting off is a response: %+v", card.Response)
	}
}

func TestPolicyChangeRecomputesTheBoard(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	in := f.newTicket()
	in.OpenedAt = f.clock.T.Add(-190 * time.Minute) // 10:50: 3h10m of P2's 4h used
	if _, err := f.d.CreateTicket(ctx, f.disp, in); err != nil {
		t.Fatal(err)
	}
	b, _ := f.d.Board(ctx, f.disp)
	if b.AtRisk != 1 || b.Rows[model.SecUnscheduled][0].Clock.Describe(f.clock.T, time.UTC) != "50m left" {
		t.Fatalf("before: at risk %d, %q", b.AtRisk, b.Rows[model.SecUnscheduled][0].Clock.Describe(f.clock.T, time.UTC))
	}
	p := model.DefaultPolicy()
	p.Targets[model.P2].Response = model.Span{D: 2 * time.Hour}
	if err := f.d.SetPolicy(ctx, f.disp, p); !errors.As(err, new(model.Forbidden)) {
		t.Errorf("a dispatcher set the policy: %v", err)
	}
	if err := f.d.SetPolicy(ctx, f.admin, p); err != nil {
		t.Fatal(err)
	}
	b, _ = f.d.Board(ctx, f.disp)
	if b.Breached != 1 || b.Rows[model.SecUnscheduled][0].Clock.Describe(f.clock.T, time.UTC) != "breached 1h 10m ago" {
		t.Errorf("after: breached %d, %q", b.Breached, b.Rows[model.SecUnscheduled][0].Clock.Describe(f.clock.T, time.UTC))
	}
	bad := model.DefaultPolicy()
	bad.Zone = "Mars/Olympus"
	if err := f.d.SetPolicy(ctx, f.admin, bad); err == nil || !strings.Contains(err.Error(), "America/Chicago") {
		t.Errorf("an unknown zone: %v", err)
	}
	in.OpenedAt = f.clock.T.Add(time.Hour)
	if _, err := f.d.CreateTicket(ctx, f.disp, in); err == nil || !strings.Contains(err.Error(), "future") {
		t.Errorf("opened in the future: %v", err)
	}
}
