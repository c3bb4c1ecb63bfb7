package client_test

import (
	"context"
	"strings"
	"testing"

	"dispatch/model"
	"dispatch/tui/screentest"
)

// From a ticket, K opens its client's record: the brief, contacts with the
// authorised marked, sites, what is open and owed, and the timeline, which
// f filters by kind.
func TestTheClientsRecordFromATicket(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.Keys("/", "T-1039", "enter", "enter", "K")
	s.MustSee("BEFORE YOU CALL", "CONTACTS", "authorised", "SITES", "TIMELINE", "every kind")
	s.Keys("f")
	s.MustSee("TIMELINE", "newest first · ticket · entries 1–", "opened:")
	s.MustNotSee("every kind")
	s.Keys("esc")
	s.MustSee("T-1039")
}

// Birchwood's record tells the dispatcher of the dispute before any call;
// a technician reads the record without terms or what is owed.
func TestTheBriefAndWhatATechnicianSees(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.Keys("/", "Scanner driver", "enter", "enter", "K")
	s.MustSee("Birchwood Law LLP", "Disputes", "we thought driver updates were covered", "OWED", "terms:")
	s.FitsWindow(120, 40)

	tech := screentest.Tech(t, "Leo Brandt", 80, 24)
	tech.Keys("enter", "K")
	tech.MustSee("CONTACTS", "TIMELINE")
	tech.MustNotSee("terms:", "OWED", "$")
	tech.FitsWindow(80, 24)
}

// C on the board lists every client; / narrows the list as you type and
// enter opens the one found.
func TestFindAClientByName(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 100, 30)
	s.Keys("C")
	s.MustSee("Clients", "Acme Dental", "Birchwood Law LLP")
	s.Keys("/", "har")
	s.MustSee("Harbor Light Church")
	s.MustNotSee("Acme Dental")
	s.Keys("enter", "enter")
	s.MustSee("Harbor Light Church", "CONTACTS", "MEETINGS")
	s.Keys("esc", "/", "zzz")
	s.MustSee("no client's name holds those words")
}

// n logs a call in one line; it is on the timeline at once.
func TestLogACallFromTheClientsPage(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.Keys("C", "/", "acme", "enter", "enter", "n")
	s.MustSee("Log a touch · Acme Dental", "It was a")
	s.Keys("c", "tab", "Dana asked when the new PC comes", "ctrl+s")
	s.MustSee("on the timeline: call: Dana asked when the new PC comes", "touch   C-11    call: Dana asked when the new PC comes")
}

// / finds words in the timeline as they are typed; esc takes them away;
// ] and [ page through a long timeline.
func TestFindAndPageTheTimeline(t *testing.T) {
	s := screentest.New(t, model.RoleManager, 120, 200)
	s.Keys("C", "/", "acme", "enter", "enter")
	s.MustSee("TIMELINE", "entries 1–")
	s.Keys("/", "checked in")
	s.MustSee("find in the timeline: checked in", "arrived")
	s.MustNotSee("opened:")
	s.Keys("enter", "esc")
	s.MustSee("opened:")
	s.MustNotSee("find in the timeline")
	s.Keys("/", "zzzz", "enter")
	s.MustSee("no entry holds those words")
}

// Editing from the client's page: e renames, o makes the backup the
// authorised contact (the old one stands down in the same save), s changes
// a site's travel, t the rate; each form opens with what stands now.
func TestEditAClientFromItsPage(t *testing.T) {
	s := screentest.New(t, model.RoleManager, 120, 60)
	s.Keys("C", "/", "harbor", "enter", "enter")
	s.Keys("e")
	s.MustSee("Edit Harbor Light Church", "Harbor Light Church")
	s.Keys("ctrl+s")
	s.MustSee("nothing changed")

	s.Keys("o", "ada", "enter")
	s.MustSee("Contact · Ada Kim", "555-0841")
	s.Keys("tab", "tab", "tab", "a", "ctrl+s")
	s.MustSee("Ada Kim saved; now the authorised contact (Pastor James Reid no longer is)", "Ada Kim authorised")
	s.MustNotSee("Reid authorised")

	s.Keys("s", "enter")
	s.MustSee("Site · Church office", "40m")
	s.Keys("tab", "tab", "ctrl+u", "55m", "ctrl+s")
	s.MustSee("Church office saved", "55m away")

	s.Keys("t")
	s.MustSee("Rate and terms · Harbor Light Church")
	s.Keys("ctrl+u", "140", "ctrl+s")
	s.MustSee("Harbor Light Church has no managed-service contract, so raising the rate from $85.00/h to", "save again to go ahead")
	s.Keys("ctrl+s")
	s.MustSee("terms saved", "$140.00/h")
}

// A technician reads the page but is offered no edits and no meetings.
func TestATechnicianIsOfferedNoEdits(t *testing.T) {
	tech := screentest.Tech(t, "Leo Brandt", 120, 40)
	tech.Keys("enter", "K", "e", "t", "o", "s", "m")
	tech.MustSee("CONTACTS")
	tech.MustNotSee("Edit ", "Rate and terms", "Plan a meeting", "Contact ·", "Site ·")
}

// m plans a meeting from the client's page; M on the board lists the calls
// owed and the meetings to come, and c records the confirmation call.
func TestPlanAndConfirmAMeeting(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.Keys("C", "/", "delta", "enter", "enter")
	s.MustSee("no first meeting planned: plan one by")
	s.Keys("m")
	s.MustSee("Plan a meeting · Delta Freight Co", "(•) first")
	s.Keys("2026-12-03 10:00", "tab", "how you work with us; the new server", "ctrl+s")
	s.MustSee("planned: first meeting Thu 3 Dec 10:00", "not confirmed · how you work with us; the new server")
	s.MustNotSee("no first meeting planned")

	s.Keys("esc", "esc", "M")
	s.MustSee("Meetings", "CALLS TO MAKE", "Northwind Pediatrics", "MEETINGS TO COME", "Delta Freight Co")
	s.Keys("c")
	s.MustSee("Confirm M-")
	s.Keys("spoke to the office manager", "ctrl+s")
	s.MustSee("confirmed for Mon 30 Nov 09:00")
	s.MustNotSee("CALLS TO MAKE")
}

// A technician's f skips invoices, and their brief holds no calls to make
// about meetings; / on the list starts a new search each time.
func TestTheTechniciansKindsAndANewSearch(t *testing.T) {
	tech := screentest.Tech(t, "Leo Brandt", 120, 60)
	tech.Keys("enter", "K")
	for range model.EntryKinds {
		tech.Keys("f")
		tech.MustNotSee("· invoice ·")
	}
	tech.MustNotSee("no first meeting planned", "call to confirm")

	s := screentest.New(t, model.RoleDispatcher, 100, 30)
	s.Keys("C", "/", "acme", "enter", "/", "har")
	s.MustSee("find: har", "Harbor Light Church")
	s.MustNotSee("acmehar")
}

// K opens the client from a technician's day, the invoices desk and a
// search result.
func TestKOpensTheClientFromMyDayAndTheDesk(t *testing.T) {
	tech := screentest.Tech(t, "Leo Brandt", 120, 40)
	tech.Keys("K")
	tech.MustSee("CONTACTS", "SITES", "TIMELINE")

	s := screentest.New(t, model.RoleManager, 120, 40)
	s.Keys("i", "K")
	s.MustSee("CONTACTS", "SITES")

	found := screentest.New(t, model.RoleDispatcher, 120, 40)
	found.Keys("/", "Scanner driver", "enter", "K")
	found.MustSee("Birchwood Law LLP", "CONTACTS")
}

// x on the meetings page calls a meeting off, saying why.
func TestCallAMeetingOff(t *testing.T) {
	s := screentest.New(t, model.RoleManager, 120, 40)
	s.Keys("M", "x")
	s.MustSee("Call off M-")
	s.Keys("ctrl+s")
	s.MustSee("say why it is called off")
	s.Keys("the owner is away; again in January", "ctrl+s")
	s.MustSee("called off; the reason is on the timeline")
}

// The cursor stays on its meeting when another leaves the list.
func TestTheMeetingsCursorStaysOnItsMeeting(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.Keys("M", "down", "down", "down")
	before := s.CursorLine()
	ref := strings.Fields(strings.TrimPrefix(strings.TrimSpace(before), "▸"))[0]
	if _, err := s.Door.ConfirmMeeting(context.Background(), model.Console, 12, "confirmed elsewhere"); err != nil {
		t.Fatal(err)
	}
	s.Changed()
	if after := s.CursorLine(); !strings.Contains(after, ref) {
		t.Errorf("the cursor left %s for %q", ref, after)
	}
}

// G jumps to the timeline and g back to the top; esc closes the keys
// before the page; ] is offered only when older entries follow.
func TestGettingAroundAClientsPage(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 80, 24)
	s.Keys("C", "/", "harbor", "enter", "enter")
	s.MustSee("BEFORE YOU CALL", "G timeline")
	s.MustNotSee("TIMELINE  newest first", "] older")
	s.Keys("G")
	s.MustSee("TIMELINE  newest first", "opened:")
	s.MustNotSee("BEFORE YOU CALL")
	s.Keys("g")
	s.MustSee("BEFORE YOU CALL")
	s.Keys("?", "esc")
	s.MustSee("Harbor Light Church", "BEFORE YOU CALL")
	s.FitsWindow(80, 24)

	quick := screentest.New(t, model.RoleDispatcher, 80, 24) // G typed ahead, before the page is first drawn
	quick.Keys("C", "/", "harbor", "enter", "enter", "G")
	quick.MustSee("TIMELINE  newest first")
}

// a records the answer to the brief's question about the last finished job.
func TestAnswerTheFollowUpFromThePage(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 60)
	s.Keys("C", "/", "acme", "enter", "enter")
	s.MustSee("is it working well?")
	s.Keys("a")
	s.MustSee("Is it working well? · V-")
	s.Keys("all good, the PC boots fast", "ctrl+s")
	s.MustSee("is on the timeline", "asked if it works well: all good, the PC boots fast")
	s.MustNotSee("is it working well? (a on")
}

// The plan form says what is wrong with when, in its own words, and keeps
// what was typed.
func TestAMeetingOnASunday(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.Keys("C", "/", "acme", "enter", "enter", "m")
	s.Keys("2026-12-06 10:00", "tab", "the year ahead", "ctrl+s")
	s.MustSee("✗ when is a Sunday, when the office is closed; pick an open day", "2026-12-06 10:00", "the year ahead")
}

// O on the board opens the outbox for a manager: the letters waiting, one
// read as it is sent, one stopped; a dispatcher has no outbox key.
func TestTheOutboxPage(t *testing.T) {
	s := screentest.New(t, model.RoleManager, 120, 40)
	s.Keys("O")
	s.MustSee("Outbox", "waiting", "Visit booked for", "no mail server is set, so letters wait here unsent; start the server with --smtp")
	s.Keys("enter")
	s.MustSee("To: ", "Subject: ", "0 tries", "Hello ")
	s.Keys("esc", "x")
	s.MustSee("Stop O-")
	s.Keys("y")
	s.MustSee("is cancelled: it will not be sent", "cancelled ")
	s.Keys("f", "f", "f", "f") // cancelled only
	s.MustSee("showing cancelled only", "cancelled ")
	s.MustNotSee("queued    ")
	s.Keys("f")
	s.FitsWindow(120, 40)
	if err := s.Door.SetMailServer(context.Background(), "smtp://127.0.0.1:25"); err != nil {
		t.Fatal(err)
	}
	s.Keys("esc", "O") // read as the page opens
	s.MustSee("letters go out through smtp://127.0.0.1:25")

	d := screentest.New(t, model.RoleDispatcher, 120, 40)
	d.Keys("O")
	d.MustNotSee("Outbox")
}

// A manager chooses on the client's page what the client hears of and who
// hears it; the page says it after; a dispatcher has no such key.
func TestChooseWhatAClientHearsOf(t *testing.T) {
	s := screentest.New(t, model.RoleManager, 80, 24)
	s.Keys("C", "/", "acme", "enter", "enter")
	s.MustSee("letters: every step")
	s.Keys("l")
	s.MustSee("Letters · Acme Dental", "[x] a visit booked, moved or cancelled")
	s.Keys("tab", "space") // no word when the technician sets off
	for range 7 {          // on to the backup contact
		s.Keys("tab")
	}
	s.Keys("space", "ctrl+s")
	s.MustSee("Acme Dental: booked, arrived, add-on", "letters: booked, arrived, add-on, overrun, departed, invoice — to authorised,")
	s.FitsWindow(80, 24)
	acme, err := s.Door.FindClient(context.Background(), model.Console, "Acme Dental")
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.Door.ClientNotify(context.Background(), model.Console, acme.ID)
	if err != nil || p.Sends(model.MsgTravel) || !p.Sends(model.MsgArrived) || len(p.To) != 2 {
		t.Errorf("kept: %+v %v", p, err)
	}
	s.Keys("l")
	for range 10 {
		s.Keys("tab")
	}
	s.Keys("space", "ctrl+s")
	s.MustSee("letters: muted")

	d := screentest.New(t, model.RoleDispatcher, 80, 24)
	d.Keys("C", "/", "acme", "enter", "enter", "l")
	d.MustNotSee("Letters · Acme Dental")
}
