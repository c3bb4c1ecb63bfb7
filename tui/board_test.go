package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/model/door"
)

func TestBoardAt80x24(t *testing.T) {
	s := newScreen(t, model.RoleDispatcher, 80, 24)
	s.fitsWindow(80, 24)
	s.mustSee("DISPATCH", "Rita Gomez · dispatcher", "Wed 25 Nov 10:00",
		"Board  1 waiting on you  14 breached  1 late to start", "WAITING ON A DISPATCHER (1)",
		"UNSCHEDULED (10)", "SCHEDULED TODAY (8)",
		"a approve add-on", "x refuse", "enter open", "q quit")
	// What waits on the dispatcher is on top, under the cursor: the first
	// job's add-on the technician sent for approval.
	if l := s.cursorLine(); !strings.Contains(l, "S-3    P2 Northwind Ped… add-on: Front desk p") {
		t.Errorf("first row: %q", l)
	}
	// Then the ticket least time left on its clock: nobody has called the
	// clinic back in 26 hours; the P1 was answered and has 3h 20m to be fixed.
	s.keys("j")
	if l := s.cursorLine(); !strings.Contains(l, "T-1033 P2 Juniper Famil… Front desk scanner n…            breached 22h ago 26h") {
		t.Errorf("second row: %q", l)
	}
	s.mustSee("T-1039 P2 Granite Peak … Tax software update …            2h left", "T-1040 P1 Delta Freight… Label printers offli…            3h 20m left",
		"T-1026 P3 Evergreen Rea… Shared mailbox for l…            paused · 1d 2h …")
}

func TestBoardAt200x60ShowsEverySectionInFull(t *testing.T) {
	s := newScreen(t, model.RoleDispatcher, 200, 60)
	s.fitsWindow(200, 60)
	s.mustSee("10 unscheduled · 8 today · 5 in progress · 6 to invoice",
		"WAITING ON A DISPATCHER (1)", "UNSCHEDULED (10)", "SCHEDULED TODAY (8)", "IN PROGRESS (5)", "UPCOMING (5)", "DONE — TO INVOICE (6)",
		"Granite Peak Accounting", "X-ray workstation won't see imaging plate", "09:30 late",
		"on site 1:10:00", "travel 0:20:00", "in shop 1:30:00", "paused 2:00:00", "Thu 12:00")
	s.mustNotSee("…")
}

func TestBoardMovesOpensAndComesBack(t *testing.T) {
	s := newScreen(t, model.RoleDispatcher, 120, 40)
	s.keys("j", "j")
	line := s.cursorLine()
	if !strings.Contains(line, "Tax software update") {
		t.Fatalf("after j j the cursor is on %q", line)
	}
	s.keys("enter")
	s.mustSee("Tax software update before filing deadline", "Sue Tran (backup)", "SCOPE",
		"Update the tax suite on 6 workstations", "VISITS (0)", "press s to schedule", "HISTORY", "ticket.create", "esc back")
	s.keys("esc")
	if got := s.cursorLine(); got != line {
		t.Errorf("back on the board the cursor moved from %q to %q", line, got)
	}
	s.keys("G")
	if !strings.Contains(s.cursorLine(), "Sterilisation log") && !strings.Contains(s.cursorLine(), "Reset MFA") {
		t.Errorf("G should reach the last row, got %q", s.cursorLine())
	}
	s.keys("g", "tab", "tab")
	if !strings.Contains(s.cursorLine(), "late") {
		t.Errorf("tab should jump to the first visit of today, got %q", s.cursorLine())
	}
}

func TestBoardScrollsToKeepTheCursorVisible(t *testing.T) {
	s := newScreen(t, model.RoleDispatcher, 80, 24)
	for i := 0; i < 30; i++ {
		s.keys("j")
		if s.cursorLine() == "" {
			t.Fatalf("after %d presses the cursor left the screen:\n%s", i+1, s.screen())
		}
	}
	s.fitsWindow(80, 24)
}

func TestFilterAsYouType(t *testing.T) {
	s := newScreen(t, model.RoleDispatcher, 120, 40)
	s.keys("/", "acme")
	s.mustSee("/ acme", "Replace wireless router", "Install second monitor", "UNSCHEDULED (0)", "no match")
	s.mustNotSee("Delta Freight")
	s.keys("q") // typed into the filter, not quitting
	s.mustSee("/ acmeq", "no match")
	s.keys("esc")
	s.mustSee("Delta Freight", "UNSCHEDULED (10)")
	s.mustNotSee("/ acme")
}

func TestHelpShowsEveryKey(t *testing.T) {
	s := newScreen(t, model.RoleDispatcher, 120, 40)
	s.mustNotSee("page down")
	s.keys("?")
	s.mustSee("page down", "next section", "clear filter", "top", "bottom")
	s.keys("?")
	s.mustNotSee("page down")
}

func TestTechnicianCannotOpenOrSchedule(t *testing.T) {
	s := newScreen(t, model.RoleTech, 120, 40)
	s.keys("b") // a technician lands on My day; the board is one key away
	s.mustNotSee("n new ticket", "s schedule")
	s.keys("n")
	s.mustNotSee("New ticket")
	s.keys("s")
	s.mustNotSee("Schedule a visit")
	s.mustSee("UNSCHEDULED (10)")
}

func TestBoardIsLive(t *testing.T) {
	s := newScreen(t, model.RoleDispatcher, 120, 40)
	ctx := context.Background()
	clients, _ := s.door.Clients(ctx, model.Console)
	c := clients[0]
	_, err := s.door.CreateTicket(ctx, model.Console, door.NewTicket{ClientID: c.ID, ContactID: c.Contacts[0].ID, SiteID: c.Sites[0].ID,
		Title: "Made by someone else", Scope: "x", Priority: model.P1, Estimate: model.Estimate{Duration: time.Hour}})
	if err != nil {
		t.Fatal(err)
	}
	s.mustNotSee("Made by someone else") // nothing pressed, no notice yet
	s.send(changedMsg{})
	s.mustSee("Made by someone else", "UNSCHEDULED (11)")
}

func TestHostileTextIsDrawnAsPlainText(t *testing.T) {
	s := newScreen(t, model.RoleDispatcher, 200, 40)
	ctx := context.Background()
	clients, _ := s.door.Clients(ctx, model.Console)
	c := clients[0]
	for _, title := range []string{"\x1b]52;c;SGVsbG8=\x07Router\x1b[2J", "ok\rFAKE", "bad\u009b31mC1", "rtl\u202Eevil"} {
		if _, err := s.door.CreateTicket(ctx, model.Console, door.NewTicket{ClientID: c.ID, ContactID: c.Contacts[0].ID, SiteID: c.Sites[0].ID,
			Title: title, Scope: "x", Priority: model.P1, Estimate: model.Estimate{Duration: time.Hour}}); err != nil {
			t.Fatal(err)
		}
	}
	s.send(changedMsg{})
	s.mustSee("Router", "ok FAKE", "badC1", "rtlevil")
	raw := s.app.View().Content
	for _, bad := range []string{"]52;", "\x1b[2J", "\r", "\u009b", "\u202E"} {
		if strings.Contains(raw, bad) {
			t.Errorf("the drawn board carries %q", bad)
		}
	}
}

func TestQuit(t *testing.T) {
	s := newScreen(t, model.RoleDispatcher, 80, 24)
	s.mustQuitOnQ()
}

// mustQuitOnQ presses q and checks the program is told to quit.
func (s *screenTest) mustQuitOnQ() {
	s.t.Helper()
	_, cmd := s.app.Update(tea.KeyPressMsg{Code: 'q', Text: "q"})
	if cmd == nil {
		s.t.Fatal("q did nothing")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		s.t.Error("q did not quit")
	}
}

// A timer scrolled out of view stops the board ticking every second; one
// scrolled back in starts it again at once.
func TestTheBoardTicksOnlyForTimersInView(t *testing.T) {
	s := newScreen(t, model.RoleDispatcher, 120, 24) // in progress is below the fold
	s.app.Init()
	s.app.View()
	s.send(tickMsg{gen: s.app.ticks.gen})
	if s.app.ticks.fast {
		t.Errorf("ticking every second for timers out of view:\n%s", s.screen())
	}
	s.keys("tab", "tab", "tab", "tab") // the in-progress section
	s.mustSee("on site 1:10:00")
	if !s.app.ticks.fast {
		t.Errorf("a timer in view, yet not ticking:\n%s", s.screen())
	}
}
