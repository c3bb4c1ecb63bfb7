package model

import (
	"strings"
	"testing"
	"time"
)

func TestVisitFor(t *testing.T) {
	now := at(t, "21:30")
	booked := func(id int64, clock string) Visit {
		v := visitAt(t)
		v.ID, v.ScheduledAt = id, at(t, clock)
		return v
	}
	withID := func(id int64, v Visit) Visit { v.ID = id; return v }
	returning := withID(322, visitAt(t, "travel_started", "19:00", "arrived", "19:30", "departed", "21:00"))
	shop := withID(328, visitAt(t, "travel_started", "12:00", "arrived", "13:00", "departed", "14:00", "travel_ended", "15:00", "shop_started", "15:00"))
	finished := withID(320, visitAt(t, "travel_started", "08:00", "arrived", "08:30", "departed", "09:00", "travel_ended", "09:30"))
	tests := []struct {
		name   string
		kind   EventKind
		visits []Visit
		want   int64
		refuse string
	}{
		{"travel: the next booked", EvTravelStarted, []Visit{booked(331, "22:00"), booked(330, "21:45")}, 330, ""},
		{"travel: two booked at once", EvTravelStarted, []Visit{booked(322, "22:00"), booked(331, "22:00")}, 0, "V-322 booked 22:00, V-331 booked 22:00 could each start travel"},
		{"return: the one returning, not the one in the shop", EvTravelEnded, []Visit{shop, returning}, 322, ""},
		{"shop stop: the one in the shop", EvShopStopped, []Visit{shop, returning}, 328, ""},
		{"shop start: the last back", EvShopStarted, []Visit{finished, withID(321, visitAt(t, "travel_started", "10:00", "arrived", "10:30", "departed", "11:00", "travel_ended", "11:30"))}, 321, ""},
		{"arrive: nothing travelling", EvArrived, []Visit{shop, booked(331, "22:00")}, 0, "none of your visits can arrive now (V-328 in shop, V-331 booked 22:00)"},
		{"note: two under way", EvNote, []Visit{shop, returning}, 0, "could each add a note"},
		{"note: the one under way", EvNote, []Visit{shop, finished}, 328, ""},
	}
	for _, tt := range tests {
		got, err := VisitFor(tt.kind, tt.visits, time.UTC, now)
		switch {
		case tt.refuse != "" && (err == nil || !strings.Contains(err.Error(), tt.refuse)):
			t.Errorf("%s: got %s, %v; want a refusal with %q", tt.name, got.Ref(), err, tt.refuse)
		case tt.refuse == "" && (err != nil || got.ID != tt.want):
			t.Errorf("%s: got %s, %v; want V-%d", tt.name, got.Ref(), err, tt.want)
		}
	}
}
