package door

import (
	"context"
	"sync"

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
	tickets []model.BoardTicket // shared: never modified after it is stored
}

func (d *Door) boardTickets(ctx context.Context) ([]model.BoardTicket, error) {
	c := &d.cache
	c.mu.Lock() // held across the read: sessions woken together wait for one read
	defer c.mu.Unlock()
	v := d.hub.Version()
	if c.valid && c.version == v {
		return c.tickets, nil
	}
	var tickets []model.BoardTicket
	err := d.store.Read(ctx, func(tx *store.Tx) error {
		var err error
		tickets, err = tx.BoardTickets(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	c.version, c.valid, c.tickets = v, true, tickets
	return tickets, nil
}
