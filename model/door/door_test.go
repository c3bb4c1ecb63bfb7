package door

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dispatch/model"
	"dispatch/model/feed"
	"dispatch/model/store"
)

const edKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl test@host"

type fixture struct {
	d       *Door
	s       *store.Store
	clock   *model.FixedClock
	sub     *feed.Sub
	admin   model.Actor
	disp    model.Actor
	tech    model.Actor
	client  model.Client
	contact model.Contact
	site    model.Site
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(t.TempDir(), "office.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	hub := feed.NewHub()
	f := &fixture{s: s, clock: &model.FixedClock{T: time.Date(2026, 11, 25, 14, 0, 0, 0, time.UTC)}, sub: hub.Subscribe()}
	f.d = New(s, hub, f.clock, time.UTC)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	disp, err := f.d.AddUser(ctx, model.Console, "Rita", model.RoleDispatcher, "")
	must(err)
	tech, err := f.d.AddUser(ctx, model.Console, "Sam", model.RoleTech, edKey)
	must(err)
	f.admin, f.disp, f.tech = model.Console, model.ActorOf(disp), model.ActorOf(tech)
	f.client, err = f.d.CreateClient(ctx, f.disp, model.Client{Name: "Acme Dental"})
	must(err)
	f.contact, err = f.d.AddContact(ctx, f.disp, model.Contact{ClientID: f.client.ID, Name: "Dana Ruiz", Role: model.ContactAuthorised})
	must(err)
	f.site, err = f.d.AddSite(ctx, f.disp, model.Site{ClientID: f.client.ID, Name: "Main", Travel: 45 * time.Minute})
	must(err)
	f.sub.Take()
	return f
}

func (f *fixture) newTicket() NewTicket {
	return NewTicket{ClientID: f.client.ID, ContactID: f.contact.ID, SiteID: f.site.ID, Title: "Replace router",
		Scope: "Swap it", Priority: model.P2, Estimate: model.Estimate{Duration: 2 * time.Hour}}
}

func TestEveryActionChecksTheRole(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	ticket, err := f.d.CreateTicket(ctx, f.disp, f.newTicket())
	if err != nil {
		t.Fatal(err)
	}
	refused := map[string]func() error{
		"create ticket": func() error { _, err := f.d.CreateTicket(ctx, f.tech, f.newTicket()); return err },
		"schedule": func() error {
			_, err := f.d.ScheduleVisit(ctx, f.tech, ticket.ID, f.tech.UserID, f.clock.T.Add(time.Hour))
			return err
		},
		"create client": func() error { _, err := f.d.CreateClient(ctx, f.tech, model.Client{Name: "X"}); return err },
		"add contact": func() error {
			_, err := f.d.AddContact(ctx, f.tech, model.Contact{ClientID: f.client.ID, Name: "Y"})
			return err
		},
		"add site": func() error {
			_, err := f.d.AddSite(ctx, f.tech, model.Site{ClientID: f.client.ID, Name: "Y"})
			return err
		},
		"add user":   func() error { _, err := f.d.AddUser(ctx, f.disp, "Eve", model.RoleAdmin, ""); return err },
		"list users": func() error { _, err := f.d.Users(ctx, f.disp); return err },
	}
	for name, fn := range refused {
		var forbidden model.Forbidden
		if err := fn(); !errors.As(err, &forbidden) {
			t.Errorf("%s: want Forbidden, got %v", name, err)
		}
	}
	if f.sub.Take() != feed.Tickets {
		t.Error("only the allowed ticket creation should have been published")
	}
}

func TestCreateTicketAuditsPublishesAndMarksFirstJob(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	first, err := f.d.CreateTicket(ctx, f.disp, f.newTicket())
	if err != nil {
		t.Fatal(err)
	}
	second, err := f.d.CreateTicket(ctx, f.disp, f.newTicket())
	if err != nil {
		t.Fatal(err)
	}
	if !first.FirstJob || second.FirstJob {
		t.Errorf("first job flags: %v %v", first.FirstJob, second.FirstJob)
	}
	select {
	case <-f.sub.Ready():
	default:
		t.Fatal("the feed was not told")
	}
	card, err := f.d.Ticket(ctx, f.tech, first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(card.Audit) != 1 || card.Audit[0].Actor != "Rita (dispatcher)" || !strings.Contains(card.Audit[0].After, "Replace router") {
		t.Errorf("audit: %+v", card.Audit)
	}
	if card.Contact.Name != "Dana Ruiz" || card.Site.Name != "Main" || !card.CreatedAt.Equal(f.clock.T) {
		t.Errorf("card: %+v", card)
	}
}

func TestCreateTicketRefusesMismatchedContactAndSite(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	other, _ := f.d.CreateClient(ctx, f.disp, model.Client{Name: "Birchwood"})
	theirs, _ := f.d.AddContact(ctx, f.disp, model.Contact{ClientID: other.ID, Name: "Helen"})
	theirSite, _ := f.d.AddSite(ctx, f.disp, model.Site{ClientID: other.ID, Name: "Downtown"})
	in := f.newTicket()
	in.ContactID, in.SiteID = theirs.ID, theirSite.ID
	_, err := f.d.CreateTicket(ctx, f.disp, in)
	var inv model.Invalid
	if !errors.As(err, &inv) || !strings.Contains(inv.For("contact"), "Helen is not a contact of Acme Dental") ||
		!strings.Contains(inv.For("site"), "Downtown is not a site of Acme Dental") {
		t.Errorf("got %v", err)
	}
}

func TestContactRules(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	_, err := f.d.AddContact(ctx, f.disp, model.Contact{ClientID: f.client.ID, Name: "Tom", Role: model.ContactAuthorised})
	if err == nil || !strings.Contains(err.Error(), "already has an authorised contact, Dana Ruiz") {
		t.Errorf("second authorised: %v", err)
	}
	if _, err := f.d.AddContact(ctx, f.disp, model.Contact{ClientID: f.client.ID, Name: "Tom", Role: model.ContactBackup}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.d.AddContact(ctx, f.disp, model.Contact{ClientID: f.client.ID, Name: "Ann", Role: model.ContactBackup}); err == nil {
		t.Error("a second backup must be refused")
	}
	if _, err := f.d.AddContact(ctx, f.disp, model.Contact{ClientID: f.client.ID, Name: "dana ruiz"}); err == nil {
		t.Error("a duplicate name (any case) must be refused")
	}
	if _, err := f.d.CreateClient(ctx, f.disp, model.Client{Name: "ACME DENTAL"}); err == nil || !strings.Contains(err.Error(), "is taken") {
		t.Errorf("duplicate client: %v", err)
	}
}

func TestScheduleVisit(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	ticket, _ := f.d.CreateTicket(ctx, f.disp, f.newTicket())
	v, err := f.d.ScheduleVisit(ctx, f.disp, ticket.ID, f.tech.UserID, f.clock.T.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if v.TechName != "Sam" || v.Phase() != model.PhaseScheduled || v.Ref() != "V-301" {
		t.Errorf("visit: %+v", v)
	}
	board, _ := f.d.Board(ctx, f.tech)
	if board.Count(model.SecToday) != 1 || board.Count(model.SecUnscheduled) != 0 {
		t.Errorf("board after scheduling: %+v", board.Rows)
	}
	if _, err := f.d.ScheduleVisit(ctx, f.disp, ticket.ID, f.disp.UserID, f.clock.T.Add(time.Hour)); err == nil ||
		!strings.Contains(err.Error(), "Rita is a dispatcher, not a technician") {
		t.Errorf("non-tech: %v", err)
	}
	if _, err := f.d.ScheduleVisit(ctx, f.disp, 9999, f.tech.UserID, f.clock.T.Add(time.Hour)); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("missing ticket: %v", err)
	}
	if _, err := f.d.ScheduleVisit(ctx, f.disp, ticket.ID, f.tech.UserID, f.clock.T.Add(-24*time.Hour)); err == nil {
		t.Error("a visit a day in the past must be refused")
	}
}

func TestUsersAndKeys(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if _, err := f.d.AddUser(ctx, f.admin, "Eve", model.RoleAdmin, "not a key"); err == nil || !strings.Contains(err.Error(), "not a public key") {
		t.Errorf("bad key: %v", err)
	}
	if _, err := f.d.AddUser(ctx, f.admin, "Eve", model.RoleAdmin, edKey); err == nil || !strings.Contains(err.Error(), "already registered to Sam") {
		t.Errorf("someone else's key: %v", err)
	}
	pk, _ := ParseKey(edKey)
	if !strings.HasPrefix(pk.Fingerprint, "SHA256:") {
		t.Errorf("fingerprint %q", pk.Fingerprint)
	}
	if _, err := f.d.RemoveUser(ctx, f.admin, "Sam", ""); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := f.d.RoleNow(ctx, f.tech.UserID); ok {
		t.Error("removed user still active")
	}
	users, _ := f.d.Users(ctx, f.admin)
	for _, u := range users {
		if u.Name == "Sam" {
			t.Error("removed user still listed")
		}
	}
	// Coming back restores access with the new role.
	if u, err := f.d.AddUser(ctx, f.admin, "sam", model.RoleDispatcher, edKey); err != nil || u.ID != f.tech.UserID {
		t.Errorf("re-add: %+v %v", u, err)
	}
}

func FuzzParseKey(f *testing.F) {
	f.Add(edKey)
	f.Add("ssh-ed25519 AAAA")
	f.Add("ssh-rsa \x1b]52;c;AA==\x07")
	f.Fuzz(func(t *testing.T, line string) {
		k, err := ParseKey(line)
		if err != nil {
			return
		}
		if !strings.HasPrefix(k.Fingerprint, "SHA256:") || model.CleanLine(k.AuthorizedKey) != k.AuthorizedKey {
			t.Fatalf("ParseKey(%q) = %+v", line, k)
		}
	})
}

// The board is read once per change and shared; a write by another process
// is read as soon as the feed says something changed.
func TestBoardIsReadAgainAfterEveryChange(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	first, _ := f.d.Board(ctx, f.disp)
	other, err := store.Open(ctx, f.s.Path) // the command line on the same file
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	err = other.Write(ctx, func(tx *store.Tx) error {
		_, err := tx.InsertTicket(ctx, model.Ticket{ClientID: f.client.ID, ContactID: f.contact.ID, SiteID: f.site.ID, Title: "from elsewhere",
			Scope: "x", Priority: model.P1, Estimate: model.Estimate{Duration: time.Hour}, Status: model.TicketOpen, CreatedAt: f.clock.T, CreatedBy: "cli"})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := f.d.Board(ctx, f.disp); b.Count(model.SecUnscheduled) != first.Count(model.SecUnscheduled) {
		t.Fatal("without a notice the shared read should still be used")
	}
	f.d.Feed().Publish(feed.All) // what the data_version watcher does
	if b, _ := f.d.Board(ctx, f.disp); b.Count(model.SecUnscheduled) != first.Count(model.SecUnscheduled)+1 {
		t.Fatal("after a notice the board must be read again")
	}
	if _, err := f.d.Board(ctx, model.Actor{Name: "x", Role: "intruder"}); err == nil {
		t.Fatal("the shared read must not skip the role check")
	}
}
