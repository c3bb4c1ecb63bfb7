package model

import (
	"strings"
	"testing"
)

// How a visit ended must be said, one way, with what is left when not
// done; done only while nobody else is still at work on the ticket.
func TestCheckOutcome(t *testing.T) {
	open := Ticket{ID: 7, Status: TicketOpen}
	departing := visitAt(t, "travel_started", "09:00", "arrived", "09:30")
	other := visitAt(t, "travel_started", "09:10", "arrived", "09:40")
	other.ID, other.TechName = 13, "Jo"
	tests := []struct {
		name   string
		o      Outcome
		t      Ticket
		visits []Visit
		refuse string
	}{
		{"done", Outcome{Done: true}, open, []Visit{departing}, ""},
		{"needs another visit", Outcome{FollowUp: "waiting for the part"}, open, []Visit{departing}, ""},
		{"not said", Outcome{}, open, []Visit{departing}, "not said"},
		{"blank follow-up", Outcome{FollowUp: "  "}, open, []Visit{departing}, "not said"},
		{"both", Outcome{Done: true, FollowUp: "more"}, open, []Visit{departing}, "both"},
		{"done while another is on site", Outcome{Done: true}, open, []Visit{departing, other}, "Jo is still on site on V-13"},
		{"another visit while another is on site", Outcome{FollowUp: "more"}, open, []Visit{departing, other}, ""},
		{"done on a done ticket", Outcome{Done: true}, Ticket{ID: 7, Status: TicketDone}, []Visit{departing}, "done already"},
		{"follow-up too long", Outcome{FollowUp: strings.Repeat("x", 301)}, open, []Visit{departing}, "301"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := CheckOutcome(tt.o, tt.t, tt.visits, departing.ID)
			switch {
			case tt.refuse == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tt.refuse != "" && (err == nil || !strings.Contains(err.Error(), tt.refuse)):
				t.Errorf("got %v, want a refusal saying %q", err, tt.refuse)
			}
		})
	}
}
