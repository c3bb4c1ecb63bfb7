package door

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"dispatch/model"
)

func TestMoveAndCancelAVisit(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	jo, err := f.d.AddUser(ctx, model.Console, "Jo", model.RoleTech, "")
	if err != nil {
		t.Fatal(err)
	}
	v := f.visitFor(t, f.tech)
	later := f.clock.T.Add(26 * time.Hour)

	moved, err := f.d.MoveVisit(ctx, f.disp, v.ID, model.Move{At: later, TechID: jo.ID, Reason: "Sam is off sick"})
	if err != nil {
		t.Fatal(err)
	}
	if !moved.ScheduledAt.Equal(later) || moved.TechName != "Jo" || f.sub.Take() == 0 {
		t.Fatalf("moved to %s with %s", moved.ScheduledAt, moved.TechName)
	}
	last := moved.Events[len(moved.Events)-1]
	if got := last.Sentence("Jo", time.UTC); got != "moved to Thu 26 Nov 16:00 with Jo by Rita: Sam is off sick" {
		t.Errorf("the log reads %q", got)
	}
	if day, _ := f.d.MyDay(ctx, f.tech); len(day) != 0 {
		t.Errorf("Sam's day still holds %d visits", len(day))
	}

	// A technician may not move or cancel; nor may anyone book a non-technician.
	var forbidden model.Forbidden
	if _, err := f.d.MoveVisit(ctx, f.tech, v.ID, model.Move{At: later.Add(time.Hour)}); !errors.As(err, &forbidden) {
		t.Errorf("a technician moved a visit: %v", err)
	}
	if _, err := f.d.CancelVisit(ctx, f.tech, v.ID, "x"); !errors.As(err, &forbidden) {
		t.Errorf("a technician cancelled a visit: %v", err)
	}
	if _, err := f.d.MoveVisit(ctx, f.disp, v.ID, model.Move{At: f.clock.Now().Add(-2 * time.Hour)}); err == nil || !strings.Contains(err.Error(), "move the visit to a time to come") {
		t.Errorf("a move into the past: %v", err)
	}
	if _, err := f.d.MoveVisit(ctx, f.disp, v.ID, model.Move{TechID: f.disp.UserID}); err == nil || !strings.Contains(err.Error(), "not a technician") {
		t.Errorf("booked a dispatcher: %v", err)
	}

	if _, err := f.d.CancelVisit(ctx, f.disp, v.ID, ""); err == nil {
		t.Error("cancelled without a reason")
	}
	cancelled, err := f.d.CancelVisit(ctx, f.disp, v.ID, "client closed for the day")
	if err != nil {
		t.Fatal(err)
	}
	if cancelled.Phase() != model.PhaseCancelled {
		t.Fatalf("phase %s", cancelled.Phase())
	}
	card, err := f.d.Ticket(ctx, f.disp, v.TicketID)
	if err != nil {
		t.Fatal(err)
	}
	if len(card.Visits) != 1 || card.Visits[0].Phase() != model.PhaseCancelled {
		t.Errorf("the ticket's log lost the cancelled visit: %+v", card.Visits)
	}
	b, _ := f.d.Board(ctx, f.disp)
	if b.Count(model.SecUnscheduled) != 1 || b.Count(model.SecToday)+b.Count(model.SecUpcoming) != 0 {
		t.Errorf("the board did not put the ticket back among the unscheduled")
	}
	if _, err := f.d.MoveVisit(ctx, f.disp, v.ID, model.Move{At: later}); err == nil || !strings.Contains(err.Error(), "was cancelled") {
		t.Errorf("moved a cancelled visit: %v", err)
	}
}

func TestAVisitUnderWayCannotBeMoved(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	v := f.visitFor(t, f.tech)
	f.record(t, f.tech, v, Step{Kind: model.EvTravelStarted})
	if _, err := f.d.MoveVisit(ctx, f.disp, v.ID, model.Move{At: f.clock.T.Add(3 * time.Hour)}); err == nil || !strings.Contains(err.Error(), "visit fix") {
		t.Errorf("moved a visit under way: %v", err)
	}
	if _, err := f.d.CancelVisit(ctx, f.disp, v.ID, "changed plans"); err == nil {
		t.Error("cancelled a visit under way")
	}
}

// Departing, the technician says how it ended: done closes the ticket as of
// the departure (the trip back is still recorded); needs another visit
// leaves it open with the reason.
func TestDepartingClosesOrLeavesTheTicket(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	v := f.visitFor(t, f.tech)
	f.arrive(t, v, 45*time.Minute)
	f.clock.Advance(time.Hour)
	if _, err := f.d.Record(ctx, f.tech, v.ID, Step{Kind: model.EvDeparted, Contact: "Dana Ruiz"}); err == nil {
		t.Fatal("departed without saying how it ended")
	}
	departedAt := f.clock.T
	f.record(t, f.tech, v, Step{Kind: model.EvDeparted, Contact: "Dana Ruiz", Outcome: model.Outcome{Done: true}})
	card, _ := f.d.Ticket(ctx, f.disp, v.TicketID)
	if card.Status != model.TicketDone || !card.DoneAt.Equal(departedAt) || card.Resolution.Used != 105*time.Minute {
		t.Errorf("status %s done at %s, resolution used %s", card.Status, card.DoneAt, card.Resolution.Used)
	}
	f.clock.Advance(45 * time.Minute)
	f.record(t, f.tech, v, Step{Kind: model.EvTravelEnded})
	if _, err := f.d.Record(ctx, f.tech, v.ID, Step{Kind: model.EvShopStarted}); err == nil {
		t.Error("shop work started on a done ticket")
	}

	w := f.visitFor(t, f.tech)
	f.record(t, f.tech, w, Step{Kind: model.EvTravelStarted})
	f.record(t, f.tech, w, Step{Kind: model.EvArrived, Contact: "Dana Ruiz"})
	f.record(t, f.tech, w, Step{Kind: model.EvDeparted, Contact: "Dana Ruiz", Outcome: model.Outcome{FollowUp: "switch on back order"}})
	f.record(t, f.tech, w, Step{Kind: model.EvTravelEnded})
	b, _ := f.d.Board(ctx, f.disp)
	if rows := b.Rows[model.SecNeedsVisit]; len(rows) != 1 || rows[0].FollowUp != "switch on back order" {
		t.Errorf("needs another visit: %+v", rows)
	}
}

func TestCancelAndReopenATicket(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	v := f.visitFor(t, f.tech)
	dup, err := f.d.CreateTicket(ctx, f.disp, f.newTicket())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.d.TrackTicket(ctx, f.tech, v.TicketID, Track{Kind: model.TkCancelled, Note: "x"}); err == nil {
		t.Error("a technician cancelled a ticket")
	}
	if _, err := f.d.TrackTicket(ctx, f.disp, dup.ID, Track{Kind: model.TkCancelled, DuplicateOf: dup.ID}); err == nil {
		t.Error("a ticket cancelled as a duplicate of itself")
	}
	birch, _ := f.d.CreateClient(ctx, f.disp, model.Client{Name: "Birchwood"})
	owen, _ := f.d.AddContact(ctx, f.disp, model.Contact{ClientID: birch.ID, Name: "Owen", Role: model.ContactAuthorised})
	annex, _ := f.d.AddSite(ctx, f.disp, model.Site{ClientID: birch.ID, Name: "Annex"})
	theirs, _ := f.d.CreateTicket(ctx, f.disp, NewTicket{ClientID: birch.ID, ContactID: owen.ID, SiteID: annex.ID, Title: "Router",
		Scope: "x", Priority: model.P3, Estimate: model.Estimate{Duration: time.Hour}})
	if _, err := f.d.TrackTicket(ctx, f.disp, dup.ID, Track{Kind: model.TkCancelled, DuplicateOf: theirs.ID}); err == nil || !strings.Contains(err.Error(), "another client's") {
		t.Errorf("a duplicate of another client's ticket: %v", err)
	}
	if _, err := f.d.TrackTicket(ctx, f.disp, theirs.ID, Track{Kind: model.TkCancelled, Note: "entered for this test"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.d.TrackTicket(ctx, f.disp, dup.ID, Track{Kind: model.TkCancelled, DuplicateOf: v.TicketID}); err != nil {
		t.Fatal(err)
	}
	// Cancelled with its booked visit: off the board and off Sam's day.
	if _, err := f.d.TrackTicket(ctx, f.disp, v.TicketID, Track{Kind: model.TkCancelled, Note: "client withdrew"}); err != nil {
		t.Fatal(err)
	}
	if b, _ := f.d.Board(ctx, f.disp); b.Count(model.SecUnscheduled)+b.Count(model.SecToday)+b.Count(model.SecUpcoming) != 0 {
		t.Errorf("cancelled tickets are still on the board")
	}
	if day, _ := f.d.MyDay(ctx, f.tech); len(day) != 0 {
		t.Errorf("the cancelled ticket's visit is still in Sam's day")
	}
	card, _ := f.d.Ticket(ctx, f.disp, dup.ID)
	if card.Status != model.TicketCancelled || card.Events[len(card.Events)-1].Note != "duplicate of "+model.FormatID(model.PrefixTicket, v.TicketID) {
		t.Errorf("the duplicate reads %s %+v", card.Status, card.Events)
	}
	if _, err := f.d.TrackTicket(ctx, f.disp, v.TicketID, Track{Kind: model.TkReopened, Note: "they want it after all"}); err != nil {
		t.Fatal(err)
	}
	b, _ := f.d.Board(ctx, f.disp)
	if b.Count(model.SecUnscheduled) != 1 || b.Count(model.SecNeedsVisit) != 0 {
		t.Errorf("reopened, never visited: it is simply unscheduled (%d), not one to revisit (%d)", b.Count(model.SecUnscheduled), b.Count(model.SecNeedsVisit))
	}
}

// A technician is in one place at a time, in the shop too: no shop work
// while on site or on the road elsewhere, setting off ends shop work, and a
// corrected time may not make two visits overlap.
func TestOnePlaceAtATimeInTheShopToo(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	shop := f.visitFor(t, f.tech)
	for _, s := range []Step{{Kind: model.EvTravelStarted}, {Kind: model.EvArrived, Contact: "Dana Ruiz"},
		{Kind: model.EvDeparted, Contact: "Dana Ruiz", Outcome: model.Outcome{FollowUp: "fix it in the shop"}}, {Kind: model.EvTravelEnded}} {
		f.clock.Advance(30 * time.Minute)
		f.record(t, f.tech, shop, s)
	}
	next := f.visitFor(t, f.tech)
	f.record(t, f.tech, next, Step{Kind: model.EvTravelStarted})
	f.clock.Advance(30 * time.Minute)
	f.record(t, f.tech, next, Step{Kind: model.EvArrived, Contact: "Dana Ruiz"})
	if _, err := f.d.Record(ctx, f.tech, shop.ID, Step{Kind: model.EvShopStarted}); err == nil || !strings.Contains(err.Error(), "still on site") {
		t.Errorf("shop work while on site elsewhere: %v", err)
	}
	f.clock.Advance(30 * time.Minute)
	f.record(t, f.tech, next, Step{Kind: model.EvDeparted, Contact: "Dana Ruiz", Outcome: model.Outcome{Done: true}})
	f.clock.Advance(30 * time.Minute)
	f.record(t, f.tech, shop, Step{Kind: model.EvShopStarted}) // back at the shop: the trip back ends
	back, _ := f.d.Visit(ctx, f.disp, next.ID)
	if back.Phase() != model.PhaseFinished || !strings.Contains(back.Events[len(back.Events)-1].Note, "back at the shop for "+shop.Ref()) {
		t.Errorf("the trip back did not end at the shop: %s %+v", back.Phase(), back.Events[len(back.Events)-1])
	}
	third := f.visitFor(t, f.tech)
	f.clock.Advance(time.Hour)
	f.record(t, f.tech, third, Step{Kind: model.EvTravelStarted})
	after, _ := f.d.Visit(ctx, f.disp, shop.ID)
	if after.Phase() != model.PhaseFinished || !strings.Contains(after.Events[len(after.Events)-1].Note, "set off for "+third.Ref()) {
		t.Errorf("setting off did not stop the shop work: %s", after.Phase())
	}
	// Moving the shop's stop past the set-off would count that hour twice.
	stop := after.Events[len(after.Events)-1]
	if _, err := f.d.FixTime(ctx, f.disp, stop.ID, f.clock.T.Add(-time.Minute).Add(30*time.Second), "tapped late"); err != nil {
		t.Errorf("a fix inside the shop time: %v", err)
	}
	setOff, _ := f.d.Visit(ctx, f.disp, third.ID)
	if _, err := f.d.FixTime(ctx, f.disp, setOff.Events[1].ID, f.clock.T.Add(-40*time.Minute), "set off earlier"); err == nil || !strings.Contains(err.Error(), "one place at a time") {
		t.Errorf("a fix that overlaps the shop work: %v", err)
	}
}

// A name is one user with one role: adding it again is refused, and a
// role or a key changes by its own command. Someone leaving with visits
// booked is refused until those visits have another technician.
func TestUsersChangeOnPurpose(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if _, err := f.d.AddUser(ctx, f.admin, "sam", model.RoleManager, ""); err == nil || !strings.Contains(err.Error(), `user role "Sam" ROLE`) {
		t.Errorf("adding an existing name: %v", err)
	}
	if _, err := f.d.AddUser(ctx, f.admin, "  Sam  ", model.RoleTech, ""); err == nil {
		t.Errorf("a name with spaces around it is a second Sam")
	}
	if jo, _ := f.d.AddUser(ctx, f.admin, "Jo   Ann  Lee", model.RoleTech, ""); jo.Name != "Jo Ann Lee" {
		t.Errorf("runs of spaces kept in a name: %q", jo.Name)
	}
	if u, _ := f.d.FindTech(ctx, f.admin, "Sam"); u.Role != model.RoleTech {
		t.Errorf("Sam's role changed by an add: %s", u.Role)
	}
	k, err := f.d.AddKey(ctx, f.admin, "Sam", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC6nHWX1gKzIqF8ITqn9+Qf4pX3mF+p7vW8c1WjS5o3L sam@phone")
	if err != nil {
		t.Fatal(err)
	}
	cards, _ := f.d.Users(ctx, f.admin)
	for _, c := range cards {
		if c.Name == "Sam" && len(c.Keys) != 2 {
			t.Errorf("Sam has %d keys, want 2", len(c.Keys))
		}
	}
	if err := f.d.RemoveKey(ctx, f.admin, "Sam", "SHA256:nope"); err == nil || !strings.Contains(err.Error(), k.Fingerprint) {
		t.Errorf("removing a key Sam does not have lists his: %v", err)
	}
	if err := f.d.RemoveKey(ctx, f.admin, "Sam", k.Fingerprint); err != nil {
		t.Fatal(err)
	}

	v := f.visitFor(t, f.tech)
	if _, err := f.d.RemoveUser(ctx, f.admin, "Sam", ""); err == nil || !strings.Contains(err.Error(), v.Ref()) {
		t.Errorf("removing a technician with a visit booked: %v", err)
	}
	if _, err := f.d.RemoveUser(ctx, f.admin, "Sam", "Rita"); err == nil || !strings.Contains(err.Error(), "not another technician") {
		t.Errorf("reassigning to a dispatcher: %v", err)
	}
	jo, _ := f.d.AddUser(ctx, f.admin, "Jo", model.RoleTech, "")
	if _, err := f.d.RemoveUser(ctx, f.admin, "Sam", "Jo"); err != nil {
		t.Fatal(err)
	}
	moved, _ := f.d.Visit(ctx, f.disp, v.ID)
	if moved.TechID != jo.ID {
		t.Errorf("the visit went to %s", moved.TechName)
	}
	if _, err := f.d.SetRole(ctx, f.admin, "Jo", model.RoleManager); err != nil {
		t.Fatal(err)
	}
	if _, err := f.d.SetRole(ctx, f.admin, "Jo", model.RoleManager); err == nil {
		t.Error("a role set to what it is")
	}
}

// Done, a ticket's visits still booked are cancelled: nobody goes to a
// finished job.
func TestDoneCancelsTheVisitsStillBooked(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	v := f.visitFor(t, f.tech)
	if _, err := f.d.TrackTicket(ctx, f.disp, v.TicketID, Track{Kind: model.TkDone}); err != nil {
		t.Fatal(err)
	}
	if got, _ := f.d.Visit(ctx, f.disp, v.ID); got.Phase() != model.PhaseCancelled {
		t.Errorf("the booked visit is %s", got.Phase())
	}
	if day, _ := f.d.MyDay(ctx, f.tech); len(day) != 0 {
		t.Errorf("Sam's day still holds it")
	}
}

// A prompt about the estimate that was due when the job was closed on site
// may still be answered, so the record says what the contact was told.
func TestAnOverrunAnsweredAfterTheJobClosed(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	v := f.visitFor(t, f.tech)
	f.arrive(t, v, 45*time.Minute)
	f.clock.Advance(150 * time.Minute) // past the 2h estimate
	f.record(t, f.tech, v, Step{Kind: model.EvDeparted, Contact: "Dana Ruiz", Outcome: model.Outcome{Done: true}})
	if _, _, err := f.d.AnswerOverrun(ctx, f.tech, v.ID, model.ToldContinue, nil, f.clock.T.Add(-10*time.Minute)); err != nil {
		t.Fatalf("answering the prompt after closing: %v", err)
	}
	got, _ := f.d.Visit(ctx, f.disp, v.ID)
	if due := model.OverrunDue(got.Events, 2*time.Hour, f.clock.T); due != model.EstimateNone {
		t.Errorf("the prompt is still due: %v", due)
	}
}

// Someone on site cannot be removed: the visit under way would tick on for a
// user who can no longer sign in to end it.
func TestATechnicianOnSiteIsNotRemoved(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	v := f.visitFor(t, f.tech)
	f.arrive(t, v, 30*time.Minute)
	f.d.AddUser(ctx, f.admin, "Jo", model.RoleTech, "")
	_, err := f.d.RemoveUser(ctx, f.admin, "Sam", "Jo")
	if err == nil || !strings.Contains(err.Error(), v.Ref()+" (on site) under way") || !strings.Contains(err.Error(), "visit depart") {
		t.Fatalf("removing a technician on site: %v", err)
	}
	if u, err := f.d.FindTech(ctx, f.admin, "Sam"); err != nil || u.Name != "Sam" {
		t.Errorf("Sam is gone: %v", err)
	}
}
