package board_test

import (
	"strings"
	"testing"
	"time"

	"dispatch/model"
	"dispatch/tui/screentest"
)

// The clocks move with the clock alone: no change, no key, and the board's
// order and its counts follow as tickets cross into at-risk and breached.
func TestClocksMoveTheBoardLive(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.MustSee("Board  1 waiting on you  14 breached  1 late to start",
		"T-1039 P2 Granite Peak Accounti… Tax software update before filing deadline", "2h left",
		"T-1040 P1 Delta Freight Co       Label printers offline at depot", "3h 20m left")
	unscheduled := func() []string {
		var ids []string
		in := false
		for _, l := range strings.Split(s.Screen(), "\n") {
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
	s.MustNotSee("at risk")
	s.Clock.Advance(65 * time.Minute) // 11:05: 55m of T-1039's 4h left
	s.Tick()
	s.MustSee("14 breached  3 at risk", "55m left")
	s.Clock.Advance(time.Hour) // 12:05: it ran out at 12:00
	s.Tick()
	s.MustSee("15 breached", "breached 5m ago")
	if got := strings.Join(unscheduled(), " "); !strings.HasPrefix(got, "T-1033 T-1039 T-1040") {
		t.Errorf("breached longest ago first: %s", got)
	}
}

func TestTrackingATicketFromItsPage(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.Keys("j", "j", "enter") // T-1039, nobody has called back in 5 hours
	s.MustSee("T-1039  Tax software update", "response   2h left · due 12:00 · target 4h", "resolution 7h left",
		"w waiting on client", "c contacted", "p priority", "D done")
	s.Keys("c")
	s.MustSee("Contacted the requester: the response is made · T-1039")
	s.Keys("ctrl+s")
	s.MustSee("✗ note is empty")
	s.Keys("called Sue, booked for tomorrow", "enter")
	s.MustSee("T-1039: the response is recorded", "response   met", "contacted  Wed 10:00 by Rita Gomez called Sue")
	s.Keys("w", "waiting for the license key", "enter")
	s.MustSee("resolution paused · 7h left", "w client answered")
	s.Clock.Advance(time.Hour)
	s.Tick()
	s.Keys("w")
	s.MustSee("the client answered: the resolution clock runs again", "resolution 7h left · due")
	s.Keys("p", "1", "tab", "filing deadline is tomorrow", "enter")
	s.MustSee("T-1039 is now P1: its clocks follow", "resolution breached")
	s.Keys("D") // it asks first
	s.MustSee("Mark T-1039 done?", "closed by mistake is reopened")
	s.Keys("n")
	s.MustNotSee("Mark T-1039 done?")
	s.MustSee("resolution breached")
	s.Keys("D", "y")
	s.MustSee("done: the resolution clock stops", "done", "waits to be invoiced", "R reopen")
	s.Keys("R", "the license key was wrong", "enter")
	s.MustSee("T-1039 is open again", "reopened   Wed 11:00 by Rita Gomez the license key was wrong")
}

func TestATechnicianCannotTrackTickets(t *testing.T) {
	s := screentest.Tech(t, "Sam Okafor", 120, 40)
	s.Keys("enter")
	s.MustSee("response", "resolution")
	s.MustNotSee("w waiting on client", "D done")
}
