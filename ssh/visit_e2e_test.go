package ssh

import (
	"testing"
	"time"
)

// A technician records a visit from My day while a dispatcher watches the
// board: each step shows there within a second, and the timer ticks with
// the (injected) clock without anyone pressing anything.
func TestTechnicianStepsShowOnTheDispatchersBoard(t *testing.T) {
	o := startOffice(t)
	board := o.openTerm("Rita Gomez", 120, 40)
	board.waitFor("IN PROGRESS (5)")
	tech := o.openTerm("Sam Okafor", 80, 24)
	tech.waitFor("My day", "NOW", "IN SHOP", "w stop shop work")
	tech.typeKeys("w")
	tech.waitFor("Shop work stopped 15:00")
	board.waitFor("IN PROGRESS (4)")
	tech.typeKeys("j", "t")
	tech.waitFor("TRAVELLING  0:00:00")
	board.waitFor("IN PROGRESS (5)", "travel 0:00:00")
	o.clock.Advance(40 * time.Minute)
	tech.typeKeys("a")
	tech.waitFor("Checked in", "Dr. Aisha Bello")
	tech.typeKeys("enter", " ", "enter", "enter") // she accepts the terms on the way
	tech.waitFor("Arrived 15:40", "checked in with Dr. Aisha Bello", "terms accepted", "ON SITE  0:00:00")
	board.waitFor("on site 0:00:00")
	o.clock.Advance(3 * time.Second)
	board.waitFor("on site 0:00:03") // the board ticks by itself
	tech.waitFor("ON SITE  0:00:03")
}
