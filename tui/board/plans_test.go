package board_test

import (
	"testing"

	"dispatch/model"
	"dispatch/tui/screentest"
)

// A technician who opens the board from My day gets back with esc or b.
func TestATechnicianGoesBackFromTheBoard(t *testing.T) {
	s := screentest.Tech(t, "Sam Okafor", 120, 40)
	s.MustSee("My day")
	s.Keys("b")
	s.MustSee("UNSCHEDULED (10)", "esc back")
	s.Keys("/", "router", "esc") // esc first clears a filter
	s.MustSee("UNSCHEDULED (10)")
	s.Keys("esc")
	s.MustSee("My day")
	s.Keys("b", "b")
	s.MustSee("My day")
}

// The dispatcher moves Sam's router visit to Priya at 15:00 from the board;
// Sam's open day loses it and Priya's gains it, without a key pressed.
func TestMoveAndCancelAVisitFromTheBoard(t *testing.T) {
	sam, rita := screentest.Office(t, "Sam Okafor", 120, 40)
	sam.MustSee("Replace wireless router")
	rita.Keys("/", "wireless router", "down")
	rita.MustSee("m move visit", "X cancel visit")
	rita.Keys("m")
	rita.MustSee("Move a visit · T-1027", "V-322 Sam Okafor", "Sam Okafor", "2026-11-25 10:45")
	rita.Keys("tab", "priya", "tab", "ctrl+u", "15:00", "tab", "Sam is at the clinic all day", "ctrl+s")
	rita.MustSee("⚠ Priya Nair would be booked twice")
	rita.Keys("shift+tab", "ctrl+u", "17:00", "ctrl+s") // a change takes the warning back; 17:00 is free
	rita.MustSee("Moved V-322: Priya Nair for T-1027 at Wed 17:00", "Priya Nair     17:00")

	sam.Changed()
	sam.MustNotSee("Replace wireless router")

	rita.Keys("X")
	rita.MustSee("Cancel a visit · T-1027", "V-322 Priya Nair")
	rita.Keys("tab", "client closed for a funeral", "enter")
	rita.MustSee("Cancelled V-322 (Priya Nair): it stays in T-1027's log", "UNSCHEDULED (1)")
	rita.Keys("esc", "/", "T-1027", "down", "enter")
	rita.MustSee("cancelled", "moved to Wed 25 Nov 17:00 with Priya Nair by Rita Gomez: Sam is at the clinic all day",
		"cancelled by Rita Gomez: client closed for a funeral")
}

// Cancelling a ticket from its page takes it off the board.
func TestCancelATicketFromItsPage(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.Keys("/", "Shared mailbox", "down", "enter")
	s.MustSee("T-1026")
	s.Keys("C")
	s.MustSee("Cancel the ticket", "Repeats")
	s.Keys("tab", "1026", "ctrl+s")
	s.MustSee("✗ duplicate-of is T-1026 itself")
	s.Keys("ctrl+u", "T-1009", "ctrl+s")
	s.MustSee("T-1009 is another client's ticket")
	s.Keys("ctrl+u", "T-1022", "ctrl+s")
	s.MustSee("T-1026 cancelled: it has left the board", "cancelled", "duplicate of T-1022")
	s.Keys("esc")
	s.MustSee("UNSCHEDULED (0)", "no match")
}
