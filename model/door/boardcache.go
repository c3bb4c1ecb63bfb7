package door

import (
	"context"
	"sync"
	"time"

	"dispatch/model"
	"dispatch/model/store"
)

// boardCache shares one read of the board among every session refreshing
// after the same change: N sessions cost one query, not N. It is keyed by
// the feed's version, taken before reading, so a change that lands during
// the read is read again next time. The board itself is still built per
// call, since it depends on the clock.
type boardCache struct {
	mu      sync.Mutex
	version uint64
	valid   bool
	tickets []model.BoardTicket  // shared: never modified after it is stored
	waiting []model.ScopeRequest // add-ons waiting for a supervisor, likewise
	policy  model.Policy         // read in the same snapshot: a policy change is a change
}

// builtBoard shares the board built from one read in one minute: every
// session woken by the same change, or by the minute turning, gets the same
// board, built once. Its rows are never modified once built.
type builtBoard struct {
	mu      sync.Mutex
	version uint64
	minute  time.Time
	valid   bool
	board   model.Board
}

// board builds the board as of this minute, or returns the one already
// built from the same read.
func (d *Door) board(ctx context.Context) (model.Board, error) {
	tickets, waiting, policy, version, err := d.boardTickets(ctx)
	if err != nil {
		return model.Board{}, err
	}
	minute := d.clock.Now().Truncate(time.Minute)
	c := &d.built
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.valid && c.version == version && c.minute.Equal(minute) {
		return c.board, nil
	}
	b := model.BuildBoard(tickets, waiting, policy, minute, d.slaZone(policy))
	c.version, c.minute, c.valid, c.board = version, minute, true, b
	return b, nil
}

func (d *Door) boardTickets(ctx context.Context) ([]model.BoardTicket, []model.ScopeRequest, model.Policy, uint64, error) {
	c := &d.cache
	c.mu.Lock() // held across the read: sessions woken together wait for one read
	defer c.mu.Unlock()
	v := d.hub.Version()
	if c.valid && c.version == v {
		return c.tickets, c.waiting, c.policy, v, nil
	}
	var tickets []model.BoardTicket
	var waiting []model.ScopeRequest
	var policy model.Policy
	err := d.store.Read(ctx, func(tx *store.Tx) error {
		var err error
		if tickets, err = tx.BoardTickets(ctx); err != nil {
			return err
		}
		if policy, err = tx.Policy(ctx); err != nil {
			return err
		}
		waiting, err = tx.AwaitingSupervisor(ctx)
		return err
	})
	if err != nil {
		return nil, nil, policy, 0, err
	}
	c.version, c.valid, c.tickets, c.waiting, c.policy = v, true, tickets, waiting, policy
	return tickets, waiting, policy, v, nil
}
