package door

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"dispatch/model"
	"dispatch/model/feed"
	"dispatch/model/store"
)

// visitFor books the technician on a new ticket, starting in an hour, over
// anything else booked then: the tests that use it are about the visit.
func (f *fixture) visitFor(t *testing.T, tech model.Actor) model.Visit {
	t.Helper()
	ctx := context.Background()
	ticket, err := f.d.CreateTicket(ctx, f.disp, f.newTicket())
	if err != nil {
		t.Fatal(err)
	}
	v, err := f.d.Book(ctx, f.disp, Booking{TicketID: ticket.ID, TechID: tech.UserID, At: f.clock.T.Add(time.Hour), Anyway: true})
	if err != nil {
		t.Fatal(err)
	}
	f.sub.Take()
	return v
}

// arrive sets Sam off on v and checks him in with Dana Ruiz after travel.
func (f *fixture) arrive(t *testing.T, v model.Visit, travel time.Duration) {
	t.Helper()
	f.record(t, f.tech, v, Step{Kind: model.EvTravelStarted})
	f.clock.Advance(travel)
	f.record(t, f.tech, v, Step{Kind: model.EvArrived, Contact: "Dana Ruiz"})
}

func (f *fixture) record(t *testing.T, who model.Actor, v model.Visit, s Step) model.Visit {
	t.Helper()
	got, err := f.d.Record(context.Background(), who, v.ID, s)
	if err != nil {
		t.Fatalf("%s %s: %v", who.Name, s.Kind, err)
	}
	return got
}

func TestAWholeVisitFromTravelToShop(t *testing.T) {
	f := newFixture(t)
	v := f.visitFor(t, f.tech)
	steps := []struct {
		after time.Duration
		step  Step
		phase model.Phase
	}{
		{0, Step{Kind: model.EvTravelStarted}, model.PhaseTravelling},
		{45 * time.Minute, Step{Kind: model.EvArrived, Contact: "dana ruiz"}, model.PhaseOnSite},
		{time.Hour, Step{Kind: model.EvPaused}, model.PhasePaused},
		{15 * time.Minute, Step{Kind: model.EvResumed}, model.PhaseOnSite},
		{10 * time.Minute, Step{Kind: model.EvNote, Note: "router swapped; laptop won't boot"}, model.PhaseOnSite},
		{20 * time.Minute, Step{Kind: model.EvDeparted, ContactID: f.contact.ID, Outcome: model.Outcome{FollowUp: "back to the shop"}}, model.PhaseReturning},
		{40 * time.Minute, Step{Kind: model.EvTravelEnded}, model.PhaseFinished},
		{5 * time.Minute, Step{Kind: model.EvShopStarted}, model.PhaseInShop},
		{2 * time.Hour, Step{Kind: model.EvShopStopped}, model.PhaseFinished},
	}
	for _, s := range steps {
		f.clock.Advance(s.after)
		v = f.record(t, f.tech, v, s.step)
		if v.Phase() != s.phase {
			t.Fatalf("after %s: phase %s, want %s", s.step.Kind, v.Phase(), s.phase)
		}
		if !f.sub.Take().Has(feed.Visits) {
			t.Errorf("%s was not published", s.step.Kind)
		}
	}
	got := model.TimesOf(v.Events, f.clock.T)
	want := model.Times{Travel: 85 * time.Minute, OnSite: 90 * time.Minute, Paused: 15 * time.Minute, Shop: 2 * time.Hour}
	if got != want {
		t.Errorf("times %+v, want %+v", got, want)
	}
	arrived := v.Events[2]
	if arrived.Kind != model.EvArrived || arrived.ContactName != "Dana Ruiz" || arrived.By != "Sam" {
		t.Errorf("the arrival should say who checked in with whom: %+v", arrived)
	}
}

func TestRecordRefusals(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	other, err := f.d.AddUser(ctx, model.Console, "Leo", model.RoleTech, "")
	if err != nil {
		t.Fatal(err)
	}
	leo := model.ActorOf(other)
	v := f.visitFor(t, f.tech)
	otherClient, _ := f.d.CreateClient(ctx, f.disp, model.Client{Name: "Birchwood Law"})
	stranger, _ := f.d.AddContact(ctx, f.disp, model.Contact{ClientID: otherClient.ID, Name: "Paul Kim", Role: model.ContactAuthorised})

	tests := []struct {
		name string
		who  model.Actor
		step Step
		want string
	}{
		{"arrive before travelling", f.tech, Step{Kind: model.EvArrived, Contact: "Dana Ruiz"}, "cannot arrive: V-301 is scheduled; now you can start travel"},
		{"another technician's visit", leo, Step{Kind: model.EvTravelStarted}, "V-301 is Sam's visit; only they or a dispatcher"},
		{"a time in the future", f.tech, Step{Kind: model.EvTravelStarted, At: f.clock.T.Add(time.Minute)}, "in the future"},
		{"an empty note", f.tech, Step{Kind: model.EvNote, Note: " \x1b[2J "}, "note is empty"},
		{"a long note", f.tech, Step{Kind: model.EvNote, Note: strings.Repeat("x", 1001)}, "is 1001 characters; the limit is 1000"},
	}
	for _, tt := range tests {
		_, err := f.d.Record(ctx, tt.who, v.ID, tt.step)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
	v = f.record(t, f.tech, v, Step{Kind: model.EvTravelStarted})
	f.clock.Advance(time.Hour)
	f.sub.Take()
	for _, tt := range []struct {
		step Step
		want string
	}{
		{Step{Kind: model.EvArrived}, "contact is missing"},
		{Step{Kind: model.EvArrived, Contact: "Paul Kim"}, "Paul Kim is not a contact of Acme Dental; pick one of: Dana Ruiz"},
		{Step{Kind: model.EvArrived, ContactID: stranger.ID}, "P-22 is not a contact of Acme Dental"},
		{Step{Kind: model.EvArrived, Contact: "Dana Ruiz", At: f.clock.T.Add(-2 * time.Hour)}, "before the visit's last step"},
		{Step{Kind: model.EvTravelEnded}, "cannot end travel: V-301 is travelling; now you can arrive"},
	} {
		if _, err := f.d.Record(ctx, f.tech, v.ID, tt.step); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: %v, want %q", tt.step, err, tt.want)
		}
	}
	if n := f.sub.Take(); n != 0 {
		t.Errorf("a refused step published %v", n)
	}
	if v, _ := f.d.Visit(ctx, f.tech, v.ID); len(v.Events) != 2 {
		t.Errorf("refused steps left events: %+v", v.Events)
	}
}

func TestOfficeRecordsOnBehalfAndLateEntriesKeepBothTimes(t *testing.T) {
	f := newFixture(t)
	v := f.visitFor(t, f.tech)
	f.clock.Advance(2 * time.Hour)
	// Sam forgot to tap: Rita records his travel at 14:15 on his behalf at 16:00.
	v = f.record(t, f.disp, v, Step{Kind: model.EvTravelStarted, At: time.Date(2026, 11, 25, 14, 15, 0, 0, time.UTC)})
	e := v.Events[1]
	if e.By != "Rita" || !e.Late() || !e.RecordedAt.Equal(f.clock.T) || e.At.Hour() != 14 {
		t.Errorf("on behalf, late: %+v", e)
	}
	if got := model.TimesOf(v.Events, f.clock.T).Travel; got != 105*time.Minute {
		t.Errorf("travel counts from when it happened: %s", got)
	}
}

func TestOneVisitOnSiteAtATime(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	first, second := f.visitFor(t, f.tech), f.visitFor(t, f.tech)
	f.record(t, f.tech, first, Step{Kind: model.EvTravelStarted})
	if _, err := f.d.Record(ctx, f.tech, second.ID, Step{Kind: model.EvTravelStarted}); err == nil ||
		!strings.Contains(err.Error(), "Sam is travelling for V-301 (T-1001) since 14:00; arrive there first") {
		t.Errorf("a second trip: %v", err)
	}
	f.clock.Advance(30 * time.Minute)
	f.record(t, f.tech, first, Step{Kind: model.EvArrived, Contact: "Dana Ruiz"})
	onSite := "Sam is still on site for V-301 (T-1001) since 14:30; depart there first"
	if _, err := f.d.Record(ctx, f.disp, second.ID, Step{Kind: model.EvTravelStarted}); err == nil || !strings.Contains(err.Error(), onSite) {
		t.Errorf("setting off while on site, even on his behalf: %v", err)
	}
	// Should a second visit be under way anyway (written before this rule),
	// arriving there is still refused.
	err := f.s.Write(ctx, func(tx *store.Tx) error {
		_, err := tx.AppendEvent(ctx, model.Event{VisitID: second.ID, Kind: model.EvTravelStarted, At: f.clock.T, RecordedAt: f.clock.T, By: "Sam"})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.d.Record(ctx, f.tech, second.ID, Step{Kind: model.EvArrived, Contact: "Dana Ruiz"}); err == nil || !strings.Contains(err.Error(), onSite) {
		t.Errorf("a second arrival: %v", err)
	}
}

func TestSettingOffForTheNextVisitEndsTheTripBack(t *testing.T) {
	f := newFixture(t)
	first, second := f.visitFor(t, f.tech), f.visitFor(t, f.tech)
	f.record(t, f.tech, first, Step{Kind: model.EvTravelStarted})
	f.clock.Advance(30 * time.Minute)
	f.record(t, f.tech, first, Step{Kind: model.EvArrived, Contact: "Dana Ruiz"})
	f.clock.Advance(time.Hour)
	f.record(t, f.tech, first, Step{Kind: model.EvDeparted, Contact: "Dana Ruiz", Outcome: model.Outcome{FollowUp: "a second visit"}})
	f.record(t, f.tech, second, Step{Kind: model.EvTravelStarted})
	v, _ := f.d.Visit(context.Background(), f.tech, first.ID)
	last := v.Events[len(v.Events)-1]
	if v.Phase() != model.PhaseFinished || last.Kind != model.EvTravelEnded || last.Note != "went on to V-302" || !last.At.Equal(f.clock.T) {
		t.Errorf("the trip back should end where the next begins: %s %+v", v.Phase(), last)
	}
}

func TestFixTimeKeepsTheOriginal(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	v := f.visitFor(t, f.tech)
	f.record(t, f.tech, v, Step{Kind: model.EvTravelStarted})
	f.clock.Advance(50 * time.Minute)
	v = f.record(t, f.tech, v, Step{Kind: model.EvArrived, Contact: "Dana Ruiz"})
	arrived := v.Events[2]
	f.clock.Advance(time.Hour)
	if _, err := f.d.FixTime(ctx, f.tech, arrived.ID, arrived.At.Add(-5*time.Minute), "tapped late"); !errors.As(err, new(model.Forbidden)) {
		t.Errorf("a technician fixing times: %v", err)
	}
	if _, err := f.d.FixTime(ctx, f.disp, arrived.ID, arrived.At.Add(-5*time.Minute), ""); err == nil || !strings.Contains(err.Error(), "reason is empty") {
		t.Errorf("a fix without a reason: %v", err)
	}
	v, err := f.d.FixTime(ctx, f.disp, arrived.ID, arrived.At.Add(-5*time.Minute), "Dana says he was in at 14:45")
	if err != nil {
		t.Fatal(err)
	}
	fixed := v.Events[2]
	if fixed.Fix == nil || !fixed.Fix.OriginalAt.Equal(arrived.At) || fixed.At.Sub(arrived.At) != -5*time.Minute || fixed.Fix.By != "Rita" {
		t.Errorf("fixed: %+v %+v", fixed, fixed.Fix)
	}
	if got := model.TimesOf(v.Events, f.clock.T); got.Travel != 45*time.Minute || got.OnSite != 65*time.Minute {
		t.Errorf("times after the fix: %+v", got)
	}
	var audit []store.AuditEntry
	f.s.Read(ctx, func(tx *store.Tx) error { audit, err = tx.AuditFor(ctx, "visit", v.ID); return err })
	lastEntry := audit[len(audit)-1]
	if lastEntry.Action != "visit.fix_time" || !strings.Contains(lastEntry.Before, arrived.At.Format(time.RFC3339)) ||
		!strings.Contains(lastEntry.After, "Dana says") {
		t.Errorf("the audit keeps before and after: %+v", lastEntry)
	}
}

func TestMyDay(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	other, _ := f.d.AddUser(ctx, model.Console, "Leo", model.RoleTech, "")
	yesterday := f.visitFor(t, f.tech) // booked today, but left running overnight
	f.record(t, f.tech, yesterday, Step{Kind: model.EvTravelStarted})
	f.record(t, f.tech, yesterday, Step{Kind: model.EvArrived, Contact: "Dana Ruiz"})
	f.clock.Advance(24 * time.Hour) // 26 Nov, 14:00
	ticket, _ := f.d.CreateTicket(ctx, f.disp, f.newTicket())
	later, _ := f.d.ScheduleVisit(ctx, f.disp, ticket.ID, f.tech.UserID, f.clock.T.Add(5*time.Hour))
	earlier, _ := f.d.ScheduleVisit(ctx, f.disp, ticket.ID, f.tech.UserID, f.clock.T.Add(time.Hour)) // 15:00–18:30, then the later one
	f.d.ScheduleVisit(ctx, f.disp, ticket.ID, f.tech.UserID, f.clock.T.Add(12*time.Hour))            // tomorrow
	f.d.ScheduleVisit(ctx, f.disp, ticket.ID, other.ID, f.clock.T.Add(time.Hour))                    // Leo's
	day, err := f.d.MyDay(ctx, f.tech)
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	for _, c := range day {
		got = append(got, c.ID)
	}
	if want := []int64{yesterday.ID, earlier.ID, later.ID}; len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("my day = %v, want %v", got, want)
	}
	if c := day[1]; c.Client != "Acme Dental" || c.Site.Name != "Main" || len(c.Contacts) != 1 || c.Ticket.Title != "Replace router" {
		t.Errorf("a card carries the job, the place and the contacts: %+v", c)
	}
	if id, err := f.d.CurrentVisit(ctx, f.tech); err != nil || id != yesterday.ID {
		t.Errorf("current visit = %d, %v", id, err)
	}
	// Finished today, it stays in today's list.
	f.record(t, f.tech, yesterday, Step{Kind: model.EvDeparted, Contact: "Dana Ruiz", Outcome: model.Outcome{FollowUp: "a second visit"}})
	f.record(t, f.tech, yesterday, Step{Kind: model.EvTravelEnded})
	if day, _ := f.d.MyDay(ctx, f.tech); len(day) != 3 || day[0].ID != yesterday.ID || day[0].Phase() != model.PhaseFinished {
		t.Errorf("a visit finished today left the day: %d visits", len(day))
	}
}
