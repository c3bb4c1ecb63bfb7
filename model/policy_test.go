package model

import (
	"strings"
	"testing"
	"time"
)

func TestParseHoursAndTargets(t *testing.T) {
	days, h, err := ParseHours("Mon-Fri 08:00-17:30")
	if err != nil || len(days) != 5 || days[0] != time.Monday || h != (OpenHours{8 * time.Hour, 17*time.Hour + 30*time.Minute}) {
		t.Errorf("mon-fri: %v %v %v", days, h, err)
	}
	if days, h, err := ParseHours("sat closed"); err != nil || len(days) != 1 || !h.Closed() {
		t.Errorf("sat closed: %v %v %v", days, h, err)
	}
	if days, _, err := ParseHours("fri-mon 00:00-24:00"); err != nil || len(days) != 4 {
		t.Errorf("a range over the weekend: %v %v", days, err)
	}
	for _, bad := range []string{"", "mon", "mon 17:00-08:00", "funday 08:00-17:00", "mon 8-17", "mon 08:00-24:30", "mon 08:0-17:00"} {
		if _, _, err := ParseHours(bad); err == nil || !strings.Contains(err.Error(), "mon-fri 08:00-17:00") {
			t.Errorf("%q: %v", bad, err)
		}
	}
	for in, want := range map[string]string{"1h/4h 24x7": "1h/4h 24x7", "4h/1bd": "4h/1bd", "30m/1h30m": "30m/1h30m", "1BD/3bd": "1bd/3bd"} {
		got, err := ParseTarget("p1", in)
		if err != nil || FormatTarget(got) != want {
			t.Errorf("%q: %q %v", in, FormatTarget(got), err)
		}
	}
	for _, bad := range []string{"", "4h", "4h/", "/1bd", "4h/1bd 9to5", "-1h/2h", "0bd/1bd", "1h/99bd", "90s/2h"} {
		if _, err := ParseTarget("p2", bad); err == nil || !strings.Contains(err.Error(), "4h/1bd") {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

func TestPolicyValidate(t *testing.T) {
	if err := DefaultPolicy().Validate(); err != nil {
		t.Fatal(err)
	}
	closed := DefaultPolicy()
	closed.Week = [7]OpenHours{}
	if err := closed.Validate(); err == nil || !strings.Contains(err.Error(), "open at least one weekday") {
		t.Errorf("never open: %v", err)
	}
	backwards := DefaultPolicy()
	backwards.Targets[P2] = Target{Response: Span{Days: 2}, Resolution: Span{D: time.Hour}}
	if err := backwards.Validate(); err == nil || !strings.Contains(err.Error(), "resolves sooner than it responds") {
		t.Errorf("resolution before response: %v", err)
	}
	risky := DefaultPolicy()
	risky.AtRisk = 1.5
	if err := risky.Validate(); err == nil {
		t.Error("at risk of 150% accepted")
	}
}

func FuzzParsePolicyFields(f *testing.F) {
	for _, s := range []string{"mon-fri 08:00-17:00", "sun closed", "1h/4h 24x7", "4h/1bd", "\x1b[2J", "mon 24:00-24:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if days, h, err := ParseHours(in); err == nil && (len(days) == 0 || len(days) > 7 || h.Open < 0 || h.Close > 24*time.Hour || !h.Closed() && h.Close <= h.Open) {
			t.Fatalf("ParseHours(%q) = %v %v", in, days, h)
		}
		if tg, err := ParseTarget("p1", in); err == nil {
			if back, err := ParseTarget("p1", FormatTarget(tg)); err != nil || back != tg {
				t.Fatalf("ParseTarget(%q) = %+v does not round-trip: %+v %v", in, tg, back, err)
			}
		}
	})
}
