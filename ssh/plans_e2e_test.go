package ssh

import (
	"testing"
	"time"
)

// The dispatcher moves Sam's router visit by a command over SSH; Sam's open
// My day shows the new time without a key press. Then a visit closed on
// site as done leaves the dispatcher's open board lists at once.
func TestAMovedVisitAndAJobClosedOnSiteShowEverywhere(t *testing.T) {
	o := startOffice(t)
	sam := o.openTerm("Sam Okafor", 120, 40)
	sam.waitFor("My day", "15:45 V-322", "Replace wireless router")
	if out, errs, code := o.exec("Rita Gomez", `visit move V-322 --at 17:30 --reason "client asked for later"`); code != 0 {
		t.Fatalf("visit move: %d %s %s", code, out, errs)
	}
	sam.waitFor("17:30 V-322")

	board := o.openTerm("Rita Gomez", 200, 60)
	board.waitFor("SCHEDULED TODAY (8)", "DONE — TO INVOICE (6)")
	sam.typeKeys("w", "j", "t")
	sam.waitFor("TRAVELLING")
	o.clock.Advance(40 * time.Minute)
	sam.typeKeys("a", "enter", "enter")
	sam.waitFor("ON SITE")
	o.clock.Advance(30 * time.Minute)
	sam.typeKeys("d", "tab", "d", "ctrl+s")
	sam.waitFor("the job is done", "RETURNING")
	board.waitFor("SCHEDULED TODAY (7)", "DONE — TO INVOICE (7)")
}
