package ssh

import (
	"context"
	"strings"
	"testing"
	"time"

	"dispatch/model"
	"dispatch/model/door"
)

// The dispatcher moves Sam's router visit by a command over SSH; Sam's open
// My day shows the new time without a key press. Then a visit closed on
// site as done leaves the dispatcher's open board lists at once.
func TestAMovedVisitAndAJobClosedOnSiteShowEverywhere(t *testing.T) {
	o := startOffice(t)
	sam := o.openTerm("Sam Okafor", 120, 40)
	sam.waitFor("My day", "15:45 V-322", "Replace wireless router")
	if _, errs, code := o.exec("Rita Gomez", `visit move V-322 --at 17:30`); code == 0 || !strings.Contains(errs, "booked twice") {
		t.Fatalf("a move over Sam's X-ray visit: %d %s", code, errs)
	}
	if out, errs, code := o.exec("Rita Gomez", `visit move V-322 --at 17:30 --reason "client asked for later" --anyway`); code != 0 {
		t.Fatalf("visit move: %d %s %s", code, out, errs)
	}
	sam.waitFor("17:30 V-322")

	board := o.openTerm("Rita Gomez", 200, 60)
	board.waitFor("SCHEDULED TODAY (8)", "DONE — TO INVOICE (6)")
	sam.typeKeys("w", "j", "t")
	sam.waitFor("TRAVELLING")
	o.clock.Advance(40 * time.Minute)
	sam.typeKeys("a", "enter", "enter", "enter")
	sam.waitFor("ON SITE")
	o.clock.Advance(30 * time.Minute)
	sam.typeKeys("d", "tab", "d", "ctrl+s")
	sam.waitFor("the job is done", "RETURNING")
	board.waitFor("SCHEDULED TODAY (7)", "DONE — TO INVOICE (7)")
}

// A job done ten years ago is found over SSH by a word of its visit notes.
func TestASearchFindsATenYearOldJobByItsNotes(t *testing.T) {
	o := startOffice(t)
	ctx, office := context.Background(), model.Console
	now := o.clock.T
	o.clock.T = now.AddDate(-10, 0, 0)
	clients, err := o.door.Clients(ctx, office)
	if err != nil {
		t.Fatal(err)
	}
	client := clients[0]
	sam, _ := o.door.FindTech(ctx, office, "Sam Okafor")
	old, err := o.door.CreateTicket(ctx, office, door.NewTicket{ClientID: client.ID, ContactID: client.Contacts[0].ID, SiteID: client.Sites[0].ID,
		Title: "Internet down", Scope: "Get them online", Priority: model.P1, Estimate: model.Estimate{Duration: time.Hour}})
	if err != nil {
		t.Fatal(err)
	}
	v, err := o.door.ScheduleVisit(ctx, office, old.ID, sam.ID, o.clock.T)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []door.Step{{Kind: model.EvTravelStarted}, {Kind: model.EvArrived, ContactID: client.Contacts[0].ID},
		{Kind: model.EvNote, Note: "the Zyxel modem behind the fridge had overheated; moved it"},
		{Kind: model.EvDeparted, ContactID: client.Contacts[0].ID, Outcome: model.Outcome{Done: true}}} {
		if _, err := o.door.Record(ctx, office, v.ID, s); err != nil {
			t.Fatal(err)
		}
	}
	o.clock.T = now

	rita := o.openTerm("Rita Gomez", 120, 40)
	rita.waitFor("UNSCHEDULED")
	rita.typeKeys("/", "zyxel", "enter")
	rita.waitFor("Search  for zyxel", "1 found", "done", "2016-11-25", "Internet down", "the «Zyxel» modem")
	rita.typeKeys("enter")
	rita.waitFor("Internet down", "note: the Zyxel modem behind the fridge")
}
