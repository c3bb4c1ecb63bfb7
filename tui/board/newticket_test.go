package board_test

import (
	"strings"
	"testing"

	"dispatch/model"
	"dispatch/tui/screentest"
)

func TestNewTicketFormShowsErrorsAndKeepsWhatWasTyped(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.Keys("n")
	s.MustSee("New ticket", "Client", "Requester", "Site", "Title", "Scope", "Priority", "Estimate", "ctrl+s save")
	// Saving an empty form names every missing field at once.
	s.Keys("ctrl+s")
	s.MustSee("✗ client is not chosen", "✗ title is empty", "✗ scope is empty", "✗ estimate")

	s.Keys("acme")
	s.MustSee("▸ Acme Dental")
	s.Keys("tab")
	s.MustSee("Main office") // the client's only site is chosen for you
	s.Keys("dana", "tab", "tab", "Printer offline at front desk", "tab", "Get it printing; done when a test page prints", "tab", "2", "tab", "lots")
	s.Keys("ctrl+s")
	s.MustSee(`✗ estimate "lots" is neither hours (2h, 45m) nor a fixed quote ($450)`,
		"Acme Dental", "Dana Ruiz", "Printer offline at front desk", "Get it printing; done when a test page prints", "lots")
	s.MustNotSee("✗ title", "✗ client", "✗ scope")

	s.Keys("ctrl+u", "1h30m", "enter")
	s.MustSee("Opened T-1042 · Printer offline at front desk", "UNSCHEDULED (11)")
	if l := s.CursorLine(); !strings.Contains(l, "T-1042 P2 Acme Dental") {
		t.Errorf("the new ticket should be under the cursor, got %q", l)
	}
}

func TestCancelledTicketFormIsKeptAsADraft(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.Keys("n", "birch", "tab", "tab", "tab", "Half-typed title")
	s.Keys("esc")
	s.MustSee("kept as a draft", "UNSCHEDULED (10)")
	s.Keys("n")
	s.MustSee("Birchwood Law LLP", "Half-typed title")
}
