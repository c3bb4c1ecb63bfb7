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
	s.MustSee("Search  for printer", "6 found", "Label printers offline at", "…ra label «printers» at the depot", "Install classroom «printers»")
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
	s.MustSee("Search  for replace", "Replace wireles", "«Replace» wireless router", "…og PC «replacement»")
	s.FitsWindow(80, 24)
}
