package tui

import (
	"strings"
	"testing"
	"time"

	"dispatch/model"
)

// The clocks move with the clock alone: no change, no key, and the board's
// order and its counts follow as tickets cross into at-risk and breached.
func TestClocksMoveTheBoardLive(t *testing.T) {
	s := newScreen(t, model.RoleDispatcher, 120, 40)
	s.mustSee("Board  1 waiting on you  14 breached  1 late to start",
		"T-1039 P2 Granite Peak Accounti… Tax software update before filing deadline", "2h left",
		"T-1040 P1 Delta Freight Co       Label printers offline at depot", "3h 20m left")
	unscheduled := func() []string {
		var ids []string
		in := false
		for _, l := range strings.Split(s.screen(), "\n") {
			switch {
			case strings.HasPrefix(l, "UNSCHEDULED"):
				in = true
			case strings.HasPrefix(l, "SCHEDULED TODAY"):
				in = false
			case in:
				ids = append(ids, strings.Fields(strings.TrimPrefix(l, "▸"))[0])
			}
		}
		return ids
	}
	if got := strings.Join(unscheduled(), " "); !strings.HasPrefix(got, "T-1033 T-1039 T-1040") {
		t.Fatalf("order: %s", got)
	}
	s.mustNotSee("at risk")
	s.clock.Advance(65 * time.Minute) // 11:05: 55m of T-1039's 4h left
	s.send(tickMsg{gen: s.app.ticks.gen})
	s.mustSee("14 breached  3 at risk", "55m left")
	s.clock.Advance(time.Hour) // 12:05: it ran out at 12:00
	s.send(tickMsg{gen: s.app.ticks.gen})
	s.mustSee("15 breached", "breached 5m ago")
	if got := strings.Join(unscheduled(), " "); !strings.HasPrefix(got, "T-1033 T-1039 T-1040") {
		t.Errorf("breached longest ago first: %s", got)
	}
}

func TestTrackingATicketFromItsPage(t *testing.T) {
	s := newScreen(t, model.RoleDispatcher, 120, 40)
	s.keys("j", "j", "enter") // T-1039, nobody has called back in 5 hours
	s.mustSee("T-1039  Tax software update", "response   2h left · due 12:00 · target 4h", "resolution 7h left",
		"w waiting on client", "c contacted", "p priority", "D done")
	s.keys("c")
	s.mustSee("Contacted the requester: the response is made · T-1039")
	s.keys("ctrl+s")
	s.mustSee("✗ note is empty")
	s.keys("called Sue, booked for tomorrow", "enter")
	s.mustSee("T-1039: the response is recorded", "response   met", "contacted  Wed 10:00 by Rita Gomez called Sue")
	s.keys("w", "waiting for the license key", "enter")
	s.mustSee("resolution paused · 7h left", "w client answered")
	s.clock.Advance(time.Hour)
	s.send(tickMsg{gen: s.app.ticks.gen})
	s.keys("w")
	s.mustSee("the client answered: the resolution clock runs again", "resolution 7h left · due")
	s.keys("p", "1", "tab", "filing deadline is tomorrow", "enter")
	s.mustSee("T-1039 is now P1: its clocks follow", "resolution breached")
	s.keys("D")
	s.mustSee("done: the resolution clock stops", "done", "waits to be invoiced")
}

func TestATechnicianCannotTrackTickets(t *testing.T) {
	s := newTechScreen(t, "Sam Okafor", 120, 40)
	s.keys("enter")
	s.mustSee("response", "resolution")
	s.mustNotSee("w waiting on client", "D done")
}
