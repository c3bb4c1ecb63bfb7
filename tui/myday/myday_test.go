package myday_test

import (
	"strings"
	"testing"
	"time"

	"dispatch/model"
	"dispatch/tui/page"
	"dispatch/tui/screentest"
)

func TestMyDayShowsTheVisitUnderWayLarge(t *testing.T) {
	s := screentest.Tech(t, "Sam Okafor", 80, 24)
	s.FitsWindow(80, 24)
	// Sam is working on a PC in the shop since 08:30 (demo); then two visits booked today.
	s.MustSee("My day", "NOW", "IN SHOP  1:30:00", "Office PC won't boot after update", "Lakeside Montessori",
		"travel 1:30:00", "on site 2:00:00", "shop 1:30:00", "total 5:00:00", "100% of 2h",
		"TODAY", "X-ray worksta", "w stop shop work")
	s.MustNotSee("t start travel", "a arrived") // not offered for a visit in the shop
	s.Clock.Advance(5 * time.Second)
	s.Tick()
	s.MustSee("IN SHOP  1:30:05", "shop 1:30:05") // ticks with the clock, nothing stored
}

func TestMyDayRecordsAVisitKeyByKey(t *testing.T) {
	s := screentest.Tech(t, "Sam Okafor", 120, 40)
	s.Keys("w") // stop shop work on the PC
	s.MustSee("Shop work stopped 10:00 · V-", "DONE")
	s.Keys("j")
	s.MustSee("NEXT", "X-ray workstation won't see imaging plate", "t start travel")
	s.Keys("a") // arriving before travelling: not done, and said why
	s.MustSee("cannot arrive", "is scheduled; now you can start travel")
	s.Keys("t")
	s.MustSee("Start travel 10:00", "TRAVELLING  0:00:00", "a arrived")
	s.Clock.Advance(40 * time.Minute)
	s.Keys("a")
	s.MustSee("Arrived · V-", "Checked in", "Dr. Aisha Bello", "Terms", "When")
	s.Keys("enter", "space", "enter", "enter") // the authorised contact is suggested; she accepts the terms; when: now
	s.MustSee("Arrived 10:40 · V-", "checked in with Dr. Aisha Bello", "terms accepted", "ON SITE  0:00:00", "travel 0:40:00")
	s.Clock.Advance(30 * time.Minute)
	s.Keys("p")
	s.MustSee("Pause work 11:10", "PAUSED", "p resume")
	s.Keys("n")
	s.Keys("plate reader needs a firmware update", "tab", "ctrl+s")
	s.MustSee("Note 11:10")
	s.Keys("p")
	s.Clock.Advance(20 * time.Minute)
	s.Keys("d", "ctrl+s")
	s.MustSee("✗ outcome is not said") // how it ended is said, not assumed
	s.Keys("n", "ctrl+s")
	s.MustSee("✗ follow-up is empty")
	s.Keys("plate reader firmware to install", "ctrl+s")
	s.MustSee("Departed 11:30", "checked out with Dr. Aisha Bello", "needs another visit", "RETURNING")
	s.Keys("enter") // the ticket, with the whole log
	s.MustSee("VISITS (1)", "travel started", "arrived, checked in with Dr. Aisha Bello", "note: plate reader needs a firmware update",
		"departed, checked out with Dr. Aisha Bello", "on site 0:50:00")
}

// A job finished on site leaves the dispatcher's open lists at once: it
// waits to be invoiced. One that needs another visit waits, with its
// reason, in a section of its own.
func TestDepartingSaysHowTheJobEnded(t *testing.T) {
	sam, rita := screentest.Office(t, "Sam Okafor", 120, 40)
	sam.Keys("w", "j", "t")
	sam.Clock.Advance(40 * time.Minute)
	sam.Keys("a", "enter", "enter", "enter")
	sam.Clock.Advance(50 * time.Minute)
	sam.Keys("d", "tab", "d", "ctrl+s")
	sam.MustSee("Departed 11:30", "the job is done", "RETURNING")
	rita.Changed()
	rita.MustSee("7 to invoice")
	rita.Keys("/", "X-ray")
	rita.MustSee("SCHEDULED TODAY (0)", "IN PROGRESS (0)", "DONE — TO INVOICE (1)", "X-ray workstation won't see imaging plate")

	sam.Keys("r") // the trip back is still recorded on a done ticket
	sam.MustSee("Travel ended")
	sam.Keys("j", "t")
	sam.Clock.Advance(30 * time.Minute)
	sam.Keys("a", "enter", "enter", "enter", "d", "tab", "n", "tab", "router on back order", "ctrl+s")
	sam.MustSee("needs another visit")
	sam.Keys("r")
	rita.Changed()
	rita.Keys("esc")
	rita.MustSee("NEEDS ANOTHER VISIT (3)", "Replace wireless router — router on back")
}

// A technician who writes what is left but lands on "done" is asked which
// they meant: the job is not closed by a slip of the arrow key.
func TestDoneWithSomethingLeftToDoIsQuestioned(t *testing.T) {
	sam, _ := screentest.Office(t, "Sam Okafor", 80, 24)
	sam.Keys("w", "j", "t")
	sam.Clock.Advance(40 * time.Minute)
	sam.Keys("a", "enter", "enter", "enter")
	sam.Clock.Advance(50 * time.Minute)
	sam.Keys("d", "tab")
	sam.MustSee("( ) done · ( ) needs another visit")
	sam.Keys("right")
	sam.MustSee("(•) done · ( ) needs another visit")
	sam.Keys("tab", "waiting for the part", "ctrl+s")
	sam.MustSee("outcome is done, but something is left to do", "waiting for the part")
	sam.MustNotSee("Departed 11:30")
	sam.Keys("shift+tab", "right", "ctrl+s")
	sam.MustSee("needs another visit")
}

func TestMyDayLateEntryKeepsWhatWasTyped(t *testing.T) {
	s := screentest.Tech(t, "Sam Okafor", 80, 24)
	s.Keys("w", "j", "T") // travel, but at an earlier time
	s.MustSee("Start travel · V-", "When")
	s.Keys("teatime", "ctrl+s")
	s.MustSee("teatime", "write it like 12:45, 20m ago")
	s.Keys("ctrl+u", "11:00", "ctrl+s") // in the future
	s.MustSee("in the future")
	s.Keys("ctrl+u", "9:50", "ctrl+s") // but the shop work was stopped at 10:00: he cannot be in two places
	s.MustSee("✗ Sam Okafor would be on V-330 09:50–10:00 while on V-328 08:30–10:00")
	s.Keys("ctrl+u", "10:00", "ctrl+s")
	s.MustSee("Start travel 10:00", "TRAVELLING  0:00:00")
	s.FitsWindow(80, 24)
}

// Setting off from the shop ends the shop work then: a technician is in one
// place at a time, and no minute is counted twice.
func TestSettingOffFromTheShopStopsTheShopWork(t *testing.T) {
	s := screentest.Tech(t, "Sam Okafor", 120, 40)
	s.MustSee("IN SHOP  1:30:00")
	s.Keys("j", "T", "9:50", "ctrl+s") // he forgot both taps
	s.MustSee("Start travel 09:50", "TRAVELLING  0:10:00", "entered 10:00")
	s.MustNotSee("in shop 1:")
	s.Keys("k")
	s.MustSee("DONE", "shop 1:20:00")
}

func TestMyDayWithNothingBooked(t *testing.T) {
	s := screentest.New(t, model.RoleTech, 80, 24)
	s.MustSee("No visits booked for you today. Press b for the board.")
	if strings.Contains(s.Screen(), "t start travel") {
		t.Error("no visit, no steps")
	}
}

// The keys offer only what the technician's other visits leave possible:
// travelling to one visit, they cannot set off for another, nor arrive
// there (trial 9).
func TestMyDayOffersNoStepItsOtherVisitsRefuse(t *testing.T) {
	s := screentest.Tech(t, "Sam Okafor", 120, 40)
	s.Keys("j")                         // the next visit, booked; Sam is in the shop on the PC
	s.MustSee("NEXT", "t start travel") // setting off ends the shop work
	s.Keys("t")
	s.MustSee("TRAVELLING")
	s.Keys("k") // back to the PC, finished now
	s.MustSee("DONE")
	s.MustNotSee("w shop work") // not while travelling to the other visit
	s.Keys("w")
	s.MustSee("is travelling for V-") // pressed anyway, it says where Sam is
	s.Keys("j", "j")                  // the day's other booked visit
	s.Keys("a")
	s.MustSee("is travelling for V-") // not "now you can start travel", which is refused too
	s.MustNotSee("now you can start travel")
}

// A notice goes once it has been read: it would otherwise go on describing
// a state long gone (trial 9).
func TestMyDayNoticesFade(t *testing.T) {
	s := screentest.Tech(t, "Sam Okafor", 120, 40)
	s.App.Init()
	s.Keys("w")
	s.MustSee("Shop work stopped 10:00")
	if !s.App.TicksEverySecond() { // nothing runs now, but the notice must go on its second, not the minute's
		t.Error("a notice on screen does not tick the clock each second")
	}
	s.Clock.Advance(page.NoticeFor - time.Second)
	s.Tick()
	s.MustSee("Shop work stopped 10:00")
	s.Clock.Advance(time.Second)
	s.Tick()
	s.MustNotSee("Shop work stopped")
	s.Tick()
	if s.App.TicksEverySecond() {
		t.Error("still ticking each second with nothing running and no notice")
	}
}
