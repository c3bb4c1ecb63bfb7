package ticket_test

import (
	"context"
	"testing"
	"time"

	"dispatch/model"
	"dispatch/tui/screentest"
)

// Rita edits a ticket's title while Mia saves a new estimate first: Rita's
// save is refused, her title is kept, Mia's estimate comes into the form,
// she is told which is which, and saving again keeps both.
func TestEditingATicketSomeoneElseJustChanged(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.Keys("j", "j", "enter") // T-1039
	s.MustSee("T-1039  Tax software update", "e edit")
	s.Keys("e")
	s.MustSee("Edit T-1039", "Tax software update before filing deadline")
	s.Keys("ctrl+u", "Tax software 2026 update")

	ctx := context.Background()
	card, err := s.Door.Ticket(ctx, model.Console, 1039)
	if err != nil {
		t.Fatal(err)
	}
	mia := model.Actor{UserID: 77, Name: "Mia Manager", Role: model.RoleManager}
	edit := model.EditOf(card.Ticket)
	edit.Estimate = model.Estimate{Duration: 5 * time.Hour}
	if _, err := s.Door.EditTicket(ctx, mia, 1039, edit); err != nil {
		t.Fatal(err)
	}
	s.Keys("ctrl+s")
	s.MustSee("Mia Manager (manager) changed T-1039 while you edited", "Their estimate 5h is now in the form", "ctrl+s saves them over theirs", "Estimate    5h",
		"Tax software 2026 update")
	s.Keys("ctrl+s")
	s.MustSee("T-1039 saved", "T-1039  Tax software 2026 update")
	if card, _ := s.Door.Ticket(ctx, model.Console, 1039); card.Estimate.Duration != 5*time.Hour || card.Title != "Tax software 2026 update" {
		t.Errorf("after both edits: %q, %s", card.Title, card.Estimate)
	}
}

func TestATechnicianCannotEditTickets(t *testing.T) {
	s := screentest.Tech(t, "Sam Okafor", 120, 40)
	s.Keys("enter")
	s.MustSee("response")
	s.MustNotSee("e edit")
	s.Keys("e")
	s.MustNotSee("Edit T-")
}

// The edit form carries every field: here the requester and priority, the
// parties a shift+tab away from the title it opens on.
func TestEditTheRequesterAndPriority(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.Keys("j", "j", "enter", "e") // T-1039, Granite Peak
	s.MustSee("Client      Granite Peak Accounting", "Requester   Sue Tran", "Priority")
	s.Keys("shift+tab", "3", "shift+tab", "shift+tab", "victor", "ctrl+s")
	s.MustSee("T-1039 saved", "Victor Hale", "P3")
	s.MustSee("priority   Wed 10:00 by Rita Gomez P2 → P3 edited")
	s.Keys("G") // the history names what the edit changed
	s.MustSee("Rita Gomez (dispatcher)  ticket.edit (priority, requester)")
}
