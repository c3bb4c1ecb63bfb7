// Package doortest opens a real office — a SQLite file in a temporary
// folder, a feed and a door with a fixed clock — for tests of the layers
// above the door.
package doortest

import (
	"context"
	"os"
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
	return OpenFile(t, filepath.Join(t.TempDir(), "office.db"), now)
}

// OpenFile opens an office already on disk (a copy, say) with a clock that
// reads now; it closes when the test ends.
func OpenFile(t testing.TB, path string, now time.Time) *Office {
	t.Helper()
	s, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	clock := &model.FixedClock{T: now}
	return &Office{Door: door.New(s, feed.NewHub(), clock, time.UTC), Store: s, Clock: clock}
}

// OpenCopy opens a copy of the office file at path, so each test may
// change its own; store.Backup makes a good file to copy.
func OpenCopy(t testing.TB, path string, now time.Time) *Office {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	copied := filepath.Join(t.TempDir(), "office.db")
	if err := os.WriteFile(copied, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return OpenFile(t, copied, now)
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
	u, err := o.Door.EnsureUser(context.Background(), model.Console, name, role, key)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
