package door

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"dispatch/model"
)

// Two dispatchers open the same ticket and both edit it: the first save
// lands, the second is refused, told who changed it, and shown it as it is
// now; saved again from that version, it lands. Nothing is overwritten
// unseen, and every edit is in the audit.
func TestTheSecondEditorIsToldRatherThanOverwriting(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	ticket, err := f.d.CreateTicket(ctx, f.disp, f.newTicket())
	if err != nil {
		t.Fatal(err)
	}
	mia, err := f.d.AddUser(ctx, model.Console, "Mia", model.RoleManager, "")
	if err != nil {
		t.Fatal(err)
	}
	read := ticket.Version // both read it at once
	first := model.EditOf(ticket)
	first.Version, first.Title = read, "Replace router and switch"
	saved, err := f.d.EditTicket(ctx, f.disp, ticket.ID, first)
	if err != nil || saved.Version != read+1 {
		t.Fatalf("first edit: version %d, %v", saved.Version, err)
	}
	second := model.EditOf(ticket)
	second.Version, second.Estimate = read, model.Estimate{Duration: 3 * time.Hour}
	_, err = f.d.EditTicket(ctx, model.ActorOf(mia), ticket.ID, second)
	var conflict model.EditConflict
	if !errors.As(err, &conflict) || conflict.Now.Title != "Replace router and switch" || !strings.Contains(conflict.By, "Rita") {
		t.Fatalf("the second editor was not told: %v", err)
	}
	if !strings.Contains(err.Error(), `was changed by Rita (dispatcher) while you edited it; it now reads "Replace router and switch"`) {
		t.Errorf("message: %v", err)
	}
	card, _ := f.d.Ticket(ctx, f.disp, ticket.ID)
	if card.Title != "Replace router and switch" || card.Estimate.Duration != 2*time.Hour {
		t.Errorf("after the refused edit: %q, %s", card.Title, card.Estimate)
	}
	// Seen, and saved again from the version now shown: it lands.
	second.Version, second.Title = conflict.Now.Version, conflict.Now.Title
	if saved, err = f.d.EditTicket(ctx, model.ActorOf(mia), ticket.ID, second); err != nil || saved.Estimate.Duration != 3*time.Hour {
		t.Fatalf("saved again: %+v %v", saved, err)
	}
	edits := 0
	for _, a := range mustTicket(t, f, ticket.ID).Audit {
		if a.Action == "ticket.edit" {
			edits++
		}
	}
	if edits != 2 {
		t.Errorf("%d edits in the audit, want 2", edits)
	}
}

func mustTicket(t *testing.T, f *fixture, id int64) TicketCard {
	t.Helper()
	c, err := f.d.Ticket(context.Background(), f.disp, id)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestEditRefusals(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	ticket, err := f.d.CreateTicket(ctx, f.disp, f.newTicket())
	if err != nil {
		t.Fatal(err)
	}
	same := model.EditOf(ticket)
	tests := []struct {
		name string
		who  model.Actor
		edit func(model.TicketEdit) model.TicketEdit
		want string
	}{
		{"a technician", f.tech, func(e model.TicketEdit) model.TicketEdit { e.Title = "x"; return e },
			"editing tickets is for dispatchers, managers and admins"},
		{"an empty title", f.disp, func(e model.TicketEdit) model.TicketEdit { e.Title = "  "; return e }, "title is empty"},
		{"an oversized scope", f.disp, func(e model.TicketEdit) model.TicketEdit { e.Scope = strings.Repeat("x", 2001); return e }, "scope"},
		{"nothing changed", f.disp, func(e model.TicketEdit) model.TicketEdit { return e }, "already says that"},
		{"a version from the future", f.disp, func(e model.TicketEdit) model.TicketEdit { e.Version += 5; e.Title = "y"; return e }, "was changed by"},
	}
	for _, tt := range tests {
		_, err := f.d.EditTicket(ctx, tt.who, ticket.ID, tt.edit(same))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
	if card := mustTicket(t, f, ticket.ID); card.Title != ticket.Title || card.Version != ticket.Version {
		t.Errorf("a refused edit changed the ticket: %q v%d", card.Title, card.Version)
	}
}

// Fifty writers at once on one office, several on the same ticket: no
// "database is locked" reaches anyone, and of the edits made from the same
// version exactly one lands.
func TestFiftyConcurrentWritersAndOneRace(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	ticket, err := f.d.CreateTicket(ctx, f.disp, f.newTicket())
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	landed, told := 0, 0
	var failures []error
	for w := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 10 {
				var err error
				switch {
				case w < 10 && i == 0: // ten editors of one ticket, all from its first version
					edit := model.EditOf(ticket)
					edit.Title = "Edited by writer " + string(rune('A'+w))
					_, err = f.d.EditTicket(ctx, f.disp, ticket.ID, edit)
					mu.Lock()
					if err == nil {
						landed++
					} else if errors.As(err, new(model.EditConflict)) {
						told++
						err = nil
					}
					mu.Unlock()
				case i%2 == 0:
					_, err = f.d.CreateTicket(ctx, f.disp, f.newTicket())
				default:
					_, err = f.d.TrackTicket(ctx, f.disp, ticket.ID, Track{Kind: model.TkContacted, Note: "called"})
				}
				if err != nil {
					mu.Lock()
					failures = append(failures, err)
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range failures {
		t.Errorf("a writer saw: %v", err)
	}
	if landed != 1 || told != 9 {
		t.Errorf("of ten edits from one version, %d landed and %d were told; want 1 and 9", landed, told)
	}
}

// Every field a dispatcher can get wrong is editable: the requester and
// site among the client's own, the priority (its clocks follow), and the
// client while no visit has been recorded.
func TestEditEveryField(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	other, _ := f.d.CreateClient(ctx, f.disp, model.Client{Name: "Birchwood Law"})
	owen, _ := f.d.AddContact(ctx, f.disp, model.Contact{ClientID: other.ID, Name: "Owen Price", Role: model.ContactAuthorised})
	annex, _ := f.d.AddSite(ctx, f.disp, model.Site{ClientID: other.ID, Name: "Annex"})
	v := f.visitFor(t, f.tech)
	card, _ := f.d.Ticket(ctx, f.disp, v.TicketID)

	wrong := model.EditOf(card.Ticket)
	wrong.ContactID = owen.ID // Birchwood's contact on an Acme ticket
	if _, err := f.d.EditTicket(ctx, f.disp, card.ID, wrong); err == nil || !strings.Contains(err.Error(), "not a contact of Acme Dental") {
		t.Errorf("a requester of another client: %v", err)
	}
	moved := model.EditOf(card.Ticket)
	moved.ClientID, moved.ContactID, moved.SiteID, moved.Priority = other.ID, owen.ID, annex.ID, model.P1
	saved, err := f.d.EditTicket(ctx, f.disp, card.ID, moved)
	if err != nil {
		t.Fatal(err)
	}
	if saved.ClientID != other.ID || !saved.FirstJob {
		t.Errorf("moved to Birchwood: client %d, first job %v (their first ticket)", saved.ClientID, saved.FirstJob)
	}
	card, _ = f.d.Ticket(ctx, f.disp, v.TicketID)
	if n := len(card.Events); n == 0 || card.Events[n-1].Kind != model.TkPriority || card.Events[n-1].From != model.P2 {
		t.Errorf("a priority edited leaves its event for the clocks: %+v", card.Events)
	}

	f.record(t, f.tech, v, Step{Kind: model.EvTravelStarted})
	back := model.EditOf(card.Ticket)
	back.ClientID, back.ContactID, back.SiteID = f.client.ID, f.contact.ID, f.site.ID
	if _, err := f.d.EditTicket(ctx, f.disp, card.ID, back); err == nil || !strings.Contains(err.Error(), "was worked on for this client") {
		t.Errorf("the client changed after a visit was recorded: %v", err)
	}
}
