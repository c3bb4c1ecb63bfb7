package door

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"dispatch/model"
)

func ptr[T any](v T) *T { return &v }

// Making another contact the authorised one passes the role in one
// transaction; the next add-on check sees it at once.
func TestTheAuthorisedContactChangesHands(t *testing.T) {
	f := newScopeFixture(t)
	ctx := context.Background()
	v := f.onSite(t, false)
	if _, err := f.d.EditContact(ctx, f.disp, f.contact.ID, ContactChange{Role: ptr(model.ContactOther)}); err == nil ||
		!strings.Contains(err.Error(), "a client always has one") {
		t.Fatalf("the authorised contact was demoted with nobody in their place: %v", err)
	}
	lee, err := f.d.EditContact(ctx, f.disp, f.backup.ID, ContactChange{Role: ptr(model.ContactAuthorised), Phone: ptr("555-0199")})
	if err != nil || lee.Role != model.ContactAuthorised || lee.Phone != "555-0199" {
		t.Fatalf("Lee made authorised: %+v %v", lee, err)
	}
	dana, _ := f.d.FindContact(ctx, f.disp, f.client.ID, "Dana Ruiz")
	if dana.Role != model.ContactOther {
		t.Errorf("Dana kept the role: %s", dana.Role)
	}
	r := f.ask(t, v, f.tech, "Bob Frey", "Set up the lobby printer")
	if _, err := f.d.ScopeAddOn(ctx, f.tech, r.ID, AddOn{Contact: "Dana Ruiz", Estimate: 30 * time.Minute, ToldMeterRunning: true}); err == nil ||
		!strings.Contains(err.Error(), "Lee Park") {
		t.Errorf("Dana still approves, or the refusal does not name Lee: %v", err)
	}
	if _, err := f.d.ScopeAddOn(ctx, f.tech, r.ID, AddOn{Contact: "Lee Park", Estimate: 30 * time.Minute, ToldMeterRunning: true}); err != nil {
		t.Errorf("Lee may not approve: %v", err)
	}
	if _, err := f.d.EditContact(ctx, f.tech, f.other.ID, ContactChange{Phone: ptr("1")}); !errors.As(err, new(model.Forbidden)) {
		t.Errorf("a technician edited a contact: %v", err)
	}
}

// A contact or site history names is archived, not deleted: gone from the
// lists, still named in old records.
func TestRemovingWhatHistoryNames(t *testing.T) {
	f := newScopeFixture(t)
	ctx := context.Background()
	v := f.onSite(t, false) // Dana checked in: history names her
	if _, err := f.d.RemoveContact(ctx, f.disp, f.contact.ID); err == nil || !strings.Contains(err.Error(), "authorised contact") {
		t.Fatalf("the authorised contact was removed: %v", err)
	}
	if _, err := f.d.EditContact(ctx, f.disp, f.backup.ID, ContactChange{Role: ptr(model.ContactAuthorised)}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.d.RemoveContact(ctx, f.disp, f.contact.ID); err == nil || !strings.Contains(err.Error(), "asked for work still open") {
		t.Fatalf("the requester of open work was removed: %v", err)
	}
	f.ask(t, v, f.tech, "Bob Frey", "Set up the lobby printer") // history names Bob
	archived, err := f.d.RemoveContact(ctx, f.disp, f.other.ID)
	if err != nil || !archived {
		t.Fatalf("Bob removed: archived %v, %v", archived, err)
	}
	zed, _ := f.d.AddContact(ctx, f.disp, model.Contact{ClientID: f.client.ID, Name: "Zed Moss"})
	if archived, err := f.d.RemoveContact(ctx, f.disp, zed.ID); err != nil || archived {
		t.Errorf("Zed, whom nothing names, archived %v, %v", archived, err)
	}
	if back, err := f.d.AddContact(ctx, f.disp, model.Contact{ClientID: f.client.ID, Name: "Bob Frey", Phone: "555-0101"}); err != nil || back.ID != f.other.ID {
		t.Errorf("Bob added back is not the Bob old records name: %+v %v", back, err)
	}
	if _, err := f.d.RemoveContact(ctx, f.disp, f.other.ID); err != nil {
		t.Fatal(err)
	}
	card, err := f.d.Visit(ctx, f.disp, v.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range card.Contacts {
		if c.Name == "Bob Frey" || c.Name == "Zed Moss" {
			t.Errorf("%s is still offered to check out with", c.Name)
		}
	}
	if ticket, _ := f.d.Ticket(ctx, f.disp, v.TicketID); ticket.Contact.Name != "Dana Ruiz" {
		t.Errorf("the ticket's requester reads %q", ticket.Contact.Name)
	}
	if _, err := f.d.RemoveSite(ctx, f.disp, f.site.ID); err == nil || !strings.Contains(err.Error(), "still open") {
		t.Errorf("a site with open work was removed: %v", err)
	}
	s, err := f.d.EditSite(ctx, f.disp, f.site.ID, SiteChange{Address: ptr("9 New Rd"), Travel: ptr(20 * time.Minute)})
	if err != nil || s.Address != "9 New Rd" || s.Travel != 20*time.Minute {
		t.Errorf("site edit: %+v %v", s, err)
	}
	if _, err := f.d.EditClient(ctx, f.disp, f.client.ID, ptr("Acme Dental Group"), ptr(true)); err != nil {
		t.Fatal(err)
	}
	other, _ := f.d.CreateClient(ctx, f.disp, model.Client{Name: "Bayside"})
	if _, err := f.d.EditClient(ctx, f.disp, other.ID, ptr("acme dental group"), nil); err == nil || !strings.Contains(err.Error(), "is taken") {
		t.Errorf("two clients of one name: %v", err)
	}
}

// A new client's brief asks the office for a first meeting; a technician's
// brief of the same client leaves the calls to the office.
func TestOnlyTheOfficeIsAskedToPlanAFirstMeeting(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if _, err := f.d.CreateTicket(ctx, f.disp, f.newTicket()); err != nil {
		t.Fatal(err)
	}
	has := func(who model.Actor) bool {
		b, err := f.d.Brief(ctx, who, f.client.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range b {
			if s.Title == model.BriefMeetings {
				return true
			}
		}
		return false
	}
	if !has(f.disp) {
		t.Error("the dispatcher is not asked to plan a first meeting")
	}
	if has(f.tech) {
		t.Error("the technician is asked to plan a first meeting")
	}
	calls, err := f.d.MeetingCalls(ctx, f.disp)
	if err != nil || len(calls) != 1 || calls[0].ClientID != f.client.ID || calls[0].Meeting != nil {
		t.Errorf("the office's calls: %+v %v", calls, err)
	}
	if _, err := f.d.MeetingCalls(ctx, f.tech); err == nil {
		t.Error("a technician read the office's calls")
	}
	if b, _ := f.d.Board(ctx, f.tech); len(b.Calls) != 0 {
		t.Errorf("a technician's board carries the office's calls: %+v", b.Calls)
	}
	if b, _ := f.d.Board(ctx, f.disp); len(b.Calls) != 1 {
		t.Errorf("the dispatcher's board lost the calls (shared, and cleared for another?): %+v", b.Calls)
	}
}
