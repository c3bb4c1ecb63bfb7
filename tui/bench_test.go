package tui

import (
	"context"
	"testing"

	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/model/gen/gentest"
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

// BenchmarkBoardViewAtScale draws the generated office's board (hundreds
// of open tickets) on a 120×40 pane: only what fits is drawn.
func BenchmarkBoardViewAtScale(b *testing.B) {
	d := gentest.Open(b)
	u := model.User{ID: 1, Name: "Bench", Role: model.RoleDispatcher}
	app := New(Deps{Ctx: context.Background(), Door: d, User: u})
	app.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	b.ReportAllocs()
	for b.Loop() {
		_ = app.View()
	}
}

// BenchmarkWallViewAtScale draws the generated office's wall (fifty
// technicians, hundreds of tickets needing attention) on a TV-sized pane
// each second: the header, and the parts already drawn this minute.
func BenchmarkWallViewAtScale(b *testing.B) {
	app := wallAtScale(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = app.View()
	}
}

// BenchmarkWallFirstViewAtScale is the first wall to draw after a change or
// the minute turning; every other wall of its size reuses its parts.
func BenchmarkWallFirstViewAtScale(b *testing.B) {
	app := wallAtScale(b)
	b.ReportAllocs()
	for b.Loop() {
		drawnWalls.forget()
		_ = app.View()
	}
}

func wallAtScale(b *testing.B) *App {
	d := gentest.Open(b)
	u := model.User{ID: 1, Name: "Bench", Role: model.RoleViewer}
	app := New(Deps{Ctx: context.Background(), Door: d, User: u})
	app.Update(tea.WindowSizeMsg{Width: 250, Height: 70})
	return app
}
