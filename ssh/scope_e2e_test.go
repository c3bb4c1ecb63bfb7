package ssh

import (
	"testing"
	"time"
)

// A technician on a new client's first job records a "while you're here"
// and the contact's approval as an add-on; the dispatcher's board shows it
// waiting without a key pressed, the dispatcher approves with one key, and
// the technician's My day says so by itself.
func TestFirstJobAddOnIsApprovedLiveOverSSH(t *testing.T) {
	o := startOffice(t)
	rita := o.openTerm("Rita Gomez", 120, 40)
	rita.waitFor("WAITING ON A DISPATCHER (1)", "S-3")
	jon := o.openTerm("Jon Reyes", 100, 30)
	jon.waitFor("My day", "Set up practice-management PC", "waiting for the office (first job)")

	jon.typeKeys("h")
	jon.waitFor("While you're here · V-", "Asked by")
	jon.typeKeys("K", "i", "m", "tab", "Guest Wi-Fi password", "enter")
	jon.waitFor("While you're here · S-4", "n  New ticket", "a  Add to this visit")
	jon.typeKeys("a")
	jon.waitFor("Add S-4 to V-", "Dr. Lena Ortiz")
	jon.typeKeys("tab", "15m", "tab", " ", "ctrl+s")
	jon.waitFor("S-4 sent to the office: a first job's add-on needs a supervisor too")

	rita.waitFor("WAITING ON A DISPATCHER (2)", "add-on: Guest Wi-Fi password") // nobody pressed a key
	rita.typeKeys("j")                                                          // S-3, an older request, is still waiting above it
	pressed := time.Now()
	rita.typeKeys("a")
	jon.waitFor("S-4 approved by Rita Gomez · press o to work on it")
	t.Logf("from the dispatcher's key to the technician's screen: %s", time.Since(pressed).Round(time.Millisecond))
	rita.waitFor("S-4 approved: Jon Reyes can work on it", "WAITING ON A DISPATCHER (1)")

	jon.typeKeys("o")
	jon.waitFor("Working on S-4 Guest Wi-Fi password", "▶ S-4")
}
