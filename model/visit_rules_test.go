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
