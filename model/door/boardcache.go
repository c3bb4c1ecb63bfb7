package door

import (
	"context"
	"sync"
	"time"

	"dispatch/model"
	"dispatch/model/store"
)

// boardCache shares one read of the office among every session refreshing
// after the same change: N sessions cost one query, not N. It is keyed by
// the feed's version, taken before reading, so a change that lands during
// the read is read again next time. The board itself is still built per
// call, since it depends on the clock.
type boardCache struct {
	mu    sync.Mutex
	read  *officeRead // shared: never modified after it is stored
	walls bool        // a wall has asked: read what it needs with every board
}

// officeRead is everything the board and the wall are built from, read in
// one snapshot so they can never disagree.
type officeRead struct {
	version uint64
	tickets []model.BoardTicket  // every ticket not yet invoiced
	waiting []model.ScopeRequest // add-ons waiting for a supervisor
	policy  model.Policy         // a policy change is a change
	// Meetings not yet held and new clients without a first meeting: the
	// calls the office owes.
	meetings []model.Meeting
	fresh    []model.NewClient
	// For walls, read only once one has asked: the technicians, and every
	// visit stepped on since the start of the week.
	forWalls bool
	techs    []model.User
	week     []model.Visit
	weekFrom time.Time
}

// builtBoard shares the board built from one read in one minute: every
// session woken by the same change, or by the minute turning, gets the same
// board, built once. Its rows are never modified once built. The wall is
// built beside it, from the same read and board.
type builtBoard struct {
	mu      sync.Mutex
	version uint64
	minute  time.Time
	valid   bool
	board   model.Board
	wall    *model.Wall
}

// board builds the board as of now, or returns the one already built from
// the same read in this minute.
func (d *Door) board(ctx context.Context) (model.Board, error) {
	b, _, err := d.built.get(ctx, d, false)
	return b, err
}

// wall builds the wall as of this minute from the board's read.
func (d *Door) wall(ctx context.Context) (*model.Wall, error) {
	_, w, err := d.built.get(ctx, d, true)
	return w, err
}

func (c *builtBoard) get(ctx context.Context, d *Door, forWall bool) (model.Board, *model.Wall, error) {
	r, err := d.officeRead(ctx, forWall)
	if err != nil {
		return model.Board{}, nil, err
	}
	now := d.clock.Now()
	minute := now.Truncate(time.Minute)
	zone := d.slaZone(r.policy)
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.valid || c.version != r.version || !c.minute.Equal(minute) {
		// As of the build, not the minute's start: a ticket opened at 08:30:03
		// would otherwise have a clock that "starts 08:30" for the rest of
		// the minute (trial 10).
		c.board = model.BuildBoard(r.tickets, r.waiting, r.policy, now, zone)
		c.board.Calls = model.MeetingCalls(r.meetings, r.fresh, r.policy, zone, now)
		c.version, c.minute, c.valid, c.wall = r.version, minute, true, nil
	}
	if forWall && c.wall == nil {
		w := model.BuildWall(c.board, r.tickets, r.techs, r.week, c.board.At, zone)
		c.wall = &w
	}
	return c.board, c.wall, nil
}

// officeRead returns the read for the feed's current version, reading it if
// it is stale, or if a wall needs what the last one left out.
func (d *Door) officeRead(ctx context.Context, forWall bool) (*officeRead, error) {
	c := &d.cache
	c.mu.Lock() // held across the read: sessions woken together wait for one read
	defer c.mu.Unlock()
	c.walls = c.walls || forWall
	v := d.hub.Version()
	if r := c.read; r != nil && r.version == v && (!c.walls || r.forWalls && r.weekFrom.Equal(d.weekFrom(r.policy))) {
		return r, nil
	}
	r := &officeRead{version: v, forWalls: c.walls}
	d.Location() // fresh before the transaction (see Door.read)
	err := d.store.Read(ctx, func(tx *store.Tx) error {
		var err error
		if r.tickets, err = tx.BoardTickets(ctx); err != nil {
			return err
		}
		if r.policy, err = tx.Policy(ctx); err != nil {
			return err
		}
		if r.waiting, err = tx.AwaitingSupervisor(ctx); err != nil {
			return err
		}
		if r.meetings, err = tx.OpenMeetings(ctx); err != nil {
			return err
		}
		if r.fresh, err = tx.NewClients(ctx, model.NewClientsSince(d.clock.Now())); err != nil || !r.forWalls {
			return err
		}
		if r.techs, err = tx.Users(ctx, model.RoleTech); err != nil {
			return err
		}
		r.weekFrom = d.weekFrom(r.policy)
		r.week, err = tx.VisitsSteppedSince(ctx, r.weekFrom)
		return err
	})
	if err != nil {
		return nil, err
	}
	c.read = r
	return r, nil
}

// weekFrom is Monday midnight of this week where the office keeps its hours.
func (d *Door) weekFrom(p model.Policy) time.Time {
	return model.StartOfWeek(d.clock.Now(), d.slaZone(p))
}
