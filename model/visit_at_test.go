package model

import (
	"strings"
	"testing"
	"time"
)

// Something done on site, entered late, is judged by where the visit stood
// at that time, not now.
func TestCheckOnSiteAt(t *testing.T) {
	now := at(t, "20:00")
	v := visitAt(t, "travel_started", "12:00", "arrived", "12:45", "paused", "13:30", "resumed", "13:45", "departed", "15:10")
	tests := []struct {
		clock  string
		refuse string
	}{
		{"13:00", ""},
		{"13:35", ""}, // paused is still on site
		{"12:30", "was travelling at 12:30"},
		{"15:30", "was returning at 15:30"},
		{"11:00", "was scheduled at 11:00"},
		{"20:30", "in the future"},
	}
	for _, tt := range tests {
		err := CheckOnSiteAt(v, at(t, tt.clock), now, time.UTC, "a request")
		switch {
		case tt.refuse == "" && err != nil:
			t.Errorf("%s: %v", tt.clock, err)
		case tt.refuse != "" && (err == nil || !strings.Contains(err.Error(), tt.refuse)):
			t.Errorf("%s: %v, want %q", tt.clock, err, tt.refuse)
		}
	}
	if err := CheckOnSiteAt(v, at(t, "16:00"), now, time.UTC, "a request"); err == nil || !strings.Contains(err.Error(), "on site 12:45–15:10") {
		t.Errorf("the refusal says when it was on site: %v", err)
	}
}

func TestCheckDecisionAt(t *testing.T) {
	now := at(t, "20:00")
	r := ScopeRequest{ID: 3, AskedAt: at(t, "13:00"), Decisions: []ScopeDecision{{Kind: DecAddOn, At: at(t, "13:10")}}}
	for clock, refuse := range map[string]string{"13:20": "", "12:50": "before S-3 was asked", "13:05": "before S-3's last decision", "21:00": "in the future"} {
		err := CheckDecisionAt(r, at(t, clock), now, time.UTC)
		if refuse == "" && err != nil || refuse != "" && (err == nil || !strings.Contains(err.Error(), refuse)) {
			t.Errorf("%s: %v, want %q", clock, err, refuse)
		}
	}
}

// A side step entered late is checked against the phase it fell in.
func TestSideStepsAreCheckedAsOfTheirTime(t *testing.T) {
	now := at(t, "20:00")
	v := visitAt(t, "travel_started", "12:00", "arrived", "12:45", "departed", "15:10")
	if err := CheckEvent(v, EvWorkOn, at(t, "13:00"), now, time.UTC); err != nil {
		t.Errorf("a switch of work while on site, entered after the departure: %v", err)
	}
	switched := v
	switched.Events = append(append([]Event(nil), v.Events...), Event{ID: 99, Kind: EvWorkOn, At: at(t, "14:00")})
	if err := CheckEvent(switched, EvWorkOn, at(t, "13:30"), now, time.UTC); err == nil {
		t.Error("a switch of work before the previous switch was accepted")
	}
	if err := CheckEvent(v, EvWorkOn, at(t, "16:00"), now, time.UTC); err == nil || !strings.Contains(err.Error(), "was returning at 16:00") {
		t.Errorf("a switch of work while returning: %v", err)
	}
}
