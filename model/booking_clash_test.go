package model

import (
	"strings"
	"testing"
	"time"
)

// Two bookings of one technician clash when their spans, the sites' travel
// both ways and the work counted, overlap; back to back they do not.
func TestDoubleBooking(t *testing.T) {
	base := at(t, "09:00")
	router := Booked{Visit: Visit{ID: 322}, Span: BookedSpan(base, 30*time.Minute, Estimate{Duration: 2 * time.Hour}), What: "T-1027 Acme Dental"}
	if router.Span.To != at(t, "12:00") {
		t.Fatalf("span %v: 30m there, 2h of work, 30m back", router.Span)
	}
	quoted := BookedSpan(at(t, "12:00"), 15*time.Minute, Estimate{Quote: 45000})
	if quoted.To != at(t, "13:30") {
		t.Errorf("a quoted job holds an hour of work: %v", quoted)
	}
	tests := []struct {
		name  string
		start string
		clash bool
	}{
		{"during it", "10:00", true},
		{"before, running into it", "08:00", true},
		{"right after it", "12:00", false},
		{"before, ending as it starts", "07:30", false},
	}
	for _, tt := range tests {
		span := BookedSpan(at(t, tt.start), 15*time.Minute, Estimate{Duration: time.Hour})
		got := Overlapping(span, []Booked{router}, 0)
		if (len(got) > 0) != tt.clash {
			t.Errorf("%s: %v", tt.name, got)
		}
	}
	if got := Overlapping(router.Span, []Booked{router}, 322); len(got) != 0 {
		t.Error("a visit moved clashes with itself")
	}
	err := DoubleBooked{Tech: "Sam", Span: BookedSpan(at(t, "10:00"), 0, Estimate{Duration: time.Hour}), With: []Booked{router}, Loc: time.UTC}
	if !strings.Contains(err.Error(), "V-322 09:00–12:00 (T-1027 Acme Dental)") || !strings.Contains(err.Error(), "book it anyway") {
		t.Errorf("the warning: %v", err)
	}
}
