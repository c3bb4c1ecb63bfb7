package door

import (
	"context"
	"testing"
)

// Warming leaves the board and the wall built, and each technician's day
// read, for the first sessions to take as they are.
func TestWarmReadsTheFirstScreens(t *testing.T) {
	f := newFixture(t)
	f.visitFor(t, f.tech)
	if err := f.d.Warm(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !f.d.built.valid || f.d.built.wall == nil || !f.d.cache.walls {
		t.Error("the board and the wall were not built")
	}
	if e, ok := f.d.days.m[f.tech.UserID]; !ok || !e.valid {
		t.Error("the technician's day was not read")
	}
}
