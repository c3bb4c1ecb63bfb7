package wall_test

import (
	"context"
	"testing"

	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/model/gen/gentest"
	"dispatch/tui"
	"dispatch/tui/wall"
)

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
		wall.ForgetDrawn()
		_ = app.View()
	}
}

func wallAtScale(b *testing.B) *tui.App {
	d := gentest.Open(b)
	u := model.User{ID: 1, Name: "Bench", Role: model.RoleViewer}
	app := tui.New(tui.Deps{Ctx: context.Background(), Door: d, User: u})
	app.Update(tea.WindowSizeMsg{Width: 250, Height: 70})
	return app
}
