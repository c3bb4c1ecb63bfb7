package tui_test

import (
	"testing"
	"time"

	"dispatch/model"
	"dispatch/tui/draw"
	"dispatch/tui/screentest"
)

// Sessions that show the same thing at the same size share its drawing: after
// a change, or as the second turns, the first draws and the rest draw
// nothing. One that has moved its cursor draws its own.
func TestSessionsShowingTheSameThingShareItsDrawing(t *testing.T) {
	for _, tt := range []struct {
		name string
		open func(t *testing.T) *screentest.Screen
	}{
		{"the board", func(t *testing.T) *screentest.Screen { return screentest.New(t, model.RoleDispatcher, 120, 40) }},
		{"a technician's day", func(t *testing.T) *screentest.Screen { return screentest.Tech(t, "Sam Okafor", 120, 40) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			first := tt.open(t)
			second := first.Again(120, 40)
			first.Clock.Advance(time.Second) // a new second, and a change: nothing drawn before serves
			first.Changed()
			second.Changed()
			want := first.Screen()
			before := draw.Drawings()
			if got := second.Screen(); got != want {
				t.Fatalf("the second session shows\n%s\nthe first\n%s", got, want)
			}
			if n := draw.Drawings() - before; n != 0 {
				t.Errorf("the second session drew %d parts the first had drawn", n)
			}

			second.Keys("down")
			if second.Screen() == want {
				t.Fatal("the cursor did not move: the test shows nothing")
			}
			if first.Screen() != want {
				t.Error("the first session's screen changed with the second's cursor")
			}
		})
	}
}
