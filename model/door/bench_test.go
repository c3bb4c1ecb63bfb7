package door

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"

	"dispatch/model"
	"dispatch/model/feed"
	"dispatch/model/store"
)

// fillBoard writes n open tickets, a third with a visit under way, in one
// transaction (the door's one-at-a-time path is measured separately).
func fillBoard(b *testing.B, f *fixture, n int) {
	ctx := context.Background()
	err := f.s.Write(ctx, func(tx *store.Tx) error {
		for i := 0; i < n; i++ {
			t, err := tx.InsertTicket(ctx, model.Ticket{ClientID: f.client.ID, ContactID: f.contact.ID, SiteID: f.site.ID,
				Title: fmt.Sprintf("Ticket %d", i), Scope: "x", Priority: model.Priority(i%4 + 1),
				Estimate: model.Estimate{Duration: time.Hour}, Status: model.TicketOpen, CreatedAt: f.clock.T, CreatedBy: "bench"})
			if err != nil {
				return err
			}
			if i%3 == 0 {
				v, err := tx.InsertVisit(ctx, model.Visit{TicketID: t.ID, TechID: f.tech.UserID, ScheduledAt: f.clock.T}, "bench",
					model.Event{At: f.clock.T, RecordedAt: f.clock.T, By: "bench"})
				if err != nil {
					return err
				}
				if _, err := tx.AppendEvent(ctx, model.Event{VisitID: v.ID, Kind: model.EvTravelStarted, At: f.clock.T, RecordedAt: f.clock.T, By: "bench"}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkBoardReadAfterChange is the first screen to refresh after a
// change: read the whole board from SQLite and group it (2,000 open
// tickets, 667 visits under way).
func BenchmarkBoardReadAfterChange(b *testing.B) {
	f := newFixture(b)
	fillBoard(b, f, 2000)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		f.d.Feed().Publish(feed.Tickets)
		if _, err := f.d.Board(ctx, f.disp); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBoardReadShared is every other screen refreshing after the same
// change: the read is shared, only the grouping is per session.
func BenchmarkBoardReadShared(b *testing.B) {
	f := newFixture(b)
	fillBoard(b, f, 2000)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := f.d.Board(ctx, f.disp); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCreateTicket is one acknowledged write: role check, validation,
// a BEGIN IMMEDIATE transaction with its audit row, fsync (synchronous=FULL).
func BenchmarkCreateTicket(b *testing.B) {
	f := newFixture(b)
	ctx := context.Background()
	in := f.newTicket()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := f.d.CreateTicket(ctx, f.disp, in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImport5000Clients moves a shop of 5,000 clients in from a
// spreadsheet — a contact who approves, a backup and a site each, 15,000
// rows — reading the CSV and importing it in one transaction into an empty
// office. Target: a few seconds.
func BenchmarkImport5000Clients(b *testing.B) {
	var file bytes.Buffer
	clients := make([]model.Client, 5000)
	contacts, sites := map[int64][]model.Contact{}, map[int64][]model.Site{}
	for i := range clients {
		id := int64(i + 1)
		clients[i] = model.Client{ID: id, Name: fmt.Sprintf("Client %04d Ltd", i), Managed: i%3 == 0, Terms: model.Terms{NetDays: 30}}
		contacts[id] = []model.Contact{
			{Name: fmt.Sprintf("Owner %d", i), Role: model.ContactAuthorised, Phone: "555-0100", Email: fmt.Sprintf("owner%d@example.com", i)},
			{Name: fmt.Sprintf("Manager %d", i), Role: model.ContactBackup, Phone: "555-0101"},
		}
		sites[id] = []model.Site{{Name: "Main office", Address: fmt.Sprintf("%d High St", i), Travel: 30 * time.Minute}}
	}
	if err := model.WriteClientCSV(&file, clients, contacts, sites); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		f := newFixture(b)
		b.StartTimer()
		rows, err := model.ReadClientCSV(bytes.NewReader(file.Bytes()))
		if err != nil {
			b.Fatal(err)
		}
		n, err := f.d.ImportClients(ctx, model.Console, rows)
		if err != nil || n.Created != 20000 || n.Updated != 0 { // 5,000 clients, 10,000 contacts, 5,000 sites
			b.Fatalf("imported %+v: %v", n, err)
		}
	}
}
