package door

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"dispatch/model"
)

// The index follows every write that changes a ticket's words, in the
// same transaction: its title, a note on its visit, what was asked on
// site, who went, what was left and an edit.
func TestSearchFollowsEveryWrite(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	find := func(typed string) []int64 {
		t.Helper()
		p, err := f.d.Search(ctx, f.disp, typed, 0)
		if err != nil {
			t.Fatalf("search %q: %v", typed, err)
		}
		var ids []int64
		for _, h := range p.Hits {
			ids = append(ids, h.Ticket.ID)
		}
		return ids
	}
	v := f.visitFor(t, f.tech)
	other, _ := f.d.CreateTicket(ctx, f.disp, NewTicket{ClientID: f.client.ID, ContactID: f.contact.ID, SiteID: f.site.ID,
		Title: "Printer jams", Scope: "Clear it", Priority: model.P3, Estimate: model.Estimate{Duration: time.Hour}})
	if got := find("router"); len(got) != 1 || got[0] != v.TicketID {
		t.Errorf("by title: %v", got)
	}
	if got := find("acme"); len(got) != 2 || got[0] != other.ID {
		t.Errorf("by client, newest first: %v", got)
	}
	if got := find("sam"); len(got) != 1 {
		t.Errorf("by technician: %v", got)
	}
	f.record(t, f.tech, v, Step{Kind: model.EvTravelStarted})
	f.record(t, f.tech, v, Step{Kind: model.EvArrived, Contact: "Dana Ruiz"})
	f.record(t, f.tech, v, Step{Kind: model.EvNote, Note: "firmware on the Netgear was eleven years old"})
	if got := find("netgear firm"); len(got) != 1 || got[0] != v.TicketID {
		t.Errorf("by a word of a visit note, and a prefix: %v", got)
	}
	if _, err := f.d.AskScope(ctx, f.tech, v.ID, Ask{AskedBy: "the receptionist", What: "label maker offline"}); err != nil {
		t.Fatal(err)
	}
	if got := find("label maker"); len(got) != 1 {
		t.Errorf("by an on-site request: %v", got)
	}
	f.record(t, f.tech, v, Step{Kind: model.EvDeparted, Contact: "Dana Ruiz", Outcome: model.Outcome{FollowUp: "waiting for the antenna kit"}})
	if got := find("antenna"); len(got) != 1 {
		t.Errorf("by what was left: %v", got)
	}
	card, _ := f.d.Ticket(ctx, f.disp, other.ID)
	edit := model.EditOf(card.Ticket)
	edit.Title = "Plotter jams"
	if _, err := f.d.EditTicket(ctx, f.disp, other.ID, edit); err != nil {
		t.Fatal(err)
	}
	if got := find("printer"); len(got) != 0 {
		t.Errorf("an edited title is still found by its old words: %v", got)
	}
	if got := find(model.FormatID(model.PrefixTicket, other.ID)); len(got) != 1 || got[0] != other.ID {
		t.Errorf("by its id: %v", got)
	}
	if _, err := f.d.Search(ctx, f.disp, `"*()`, 0); err == nil || !strings.Contains(err.Error(), "no words") {
		t.Errorf("a search of punctuation: %v", err)
	}
}

func TestSearchPagesAndListFilters(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	var last model.Ticket
	for i := 0; i < SearchPageSize+5; i++ {
		var err error
		if last, err = f.d.CreateTicket(ctx, f.disp, f.newTicket()); err != nil {
			t.Fatal(err)
		}
	}
	p, err := f.d.Search(ctx, f.disp, "router", 0)
	if err != nil || len(p.Hits) != SearchPageSize || !p.More || p.Hits[0].Ticket.ID != last.ID || !strings.Contains(p.Hits[0].Snippet, "Replace «router»") {
		t.Fatalf("first page: %d hits, more %v, first %+v, %v", len(p.Hits), p.More, p.Hits[0], err)
	}
	if p, _ = f.d.Search(ctx, f.disp, "router", 1); len(p.Hits) != 5 || p.More {
		t.Errorf("second page: %d hits, more %v", len(p.Hits), p.More)
	}

	v := f.visitFor(t, f.tech)
	if _, err := f.d.TrackTicket(ctx, f.disp, last.ID, Track{Kind: model.TkCancelled, Note: "client withdrew"}); err != nil {
		t.Fatal(err)
	}
	count := func(q TicketQuery) int {
		t.Helper()
		hits, err := f.d.ListTickets(ctx, f.disp, q)
		if err != nil {
			t.Fatalf("%+v: %v", q, err)
		}
		return len(hits)
	}
	if n := count(TicketQuery{State: "cancelled"}); n != 1 {
		t.Errorf("cancelled: %d", n)
	}
	if n := count(TicketQuery{Tech: "Sam"}); n != 1 {
		t.Errorf("Sam's: %d", n)
	}
	if n := count(TicketQuery{Client: "Acme Dental", Search: "withdrew"}); n != 1 {
		t.Errorf("by a cancel reason: %d", n)
	}
	if n := count(TicketQuery{Since: f.clock.T.Add(time.Hour)}); n != 0 {
		t.Errorf("opened after now: %d", n)
	}
	if n := count(TicketQuery{State: "needs-visit"}); n != 0 {
		t.Errorf("needs a visit, before any: %d", n)
	}
	f.record(t, f.tech, v, Step{Kind: model.EvTravelStarted})
	f.record(t, f.tech, v, Step{Kind: model.EvArrived, Contact: "Dana Ruiz"})
	f.record(t, f.tech, v, Step{Kind: model.EvDeparted, Contact: "Dana Ruiz", Outcome: model.Outcome{FollowUp: "more cable"}})
	f.record(t, f.tech, v, Step{Kind: model.EvTravelEnded})
	if n := count(TicketQuery{State: "needs-visit"}); n != 1 {
		t.Errorf("needs a visit: %d", n)
	}
	if _, err := f.d.ListTickets(ctx, f.disp, TicketQuery{State: "lost"}); err == nil || !strings.Contains(err.Error(), "needs-visit") {
		t.Errorf("an unknown state: %v", err)
	}
}

// Whatever is typed into a search, the index answers or says what to type;
// it never fails with SQLite's own words.
func FuzzSearch(f *testing.F) {
	fx := newFixture(f)
	if _, err := fx.d.CreateTicket(context.Background(), fx.disp, fx.newTicket()); err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"router", `"a" OR b*`, "T-1001 NEAR(x y)", "-x", "日本語", "col:umn", "^a", "a AND", "\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, typed string) {
		_, err := fx.d.Search(context.Background(), fx.disp, typed, 0)
		var fe model.FieldError
		if err != nil && !errors.As(err, &fe) {
			t.Fatalf("%q: %v", typed, err)
		}
	})
}
