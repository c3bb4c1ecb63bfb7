package cli

import (
	"strings"
	"testing"
)

// A technician prints their fortnight as a calendar file, sets where their
// invitations go and gets the secret address of their feed once; the
// office names whose calendar it wants.
func TestCalendarCommands(t *testing.T) {
	h := newHarness(t)
	h.bookedVisit()
	ics := h.mustLine("sam", "calendar")
	for _, want := range []string{"BEGIN:VCALENDAR\r\n", "METHOD:PUBLISH", "UID:visit-301@", "SUMMARY:Acme Dental: Replace router (T-1001)",
		"LOCATION:Main office\\, 12 Harbor Rd"} {
		if !strings.Contains(ics, want) {
			t.Errorf("calendar lacks %q:\n%s", want, ics)
		}
	}
	if _, errs, code := h.line("rita", "calendar"); code != 2 || !strings.Contains(errs, "--tech NAME") {
		t.Errorf("the office without --tech: %d %s", code, errs)
	}
	if _, errs, code := h.line("sam", "calendar --days 0"); code != 2 || !strings.Contains(errs, "give 1 to 731 days") {
		t.Errorf("--days 0: %s", errs)
	}
	if out := h.mustLine("rita", "calendar --tech sam --days 1"); !strings.Contains(out, "UID:visit-301@") {
		t.Errorf("the office reads Sam's day:\n%s", out)
	}
	if _, errs, _ := h.line("rita", "calendar --tech rita"); !strings.Contains(errs, "rita is a dispatcher, not a technician") {
		t.Errorf("a dispatcher's calendar: %s", errs)
	}
	if _, errs, _ := h.line("sam", "calendar --tech rita"); !strings.Contains(errs, "a technician reads only their own calendar; you are signed in as tech") {
		t.Errorf("someone else's calendar: %s", errs)
	}

	if out := h.mustLine("sam", "user email sam sam@northside.example"); !strings.Contains(out, "sam's calendar invitations go to sam@northside.example") {
		t.Errorf("user email: %s", out)
	}
	if _, errs, code := h.line("sam", "user email rita rita@northside.example"); code == 0 || !strings.Contains(errs, "you are signed in as tech") {
		t.Errorf("a technician set someone else's address: %s", errs)
	}

	out := h.mustLine("sam", "user calendar-token sam")
	if !strings.Contains(out, "calendar secret for sam: ") || !strings.Contains(out, "--calendar-listen") {
		t.Errorf("first secret, no feed served:\n%s", out)
	}
	if err := h.d.SetCalendarURL(t.Context(), "https://office.example:8443"); err != nil {
		t.Fatal(err)
	}
	if out := h.mustLine("sam", "user calendar-token sam"); !strings.Contains(out, "cannot be shown again") || !strings.Contains(out, "--rotate") {
		t.Errorf("asked again:\n%s", out)
	}
	if out := h.mustLine("ann", "user calendar-token sam --rotate"); !strings.Contains(out, "https://office.example:8443/calendar/") {
		t.Errorf("rotated:\n%s", out)
	}
}
