package tui

import (
	"context"
	"testing"
	"time"

	"dispatch/model/feed"
)

// A change alone is taken at once; the changes that land within a frame
// of it wait for the frame's end and are taken together, as one redraw.
func TestChangesWithinAFrameAreOneRedraw(t *testing.T) {
	hub := feed.NewHub()
	a := &App{deps: Deps{Sub: hub.Subscribe(), Ctx: context.Background()}}
	hub.Publish(feed.Tickets)
	first := a.waitForChange()().(ChangedMsg)
	if first.Topics != feed.Tickets {
		t.Fatalf("first: %v", first.Topics)
	}
	a.lastChange = first.At
	hub.Publish(feed.Visits)
	hub.Publish(feed.Scope)
	next := a.waitForChange()().(ChangedMsg)
	if next.Topics != feed.Visits|feed.Scope {
		t.Errorf("the changes of one frame were taken as %v", next.Topics)
	}
	if gap := next.At.Sub(first.At); gap < ChangeFrame {
		t.Errorf("two redraws %s apart, less than a frame", gap)
	}
}

// The frame grows by one for every hundred sessions: a busy office draws
// less often, and a small one as often as a person could tell.
func TestTheFrameGrowsWithTheSessions(t *testing.T) {
	for _, tt := range []struct {
		sessions int
		want     time.Duration
	}{{1, ChangeFrame}, {10, ChangeFrame}, {199, ChangeFrame}, {200, 2 * ChangeFrame}, {500, 5 * ChangeFrame}} {
		if got := changeFrame(tt.sessions); got != tt.want {
			t.Errorf("%d sessions: frame %s, want %s", tt.sessions, got, tt.want)
		}
	}
}
