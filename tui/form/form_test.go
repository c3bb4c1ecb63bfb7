package form_test

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/tui/screentest"
)

func TestPickerSaysWhenNothingMatches(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.Keys("n", "zzz")
	s.MustSee("no match — keep typing or erase")
	s.Keys("ctrl+s")
	s.MustSee("✗ client is not chosen")
}

func TestFormsFitAt80x24(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 80, 24)
	s.Keys("n", "c")
	s.FitsWindow(80, 24)
	s.MustSee("╮", "╯", "… 10 in all; type to narrow", "ctrl+s save")
	s.Keys("ctrl+u", "ctrl+s") // errors wrap whole rather than being cut
	s.MustSee("✗ title is empty; say the job in a few words, like", `wireless router"`)
	s.Keys("tab", "tab", "tab", "tab", "tab") // from the requester (first in error) to the estimate, at the bottom of a form now taller than the screen
	s.MustSee("Estimate", "✗ estimate is empty", "like $450")
	s.FitsWindow(80, 24)
	s.Keys("esc", "s")
	s.FitsWindow(80, 24)
	s.MustSee("Schedule a visit", "╮")
}

func TestPasteIntoAForm(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.Keys("n")
	s.Send(tea.PasteMsg{Content: "Acme"})
	s.MustSee("▸ Acme Dental")
	s.Keys("tab", "tab", "tab")
	s.Send(tea.PasteMsg{Content: "Pasted title"})
	s.MustSee("Pasted title")
	s.Keys("f1")
	s.MustSee("choose in a list", "change priority")
}

// Text past a field's limit is kept and refused with its length, not cut
// as it is typed or pasted; shortened, it saves.
func TestOversizedInputIsRefusedNotCut(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 200, 40)
	s.Keys("n", "acme", "tab", "dana", "tab", "tab")
	long := strings.Repeat("Printer ", 16) + "END" // 131 characters; a title holds 120
	s.Send(tea.PasteMsg{Content: long})
	s.Keys("tab", "Get it printing", "tab", "2", "tab", "1h", "ctrl+s")
	s.MustSee("✗ title is 131 characters; the limit is 120 — shorten it") // and the cursor is back on it
	s.Keys("ctrl+u")
	s.Send(tea.PasteMsg{Content: strings.Repeat("x", 2500)}) // a pasted page is told by its whole length
	s.Keys("ctrl+s")
	s.MustSee("✗ title is 2500 characters; the limit is 120")
	s.Keys("ctrl+u", "Printer offline", "ctrl+s")
	s.MustSee("Opened T-1042 · Printer offline")
}

// Keys typed straight after the key that opens a form, arriving before
// anything is drawn (a burst over a slow link, a paste), go into the form,
// not to the page beneath it: "e" in "called" must not open the editor.
func TestTypingAheadIntoAFormThatIsOpening(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.Keys("j", "j", "enter")                           // T-1039's page
	s.App.Update(tea.KeyPressMsg{Code: 'c', Text: "c"}) // its commands not yet run
	for _, r := range "called Sue" {
		s.App.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	s.MustSee("Contacted the requester", "called Sue")
	s.MustNotSee("Edit T-1039")
}

// Esc leaves a form at once too: the next key, arriving with it, moves the
// board rather than landing in the form being left.
func TestTheKeyAfterEscGoesToTheBoard(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	before := s.CursorLine()
	s.Keys("s") // schedule the ticket under the cursor
	s.MustSee("Schedule a visit")
	s.App.Update(tea.KeyPressMsg{Code: tea.KeyEscape})
	s.App.Update(tea.KeyPressMsg{Code: 'j', Text: "j"})
	s.MustNotSee("Schedule a visit")
	if after := s.CursorLine(); after == before {
		t.Errorf("j did not reach the board: the cursor is still on %q", after)
	}
}

// An error goes as soon as its field changes; the others stay until they
// are fixed or saved again.
func TestAnErrorGoesWhenItsFieldIsFixed(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.Keys("n", "ctrl+s")
	s.MustSee("✗ client is not chosen", "✗ title is empty", "✗ estimate is")
	s.Keys("acme", "tab") // the client, chosen by typing and leaving
	s.MustNotSee("✗ client is not chosen")
	s.MustSee("✗ title is empty", "Acme Dental")
	s.Keys("tab", "tab", "Printer offline")
	s.MustNotSee("✗ title is empty")
	s.MustSee("✗ estimate is")
}

// Typing narrows a chooser; it never discards a choice the user did not
// change. Leaving with a word typed takes the match under the cursor.
func TestChoosersKeepWhatWasChosen(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.Keys("n", "acme", "tab")
	s.MustSee("Acme Dental", "Dana Ruiz")                       // the requester: Acme's authorised contact is there to pick
	s.Keys("tab", "tab", "shift+tab", "shift+tab", "shift+tab") // back to the client
	s.Keys("zzz")
	s.MustSee("no match")
	s.Keys("tab") // nothing matched: the choice stands, and so do the requester and site
	s.MustSee("Client      Acme Dental", "Site        Main office")
	s.Keys("shift+tab", "x", "ctrl+u", "tab") // typed, then erased: still Acme, not the first on the list
	s.MustSee("Client      Acme Dental")
	s.MustNotSee("Birchwood")
}

// What is pasted or typed is drawn as text: a bidi override or an escape
// sequence never reaches the screen, even before it is saved.
func TestPastedControlsNeverReachTheScreen(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.Keys("n")
	s.Send(tea.PasteMsg{Content: "\u202eac\x1b]52;c;aGk=\x07me"})
	s.Send(tea.KeyPressMsg{Code: 0x202e, Text: "\u202e"})
	s.MustSee("▸ Acme Dental")
	if screen := s.App.View().Content; strings.ContainsAny(screen, "\u202e\x07") || strings.Contains(screen, "]52;") {
		t.Errorf("a control reached the screen: %q", screen)
	}
}

// A picker with nothing chosen highlights nothing, so leaving it keeps
// what it shows — not chosen; an arrow highlights and chooses.
func TestAPickerShowsWhatLeavingKeeps(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.Keys("n")
	s.MustSee("↓ to choose, or type to find")
	s.Keys("ctrl+s")
	s.MustSee("✗ client is not chosen")
	s.Keys("down")
	s.MustSee("▸ ")
	s.MustNotSee("↓ to choose, or type to find")
}
