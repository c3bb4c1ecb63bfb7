package ssh

import (
	"context"
	"strings"
	"testing"
	"time"

	"dispatch/model"
)

// A wall display is up in a pane; Sam stops his shop work, sets off and
// arrives, each by a command from his laptop. The wall shows every step
// without a key pressed.
func TestTechniciansArrivalAppearsOnAConnectedWall(t *testing.T) {
	o := startOffice(t)
	ctx := context.Background()
	w, err := o.door.Wall(ctx, model.Console)
	if err != nil {
		t.Fatal(err)
	}
	var sam model.TechNow
	for _, tech := range w.Techs {
		if tech.Name == "Sam Okafor" {
			sam = tech
		}
	}
	if sam.Phase != model.PhaseInShop || sam.Next == nil {
		t.Fatalf("the demo's Sam Okafor is %s with next %v", sam.Phase, sam.Next)
	}
	contact := contactOf(t, o, sam.NextClient)

	wall := o.openTermWith("Lobby TV", 120, 40, "wall")
	wall.waitFor("TECHNICIANS (5)", "NEEDS ATTENTION", "Sam Okafor      IN SHOP")

	run := func(cmd string) {
		t.Helper()
		if out, errs, code := o.exec("Sam Okafor", cmd); code != 0 {
			t.Fatalf("%s: exit %d: %s%s", cmd, code, out, errs)
		}
	}
	run("visit shop-stop")
	wall.waitFor("Sam Okafor      free")
	run("visit travel " + sam.Next.Ref())
	wall.waitFor("Sam Okafor      TRAVEL")
	o.clock.Advance(20 * time.Minute)
	run(`visit arrive --contact "` + contact + `"`)
	acked := time.Now()
	wall.waitFor("Sam Okafor      ON SITE")
	t.Logf("from the arrival's acknowledgement to the wall: %s", time.Since(acked).Round(time.Millisecond))
	if !strings.Contains(wall.screen(), "  "+sam.NextClient) {
		t.Errorf("the wall does not say where Sam arrived:\n%s", wall.screen())
	}
}

func contactOf(t *testing.T, o *office, client string) string {
	t.Helper()
	clients, err := o.door.Clients(context.Background(), model.Console)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range clients {
		if c.Name == client && len(c.Contacts) > 0 {
			return c.Contacts[0].Name
		}
	}
	t.Fatalf("no contact at %q", client)
	return ""
}

// A viewer account opens the wall by default and can do nothing else; the
// wall asks for a terminal when there is none.
func TestAViewerOpensOnlyTheWall(t *testing.T) {
	o := startOffice(t)
	wall := o.openTerm("Lobby TV", 80, 24)
	wall.waitFor("DISPATCH  the shop right now", "NEEDS ATTENTION", "TECHNICIANS (5)")

	for _, cmd := range []string{"board --json", "visit show V-1", "ticket wait T-1001 --reason x", "user list"} {
		_, errs, code := o.exec("Lobby TV", cmd)
		if code != 1 || !strings.Contains(errs, "Lobby TV is a viewer account, for the wall display only: ssh -t HOST wall") {
			t.Errorf("%s: exit %d: %s", cmd, code, errs)
		}
	}
	_, errs, code := o.exec("Lobby TV", "wall")
	if code != 1 || !strings.Contains(errs, "the wall display needs a terminal") {
		t.Errorf("wall without a terminal: exit %d: %s", code, errs)
	}
	wall.typeKeys("b", "n", "enter") // a stray key does nothing
	wall.waitFor("DISPATCH  the shop right now")
	wall.typeKeys("q")
	wall.waitEnded()
}
