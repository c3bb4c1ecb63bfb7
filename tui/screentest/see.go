package screentest

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Screen is what the user sees, without colour.
func (s *Screen) Screen() string { return ansi.Strip(s.App.View().Content) }

// MustSee fails the test unless every text is on screen.
func (s *Screen) MustSee(want ...string) {
	s.T.Helper()
	scr := s.Screen()
	for _, w := range want {
		if !strings.Contains(scr, w) {
			s.T.Fatalf("screen lacks %q:\n%s", w, scr)
		}
	}
}

// MustNotSee fails the test if any text is on screen.
func (s *Screen) MustNotSee(unwanted ...string) {
	s.T.Helper()
	scr := s.Screen()
	for _, w := range unwanted {
		if strings.Contains(scr, w) {
			s.T.Fatalf("screen shows %q:\n%s", w, scr)
		}
	}
}

// FitsWindow checks every line fits the width and the screen has exactly
// the window's height.
func (s *Screen) FitsWindow(width, height int) {
	s.T.Helper()
	lines := strings.Split(s.App.View().Content, "\n")
	if len(lines) != height {
		s.T.Errorf("screen has %d lines, window has %d", len(lines), height)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > width {
			s.T.Errorf("line %d is %d cells wide, window is %d: %q", i, w, width, ansi.Strip(l))
		}
	}
}

// CursorLine is the board line under the cursor.
func (s *Screen) CursorLine() string {
	for _, l := range strings.Split(s.Screen(), "\n") {
		if strings.HasPrefix(l, "▸ ") {
			return l
		}
	}
	return ""
}
