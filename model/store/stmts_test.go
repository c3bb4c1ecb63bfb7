package store

import (
	"context"
	"sync"
	"testing"
	"time"

	"dispatch/model"
)

// Many more readers than the pool has connections, all asking for
// statements nobody has prepared yet: none waits on another for ever, each
// reads what a lone reader reads, and the statements end up prepared once.
func TestReadersPrepareTogetherWithoutDeadlock(t *testing.T) {
	s := openTemp(t)
	_, _, _, tech, ticket, _ := seed(t, s)
	ctx := context.Background()
	read := func() (int, int, error) {
		var visits, users int
		err := s.Read(ctx, func(tx *Tx) error {
			day, err := tx.TechDay(ctx, tech.ID, time.Unix(0, 0), time.Now().Add(48*time.Hour))
			if err != nil {
				return err
			}
			all, err := tx.Users(ctx, "")
			if err != nil {
				return err
			}
			if _, err := tx.TicketByID(ctx, ticket.ID); err != nil {
				return err
			}
			visits, users = len(day), len(all)
			return nil
		})
		return visits, users, err
	}
	var wg sync.WaitGroup
	results := make(chan [2]int, 64)
	for range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, u, err := read()
			if err != nil {
				t.Error(err)
			}
			results <- [2]int{v, u}
		}()
	}
	wg.Wait()
	close(results)
	wantV, wantU, err := read()
	if err != nil || wantV == 0 || wantU == 0 {
		t.Fatalf("a lone read: %d visits, %d users, %v", wantV, wantU, err)
	}
	for r := range results {
		if r != [2]int{wantV, wantU} {
			t.Errorf("a concurrent read saw %v, alone %d visits and %d users", r, wantV, wantU)
		}
	}
	s.reads.mu.Lock()
	prepared := len(s.reads.m)
	s.reads.mu.Unlock()
	if prepared == 0 {
		t.Error("no statement was kept prepared")
	}
}

// A write runs its statements as text: the writer's one connection is the
// transaction's own, so there is none to prepare on.
func TestWritesDoNotPrepareOnTheirOwnConnection(t *testing.T) {
	s := openTemp(t)
	err := s.Write(context.Background(), func(tx *Tx) error {
		if tx.stmts != nil {
			t.Error("a write transaction has a statement cache")
		}
		_, err := tx.UpsertUser(context.Background(), model.User{Name: "Kim", Role: model.RoleTech}, time.Now())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
