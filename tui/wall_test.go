package tui

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"dispatch/model"
	"dispatch/model/door"
)

var update = flag.Bool("update", false, "rewrite the golden screens in testdata from what is drawn now")

// golden compares the screen with testdata/NAME.golden, or rewrites it.
func (s *screenTest) golden(name string) {
	s.t.Helper()
	path := filepath.Join("testdata", name+".golden")
	lines := strings.Split(s.screen(), "\n")
	for i := range lines { // padding is not what a layout is judged on
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	got := strings.Join(lines, "\n") + "\n"
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			s.t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			s.t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		s.t.Fatalf("%v (run go test ./tui -run %s -update to create it)", err, s.t.Name())
	}
	if got != string(want) {
		s.t.Errorf("the screen differs from %s (if the change is meant, rerun with -update):\n--- got\n%s--- want\n%s", path, got, want)
	}
}

// The demo office on Wednesday at 10:00, seen by a viewer account at the
// three sizes a wall lives at: a quarter of a laptop, a desktop pane, a TV.
func TestWallLayouts(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {250, 70}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			s := newScreen(t, model.RoleViewer, size[0], size[1])
			s.fitsWindow(size[0], size[1])
			s.golden(fmt.Sprintf("wall-%dx%d", size[0], size[1]))
		})
	}
}

// Every size between, and smaller than anyone would use: nothing runs past
// the pane or off its bottom, and a resize re-lays it out at once.
func TestWallFitsEverySize(t *testing.T) {
	s := newScreen(t, model.RoleViewer, 80, 24)
	for width := 30; width <= 260; width += 13 {
		for height := 10; height <= 75; height += 7 {
			s.send(tea.WindowSizeMsg{Width: width, Height: height})
			s.fitsWindow(width, height)
			if t.Failed() {
				t.Fatalf("at %dx%d:\n%s", width, height, s.screen())
			}
		}
	}
	s.send(tea.WindowSizeMsg{Width: 250, Height: 70})
	s.mustSee("TECHNICIANS (5)", "HOURS RECORDED", "WAITING ON YOU")
	s.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	s.mustNotSee("HOURS RECORDED", "WAITING ON YOU")
	s.mustSee("NEEDS ATTENTION", "1 waiting")
}

// A breach that happens while the wall is up stands out for a while; the
// ones there when it opened do not.
func TestWallHighlightsWhatIsNew(t *testing.T) {
	s := newScreen(t, model.RoleViewer, 120, 40)
	s.mustNotSee("●")
	s.breachedTicket("Phones dead since seven")
	line := lineWith(s.screen(), "Phones dead")
	if !strings.Contains(line, "● BREACHED") {
		t.Errorf("the new breach is not marked: %q\n%s", line, s.screen())
	}
	if strings.Count(s.screen(), "●") != 2 || !strings.Contains(s.screen(), "● BREACHED  ") {
		t.Errorf("the breached count is not marked, or old news is:\n%s", s.screen())
	}
	// On a small pane it comes first, above the older breaches and the
	// decision waiting, rather than under "+N more".
	s.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if first := strings.Split(s.screen(), "\n")[3]; !strings.Contains(first, "● BREACHED  T-") {
		t.Errorf("the new breach is not first:\n%s", s.screen())
	}
	s.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	if raw := lineWith(s.app.View().Content, "Phones dead"); !strings.Contains(raw, "\x1b[1;7m") {
		t.Errorf("the new breach is not drawn reversed: %q", raw)
	}
	s.clock.Advance(highlightFor)
	s.send(changedMsg{})
	if line := lineWith(s.screen(), "Phones dead"); line == "" || strings.Contains(line, "●") {
		t.Errorf("still marked after %s: %q", highlightFor, line)
	}
}

func lineWith(screen, text string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, text) {
			return l
		}
	}
	return ""
}

// The wall takes no keys but q: a stray key on a shared keyboard changes
// nothing, and a viewer account has nothing else to open.
func TestWallTakesNoKeysButQuit(t *testing.T) {
	s := newScreen(t, model.RoleViewer, 120, 40)
	before := s.screen()
	s.keys("a", "x", "n", "s", "b", "j", "enter", "esc", "tab", "?", "/")
	if after := s.screen(); after != before {
		t.Errorf("keys changed the wall:\n%s", after)
	}
	s.mustQuitOnQ()
}

// Anyone may open the wall, not only a viewer; it follows the feed like
// the board, and its clock and timers run.
func TestWallIsLive(t *testing.T) {
	s := newScreen(t, model.RoleDispatcher, 120, 40)
	s.app = New(Deps{Ctx: context.Background(), Door: s.door, User: model.User{ID: 1, Name: "Rita Gomez", Role: model.RoleDispatcher}, Wall: true})
	s.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	s.mustSee("Sam Okafor      IN SHOP               1h 30m", "10:00:00")
	s.clock.Advance(7 * time.Second) // the clock shows the second; timers the minute
	s.mustSee("Sam Okafor      IN SHOP               1h 30m", "10:00:07")
	s.clock.Advance(53 * time.Second)
	s.mustSee("Sam Okafor      IN SHOP               1h 31m", "10:01:00")

	ctx := context.Background()
	w, _ := s.door.Wall(ctx, model.Console)
	for _, tech := range w.Techs {
		if tech.Name == "Sam Okafor" {
			if _, err := s.door.Record(ctx, model.Console, tech.Visit.ID, door.Step{Kind: model.EvShopStopped}); err != nil {
				t.Fatal(err)
			}
		}
	}
	s.mustSee("Sam Okafor      IN SHOP") // nothing told yet
	s.send(changedMsg{})
	s.mustSee("Sam Okafor      free", "3 done")
}

// Names and titles from the database are drawn as text on the wall too.
func TestWallDrawsHostileTextAsText(t *testing.T) {
	s := newScreen(t, model.RoleViewer, 250, 70)
	s.breachedTicket("\x1b]52;c;SGVsbG8=\x07Router\x1b[2J\u202E")
	s.mustSee("Router")
	raw := s.app.View().Content
	for _, bad := range []string{"]52;", "\x1b[2J", "\u202E"} {
		if strings.Contains(raw, bad) {
			t.Errorf("the wall carries %q", bad)
		}
	}
}

// breachedTicket opens a P1 the client reported three hours ago, an hour
// past its response target, and tells the screen.
func (s *screenTest) breachedTicket(title string) {
	s.t.Helper()
	ctx := context.Background()
	clients, _ := s.door.Clients(ctx, model.Console)
	c := clients[0]
	if _, err := s.door.CreateTicket(ctx, model.Console, door.NewTicket{ClientID: c.ID, ContactID: c.Contacts[0].ID, SiteID: c.Sites[0].ID,
		Title: title, Scope: "x", Priority: model.P1, Estimate: model.Estimate{Duration: time.Hour},
		OpenedAt: testNow.Add(-3 * time.Hour)}); err != nil {
		s.t.Fatal(err)
	}
	s.send(changedMsg{})
}

// Walls share what they draw, but not what is new to each: a wall opened
// after a breach shows it plainly, one that saw it happen highlights it.
func TestWallsShareDrawingButNotNews(t *testing.T) {
	s := newScreen(t, model.RoleViewer, 120, 40)
	s.breachedTicket("Phones dead since seven")
	later := New(Deps{Ctx: context.Background(), Door: s.door, User: model.User{ID: 99, Name: "Hall TV", Role: model.RoleViewer}})
	later.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	if line := lineWith(s.screen(), "Phones dead"); !strings.Contains(line, "● BREACHED") {
		t.Errorf("the wall that saw it happen: %q", line)
	}
	if line := lineWith(ansi.Strip(later.View().Content), "Phones dead"); line == "" || strings.Contains(line, "●") {
		t.Errorf("the wall opened after: %q", line)
	}
}
