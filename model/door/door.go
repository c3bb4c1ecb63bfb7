// Package door is the one way in for every action a user can take. The TUI,
// the SSH commands, the local console and the tests all call it; each method
// checks the actor's role, validates, runs one transaction that records an
// audit entry beside the change, and then tells the feed.
package door

import (
	"context"
	"time"

	"dispatch/model"
	"dispatch/model/feed"
	"dispatch/model/store"
)

// Door holds what every action needs.
type Door struct {
	store *store.Store
	hub   *feed.Hub
	clock model.Clock
	loc   *time.Location
	cache boardCache
	built builtBoard
	days  dayCache
}

// New returns a door over a store. loc is the office's time zone: where
// "today" begins and how times are shown and read.
func New(s *store.Store, hub *feed.Hub, clock model.Clock, loc *time.Location) *Door {
	if loc == nil {
		loc = time.UTC
	}
	return &Door{store: s, hub: hub, clock: clock, loc: loc}
}

// Location is the office's time zone.
func (d *Door) Location() *time.Location { return d.loc }

// Now is the injected clock's time, to the second (what the store keeps).
func (d *Door) Now() time.Time { return d.clock.Now().UTC().Truncate(time.Second) }

// Feed is the hub sessions subscribe to.
func (d *Door) Feed() *feed.Hub { return d.hub }

// write runs one action: role check first, then fn in one write transaction,
// then a notice on the feed once the change is on disk.
func (d *Door) write(ctx context.Context, who model.Actor, act model.Action, topic feed.Topic, fn func(tx *store.Tx, now time.Time) error) error {
	if err := who.Role.Check(act); err != nil {
		return err
	}
	now := d.Now()
	if err := d.store.Write(ctx, func(tx *store.Tx) error { return fn(tx, now) }); err != nil {
		return err
	}
	d.hub.Publish(topic)
	return nil
}

// read runs fn in one read snapshot after checking the actor may look.
func (d *Door) read(ctx context.Context, who model.Actor, act model.Action, fn func(tx *store.Tx) error) error {
	if err := who.Role.Check(act); err != nil {
		return err
	}
	return d.store.Read(ctx, fn)
}
