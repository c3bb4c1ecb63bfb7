package tui

import (
	"context"
	"testing"

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
