package client_test

import (
	"testing"

	"dispatch/model"
	"dispatch/tui/screentest"
)

// From a ticket, K opens its client's record: the brief, contacts with the
// authorised marked, sites, what is open and owed, and the timeline, which
// f filters by kind.
func TestTheClientsRecordFromATicket(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.Keys("/", "T-1039", "enter", "enter", "K")
	s.MustSee("BEFORE YOU CALL", "CONTACTS", "authorised", "SITES", "TIMELINE", "every kind")
	s.Keys("f")
	s.MustSee("TIMELINE", "ticket · f for another kind", "opened:")
	s.MustNotSee("every kind")
	s.Keys("esc")
	s.MustSee("T-1039")
}

// Birchwood's record tells the dispatcher of the dispute before any call;
// a technician reads the record without terms or what is owed.
func TestTheBriefAndWhatATechnicianSees(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.Keys("/", "Scanner driver", "enter", "enter", "K")
	s.MustSee("Birchwood Law LLP", "Disputes", "we thought driver updates were covered", "OWED", "terms:")
	s.FitsWindow(120, 40)

	tech := screentest.Tech(t, "Leo Brandt", 80, 24)
	tech.Keys("enter", "K")
	tech.MustSee("CONTACTS", "TIMELINE")
	tech.MustNotSee("terms:", "OWED", "$")
	tech.FitsWindow(80, 24)
}

// C on the board lists every client; / narrows the list as you type and
// enter opens the one found.
func TestFindAClientByName(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 100, 30)
	s.Keys("C")
	s.MustSee("Clients", "Acme Dental", "Birchwood Law LLP")
	s.Keys("/", "har")
	s.MustSee("Harbor Light Church")
	s.MustNotSee("Acme Dental")
	s.Keys("enter", "enter")
	s.MustSee("Harbor Light Church", "CONTACTS", "TIMELINE")
	s.Keys("esc", "/", "zzz")
	s.MustSee("no client's name holds those words")
}

// n logs a call in one line; it is on the timeline at once.
func TestLogACallFromTheClientsPage(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.Keys("C", "/", "acme", "enter", "enter", "n")
	s.MustSee("Log a touch · Acme Dental", "It was a")
	s.Keys("c", "tab", "Dana asked when the new PC comes", "ctrl+s")
	s.MustSee("on the timeline: call: Dana asked when the new PC comes", "touch   C-11    call: Dana asked when the new PC comes")
}
