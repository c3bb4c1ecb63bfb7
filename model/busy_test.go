package model

import (
	"strings"
	"testing"
	"time"
)

func TestBusyOf(t *testing.T) {
	now := at(t, "18:00")
	tests := []struct {
		name  string
		steps []string
		want  string
	}{
		{"booked only", nil, ""},
		{"out and back", []string{"travel_started", "09:00", "arrived", "09:30", "departed", "10:00", "travel_ended", "10:30"}, "09:00-10:30"},
		{"then the shop", []string{"travel_started", "09:00", "arrived", "09:30", "departed", "10:00", "travel_ended", "10:30",
			"shop_started", "11:00", "shop_stopped", "12:00"}, "09:00-10:30 11:00-12:00"},
		{"still out", []string{"travel_started", "09:00", "arrived", "09:30"}, "09:00-18:00"},
		{"paused counts: still there", []string{"travel_started", "09:00", "arrived", "09:30", "paused", "10:00"}, "09:00-18:00"},
	}
	for _, tt := range tests {
		var got []string
		for _, iv := range BusyOf(visitAt(t, tt.steps...).Events, now) {
			got = append(got, iv.From.Format("15:04")+"-"+iv.To.Format("15:04"))
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, g, tt.want)
		}
	}
}

// Two of one technician's visits may touch (one trip ends as the next
// begins) but never overlap, in the shop as on the road.
func TestCheckNoClash(t *testing.T) {
	now := at(t, "20:00")
	withID := func(id int64, v Visit) Visit { v.ID, v.TechName = id, "Sam"; return v }
	shop := withID(328, visitAt(t, "travel_started", "12:00", "arrived", "13:00", "departed", "16:00", "travel_ended", "17:00",
		"shop_started", "17:00", "shop_stopped", "18:58"))
	tests := []struct {
		name  string
		v     Visit
		clash bool
	}{
		{"after the shop", withID(330, visitAt(t, "travel_started", "19:00")), false},
		{"as the shop work stops", withID(330, visitAt(t, "travel_started", "18:58")), false},
		{"during the shop work", withID(330, visitAt(t, "travel_started", "17:30", "arrived", "18:15")), true},
		{"before, overlapping the trip", withID(330, visitAt(t, "travel_started", "11:00", "arrived", "11:30", "departed", "12:30", "travel_ended", "12:40")), true},
		{"before, touching", withID(330, visitAt(t, "travel_started", "10:00", "arrived", "10:30", "departed", "11:30", "travel_ended", "12:00")), false},
		{"booked, not started", withID(330, visitAt(t)), false},
	}
	for _, tt := range tests {
		err := CheckNoClash(tt.v, []Visit{shop}, now, time.UTC)
		if (err != nil) != tt.clash {
			t.Errorf("%s: %v", tt.name, err)
		}
		if err != nil && !strings.Contains(err.Error(), "V-328") {
			t.Errorf("%s: the clash is not named: %v", tt.name, err)
		}
	}
}

// A visit entered after the fact holds its technician, while its steps are
// still being entered, from its last step on only: its end is checked when
// it is given. Yesterday's emergency is entered step by step although the
// technician has worked since.
func TestAVisitBeingEnteredDoesNotRunToNow(t *testing.T) {
	now := at(t, "20:00")
	today := visitAt(t, "travel_started", "14:00", "arrived", "14:30", "departed", "15:00", "travel_ended", "15:30")
	today.ID, today.TechName = 328, "Sam"
	past := visitAt(t, "travel_started", "09:00")
	past.ID, past.TechName, past.AfterTheFact = 332, "Sam", true
	if err := CheckNoClash(past, []Visit{today}, now, time.UTC); err != nil {
		t.Errorf("a past visit being entered: %v", err)
	}
	if err := CheckNoClash(today, []Visit{past}, now, time.UTC); err != nil {
		t.Errorf("today's work beside a past visit being entered: %v", err)
	}
	past = visitAt(t, "travel_started", "09:00", "arrived", "14:10")
	past.ID, past.TechName, past.AfterTheFact = 332, "Sam", true
	if err := CheckNoClash(past, []Visit{today}, now, time.UTC); err == nil {
		t.Error("an arrival inside today's visit was accepted")
	}
}
