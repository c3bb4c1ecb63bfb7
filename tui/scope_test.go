package tui

import (
	"context"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/model/door/doortest"
)

// officeScreens opens one demo office and a screen per user in it: a
// technician by name, the rest as a dispatcher, so a change made on one
// screen can be seen on another.
func officeScreens(t *testing.T, tech string, width, height int) (techScreen, dispatcher *screenTest) {
	t.Helper()
	o := doortest.OpenDemo(t, testNow)
	u, err := o.Door.FindTech(context.Background(), model.Console, tech)
	if err != nil {
		t.Fatal(err)
	}
	open := func(u model.User) *screenTest {
		s := &screenTest{t: t, app: New(Deps{Ctx: context.Background(), Door: o.Door, User: u}), door: o.Door, clock: o.Clock}
		s.send(tea.WindowSizeMsg{Width: width, Height: height})
		return s
	}
	return open(u), open(o.AddUser(t, "Rita Gomez", model.RoleDispatcher, ""))
}

// changed delivers what the feed would: something changed, read again.
func (s *screenTest) changed() { s.send(changedMsg{}) }

func TestWhileYoureHereBecomesANewTicket(t *testing.T) {
	leo, rita := officeScreens(t, "Leo Brandt", 100, 30)
	leo.mustSee("ON SITE", "Exam room tablets won't sync", "asked S-1 add-on, approved 09:17 · Waiting-room TV lost its channel list · Carla Diaz",
		"asked S-2 declined: not the clinic's equipment · Look at my home laptop · a patient's parent",
		"working on ▶ main job 0:58:00 · S-1 0:12:00/15m", "h while you're here", "o switch work")
	leo.keys("h")
	leo.mustSee("While you're here · V-", "Asked by", "What")
	leo.keys("the receptionist")
	leo.mustSee("the receptionist  someone else: not a contact")
	leo.keys("tab", "enter") // nothing asked for yet
	leo.mustSee("✗ what is empty; say what they asked for")
	leo.keys("Lobby printer jams", "enter")
	leo.mustSee("While you're here · S-4", "Lobby printer jams", "asked by the receptionist",
		"▸ n  New ticket", "a  Add to this visit", "needs Dr. Paul Weiss (authorised) or Carla Diaz (backup) to approve", "x  Decline")
	leo.keys("enter")
	leo.mustSee("New ticket from S-4 · asked by the receptionist", "Lobby printer jams", "P3")
	leo.keys("ctrl+s")
	leo.mustSee("✗ scope is empty")
	leo.keys("Clear the jam and replace the pickup roller; done when 20 pages print clean", "ctrl+s")
	leo.mustSee("S-4 → T-1041, on the board for the office to schedule", "asked S-4 new ticket T-1041 · Lobby printer jams · the receptionist")
	rita.changed()
	rita.mustSee("UNSCHEDULED (11)", "T-1041 P3 Juniper Famil… Lobby printer jams")
}

func TestAFirstJobsAddOnWaitsForTheOfficeAndTheAnswerArrives(t *testing.T) {
	jon, rita := officeScreens(t, "Jon Reyes", 120, 40)
	jon.mustSee("Set up practice-management PC", "asked S-3 waiting for the office (first job) · Front desk printer prints blank pages")
	jon.keys("h", "Kim", "tab", "Guest Wi-Fi password", "enter", "a")
	jon.mustSee("Add S-4 to V-", "Approved by", "Dr. Lena Ortiz  authorised", "Meter", "[ ] I told them the meter is running")
	jon.keys("tab", "15m", "enter", "enter")
	jon.mustSee("✗ told meter running is not confirmed; tell the contact the meter is running")
	jon.keys("space", "ctrl+s")
	jon.mustSee("S-4 sent to the office: a first job's add-on needs a supervisor too")

	rita.changed()
	rita.mustSee("2 waiting on you", "WAITING ON A DISPATCHER (2)",
		"▸ S-3    P2 Northwind Pediatrics   add-on: Front desk printer prints blank",
		"  S-4    P2 Northwind Pediatrics   add-on: Guest Wi-Fi password (15m, Dr. Le",
		"a approve add-on", "x refuse")
	rita.keys("a") // the oldest first, under the cursor
	rita.mustSee("S-3 approved: Jon Reyes can work on it", "WAITING ON A DISPATCHER (1)")
	rita.keys("x")
	rita.mustSee("S-4 refused: Jon Reyes will make it a ticket or decline it")
	rita.mustNotSee("WAITING ON A DISPATCHER")

	jon.changed()
	jon.mustSee("S-4 refused by Rita Gomez · press h to make it a ticket or decline it", "refused by Rita Gomez")
	jon.keys("o")
	jon.mustSee("Working on S-3 Front desk printer prints blank pages: on-site time counts for it now", "▶ S-3")
	jon.clock.Advance(90 * time.Second)
	jon.send(tickMsg{gen: jon.app.ticks.gen})
	jon.mustSee("▶ S-3 0:01:30/20m")
	jon.keys("h") // the refused add-on waits on Jon first
	jon.mustSee("While you're here · S-4", "n  New ticket", "x  Decline")
	jon.mustNotSee("Add to this visit")
}

func TestTheEstimatePromptStaysUntilAnswered(t *testing.T) {
	jon, rita := officeScreens(t, "Jon Reyes", 120, 40)
	// 50 minutes on site of a 1h estimate: the contact must be told.
	jon.mustSee("⚑ nearly at the 1h estimate (83%): tell Dr. Lena Ortiz (authorised) or Ray Chen (backup) now",
		"c told them, carrying on", "s told them, stopping", "u couldn't reach anyone")
	rita.mustSee("⚑ Set up practice")
	jon.keys("j", "k") // moving about does not dismiss it
	jon.mustSee("⚑ nearly at the 1h estimate")
	jon.keys("u")
	jon.mustSee("Recorded: could not reach anyone · the dispatcher is alerted")
	jon.mustNotSee("⚑ nearly at")

	rita.changed()
	rita.mustSee("T-1030 P2 Northwind Pediatrics   client not told of estimate: Set up pract")
	rita.keys("j") // below the add-on waiting since 09:34
	rita.mustSee("a reached them: carry on", "x reached them: stop")
	rita.keys("a")
	rita.mustSee("recorded that the office told the contact, carrying on", "WAITING ON A DISPATCHER (1)")

	jon.clock.Advance(11 * time.Minute) // past the estimate: asked again
	jon.send(tickMsg{gen: jon.app.ticks.gen})
	jon.changed()
	jon.mustSee("⚑ past the 1h estimate (101%)")
	jon.keys("s")
	jon.mustSee("Told the contact, stopping here", "Follow-up: Set up practice-management PC")
	jon.keys("ctrl+s")
	jon.mustSee("Recorded: stopping here · follow-up T-1041 is on the board")
	jon.mustNotSee("⚑ past")
}

func TestSideKeysSayWhyNot(t *testing.T) {
	s := newTechScreen(t, "Sam Okafor", 100, 30) // in the shop
	s.keys("h")
	s.mustSee("a request is recorded while on site; V-328 is in shop")
	s.keys("o")
	s.mustSee("no approved add-on on V-328 to switch to")
	s.keys("c")
	s.mustSee("no prompt about the estimate is waiting on V-328")
}

// However often a visit is asked for more, the card stays bounded: what
// waits on someone is always listed, the rest is on the ticket page.
func TestManyRequestsKeepTheCardBounded(t *testing.T) {
	leo, _ := officeScreens(t, "Leo Brandt", 100, 30)
	ctx := context.Background()
	cur, err := leo.door.CurrentVisit(ctx, leo.app.deps.actor())
	if err != nil {
		t.Fatal(err)
	}
	for _, what := range []string{"Mouse", "Keyboard", "Monitor arm", "Label printer", "Webcam"} {
		r, err := leo.door.AskScope(ctx, leo.app.deps.actor(), cur, door.Ask{AskedBy: "Carla Diaz", What: what})
		if err != nil {
			t.Fatal(err)
		}
		if what != "Mouse" { // the mouse stays undecided
			if _, err := leo.door.ScopeDecline(ctx, leo.app.deps.actor(), r.ID, "another day"); err != nil {
				t.Fatal(err)
			}
		}
	}
	leo.changed()
	leo.fitsWindow(100, 30)
	leo.mustSee("asked S-4 undecided: press h · Mouse", "asked S-8 declined: another day · Webcam", "… 3 more settled: enter shows them all")
	leo.mustNotSee("Look at my home laptop")
}
