package demo

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/model/feed"
	"dispatch/model/store"
)

func TestSeedFillsEverySectionOnceOnly(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	now := time.Date(2026, 11, 25, 9, 30, 0, 0, time.UTC)
	hub := feed.NewHub()
	if ok, err := Seed(ctx, s, hub, now, time.UTC); err != nil || !ok {
		t.Fatalf("first seed: %v %v", ok, err)
	}
	if ok, err := Seed(ctx, s, hub, now.Add(time.Hour), time.UTC); err != nil || ok {
		t.Fatalf("second seed must change nothing: %v %v", ok, err)
	}
	d := door.New(s, hub, &model.FixedClock{T: now}, time.UTC)
	board, err := d.Board(ctx, model.Console)
	if err != nil {
		t.Fatal(err)
	}
	for _, sec := range model.Sections {
		if board.Count(sec) == 0 {
			t.Errorf("section %s is empty", sec)
		}
	}
	total := 0
	for _, sec := range model.Sections {
		if sec != model.SecWaiting { // a ticket may wait on a dispatcher besides its own row
			total += board.Count(sec)
		}
	}
	if total != len(tickets)+len(laterTickets)-6 { // six are invoiced history
		t.Errorf("board holds %d tickets, want %d", total, len(tickets)+len(laterTickets)-6)
	}
	clients, _ := d.Clients(ctx, model.Console)
	if len(clients) != 13 {
		t.Errorf("clients = %d", len(clients))
	}
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}
}
