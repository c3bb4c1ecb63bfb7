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

// scopeFixture adds what deciding scope needs: a backup and an ordinary
// contact, a manager, a second technician.
type scopeFixture struct {
	*fixture
	backup, other  model.Contact
	manager, tech2 model.Actor
}

func newScopeFixture(t *testing.T) *scopeFixture {
	t.Helper()
	ctx := context.Background()
	f := &scopeFixture{fixture: newFixture(t)}
	var err error
	if f.backup, err = f.d.AddContact(ctx, f.disp, model.Contact{ClientID: f.client.ID, Name: "Lee Park", Role: model.ContactBackup}); err != nil {
		t.Fatal(err)
	}
	if f.other, err = f.d.AddContact(ctx, f.disp, model.Contact{ClientID: f.client.ID, Name: "Bob Frey", Role: model.ContactOther}); err != nil {
		t.Fatal(err)
	}
	m, err := f.d.AddUser(ctx, model.Console, "Mona", model.RoleManager, "")
	if err != nil {
		t.Fatal(err)
	}
	t2, err := f.d.AddUser(ctx, model.Console, "Tess", model.RoleTech, "")
	if err != nil {
		t.Fatal(err)
	}
	f.manager, f.tech2 = model.ActorOf(m), model.ActorOf(t2)
	f.sub.Take()
	return f
}

// onSite puts the technician on site on a new ticket: the client's first
// job when firstJob, an ordinary one otherwise.
func (f *scopeFixture) onSite(t *testing.T, firstJob bool) model.Visit {
	t.Helper()
	if !firstJob {
		if _, err := f.d.CreateTicket(context.Background(), f.disp, f.newTicket()); err != nil {
			t.Fatal(err)
		}
	}
	v := f.visitFor(t, f.tech)
	f.record(t, f.tech, v, Step{Kind: model.EvTravelStarted})
	f.clock.Advance(30 * time.Minute)
	v = f.record(t, f.tech, v, Step{Kind: model.EvArrived, ContactID: f.contact.ID})
	f.clock.Advance(10 * time.Minute)
	f.sub.Take()
	return v
}

func (f *scopeFixture) ask(t *testing.T, v model.Visit, who model.Actor, askedBy, what string) model.ScopeRequest {
	t.Helper()
	r, err := f.d.AskScope(context.Background(), who, v.ID, Ask{AskedBy: askedBy, What: what})
	if err != nil {
		t.Fatalf("ask: %v", err)
	}
	return r
}

// Who may approve what: each kind of contact, on a first job or not, entered
// by each role. Only the authorised or backup contact approves; on a first
// job the add-on then waits for a supervisor; a technician records only on
// their own visit.
func TestWhoMayApproveAnAddOn(t *testing.T) {
	type outcome string
	const (
		approved outcome = "approved"
		awaiting outcome = "awaiting supervisor"
		notThem  outcome = "refused: not an approver"
		notYours outcome = "refused: not your visit"
	)
	contacts := []string{"authorised", "backup", "other", "not on file"}
	recorders := []string{"own tech", "other tech", "dispatcher", "manager", "admin"}
	for _, firstJob := range []bool{true, false} {
		for _, kind := range contacts {
			for _, rec := range recorders {
				want := approved
				switch {
				case rec == "other tech":
					want = notYours
				case kind == "other" || kind == "not on file":
					want = notThem
				case firstJob:
					want = awaiting
				}
				name := map[bool]string{true: "first job", false: "regular job"}[firstJob] + "/" + kind + "/" + rec
				t.Run(name, func(t *testing.T) {
					f := newScopeFixture(t)
					v := f.onSite(t, firstJob)
					r := f.ask(t, v, f.tech, "Bob Frey", "Set up the lobby printer")
					who := map[string]model.Actor{"own tech": f.tech, "other tech": f.tech2, "dispatcher": f.disp,
						"manager": f.manager, "admin": f.admin}[rec]
					approver := map[string]string{"authorised": "Dana Ruiz", "backup": "lee park", "other": "Bob Frey",
						"not on file": "Mr Nobody"}[kind]
					got, err := f.d.ScopeAddOn(context.Background(), who, r.ID, AddOn{Contact: approver,
						Estimate: 30 * time.Minute, ToldMeterRunning: true})
					var result outcome
					switch {
					case err == nil:
						result = outcome(got.State())
					case strings.Contains(err.Error(), "Tess") || strings.Contains(err.Error(), "only they"):
						result = notYours
					case strings.Contains(err.Error(), "approved by"):
						result = notThem
						if !strings.Contains(err.Error(), "Dana Ruiz") {
							t.Errorf("refusal %q should say who can approve", err)
						}
					default:
						t.Fatalf("unexpected error: %v", err)
					}
					if result != want {
						t.Errorf("got %s, want %s (err %v)", result, want, err)
					}
				})
			}
		}
	}
}

func TestOnlyTheOfficeSupervises(t *testing.T) {
	for _, tt := range []struct {
		role    string
		approve bool
		ok      bool
	}{
		{"own tech", true, false}, {"dispatcher", true, true}, {"manager", false, true}, {"admin", true, true},
	} {
		t.Run(tt.role, func(t *testing.T) {
			f := newScopeFixture(t)
			v := f.onSite(t, true)
			r := f.ask(t, v, f.tech, "Dana Ruiz", "Printer")
			if _, err := f.d.ScopeAddOn(context.Background(), f.tech, r.ID, AddOn{ContactID: f.contact.ID, Estimate: time.Hour, ToldMeterRunning: true}); err != nil {
				t.Fatal(err)
			}
			who := map[string]model.Actor{"own tech": f.tech, "dispatcher": f.disp, "manager": f.manager, "admin": f.admin}[tt.role]
			got, err := f.d.ScopeSupervise(context.Background(), who, r.ID, tt.approve, "needs a quote first")
			var forbidden model.Forbidden
			switch {
			case !tt.ok && !errors.As(err, &forbidden):
				t.Fatalf("a technician supervised their own add-on: %v", err)
			case tt.ok && err != nil:
				t.Fatal(err)
			case tt.ok && got.State() != map[bool]model.ScopeState{true: model.ScopeApproved, false: model.ScopeRefused}[tt.approve]:
				t.Errorf("state %s after supervising", got.State())
			}
		})
	}
}

func TestAskRefusals(t *testing.T) {
	f := newScopeFixture(t)
	ctx := context.Background()
	v := f.visitFor(t, f.tech)
	if _, err := f.d.AskScope(ctx, f.tech, v.ID, Ask{AskedBy: "Bob", What: "Printer"}); err == nil || !strings.Contains(err.Error(), "on site") {
		t.Errorf("a request before arriving: %v", err)
	}
	v = f.onSite(t, false)
	if _, err := f.d.AskScope(ctx, f.tech2, v.ID, Ask{AskedBy: "Bob", What: "Printer"}); err == nil {
		t.Error("another technician recorded a request on Sam's visit")
	}
	if _, err := f.d.AskScope(ctx, f.tech, v.ID, Ask{AskedByID: 9999, What: "Printer"}); err == nil || !strings.Contains(err.Error(), "asked by") {
		t.Errorf("an unknown contact id: %v", err)
	}
	r := f.ask(t, v, f.tech, "bob frey", "Printer")
	if r.AskedByID != f.other.ID || r.AskedBy != "Bob Frey" {
		t.Errorf("a contact named in any case should be recognised: %+v", r)
	}
	r = f.ask(t, v, f.tech, "The receptionist", "Printer")
	if r.AskedByID != 0 || r.AskedBy != "The receptionist" {
		t.Errorf("someone not on file keeps the name given: %+v", r)
	}
	if _, err := f.d.ScopeDecline(ctx, f.tech, r.ID, " ", time.Time{}); err == nil || !strings.Contains(err.Error(), "reason") {
		t.Errorf("a decline without a reason: %v", err)
	}
	f.record(t, f.tech, v, Step{Kind: model.EvDeparted, ContactID: f.contact.ID, Outcome: model.Outcome{FollowUp: "back to the shop"}})
	_, err := f.d.ScopeAddOn(ctx, f.tech, r.ID, AddOn{ContactID: f.contact.ID, Estimate: time.Hour, ToldMeterRunning: true})
	if err == nil || !strings.Contains(err.Error(), "make S-") {
		t.Errorf("an add-on after leaving: %v", err)
	}
}

func TestNewTicketFromARequest(t *testing.T) {
	f := newScopeFixture(t)
	ctx := context.Background()
	v := f.onSite(t, false)
	before := len(v.Events)
	r := f.ask(t, v, f.tech, "The receptionist", "Lobby printer jams")
	f.sub.Take()
	got, ticket, err := f.d.ScopeNewTicket(ctx, f.tech, r.ID, SpawnTicket{})
	if err != nil {
		t.Fatal(err)
	}
	if got.State() != model.ScopeNewTicket || got.Decisions[0].TicketID != ticket.ID {
		t.Errorf("request not linked to its ticket: %+v", got)
	}
	if ticket.ParentID != v.TicketID || ticket.Title != "Lobby printer jams" || ticket.ContactID != f.contact.ID ||
		ticket.Priority != model.P3 || !strings.Contains(ticket.Scope, "The receptionist asked during "+v.Ref()) {
		t.Errorf("spawned ticket %+v", ticket)
	}
	if !f.sub.Take().Has(feed.Tickets) {
		t.Error("the new ticket was not published to the board")
	}
	card, err := f.d.Visit(ctx, f.tech, v.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(card.Events) != before {
		t.Errorf("the visit's log changed: %d events, had %d", len(card.Events), before)
	}
	if _, _, err := f.d.ScopeNewTicket(ctx, f.tech, r.ID, SpawnTicket{}); err == nil {
		t.Error("a request became two tickets")
	}
	board, err := f.d.Board(ctx, f.disp)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, row := range board.Rows[model.SecUnscheduled] {
		found = found || row.Ticket.ID == ticket.ID
	}
	if !found {
		t.Error("the spawned ticket is not unscheduled on the board")
	}
}

func TestEveryDecisionIsATouch(t *testing.T) {
	f := newScopeFixture(t)
	ctx := context.Background()
	v := f.onSite(t, true)
	r := f.ask(t, v, f.tech, "Bob Frey", "Printer")
	if _, err := f.d.ScopeAddOn(ctx, f.tech, r.ID, AddOn{Contact: "Lee Park", Estimate: 20 * time.Minute, ToldMeterRunning: true}); err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(2 * time.Minute)
	if _, err := f.d.ScopeSupervise(ctx, f.disp, r.ID, false, "first job: quote it"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := f.d.ScopeNewTicket(ctx, f.tech, r.ID, SpawnTicket{}); err != nil {
		t.Fatal(err)
	}
	got := timelineOf(t, f.d, f.disp, f.client.ID, model.EntryScope)
	want := []string{
		"Sam: Bob Frey's request became T-",
		"Rita: the office refused the add-on \"Printer\" on a first job: first job: quote it",
		"Sam: Lee Park approved adding \"Printer\" to " + v.Ref() + ", about 20m, told the meter is running; a first job",
		"Sam: Bob Frey asked on " + v.Ref() + ": Printer",
	}
	if len(got) != len(want) {
		t.Fatalf("timeline %q", got)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("touch %d = %q, want it to start %q", i, got[i], want[i])
		}
	}
}

// On-site time split between the main job and two add-ons adds up to the
// visit's on-site total to the second, through the door and the store.
func TestWorkOnAttributesOnSiteTime(t *testing.T) {
	f := newScopeFixture(t)
	ctx := context.Background()
	v := f.onSite(t, false)
	addOn := func(what string) model.ScopeRequest {
		r := f.ask(t, v, f.tech, "Dana Ruiz", what)
		r, err := f.d.ScopeAddOn(ctx, f.tech, r.ID, AddOn{ContactID: f.contact.ID, Estimate: 15 * time.Minute, ToldMeterRunning: true})
		if err != nil || r.State() != model.ScopeApproved {
			t.Fatalf("add-on %s: %v", r.State(), err)
		}
		return r
	}
	a, b := addOn("Printer"), addOn("Label maker")
	pending := f.ask(t, v, f.tech, "Dana Ruiz", "Not yet decided")
	if _, err := f.d.WorkOn(ctx, f.tech, v.ID, pending.ID, time.Time{}); err == nil {
		t.Error("worked on an add-on nobody approved")
	}
	// Main job, then add-on a, a pause, back to the main job (switched while
	// paused), add-on b, main, and a again, at odd seconds.
	script := []struct {
		after time.Duration
		step  string
		on    int64
	}{
		{7*time.Minute + 13*time.Second, "work", a.ID},
		{11*time.Minute + 47*time.Second, "pause", 0},
		{2 * time.Minute, "work", 0},
		{3*time.Minute + 1*time.Second, "resume", 0},
		{19 * time.Second, "work", b.ID},
		{5*time.Minute + 59*time.Second, "work", 0},
		{61 * time.Second, "work", a.ID},
	}
	for _, s := range script {
		f.clock.Advance(s.after)
		var err error
		switch s.step {
		case "pause":
			v = f.record(t, f.tech, v, Step{Kind: model.EvPaused})
		case "resume":
			v = f.record(t, f.tech, v, Step{Kind: model.EvResumed})
		default:
			if v, err = f.d.WorkOn(ctx, f.tech, v.ID, s.on, time.Time{}); err != nil {
				t.Fatal(err)
			}
		}
	}
	f.clock.Advance(4*time.Minute + 31*time.Second)
	shares := model.AttributeOnSite(v.Events, f.clock.T)
	var sum time.Duration
	for _, d := range shares {
		sum += d
	}
	if total := model.TimesOf(v.Events, f.clock.T).OnSite; sum != total || len(shares) != 3 {
		t.Errorf("shares %v add up to %s; on site %s", shares, sum, total)
	}
	if shares[a.ID] != 11*time.Minute+47*time.Second+4*time.Minute+31*time.Second || shares[b.ID] != 5*time.Minute+59*time.Second {
		t.Errorf("add-on %s got %s", a.Ref(), shares[a.ID])
	}
	if _, err := f.d.WorkOn(ctx, f.tech, v.ID, a.ID, time.Time{}); err == nil {
		t.Error("switching to what is already worked on was accepted")
	}
}

func TestOverrunPromptAnswers(t *testing.T) {
	f := newScopeFixture(t)
	ctx := context.Background()
	v := f.onSite(t, false) // 10 minutes on site, estimate 2h
	if _, _, err := f.d.AnswerOverrun(ctx, f.tech, v.ID, model.ToldContinue, nil, time.Time{}); err == nil || !strings.Contains(err.Error(), "8%") {
		t.Errorf("answering before any prompt: %v", err)
	}
	f.clock.Advance(86 * time.Minute) // 96m of 120m: 80%
	v, _, err := f.d.AnswerOverrun(ctx, f.tech, v.ID, model.Unreachable, nil, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if e := v.Events[len(v.Events)-1]; e.Kind != model.EvEstimateNear || e.Answer != model.Unreachable {
		t.Errorf("answer recorded as %+v", e)
	}
	if _, alert := model.OverrunAlert(v.Events); !alert {
		t.Fatal("unreachable did not alert the office")
	}
	board, _ := f.d.Board(ctx, f.disp)
	if len(board.Rows[model.SecWaiting]) != 1 || !board.Rows[model.SecWaiting][0].Alert {
		t.Errorf("the alert is not waiting on the board: %+v", board.Rows[model.SecWaiting])
	}
	if _, _, err := f.d.AnswerOverrun(ctx, f.disp, v.ID, model.ToldContinue, nil, time.Time{}); err != nil {
		t.Fatalf("the office reaching the client: %v", err)
	}
	f.clock.Advance(30 * time.Minute) // past the estimate
	v, spawned, err := f.d.AnswerOverrun(ctx, f.tech, v.ID, model.ToldStop, &SpawnTicket{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if e := v.Events[len(v.Events)-1]; e.Kind != model.EvEstimateOver || e.Note != "follow-up "+spawned.Ref() {
		t.Errorf("answer past the estimate recorded as %+v", e)
	}
	if spawned.ParentID != v.TicketID || !strings.HasPrefix(spawned.Title, "Follow-up: Replace router") {
		t.Errorf("follow-up ticket %+v", spawned)
	}
	if due := model.OverrunDue(v.Events, 2*time.Hour, f.clock.T); due != model.EstimateNone {
		t.Errorf("still due after answering: %d", due)
	}
	overruns := timelineOf(t, f.d, f.disp, f.client.ID, model.EntryOverrun)
	if len(overruns) != 3 || !strings.Contains(overruns[0], "past its 2h estimate (2h06m on site): told the contact, stopping here") {
		t.Errorf("overruns on the timeline %q", overruns)
	}
}

// timelineOf is a client's timeline of these kinds, newest first, each
// entry as "by: text".
func timelineOf(t *testing.T, d *Door, who model.Actor, clientID int64, kinds ...model.EntryKind) []string {
	t.Helper()
	entries, _, err := d.ClientTimeline(context.Background(), who, clientID, TimelineQuery{Kinds: kinds})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.By+": "+e.Text)
	}
	return out
}
