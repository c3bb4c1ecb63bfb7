package cli

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestPolicyOverCommands(t *testing.T) {
	h := newHarness(t)
	out := h.mustLine("sam", "policy show")
	for _, want := range []string{"HOW TO GET SERVICE FROM US", "Monday–Friday        08:00-17:00", "Saturday–Sunday      closed",
		"P1 emergency        respond within 1h, resolve within 4h, around the clock",
		"P3 normal           respond within 1 business day, resolve within 3 business days, counted in business hours",
		"Outside our hours only P1 emergencies are worked"} {
		if !strings.Contains(out, want) {
			t.Errorf("policy show lacks %q:\n%s", want, out)
		}
	}
	if _, errs, code := h.line("rita", "policy set --p2 2h/1bd"); code != ExitError || !strings.Contains(errs, "managers and admins") {
		t.Errorf("a dispatcher set the policy: %d %s", code, errs)
	}
	_, errs, code := h.line("ann", "policy set --hours mon-fri 9-5 --p2 fast --at-risk 150%")
	for _, want := range []string{"mon-fri 08:00-17:00", "4h/1bd", "like 25%"} {
		if code != ExitError || !strings.Contains(errs, want) {
			t.Errorf("bad policy: exit %d, lacks %q: %s", code, want, errs)
		}
	}
	out = h.mustLine("ann", `policy set --tz America/Chicago --hours "sat 09:00-12:00" --holiday 2026-12-25 --holiday 2026-11-26 --p2 2h/1bd --at-risk 30%`)
	for _, want := range []string{"Our hours (America/Chicago)", "Saturday             09:00-12:00", "Closed on: 2026-11-26, 2026-12-25", "respond within 2h"} {
		if !strings.Contains(out, want) {
			t.Errorf("after policy set, lacks %q:\n%s", want, out)
		}
	}
	var p policyJSON
	json.Unmarshal([]byte(h.mustLine("sam", "policy show --json")), &p)
	if p.Targets["P2"] != "2h/1bd" || p.AtRisk != 30 || p.Hours["saturday"] != "09:00-12:00" || p.DaySecs != 9*3600 {
		t.Errorf("policy JSON %+v", p)
	}
}

func TestTicketClocksOverCommands(t *testing.T) {
	h := newHarness(t) // Wednesday 09:00, office in UTC
	h.office()
	h.mustLine("rita", "ticket new --client Acme Dental --contact Dana Ruiz --title Router --scope Swap it --priority P2 --estimate 2h --at 08:15")
	out := h.mustLine("rita", "ticket show T-1001")
	if !strings.Contains(out, "response:   3h 15m left (due 12:15) · target 4h") {
		t.Errorf("opened at 08:15, entered at 09:00:\n%s", out)
	}
	if _, errs, code := h.line("rita", "ticket wait T-1001"); code != ExitUsage || !strings.Contains(errs, "--reason") {
		t.Errorf("wait without a reason: %d %s", code, errs)
	}
	if _, errs, code := h.line("sam", "ticket wait T-1001 --reason x"); code != ExitError || !strings.Contains(errs, "dispatchers, managers and admins") {
		t.Errorf("a technician set a ticket waiting: %d %s", code, errs)
	}
	h.mustLine("rita", `ticket wait T-1001 --reason "sending the admin password"`)
	h.clock.Advance(2 * time.Hour)
	out = h.mustLine("rita", "ticket resume T-1001")
	if !strings.Contains(out, "resolution: 8h 15m left") || !strings.Contains(out, "waiting:    2026-11-25 09:00 by rita sending the admin password") {
		t.Errorf("after two hours waiting, 45m of the business day is used:\n%s", out)
	}
	h.mustLine("rita", "ticket priority T-1001 P1 --reason whole office down")
	var list []slaJSON
	if out := h.mustLine("rita", "sla list --at-risk --json"); out != "[]\n" {
		t.Errorf("a breached clock listed as at risk: %s", out)
	}
	if out := h.mustLine("rita", "sla list --breached"); !strings.Contains(out, "was 11:00") {
		t.Errorf("a breached clock shows when it broke in DUE:\n%s", out)
	}
	json.Unmarshal([]byte(h.mustLine("rita", "sla list --breached --json")), &list)
	if len(list) != 1 || list[0].Watching != "response" || list[0].Clock.State != "breached" || list[0].Clock.RemainingSec != -(2*3600+45*60-3600) {
		t.Errorf("a P1 opened at 08:15 and unanswered at 11:00 breached its hour at 09:15: %+v", list)
	}
	h.mustLine("rita", "ticket contacted T-1001 --note called Dana, on the way")
	out = h.mustLine("rita", "sla list")
	if !strings.Contains(out, "T-1001  P1  Acme Dental  Router  resolution  ") {
		t.Errorf("after the call the resolution clock is watched:\n%s", out)
	}
	h.mustLine("rita", "ticket done T-1001")
	if out := h.mustLine("rita", "sla list"); !strings.Contains(out, "no open tickets") {
		t.Errorf("a done ticket is still listed:\n%s", out)
	}
	if _, errs, code := h.line("rita", "ticket new --client Acme Dental --contact Dana Ruiz --title X --scope Y --priority P3 --estimate 1h --at tomorrow"); code == 0 || !strings.Contains(errs, "at ") {
		t.Errorf("opened tomorrow: %d %s", code, errs)
	}
}
