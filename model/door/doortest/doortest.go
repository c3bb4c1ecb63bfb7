// Package doortest opens a real office — a SQLite file in a temporary
// folder, a feed and a door with a fixed clock — for tests of the layers
// above the door.
package doortest

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"dispatch/model"
	"dispatch/model/demo"
	"dispatch/model/door"
	"dispatch/model/feed"
	"dispatch/model/store"
)

// Office is an open test office.
type Office struct {
	Door  *door.Door
	Store *store.Store
	Clock *model.FixedClock
}

// Open opens an empty office whose clock reads now, in UTC; it closes when
// the test ends.
func Open(t testing.TB, now time.Time) *Office {
	t.Helper()
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "office.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	clock := &model.FixedClock{T: now}
	return &Office{Door: door.New(s, feed.NewHub(), clock, time.UTC), Store: s, Clock: clock}
}

// OpenDemo opens an office holding the demo, seeded at now.
func OpenDemo(t testing.TB, now time.Time) *Office {
	t.Helper()
	o := Open(t, now)
	if _, err := demo.Seed(context.Background(), o.Store, o.Door.Feed(), now, time.UTC); err != nil {
		t.Fatal(err)
	}
	return o
}

// AddUser registers a user as the console would, failing the test on error.
func (o *Office) AddUser(t testing.TB, name string, role model.Role, key string) model.User {
	t.Helper()
	u, err := o.Door.AddUser(context.Background(), model.Console, name, role, key)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
