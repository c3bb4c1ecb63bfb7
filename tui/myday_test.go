package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/model/door/doortest"
)

// newTechScreen opens the interface as one of the demo's technicians.
func newTechScreen(t *testing.T, name string, width, height int) *screenTest {
	t.Helper()
	o := doortest.OpenDemo(t, testNow)
	u, err := o.Door.FindTech(context.Background(), model.Console, name)
	if err != nil {
		t.Fatal(err)
	}
	st := &screenTest{t: t, app: New(Deps{Ctx: context.Background(), Door: o.Door, User: u}), door: o.Door, clock: o.Clock}
	st.send(tea.WindowSizeMsg{Width: width, Height: height})
	return st
}

func TestMyDayShowsTheVisitUnderWayLarge(t *testing.T) {
	s := newTechScreen(t, "Sam Okafor", 80, 24)
	s.fitsWindow(80, 24)
	// Sam is working on a PC in the shop since 08:30 (demo); then two visits booked today.
	s.mustSee("My day", "NOW", "IN SHOP  1:30:00", "Office PC won't boot after update", "Lakeside Montessori",
		"travel 1:30:00", "on site 2:00:00", "shop 1:30:00", "total 5:00:00", "100% of 2h",
		"TODAY", "X-ray worksta", "w stop shop work")
	s.mustNotSee("t start travel", "a arrived") // not offered for a visit in the shop
	s.clock.Advance(5 * time.Second)
	s.send(tickMsg{gen: s.app.ticks.gen})
	s.mustSee("IN SHOP  1:30:05", "shop 1:30:05") // ticks with the clock, nothing stored
}

func TestMyDayRecordsAVisitKeyByKey(t *testing.T) {
	s := newTechScreen(t, "Sam Okafor", 120, 40)
	s.keys("w") // stop shop work on the PC
	s.mustSee("Shop work stopped 10:00 · V-", "DONE")
	s.keys("j")
	s.mustSee("NEXT", "X-ray workstation won't see imaging plate", "t start travel")
	s.keys("a") // arriving before travelling: not done, and said why
	s.mustSee("cannot arrive", "is scheduled; now you can start travel")
	s.keys("t")
	s.mustSee("Start travel 10:00", "TRAVELLING  0:00:00", "a arrived")
	s.clock.Advance(40 * time.Minute)
	s.keys("a")
	s.mustSee("Arrived · V-", "Checked in", "Dr. Aisha Bello", "When")
	s.keys("enter", "enter") // the authorised contact is suggested; when: now
	s.mustSee("Arrived 10:40 · V-", "checked in with Dr. Aisha Bello", "ON SITE  0:00:00", "travel 0:40:00")
	s.clock.Advance(30 * time.Minute)
	s.keys("p")
	s.mustSee("Pause work 11:10", "PAUSED", "p resume")
	s.keys("n")
	s.keys("plate reader needs a firmware update", "tab", "ctrl+s")
	s.mustSee("Note 11:10")
	s.keys("p")
	s.clock.Advance(20 * time.Minute)
	s.keys("d", "ctrl+s")
	s.mustSee("Departed 11:30", "checked out with Dr. Aisha Bello", "RETURNING")
	s.keys("enter") // the ticket, with the whole log
	s.mustSee("VISITS (1)", "travel started", "arrived, checked in with Dr. Aisha Bello", "note: plate reader needs a firmware update",
		"departed, checked out with Dr. Aisha Bello", "on site 0:50:00")
}

func TestMyDayLateEntryKeepsWhatWasTyped(t *testing.T) {
	s := newTechScreen(t, "Sam Okafor", 80, 24)
	s.keys("w", "j", "T") // travel, but at an earlier time
	s.mustSee("Start travel · V-", "When")
	s.keys("teatime", "ctrl+s")
	s.mustSee("teatime", "write it like 12:45, 20m ago")
	s.keys("ctrl+u", "11:00", "ctrl+s") // in the future
	s.mustSee("in the future")
	s.keys("ctrl+u", "9:50", "ctrl+s")
	s.mustSee("Start travel 09:50", "TRAVELLING  0:10:00", "entered 10:00")
	s.fitsWindow(80, 24)
}

// An idle board redraws once a minute; a running timer makes it tick every
// second, and only then.
func TestTimersTickOnlyWhileOneRuns(t *testing.T) {
	s := newScreen(t, model.RoleDispatcher, 120, 40)
	s.app.Init()
	if !s.app.ticks.fast {
		t.Errorf("visits in progress, yet not ticking:\n%s", s.screen())
	}
	s.keys("/", "Label printers") // only an unscheduled ticket left in view
	if s.app.ticks.fast {
		t.Errorf("no timer left, yet ticking every second:\n%s", s.screen())
	}
	gen := s.app.ticks.gen
	s.send(tickMsg{gen: gen - 1}) // a tick from an old chain is dropped
	if s.app.ticks.gen != gen {
		t.Errorf("a stale tick started another chain")
	}
	s.keys("esc")
	if !s.app.ticks.fast {
		t.Errorf("timers back, yet not ticking")
	}
}

func TestMyDayWithNothingBooked(t *testing.T) {
	s := newScreen(t, model.RoleTech, 80, 24)
	s.mustSee("No visits booked for you today. Press b for the board.")
	if strings.Contains(s.screen(), "t start travel") {
		t.Error("no visit, no steps")
	}
}
