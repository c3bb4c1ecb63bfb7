// Package door is the one way in for every action a user can take. The TUI,
// the SSH commands, the local console and the tests all call it; each method
// checks the actor's role, validates, runs one transaction that records an
// audit entry beside the change, and then tells the feed.
package door

import (
	"context"
	"sync"
	"sync/atomic"
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
	zone  zoneCache
	// mailVia is the mail server this server sends through, once serve says
	// (SetMailServer, SendsNoMail); nil on the console.
	mailVia atomic.Pointer[string]
}

// New returns a door over a store. loc is the office's time zone: where
// "today" begins and how times are shown and read.
func New(s *store.Store, hub *feed.Hub, clock model.Clock, loc *time.Location) *Door {
	if loc == nil {
		loc = time.UTC
	}
	return &Door{store: s, hub: hub, clock: clock, loc: loc}
}

// Location is the office's time zone: the policy's, the one setting every
// part reads (the board, My day, the wall, the clocks, times typed and
// shown), so two can never disagree; while the policy names none, the zone
// the door was opened with. It is read again only after the policy may have
// changed, so a new zone reaches every open session with the change's notice.
func (d *Door) Location() *time.Location {
	v := d.hub.PolicyVersion()
	d.zone.mu.Lock()
	defer d.zone.mu.Unlock()
	if d.zone.loc != nil && (d.zone.version == v || time.Now().Before(d.zone.retryAt)) {
		return d.zone.loc
	}
	// Door methods refresh the zone before they open a transaction, so this
	// read is rarely nested in one; when it is and every read connection is
	// taken, it gives up after a moment and the zone in hand serves.
	ctx, cancel := context.WithTimeout(context.Background(), zoneReadWait)
	defer cancel()
	loc, name := d.loc, ""
	err := d.store.Read(ctx, func(tx *store.Tx) error {
		p, err := tx.Policy(ctx)
		name = p.Zone
		return err
	})
	if err != nil {
		d.zone.retryAt = time.Now().Add(zoneRetry) // callers queued behind this one use the zone in hand
		if d.zone.loc != nil {
			return d.zone.loc
		}
		return d.loc
	}
	switch {
	case name == "":
	case name == d.zone.name && d.zone.named != nil:
		loc = d.zone.named
	default:
		if named, err := time.LoadLocation(name); err == nil {
			loc, d.zone.name, d.zone.named = named, name, named
		}
	}
	d.zone.version, d.zone.loc = v, loc
	return loc
}

// zoneReadWait bounds a zone read that found every read connection taken;
// zoneRetry is how long the zone in hand then serves before another try.
const (
	zoneReadWait = 2 * time.Second
	zoneRetry    = 5 * time.Second
)

// zoneCache keeps the office's zone between changes; the zone file is
// read once per name, not once per write.
type zoneCache struct {
	mu      sync.Mutex
	version uint64
	loc     *time.Location
	name    string
	named   *time.Location
	retryAt time.Time // after a read that found no connection
}

// SeedZone makes name the office's time zone if the policy names none yet:
// --tz seeds a new office, and never overrides one already set (that is
// policy set --tz). It reports the zone in force.
func (d *Door) SeedZone(ctx context.Context, name string) (string, error) {
	var zone string
	err := d.store.Write(ctx, func(tx *store.Tx) error {
		p, err := tx.Policy(ctx)
		if err != nil || p.Zone != "" {
			zone = p.Zone
			return err
		}
		p.Zone, zone = name, name
		return tx.SetPolicy(ctx, p)
	})
	d.hub.Publish(feed.All)
	return zone, err
}

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
	d.Location() // fresh before the transaction (see read)
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
	d.Location() // fresh before the transaction, so the reads within it need no second one
	return d.store.Read(ctx, fn)
}
