package tui

import (
	"testing"

	"dispatch/model"
)

// BenchmarkBoardView renders the demo board on a 200×60 wall pane: the cost
// of one redraw after a change.
func BenchmarkBoardView(b *testing.B) {
	s := newScreen(b, model.RoleDispatcher, 200, 60)
	b.ReportAllocs()
	for b.Loop() {
		_ = s.app.View()
	}
}

// BenchmarkBoardRefresh is a change notice end to end inside one session:
// re-read the board through the door, then draw it.
func BenchmarkBoardRefresh(b *testing.B) {
	s := newScreen(b, model.RoleDispatcher, 200, 60)
	b.ReportAllocs()
	for b.Loop() {
		s.app.Update(changedMsg{})
		_ = s.app.View()
	}
}
