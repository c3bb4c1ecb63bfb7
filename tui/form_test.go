package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"dispatch/model"
)

func TestNewTicketFormShowsErrorsAndKeepsWhatWasTyped(t *testing.T) {
	s := newScreen(t, model.RoleDispatcher, 120, 40)
	s.keys("n")
	s.mustSee("New ticket", "Client", "Requester", "Site", "Title", "Scope", "Priority", "Estimate", "ctrl+s save")
	// Saving an empty form names every missing field at once.
	s.keys("ctrl+s")
	s.mustSee("✗ client is not chosen", "✗ title is empty", "✗ scope is empty", "✗ estimate")

	s.keys("acme")
	s.mustSee("▸ Acme Dental")
	s.keys("tab")
	s.mustSee("Main office") // the client's only site is chosen for you
	s.keys("dana", "tab", "tab", "Printer offline at front desk", "tab", "Get it printing; done when a test page prints", "tab", "2", "tab", "lots")
	s.keys("ctrl+s")
	s.mustSee(`✗ estimate "lots" is neither hours (2h, 45m) nor a fixed quote ($450)`,
		"Acme Dental", "Dana Ruiz", "Printer offline at front desk", "Get it printing; done when a test page prints", "lots")
	s.mustNotSee("✗ title", "✗ client", "✗ scope")

	s.keys("ctrl+u", "1h30m", "enter")
	s.mustSee("Opened T-1041 · Printer offline at front desk", "UNSCHEDULED (11)")
	if l := s.cursorLine(); !strings.Contains(l, "T-1041 P2 Acme Dental") {
		t.Errorf("the new ticket should be under the cursor, got %q", l)
	}
}

func TestCancelledTicketFormIsKeptAsADraft(t *testing.T) {
	s := newScreen(t, model.RoleDispatcher, 120, 40)
	s.keys("n", "birch", "tab", "tab", "tab", "Half-typed title")
	s.keys("esc")
	s.mustSee("kept as a draft", "UNSCHEDULED (10)")
	s.keys("n")
	s.mustSee("Birchwood Law LLP", "Half-typed title")
}

func TestPickerSaysWhenNothingMatches(t *testing.T) {
	s := newScreen(t, model.RoleDispatcher, 120, 40)
	s.keys("n", "zzz")
	s.mustSee("no match — keep typing or erase")
	s.keys("ctrl+s")
	s.mustSee("✗ client is not chosen")
}

func TestScheduleFromTheBoard(t *testing.T) {
	s := newScreen(t, model.RoleDispatcher, 120, 40)
	s.keys("j", "s") // past the waiting add-on, on the top unscheduled ticket, T-1033
	s.mustSee("Schedule a visit · T-1033 Front desk scanner not saving to EHR", "Technician", "Start", "2026-11-25 11:00")
	s.keys("ctrl+u") // technician field: the filter; choose with the arrows
	s.keys("priya", "tab", "ctrl+u", "teatime", "enter")
	s.mustSee(`✗ start "teatime" is not a time`, "Priya Nair", "teatime")
	s.keys("ctrl+u", "14:30", "enter")
	s.mustSee("Scheduled V-", "Priya Nair for T-1033 at Wed 14:30", "UNSCHEDULED (9)", "SCHEDULED TODAY (9)")
}

func TestScheduleFromTheTicket(t *testing.T) {
	s := newScreen(t, model.RoleDispatcher, 120, 40)
	s.keys("j", "enter", "s", "leo", "tab", "ctrl+u", "tomorrow 9:00", "enter")
	s.mustSee("Scheduled V-", "Leo Brandt for T-1033 at Thu 09:00")
	s.mustSee("VISITS (1)", "Thu 26 Nov 09:00  Leo Brandt  scheduled") // back on the ticket, refreshed
}

func TestFormsFitAt80x24(t *testing.T) {
	s := newScreen(t, model.RoleDispatcher, 80, 24)
	s.keys("n", "c")
	s.fitsWindow(80, 24)
	s.mustSee("╮", "╯", "… 10 in all; type to narrow", "ctrl+s save")
	s.keys("ctrl+u", "ctrl+s") // errors wrap whole rather than being cut
	s.mustSee("✗ title is empty; say the job in a few words, like", `wireless router"`)
	s.keys("tab", "tab", "tab", "tab", "tab") // from the requester (first in error) to the estimate, at the bottom of a form now taller than the screen
	s.mustSee("Estimate", "✗ estimate is empty", "like $450")
	s.fitsWindow(80, 24)
	s.keys("esc", "s")
	s.fitsWindow(80, 24)
	s.mustSee("Schedule a visit", "╮")
}

func TestPasteIntoAForm(t *testing.T) {
	s := newScreen(t, model.RoleDispatcher, 120, 40)
	s.keys("n")
	s.send(tea.PasteMsg{Content: "Acme"})
	s.mustSee("▸ Acme Dental")
	s.keys("tab", "tab", "tab")
	s.send(tea.PasteMsg{Content: "Pasted title"})
	s.mustSee("Pasted title")
	s.keys("f1")
	s.mustSee("choose in a list", "change priority")
}

// Text past a field's limit is kept and refused with its length, not cut
// as it is typed or pasted; shortened, it saves.
func TestOversizedInputIsRefusedNotCut(t *testing.T) {
	s := newScreen(t, model.RoleDispatcher, 200, 40)
	s.keys("n", "acme", "tab", "dana", "tab", "tab")
	long := strings.Repeat("Printer ", 16) + "END" // 131 characters; a title holds 120
	s.send(tea.PasteMsg{Content: long})
	s.keys("tab", "Get it printing", "tab", "2", "tab", "1h", "ctrl+s")
	s.mustSee("✗ title is 131 characters; the limit is 120 — shorten it") // and the cursor is back on it
	s.keys("ctrl+u", "Printer offline", "ctrl+s")
	s.mustSee("Opened T-1041 · Printer offline")
}

// Keys typed straight after the key that opens a form, arriving before
// anything is drawn (a burst over a slow link, a paste), go into the form,
// not to the page beneath it: "e" in "called" must not open the editor.
func TestTypingAheadIntoAFormThatIsOpening(t *testing.T) {
	s := newScreen(t, model.RoleDispatcher, 120, 40)
	s.keys("j", "j", "enter")                           // T-1039's page
	s.app.Update(tea.KeyPressMsg{Code: 'c', Text: "c"}) // its commands not yet run
	for _, r := range "called Sue" {
		s.app.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	s.mustSee("Contacted the requester", "called Sue")
	s.mustNotSee("Edit T-1039")
}

// Esc leaves a form at once too: the next key, arriving with it, moves the
// board rather than landing in the form being left.
func TestTheKeyAfterEscGoesToTheBoard(t *testing.T) {
	s := newScreen(t, model.RoleDispatcher, 120, 40)
	before := s.cursorLine()
	s.keys("s") // schedule the ticket under the cursor
	s.mustSee("Schedule a visit")
	s.app.Update(tea.KeyPressMsg{Code: tea.KeyEscape})
	s.app.Update(tea.KeyPressMsg{Code: 'j', Text: "j"})
	s.mustNotSee("Schedule a visit")
	if after := s.cursorLine(); after == before {
		t.Errorf("j did not reach the board: the cursor is still on %q", after)
	}
}
