package model

import "testing"

func TestATechnicianIsKeptFromStepsElsewhere(t *testing.T) {
	tests := []struct {
		kind  EventKind
		other Phase
		kept  bool
	}{
		{EvTravelStarted, PhaseOnSite, true},
		{EvTravelStarted, PhasePaused, true},
		{EvTravelStarted, PhaseTravelling, true},
		{EvTravelStarted, PhaseInShop, false}, // setting off ends the shop work
		{EvTravelStarted, PhaseReturning, false},
		{EvArrived, PhaseTravelling, true},
		{EvArrived, PhaseOnSite, true},
		{EvArrived, PhaseReturning, false},
		{EvShopStarted, PhaseInShop, true},
		{EvShopStarted, PhaseTravelling, true},
		{EvShopStarted, PhaseReturning, false}, // back at the shop ends the trip back
		{EvShopStarted, PhaseFinished, false},
		{EvDeparted, PhaseOnSite, false}, // steps that end something are never kept
		{EvShopStopped, PhaseTravelling, false},
		{EvPaused, PhaseTravelling, false},
	}
	for _, tt := range tests {
		if got := KeptElsewhere(tt.kind, tt.other); got != tt.kept {
			t.Errorf("KeptElsewhere(%s, %s) = %v, want %v", tt.kind, tt.other, got, tt.kept)
		}
	}
}

func TestVisitsOfAClosedTicketTakeNoMoreSteps(t *testing.T) {
	tests := []struct {
		status TicketStatus
		phase  Phase
		closed bool
	}{
		{TicketOpen, PhaseFinished, false},
		{TicketOpen, PhaseScheduled, false},
		{TicketDone, PhaseFinished, true},
		{TicketDone, PhaseReturning, false}, // the trip back from a job done on site
		{TicketCancelled, PhaseScheduled, true},
	}
	for _, tt := range tests {
		if got := VisitsClosed(Ticket{Status: tt.status}, tt.phase); got != tt.closed {
			t.Errorf("VisitsClosed(%s, %s) = %v, want %v", tt.status, tt.phase, got, tt.closed)
		}
	}
}
