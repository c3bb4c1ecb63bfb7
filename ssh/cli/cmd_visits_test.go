package cli

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// line runs a command line as OpenSSH delivers it.
func (h *harness) line(user, line string) (string, string, int) { return h.run(user, Split(line)...) }

func (h *harness) mustLine(user, line string) string {
	h.t.Helper()
	out, errs, code := h.line(user, line)
	if code != 0 {
		h.t.Fatalf("%s: exit %d\n%s", line, code, errs)
	}
	return out
}

func (h *harness) bookedVisit() {
	h.office()
	h.mustLine("rita", "ticket new --client Acme Dental --contact Dana Ruiz --title Replace router --scope Swap it --priority P2 --estimate 2h")
	h.mustLine("rita", "visit schedule T-1001 --tech sam --at 10:00")
}

func TestAVisitOverCommands(t *testing.T) {
	h := newHarness(t)
	h.bookedVisit()
	clock := h.clock
	h.mustLine("sam", "visit travel") // his next visit, without naming it
	clock.Advance(45 * time.Minute)
	out := h.mustLine("sam", "visit arrive V-301 --contact Dana Ruiz")
	if !strings.Contains(out, "arrived, checked in with Dana Ruiz") || !strings.Contains(out, "on site since 09:45") {
		t.Errorf("arrive:\n%s", out)
	}
	clock.Advance(time.Hour)
	h.mustLine("sam", "visit pause")
	clock.Advance(10 * time.Minute)
	h.mustLine("sam", "visit resume V-301")
	h.mustLine("sam", "visit note the laptop won't boot; taking it back")
	clock.Advance(20 * time.Minute)
	h.mustLine("sam", "visit depart --contact dana ruiz --follow-up \"back to the shop\"")
	// He forgot to tap when he got back at 11:40; he tells it at 11:55.
	clock.Advance(40 * time.Minute)
	h.mustLine("sam", "visit return --at 11:40")
	h.mustLine("sam", "visit shop-start")
	clock.Advance(30 * time.Minute)
	out = h.mustLine("sam", "visit shop-stop --json")
	var v visitCardJSON
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err, out)
	}
	if v.Phase != "finished" || v.Travel != 70*60 || v.OnSite != 80*60 || v.Paused != 10*60 || v.Shop != 30*60 || v.Total != 180*60 {
		t.Errorf("durations: %+v", v.visitJSON)
	}
	kinds := []string{}
	for _, e := range v.Events {
		kinds = append(kinds, e.Kind)
	}
	if got := strings.Join(kinds, " "); got != "scheduled travel_started arrived paused resumed note departed travel_ended shop_started shop_stopped" {
		t.Errorf("log: %s", got)
	}
	if ret := v.Events[7]; !ret.Late || ret.At != "2026-11-25T11:40:00Z" || ret.RecordedAt != "2026-11-25T11:55:00Z" {
		t.Errorf("a late return keeps both times: %+v", ret)
	}
	if arrived := v.Events[2]; arrived.Contact == nil || arrived.Contact.Name != "Dana Ruiz" {
		t.Errorf("arrival contact: %+v", arrived)
	}
	// Rita corrects the arrival: the original stays in the log.
	out = h.mustLine("rita", "visit fix "+v.Events[2].ID+" --at 09:40 --reason Dana says 9:40")
	if !strings.Contains(out, "09:40  arrived, checked in with Dana Ruiz — corrected from 09:45 by rita: Dana says 9:40") {
		t.Errorf("fix:\n%s", out)
	}
	if !strings.Contains(out, "11:40  travel ended — entered late, at 11:55") {
		t.Errorf("late entry in the log:\n%s", out)
	}
}

func TestVisitRefusals(t *testing.T) {
	h := newHarness(t)
	h.bookedVisit()
	tests := []struct {
		user, line string
		code       int
		says       string
	}{
		{"sam", "visit arrive V-301 --contact Dana Ruiz", ExitError, "cannot arrive: V-301 is scheduled; now you can start travel"},
		{"sam", "visit arrive V-301", ExitUsage, "missing --contact"},
		{"sam", "visit pause", ExitError, "visit is needed: none of your visits can pause now (V-301 booked 10:00); name one, like V-12"},
		{"rita", "visit pause", ExitUsage, "name the visit, like V-12"},
		{"sam", "visit travel V-301 --at tomorrow 9:00", ExitError, "is in the future (it is 09:00 now)"},
		{"sam", "visit travel V-301 --at 2026-11-25 09:30", ExitError, "in the future"},
		{"sam", "visit travel T-1001", ExitError, "is a ticket id; expected a visit id"},
		{"sam", "visit travel V-999", ExitError, "no visit V-999"},
		{"sam", "visit fix E-1 --at 09:00 --reason x", ExitError, "correcting recorded times is for dispatchers, managers and admins"},
		{"rita", "visit fix E-1 --at 09:00", ExitUsage, "missing --reason"},
		{"rita", "visit fix E-1 --at 08:00 --reason booked earlier", ExitError, "only the visit's steps"},
		{"sam", "visit note", ExitUsage, "the note is missing"},
	}
	for _, tt := range tests {
		_, errs, code := h.line(tt.user, tt.line)
		if code != tt.code || !strings.Contains(errs, tt.says) {
			t.Errorf("%s: exit %d (want %d)\n%s\nwant it to say %q", tt.line, code, tt.code, errs, tt.says)
		}
	}
}
