package wall_test

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
	"dispatch/tui"
	"dispatch/tui/screentest"
	"dispatch/tui/wall"
)

var update = flag.Bool("update", false, "rewrite the golden screens in testdata from what is drawn now")

// golden compares the screen with testdata/NAME.golden, or rewrites it.
func golden(s *screentest.Screen, name string) {
	s.T.Helper()
	path := filepath.Join("testdata", name+".golden")
	lines := strings.Split(s.Screen(), "\n")
	for i := range lines { // padding is not what a layout is judged on
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	got := strings.Join(lines, "\n") + "\n"
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			s.T.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			s.T.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		s.T.Fatalf("%v (run go test ./tui/wall -run %s -update to create it)", err, s.T.Name())
	}
	if got != string(want) {
		s.T.Errorf("the screen differs from %s (if the change is meant, rerun with -update):\n--- got\n%s--- want\n%s", path, got, want)
	}
}

// The demo office on Wednesday at 10:00, seen by a viewer account at the
// three sizes a wall lives at: a quarter of a laptop, a desktop pane, a TV.
func TestWallLayouts(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {250, 70}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			s := screentest.New(t, model.RoleViewer, size[0], size[1])
			s.FitsWindow(size[0], size[1])
			golden(s, fmt.Sprintf("wall-%dx%d", size[0], size[1]))
		})
	}
}

// Every size between, and smaller than anyone would use: nothing runs past
// the pane or off its bottom, and a resize re-lays it out at once.
func TestWallFitsEverySize(t *testing.T) {
	s := screentest.New(t, model.RoleViewer, 80, 24)
	for width := 30; width <= 260; width += 13 {
		for height := 10; height <= 75; height += 7 {
			s.Send(tea.WindowSizeMsg{Width: width, Height: height})
			s.FitsWindow(width, height)
			if t.Failed() {
				t.Fatalf("at %dx%d:\n%s", width, height, s.Screen())
			}
		}
	}
	s.Send(tea.WindowSizeMsg{Width: 250, Height: 70})
	s.MustSee("TECHNICIANS (5)", "HOURS RECORDED", "WAITING ON YOU")
	s.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	s.MustNotSee("HOURS RECORDED", "WAITING ON YOU")
	s.MustSee("NEEDS ATTENTION", "1 waiting")
}

// A breach that happens while the wall is up stands out for a while; the
// ones there when it opened do not.
func TestWallHighlightsWhatIsNew(t *testing.T) {
	s := screentest.New(t, model.RoleViewer, 120, 40)
	s.MustNotSee("●")
	breachedTicket(s, "Phones dead since seven")
	line := lineWith(s.Screen(), "Phones dead")
	if !strings.Contains(line, "● BREACHED") {
		t.Errorf("the new breach is not marked: %q\n%s", line, s.Screen())
	}
	if strings.Count(s.Screen(), "●") != 2 || !strings.Contains(s.Screen(), "● BREACHED  ") {
		t.Errorf("the breached count is not marked, or old news is:\n%s", s.Screen())
	}
	// On a small pane it comes first, above the older breaches and the
	// decision waiting, rather than under "+N more".
	s.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if first := strings.Split(s.Screen(), "\n")[3]; !strings.Contains(first, "● BREACHED  T-") {
		t.Errorf("the new breach is not first:\n%s", s.Screen())
	}
	s.Send(tea.WindowSizeMsg{Width: 120, Height: 40})
	if raw := lineWith(s.App.View().Content, "Phones dead"); !strings.Contains(raw, "\x1b[1;7m") {
		t.Errorf("the new breach is not drawn reversed: %q", raw)
	}
	s.Clock.Advance(wall.HighlightFor)
	s.Send(tui.ChangedMsg{})
	if line := lineWith(s.Screen(), "Phones dead"); line == "" || strings.Contains(line, "●") {
		t.Errorf("still marked after %s: %q", wall.HighlightFor, line)
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
	s := screentest.New(t, model.RoleViewer, 120, 40)
	before := s.Screen()
	s.Keys("a", "x", "n", "s", "b", "j", "enter", "esc", "tab", "?", "/")
	if after := s.Screen(); after != before {
		t.Errorf("keys changed the wall:\n%s", after)
	}
	s.MustQuitOnQ()
}

// Anyone may open the wall, not only a viewer; it follows the feed like
// the board, and its clock and timers run.
func TestWallIsLive(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.App = tui.New(tui.Deps{Ctx: context.Background(), Door: s.Door, User: model.User{ID: 1, Name: "Rita Gomez", Role: model.RoleDispatcher}, Wall: true})
	s.Send(tea.WindowSizeMsg{Width: 120, Height: 40})
	s.MustSee("Sam Okafor      IN SHOP               1h 30m", "10:00:00")
	s.Clock.Advance(7 * time.Second) // the clock shows the second; timers the minute
	s.MustSee("Sam Okafor      IN SHOP               1h 30m", "10:00:07")
	s.Clock.Advance(53 * time.Second)
	s.MustSee("Sam Okafor      IN SHOP               1h 31m", "10:01:00")

	ctx := context.Background()
	w, _ := s.Door.Wall(ctx, model.Console)
	for _, tech := range w.Techs {
		if tech.Name == "Sam Okafor" {
			if _, err := s.Door.Record(ctx, model.Console, tech.Visit.ID, door.Step{Kind: model.EvShopStopped}); err != nil {
				t.Fatal(err)
			}
		}
	}
	s.MustSee("Sam Okafor      IN SHOP") // nothing told yet
	s.Send(tui.ChangedMsg{})
	s.MustSee("Sam Okafor      free", "3 done")
}

// Names and titles from the database are drawn as text on the wall too.
func TestWallDrawsHostileTextAsText(t *testing.T) {
	s := screentest.New(t, model.RoleViewer, 250, 70)
	breachedTicket(s, "\x1b]52;c;SGVsbG8=\x07Router\x1b[2J\u202E")
	s.MustSee("Router")
	raw := s.App.View().Content
	for _, bad := range []string{"]52;", "\x1b[2J", "\u202E"} {
		if strings.Contains(raw, bad) {
			t.Errorf("the wall carries %q", bad)
		}
	}
}

// breachedTicket opens a P1 the client reported three hours ago, an hour
// past its response target, and tells the screen.
func breachedTicket(s *screentest.Screen, title string) {
	s.T.Helper()
	ctx := context.Background()
	clients, _ := s.Door.Clients(ctx, model.Console)
	c := clients[0]
	if _, err := s.Door.CreateTicket(ctx, model.Console, door.NewTicket{ClientID: c.ID, ContactID: c.Contacts[0].ID, SiteID: c.Sites[0].ID,
		Title: title, Scope: "x", Priority: model.P1, Estimate: model.Estimate{Duration: time.Hour},
		OpenedAt: screentest.Now.Add(-3 * time.Hour)}); err != nil {
		s.T.Fatal(err)
	}
	s.Send(tui.ChangedMsg{})
}

// Walls share what they draw, but not what is new to each: a wall opened
// after a breach shows it plainly, one that saw it happen highlights it.
func TestWallsShareDrawingButNotNews(t *testing.T) {
	s := screentest.New(t, model.RoleViewer, 120, 40)
	breachedTicket(s, "Phones dead since seven")
	later := tui.New(tui.Deps{Ctx: context.Background(), Door: s.Door, User: model.User{ID: 99, Name: "Hall TV", Role: model.RoleViewer}})
	later.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	if line := lineWith(s.Screen(), "Phones dead"); !strings.Contains(line, "● BREACHED") {
		t.Errorf("the wall that saw it happen: %q", line)
	}
	if line := lineWith(ansi.Strip(later.View().Content), "Phones dead"); line == "" || strings.Contains(line, "●") {
		t.Errorf("the wall opened after: %q", line)
	}
}

// A highlight lasts its three minutes to the second, though the rest of the
// wall is drawn as of the minute (trial 9: one that appeared at :03 stayed
// until the next whole minute, four minutes on).
func TestWallHighlightEndsToTheSecond(t *testing.T) {
	s := screentest.New(t, model.RoleViewer, 120, 40)
	s.Clock.Advance(30 * time.Second)
	breachedTicket(s, "Phones dead since seven")
	s.Clock.Advance(wall.HighlightFor - time.Second)
	s.Tick()
	if line := lineWith(s.Screen(), "Phones dead"); !strings.Contains(line, "●") {
		t.Errorf("no longer marked a second before its time: %q", line)
	}
	s.Clock.Advance(time.Second)
	s.Tick()
	if line := lineWith(s.Screen(), "Phones dead"); line == "" || strings.Contains(line, "●") {
		t.Errorf("still marked at %s, half a minute before the minute turns: %q", wall.HighlightFor, line)
	}
}
