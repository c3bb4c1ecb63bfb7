package gen

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/model/feed"
	"dispatch/model/store"
)

var now = time.Date(2026, 11, 25, 15, 0, 0, 0, time.UTC)

func small() Config {
	return Config{Seed: 7, Techs: 30, Clients: 40, Years: 1, TicketsPerYear: 1500, Now: now, Loc: time.UTC}
}

func generate(t *testing.T, cfg Config) (*store.Store, Counts) {
	t.Helper()
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "gen.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	n, err := Generate(context.Background(), s, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s, n
}

// A generated office is whole (integrity and foreign keys), its board is
// busy in every section, and the same seed makes the same office.
func TestGenerateIsWholeBusyAndDeterministic(t *testing.T) {
	s, n := generate(t, small())
	if n.Clients != 40 || n.Tickets < 1500 || n.Visits < 2500 || n.Events < 5*2500 || n.Scope == 0 || n.InProgress < 20 {
		t.Errorf("counts %+v", n)
	}
	ctx := context.Background()
	if err := s.Check(ctx); err != nil {
		t.Fatal(err)
	}
	d := door.New(s, feed.NewHub(), &model.FixedClock{T: now}, time.UTC)
	b, err := d.Board(ctx, model.Console)
	if err != nil {
		t.Fatal(err)
	}
	for _, sec := range []model.Section{model.SecUnscheduled, model.SecToday, model.SecInProgress, model.SecUpcoming, model.SecDone} {
		if b.Count(sec) == 0 {
			t.Errorf("section %s is empty", sec)
		}
	}
	if b.Count(model.SecInProgress) < 20 || b.Count(model.SecUnscheduled) != 60 {
		t.Errorf("in progress %d, unscheduled %d", b.Count(model.SecInProgress), b.Count(model.SecUnscheduled))
	}
	// The generated ids continue: the next ticket made by hand follows them.
	clients, _ := d.Clients(ctx, model.Console)
	c := clients[0]
	tk, err := d.CreateTicket(ctx, model.Console, door.NewTicket{ClientID: c.ID, ContactID: c.Contacts[0].ID, SiteID: c.Sites[0].ID,
		Title: "By hand", Scope: "x", Priority: model.P3, Estimate: model.Estimate{Duration: time.Hour}})
	if err != nil || tk.ID != 1000+int64(n.Tickets)+1 {
		t.Errorf("a ticket made after generating: %v %v", tk.ID, err)
	}
	s2, again := generate(t, small())
	b2, _ := door.New(s2, feed.NewHub(), &model.FixedClock{T: now}, time.UTC).Board(ctx, model.Console)
	if again != n || fingerprint(b) != fingerprint(b2) {
		t.Errorf("the same seed made %+v, then %+v", n, again)
	}
	if _, err := Generate(ctx, s, small()); err == nil {
		t.Error("generated into an office that has clients")
	}
}

// fingerprint is what a board shows, row by row.
func fingerprint(b model.Board) string {
	out := ""
	for _, sec := range model.Sections {
		for _, r := range b.Rows[sec] {
			out += fmt.Sprintln(r.Ticket.ID, r.Ticket.Title, r.Client, r.Tech, r.Phase, r.Since.Unix(), r.Clock.Left)
		}
	}
	return out
}
