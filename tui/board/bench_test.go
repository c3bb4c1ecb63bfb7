package board_test

import (
	"context"
	"testing"

	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/model/gen/gentest"
	"dispatch/tui"
	"dispatch/tui/screentest"
)

// BenchmarkBoardView renders the demo board on a 200×60 wall pane: the cost
// of one redraw after a change.
func BenchmarkBoardView(b *testing.B) {
	s := screentest.New(b, model.RoleDispatcher, 200, 60)
	b.ReportAllocs()
	for b.Loop() {
		_ = s.App.View()
	}
}

// BenchmarkBoardRefresh is a change notice end to end inside one session:
// re-read the board through the door, then draw it.
func BenchmarkBoardRefresh(b *testing.B) {
	s := screentest.New(b, model.RoleDispatcher, 200, 60)
	b.ReportAllocs()
	for b.Loop() {
		s.App.Update(tui.ChangedMsg{})
		_ = s.App.View()
	}
}

// BenchmarkBoardViewAtScale draws the generated office's board (hundreds
// of open tickets) on a 120×40 pane: only what fits is drawn.
func BenchmarkBoardViewAtScale(b *testing.B) {
	d := gentest.Open(b)
	u := model.User{ID: 1, Name: "Bench", Role: model.RoleDispatcher}
	app := tui.New(tui.Deps{Ctx: context.Background(), Door: d, User: u})
	app.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	b.ReportAllocs()
	for b.Loop() {
		_ = app.View()
	}
}
