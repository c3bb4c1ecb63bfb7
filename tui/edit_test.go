package tui

import (
	"context"
	"testing"
	"time"

	"dispatch/model"
)

// Rita edits a ticket's title while Mia saves a new estimate first: Rita's
// save is refused, her title is kept, Mia's estimate comes into the form,
// she is told which is which, and saving again keeps both.
func TestEditingATicketSomeoneElseJustChanged(t *testing.T) {
	s := newScreen(t, model.RoleDispatcher, 120, 40)
	s.keys("j", "j", "enter") // T-1039
	s.mustSee("T-1039  Tax software update", "e edit")
	s.keys("e")
	s.mustSee("Edit T-1039", "Tax software update before filing deadline")
	s.keys("ctrl+u", "Tax software 2026 update")

	ctx := context.Background()
	card, err := s.door.Ticket(ctx, model.Console, 1039)
	if err != nil {
		t.Fatal(err)
	}
	mia := model.Actor{UserID: 77, Name: "Mia Manager", Role: model.RoleManager}
	if _, err := s.door.EditTicket(ctx, mia, 1039, model.TicketEdit{Version: card.Version, Title: card.Title,
		Scope: card.Scope, Estimate: model.Estimate{Duration: 5 * time.Hour}}); err != nil {
		t.Fatal(err)
	}
	s.keys("ctrl+s")
	s.mustSee("Mia Manager (manager) changed T-1039 while you edited", "Their estimate 5h is now in the form", "ctrl+s saves them over theirs", "Estimate    5h",
		"Tax software 2026 update")
	s.keys("ctrl+s")
	s.mustSee("T-1039 saved", "T-1039  Tax software 2026 update")
	if card, _ := s.door.Ticket(ctx, model.Console, 1039); card.Estimate.Duration != 5*time.Hour || card.Title != "Tax software 2026 update" {
		t.Errorf("after both edits: %q, %s", card.Title, card.Estimate)
	}
}

func TestATechnicianCannotEditTickets(t *testing.T) {
	s := newTechScreen(t, "Sam Okafor", 120, 40)
	s.keys("enter")
	s.mustSee("response")
	s.mustNotSee("e edit")
	s.keys("e")
	s.mustNotSee("Edit T-")
}
