package cli

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// The command lines, as OpenSSH delivers them: a request on a first
// job added on with the contact's approval, approved by the dispatcher,
// worked on, and the estimate prompt answered.
func TestScopeOverCommands(t *testing.T) {
	h := newHarness(t)
	h.bookedVisit() // T-1001 is Acme's first job, 2h estimate
	h.mustLine("sam", "visit travel")
	h.clock.Advance(45 * time.Minute)
	h.mustLine("sam", "visit arrive --contact Dana Ruiz")
	h.clock.Advance(20 * time.Minute)

	out := h.mustLine("sam", `scope ask --asked-by "Lucy at the front desk" --what "Lobby printer won't print"`)
	if !strings.Contains(out, "S-1  Lobby printer won't print") || !strings.Contains(out, "scope new-ticket S-1") {
		t.Errorf("scope ask:\n%s", out)
	}
	_, errs, code := h.line("sam", `scope add-on S-1 --approved-by "Lucy at the front desk" --estimate 30m --told-meter-running`)
	if code != ExitError || !strings.Contains(errs, "Dana Ruiz (authorised) or Tom Becker (backup)") {
		t.Errorf("an add-on approved by someone not on file: exit %d, %s", code, errs)
	}
	_, errs, code = h.line("sam", `scope add-on S-1 --approved-by "Dana Ruiz" --estimate 30m`)
	if code != ExitError || !strings.Contains(errs, "meter is running") {
		t.Errorf("an add-on without telling the meter runs: exit %d, %s", code, errs)
	}
	out = h.mustLine("sam", `scope add-on S-1 --approved-by "Dana Ruiz" --estimate 30m --told-meter-running`)
	if !strings.Contains(out, "awaiting supervisor") || !strings.Contains(out, "add-on approved by Dana Ruiz, about 30m, told the meter is running") {
		t.Errorf("scope add-on:\n%s", out)
	}
	var pending []scopeJSON
	if err := json.Unmarshal([]byte(h.mustLine("rita", "scope list --pending --json")), &pending); err != nil {
		t.Fatal(err)
	}
	if len(pending) != 1 || pending[0].WaitingFor != "supervisor" || pending[0].Decisions[0].ApprovedBy.Name != "Dana Ruiz" {
		t.Errorf("pending: %+v", pending)
	}
	if _, errs, code := h.line("sam", "scope approve S-1"); code != ExitError || !strings.Contains(errs, "dispatchers, managers and admins") {
		t.Errorf("a technician approved their own add-on: exit %d, %s", code, errs)
	}
	var b boardJSON
	json.Unmarshal([]byte(h.mustLine("rita", "board --json")), &b)
	if w := b.Sections[0]; w.Name != "waiting_on_dispatcher" || len(w.Tickets) != 1 || w.Tickets[0].ScopeRequest != "S-1" {
		t.Errorf("waiting section: %+v", w)
	}
	h.mustLine("rita", "scope approve S-1")
	if out := h.mustLine("rita", "scope list --pending"); !strings.Contains(out, "no requests") {
		t.Errorf("still pending after approval:\n%s", out)
	}

	h.clock.Advance(10 * time.Minute)
	h.mustLine("sam", "visit work-on S-1")
	h.clock.Advance(25 * time.Minute)
	h.mustLine("sam", "visit work-on V-301 main")
	h.clock.Advance(70 * time.Minute) // main job: 20+10+70 = 100m of 120m
	var v visitCardJSON
	json.Unmarshal([]byte(h.mustLine("sam", "visit show V-301 --json")), &v)
	if v.OnSiteBy["main"] != 100*60 || v.OnSiteBy["S-1"] != 25*60 || v.OnSite != 125*60 || v.PromptDue != "near" {
		t.Errorf("attribution %v of %d, prompt %q", v.OnSiteBy, v.OnSite, v.PromptDue)
	}
	out = h.mustLine("sam", "visit overrun unreachable")
	if !strings.Contains(out, "near the estimate: could not reach anyone") || !strings.Contains(out, "dispatcher is alerted") {
		t.Errorf("visit overrun:\n%s", out)
	}
	json.Unmarshal([]byte(h.mustLine("rita", "board --json")), &b)
	if w := b.Sections[0]; len(w.Tickets) != 1 || w.Tickets[0].Waiting != "contact unreachable" {
		t.Errorf("the office is not alerted: %+v", w)
	}
	h.mustLine("rita", "visit overrun V-301 told-continue")
	h.clock.Advance(30 * time.Minute)
	out = h.mustLine("sam", "visit overrun told-stop --follow-up")
	if !strings.Contains(out, "follow-up T-1002 is on the board") {
		t.Errorf("told-stop --follow-up:\n%s", out)
	}
	out = h.mustLine("rita", "ticket show T-1002")
	if !strings.Contains(out, "Follow-up: Replace router") {
		t.Errorf("follow-up ticket:\n%s", out)
	}
}

func TestScopeCommandRefusals(t *testing.T) {
	h := newHarness(t)
	h.bookedVisit()
	tests := []struct {
		line, want string
		code       int
	}{
		{"scope ask V-301 --what printer", "missing --asked-by", ExitUsage},
		{"scope ask V-301 --asked-by Dana --what printer", "a request is recorded while on site", ExitError},
		{"scope add-on T-1001 --approved-by Dana --estimate 30m", "is a ticket id; expected a scope request id like S-12", ExitError},
		{"scope add-on S-1 --approved-by Dana --estimate soon", "is not a duration", ExitError},
		{"scope decline S-9 --reason no", "no scope request S-9", ExitError},
		{"visit work-on V-301 lunch", "neither main nor an add-on", ExitError},
		{"visit overrun V-301 maybe", "use told-continue, told-stop or unreachable", ExitError},
		{"visit overrun V-301 told-stop --follow-up", "nothing to answer", ExitError},
	}
	for _, tt := range tests {
		_, errs, code := h.line("sam", tt.line)
		if code != tt.code || !strings.Contains(errs, tt.want) {
			t.Errorf("%s: exit %d, %q; want %d and %q", tt.line, code, errs, tt.code, tt.want)
		}
	}
}

func TestClientTimelineShowsEveryDecision(t *testing.T) {
	h := newHarness(t)
	h.bookedVisit()
	h.mustLine("sam", "visit travel")
	h.clock.Advance(45 * time.Minute)
	h.mustLine("sam", "visit arrive --contact Dana Ruiz")
	h.mustLine("sam", "scope ask --asked-by Tom Becker --what Spare keyboard")
	h.clock.Advance(time.Minute)
	h.mustLine("sam", `scope decline S-1 --reason "not ours: his own keyboard"`)
	h.mustLine("sam", "touch add Acme Dental --kind note --text Tom asked about keyboards again --contact Tom Becker")
	out := h.mustLine("rita", "client timeline Acme Dental")
	at := 0
	for _, want := range []string{ // newest first
		"note: with Tom Becker: Tom asked about keyboards again",
		"Tom Becker's request declined: Spare keyboard — not ours: his own keyboard",
		"Tom Becker asked on V-301: Spare keyboard",
		"sam arrived, checked in with Dana Ruiz",
		"sam set off",
		"booked: sam for Wed 25 Nov 10:00",
		"opened: Replace router (P2, 2h)",
	} {
		i := strings.Index(out[at:], want)
		if i < 0 {
			t.Errorf("timeline lacks %q after what came before:\n%s", want, out)
			continue
		}
		at += i
	}
}
