package search_test

import (
	"testing"

	"dispatch/model"
	"dispatch/tui/screentest"
)

// The board's filter narrows the board; enter looks through every ticket
// ever, invoiced ones too, newest first, with the words that matched.
func TestEnterInTheFilterSearchesEveryTicket(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.Keys("/", "vpn")
	s.MustSee("UNSCHEDULED (0)") // an invoiced job is not on the board
	s.Keys("enter")
	s.MustSee("Search  for vpn", "2 found", "invoiced", "Keystone Insurance", "VPN client rollout", "«VPN» client rollout", "«VPN» tested")
	s.FitsWindow(120, 40)
	s.Keys("j", "enter")
	s.MustSee("VPN client rollout", "SCOPE", "VISITS (1)")
	s.Keys("esc")
	s.MustSee("Search  for vpn")
	s.Keys("/", "ctrl+u", "printer", "enter")
	s.MustSee("Search  for printer", "6 found", "Label printers offline a", "…ra label «printers» at the depot", "Install classroom «printers»")
	s.Keys("/", "ctrl+u", "zeppelin", "enter")
	s.MustSee("0 found", "no ticket has these words")
	s.Keys("/", "ctrl+u", "***", "enter")
	s.MustSee("has no words to look for")
	s.Keys("esc")
	s.MustSee("UNSCHEDULED")
}

func TestSearchFitsANarrowWindow(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 80, 24)
	s.Keys("/", "replace", "enter")
	s.MustSee("Search  for replace", "needs-visit Foxglove Bakery", "Replace wirele", "«Replace» wireless rou")
	s.FitsWindow(80, 24)
}

// Older results come a page at a time, and the cursor lands on them.
func TestSearchPages(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.Keys("/", "T", "enter") // every ticket's id starts with T: all 41, newest first
	s.MustSee("20 shown, more", "▸ T-1041")
	s.Keys("pgdown")
	s.MustSee("40 shown, more", "▸ T-1021")
	s.Keys("pgdown")
	s.MustSee("41 found", "▸ T-1001")
	s.Keys("g")
	s.MustSee("▸ T-1041")
}
