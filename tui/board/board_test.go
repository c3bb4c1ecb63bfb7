package board_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/tui"
	"dispatch/tui/screentest"
)

func TestBoardAt80x24(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 80, 24)
	s.FitsWindow(80, 24)
	s.MustSee("DISPATCH", "Rita Gomez · dispatcher", "Wed 25 Nov 10:00",
		"Board  1 waiting on you  14 breached  1 late to start", "10 unscheduled · 1 to revisit · 8 today · 5 in progress · 6 to invoice",
		"WAITING ON A DISPATCHER (1)",
		"UNSCHEDULED (10)", "SCHEDULED TODAY (8)",
		"a approve add-on", "x refuse", "enter open", "q quit")
	// What waits on the dispatcher is on top, under the cursor: the first
	// job's add-on the technician sent for approval.
	if l := s.CursorLine(); !strings.Contains(l, "S-3    P2 Northwind Ped… add-on: Front desk p") {
		t.Errorf("first row: %q", l)
	}
	// Then the ticket least time left on its clock: nobody has called the
	// clinic back in 26 hours; the P1 was answered and has 3h 20m to be fixed.
	s.Keys("j")
	if l := s.CursorLine(); !strings.Contains(l, "T-1033 P2 Juniper Famil… Front desk scanner n…            breached 22h ago 26h") {
		t.Errorf("second row: %q", l)
	}
	s.MustSee("T-1039 P2 Granite Peak … Tax software update …            2h left", "T-1040 P1 Delta Freight… Label printers offli…            3h 20m left",
		"T-1026 P3 Evergreen Rea… Shared mailbox for l…            paused · 1d 2h …")
}

func TestBoardAt200x60ShowsEverySectionInFull(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 200, 60)
	s.FitsWindow(200, 60)
	s.MustSee("10 unscheduled · 1 to revisit · 8 today · 5 in progress · 6 to invoice",
		"WAITING ON A DISPATCHER (1)", "UNSCHEDULED (10)", "SCHEDULED TODAY (8)", "IN PROGRESS (5)", "UPCOMING (5)", "DONE — TO INVOICE (6)",
		"Granite Peak Accounting", "X-ray workstation won't see imaging plate", "09:30 late",
		"on site 1:10:00", "travel 0:20:00", "in shop 1:30:00", "paused 2:00:00", "Thu 12:00")
	s.MustNotSee("…")
}

func TestBoardMovesOpensAndComesBack(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.Keys("j", "j")
	line := s.CursorLine()
	if !strings.Contains(line, "Tax software update") {
		t.Fatalf("after j j the cursor is on %q", line)
	}
	s.Keys("enter")
	s.MustSee("Tax software update before filing deadline", "Sue Tran (backup)", "SCOPE",
		"Update the tax suite on 6 workstations", "VISITS (0)", "press s to schedule", "HISTORY", "ticket.create", "esc back")
	s.Keys("esc")
	if got := s.CursorLine(); got != line {
		t.Errorf("back on the board the cursor moved from %q to %q", line, got)
	}
	s.Keys("G")
	if !strings.Contains(s.CursorLine(), "Sterilisation log") && !strings.Contains(s.CursorLine(), "Reset MFA") {
		t.Errorf("G should reach the last row, got %q", s.CursorLine())
	}
	s.Keys("g", "tab", "tab", "tab")
	if !strings.Contains(s.CursorLine(), "late") {
		t.Errorf("tab should jump to the first visit of today, got %q", s.CursorLine())
	}
}

func TestBoardScrollsToKeepTheCursorVisible(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 80, 24)
	for i := 0; i < 30; i++ {
		s.Keys("j")
		if s.CursorLine() == "" {
			t.Fatalf("after %d presses the cursor left the screen:\n%s", i+1, s.Screen())
		}
	}
	s.FitsWindow(80, 24)
}

func TestFilterAsYouType(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.Keys("/", "acme")
	s.MustSee("/ acme", "Replace wireless router", "Install second monitor", "UNSCHEDULED (0)", "no match",
		"enter search every ticket • ↓ to the rows • esc clear") // enter does not open the row while typing
	s.MustNotSee("Delta Freight", "enter open")
	s.Keys("q") // typed into the filter, not quitting
	s.MustSee("/ acmeq", "no match")
	s.Keys("esc")
	s.MustSee("Delta Freight", "UNSCHEDULED (10)", "enter open")
	s.MustNotSee("/ acme")
}

func TestHelpShowsEveryKey(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.MustNotSee("page down")
	s.Keys("?")
	s.MustSee("page down", "next section", "clear filter", "top", "bottom")
	s.Keys("?")
	s.MustNotSee("page down")
}

func TestTechnicianCannotOpenOrSchedule(t *testing.T) {
	s := screentest.New(t, model.RoleTech, 120, 40)
	s.Keys("b") // a technician lands on My day; the board is one key away
	s.MustNotSee("n new ticket", "s schedule")
	s.Keys("n")
	s.MustNotSee("New ticket")
	s.Keys("s")
	s.MustNotSee("Schedule a visit")
	s.MustSee("UNSCHEDULED (10)")
}

func TestBoardIsLive(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	ctx := context.Background()
	clients, _ := s.Door.Clients(ctx, model.Console)
	c := clients[0]
	_, err := s.Door.CreateTicket(ctx, model.Console, door.NewTicket{ClientID: c.ID, ContactID: c.Contacts[0].ID, SiteID: c.Sites[0].ID,
		Title: "Made by someone else", Scope: "x", Priority: model.P1, Estimate: model.Estimate{Duration: time.Hour}})
	if err != nil {
		t.Fatal(err)
	}
	s.MustNotSee("Made by someone else") // nothing pressed, no notice yet
	s.Send(tui.ChangedMsg{})
	s.MustSee("Made by someone else", "UNSCHEDULED (11)")
}

func TestHostileTextIsDrawnAsPlainText(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 200, 40)
	ctx := context.Background()
	clients, _ := s.Door.Clients(ctx, model.Console)
	c := clients[0]
	for _, title := range []string{"\x1b]52;c;SGVsbG8=\x07Router\x1b[2J", "ok\rFAKE", "bad\u009b31mC1", "rtl\u202Eevil"} {
		if _, err := s.Door.CreateTicket(ctx, model.Console, door.NewTicket{ClientID: c.ID, ContactID: c.Contacts[0].ID, SiteID: c.Sites[0].ID,
			Title: title, Scope: "x", Priority: model.P1, Estimate: model.Estimate{Duration: time.Hour}}); err != nil {
			t.Fatal(err)
		}
	}
	s.Send(tui.ChangedMsg{})
	s.MustSee("Router", "ok FAKE", "badC1", "rtlevil")
	raw := s.App.View().Content
	for _, bad := range []string{"]52;", "\x1b[2J", "\r", "\u009b", "\u202E"} {
		if strings.Contains(raw, bad) {
			t.Errorf("the drawn board carries %q", bad)
		}
	}
}

func TestQuit(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 80, 24)
	s.MustQuitOnQ()
}

// A timer scrolled out of view stops the board ticking every second; one
// scrolled back in starts it again at once.
func TestTheBoardTicksOnlyForTimersInView(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 24) // in progress is below the fold
	s.App.Init()
	s.App.View()
	s.Tick()
	if s.App.TicksEverySecond() {
		t.Errorf("ticking every second for timers out of view:\n%s", s.Screen())
	}
	s.Keys("tab", "tab", "tab", "tab", "tab") // the in-progress section
	s.MustSee("on site 1:10:00")
	if !s.App.TicksEverySecond() {
		t.Errorf("a timer in view, yet not ticking:\n%s", s.Screen())
	}
}

// An idle board redraws once a minute; a running timer makes it tick every
// second, and only then.
func TestTimersTickOnlyWhileOneRuns(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.App.Init()
	if !s.App.TicksEverySecond() {
		t.Errorf("visits in progress, yet not ticking:\n%s", s.Screen())
	}
	s.Keys("/", "Label printers") // only an unscheduled ticket left in view
	if s.App.TicksEverySecond() {
		t.Errorf("no timer left, yet ticking every second:\n%s", s.Screen())
	}
	s.Keys("esc")
	if !s.App.TicksEverySecond() {
		t.Errorf("timers back, yet not ticking")
	}
}

// On a narrow board the title gives way so the reason a job needs another
// visit — what the dispatcher acts on — stays in view.
func TestNeedsAnotherVisitKeepsItsReasonAt80Columns(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 80, 24)
	s.FitsWindow(80, 24)
	// No technician yet: the title and its reason take the tech cell too.
	s.MustSee("NEEDS ANOTHER VISIT (1)", "T-1041 P4 Foxglove Bake… Back offi… — power supply faili… 2d 6h left       6d")
	s.Keys("j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j") // past the add-on and ten unscheduled
	if l := s.CursorLine(); !strings.Contains(l, "▸ T-1041 P4 Foxglove Bake… Back offi… — power supply faili… 2d 6h left") {
		t.Errorf("selected needs-visit row at 80 columns: %q", l)
	}
}

// A technician's board says what waits on the office, not on them: they
// cannot answer it (trial 9).
func TestATechniciansBoardDoesNotSayWaitingOnYou(t *testing.T) {
	s := screentest.Tech(t, "Sam Okafor", 120, 40)
	s.Keys("b")
	s.MustSee("Board  1 waiting on the office  14 breached")
	s.MustNotSee("waiting on you")
}

// A ticket opened in office hours, seconds into a minute, has its clock
// running at once: the board is built as of the change, not the minute's
// start, when the ticket would not yet exist (trial 10).
func TestATicketOpenedMidMinuteHasItsClockRunning(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.Clock.Advance(3 * time.Second)
	ctx := context.Background()
	clients, _ := s.Door.Clients(ctx, model.Console)
	c := clients[0]
	if _, err := s.Door.CreateTicket(ctx, model.Console, door.NewTicket{ClientID: c.ID, ContactID: c.Contacts[0].ID, SiteID: c.Sites[0].ID,
		Title: "UPS beeping", Scope: "x", Priority: model.P3, Estimate: model.Estimate{Duration: time.Hour}}); err != nil {
		t.Fatal(err)
	}
	s.Changed()
	var line string
	for _, l := range strings.Split(s.Screen(), "\n") {
		if strings.Contains(l, "UPS beeping") {
			line = l
		}
	}
	if strings.Contains(line, "starts") || !strings.Contains(line, "left") {
		t.Errorf("the new ticket's clock is not running: %q", line)
	}
}
