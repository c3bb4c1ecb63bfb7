package ticket_test

import (
	"testing"

	"dispatch/model"
	"dispatch/tui/screentest"
)

func TestScheduleFromTheBoard(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.Keys("j", "s") // past the waiting add-on, on the top unscheduled ticket, T-1033
	s.MustSee("Schedule a visit · T-1033 Front desk scanner not saving to EHR", "Technician", "Start", "2026-11-25 11:00")
	s.Keys("ctrl+u") // technician field: the filter; choose with the arrows
	s.Keys("priya", "tab", "tab", "ctrl+u", "teatime", "enter")
	s.MustSee(`✗ start "teatime" is not a time`, "Priya Nair", "teatime")
	s.Keys("ctrl+u", "14:30", "enter") // over her 15:00 visit: it warns, and a second save books it
	s.MustSee("⚠ Priya Nair would be booked twice", "over V-310", "(T-1011 Keystone Insurance)", "save")
	s.Keys("enter")
	s.MustSee("Scheduled V-", "Priya Nair for T-1033 at Wed 14:30", "UNSCHEDULED (9)", "SCHEDULED TODAY (9)")
}

func TestScheduleFromTheTicket(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.Keys("j", "enter", "m") // nothing booked to move: it says so rather than nothing
	s.MustSee("no visit of T-1033 is booked and not yet started: s books one")
	s.Keys("s", "leo", "tab", "tab", "ctrl+u", "tomorrow 9:00", "enter")
	s.MustSee("Scheduled V-", "Leo Brandt for T-1033 at Thu 09:00")
	s.MustSee("VISITS (1)", "Thu 26 Nov 09:00  Leo Brandt  scheduled") // back on the ticket, refreshed
}

// Yesterday's emergency call is entered after the fact, on purpose; a past
// start without saying so is refused, on any day.
func TestEnterAVisitThatAlreadyHappened(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.Keys("j", "enter", "s", "sam", "tab", "tab", "ctrl+u", "08:00", "enter")
	s.MustSee("✗ start is in the past; a visit that already happened is entered as one", "Past ticked in the form")
	s.Keys("shift+tab", "y", "tab", "ctrl+u", "yesterday 17:00", "enter")
	s.MustSee("Entered after the fact V-", "Sam Okafor for T-1033 at Tue 17:00", "Tue 24 Nov 17:00  Sam Okafor  scheduled")
	s.MustNotSee("late")
}
