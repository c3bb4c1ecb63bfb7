package scope_test

import (
	"context"
	"testing"
	"time"

	"dispatch/model/door"
	"dispatch/tui/screentest"
)

func TestWhileYoureHereBecomesANewTicket(t *testing.T) {
	leo, rita := screentest.Office(t, "Leo Brandt", 100, 30)
	leo.MustSee("ON SITE", "Exam room tablets won't sync", "asked S-1 add-on, approved 09:17 · Waiting-room TV lost its channel list · Carla Diaz",
		"asked S-2 declined: not the clinic's equipment · Look at my home laptop · a patient's parent",
		"working on ▶ main job 0:58:00 · S-1 0:12:00/15m", "h while you're here", "o switch work")
	leo.Keys("h")
	leo.MustSee("While you're here · V-", "Asked by", "What")
	leo.Keys("the receptionist")
	leo.MustSee("the receptionist  someone else: not a contact")
	leo.Keys("tab", "enter") // nothing asked for yet
	leo.MustSee("✗ what is empty; say what they asked for")
	leo.Keys("Lobby printer jams", "enter")
	leo.MustSee("While you're here · S-4", "Lobby printer jams", "asked by the receptionist",
		"▸ n  New ticket", "a  Add to this visit", "needs Dr. Paul Weiss (authorised) or Carla Diaz (backup) to approve", "x  Decline")
	leo.Keys("enter")
	leo.MustSee("New ticket from S-4 · asked by the receptionist", "Lobby printer jams", "P3")
	leo.Keys("ctrl+s")
	leo.MustSee("✗ scope is empty")
	leo.Keys("Clear the jam and replace the pickup roller; done when 20 pages print clean", "ctrl+s")
	leo.MustSee("S-4 → T-1042, on the board for the office to schedule", "asked S-4 new ticket T-1042 · Lobby printer jams · the receptionist")
	rita.Changed()
	rita.MustSee("UNSCHEDULED (11)", "T-1042 P3 Juniper Famil… Lobby printer jams")
	rita.Keys("/", "T-1042", "down", "enter") // who asked is kept, and where it came from
	rita.MustSee("requester  the receptionist (not a contact) · reach Dr. Paul Weiss (authorised)",
		"spawned    on site from S-4 on T-1029, asked by the receptionist")
}

func TestAFirstJobsAddOnWaitsForTheOfficeAndTheAnswerArrives(t *testing.T) {
	jon, rita := screentest.Office(t, "Jon Reyes", 120, 40)
	jon.MustSee("Set up practice-management PC", "asked S-3 waiting for the office (first job) · Front desk printer prints blank pages")
	jon.Keys("h", "Kim", "tab", "Guest Wi-Fi password", "enter", "a")
	jon.MustSee("Add S-4 to V-", "Approved by", "Dr. Lena Ortiz  authorised", "Meter", "[ ] I told them the meter is running")
	jon.Keys("tab", "15m", "enter", "enter")
	jon.MustSee("✗ told meter running is not confirmed; tell the contact the meter is running")
	jon.Keys("space", "ctrl+s")
	jon.MustSee("S-4 sent to the office: a first job's add-on needs a supervisor too")

	rita.Changed()
	rita.MustSee("2 waiting on you", "WAITING ON A DISPATCHER (2)",
		"▸ S-3    P2 Northwind Pediatrics   add-on: Front desk printer prints blank",
		"  S-4    P2 Northwind Pediatrics   add-on: Guest Wi-Fi password (15m, Dr. Le",
		"a approve add-on", "x refuse")
	rita.Keys("a") // the oldest first, under the cursor
	rita.MustSee("S-3 approved: Jon Reyes can work on it", "WAITING ON A DISPATCHER (1)")
	rita.Keys("x") // refusing asks the reason Jon will give the client
	rita.MustSee("Refuse S-4 · Guest Wi-Fi password", "Reason")
	rita.Keys("ctrl+s")
	rita.MustSee("✗ reason is empty")
	rita.Keys("not on a first job", "enter")
	rita.MustSee("S-4 refused: Jon Reyes will make it a ticket or decline it")
	rita.MustNotSee("WAITING ON A DISPATCHER")

	jon.Changed()
	jon.MustSee("S-4 refused by Rita Gomez: not on a first job · press h to make it a ticket or decline it", "refused by Rita Gomez")
	jon.Keys("o")
	jon.MustSee("Working on S-3 Front desk printer prints blank pages: on-site time counts for it now", "▶ S-3")
	jon.Clock.Advance(90 * time.Second)
	jon.Tick()
	jon.MustSee("▶ S-3 0:01:30/20m")
	jon.Keys("h") // the refused add-on waits on Jon first
	jon.MustSee("While you're here · S-4", "n  New ticket", "x  Decline")
	jon.MustNotSee("Add to this visit")
}

func TestTheEstimatePromptStaysUntilAnswered(t *testing.T) {
	jon, rita := screentest.Office(t, "Jon Reyes", 120, 40)
	// 50 minutes on site of a 1h estimate: the contact must be told.
	jon.MustSee("⚑ nearly at the 1h estimate (83%): tell Dr. Lena Ortiz (authorised) or Ray Chen (backup) now",
		"c told them, carrying on", "s told them, stopping", "u couldn't reach anyone")
	rita.MustSee("⚑ Set up practice")
	jon.Keys("j", "k") // moving about does not dismiss it
	jon.MustSee("⚑ nearly at the 1h estimate")
	jon.Keys("u")
	jon.MustSee("Recorded: could not reach anyone · the dispatcher is alerted")
	jon.MustNotSee("⚑ nearly at")

	rita.Changed()
	rita.MustSee("T-1030 P2 Northwind Pediatrics   client not told of estimate: Set up pract")
	rita.Keys("j") // below the add-on waiting since 09:34
	rita.MustSee("a reached them: carry on", "x reached them: stop")
	rita.Keys("a")
	rita.MustSee("recorded that the office told the contact, carrying on", "WAITING ON A DISPATCHER (1)")

	jon.Clock.Advance(11 * time.Minute) // past the estimate: asked again
	jon.Tick()
	jon.Changed()
	jon.MustSee("⚑ past the 1h estimate (101%)")
	jon.Keys("s")
	jon.MustSee("Told the contact, stopping here", "Follow-up: Set up practice-management PC")
	jon.Keys("ctrl+s")
	jon.MustSee("Recorded: stopping here · follow-up T-1042 is on the board")
	jon.MustNotSee("⚑ past")
}

func TestSideKeysSayWhyNot(t *testing.T) {
	s := screentest.Tech(t, "Sam Okafor", 100, 30) // in the shop
	s.Keys("h")
	s.MustSee("a request is recorded while on site; V-328 is in shop")
	s.Keys("o")
	s.MustSee("no approved add-on on V-328 to switch to")
	s.Keys("c")
	s.MustSee("no prompt about the estimate is waiting on V-328")
}

// However often a visit is asked for more, the card stays bounded: what
// waits on someone is always listed, the rest is on the ticket page.
func TestManyRequestsKeepTheCardBounded(t *testing.T) {
	leo, _ := screentest.Office(t, "Leo Brandt", 100, 30)
	ctx := context.Background()
	cur, err := leo.Door.CurrentVisit(ctx, leo.Actor())
	if err != nil {
		t.Fatal(err)
	}
	for _, what := range []string{"Mouse", "Keyboard", "Monitor arm", "Label printer", "Webcam"} {
		r, err := leo.Door.AskScope(ctx, leo.Actor(), cur, door.Ask{AskedBy: "Carla Diaz", What: what})
		if err != nil {
			t.Fatal(err)
		}
		if what != "Mouse" { // the mouse stays undecided
			if _, err := leo.Door.ScopeDecline(ctx, leo.Actor(), r.ID, "another day", time.Time{}); err != nil {
				t.Fatal(err)
			}
		}
	}
	leo.Changed()
	leo.FitsWindow(100, 30)
	leo.MustSee("asked S-4 undecided: press h · Mouse", "asked S-8 declined: another day · Webcam", "… 3 more settled: enter shows them all")
	leo.MustNotSee("Look at my home laptop")
}
