package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
)

// The record changes as the client does: a phone, the authorised contact,
// a site's travel time; what history names is archived, not lost.
func TestEditingTheClientsRecord(t *testing.T) {
	h := newHarness(t)
	h.bookedVisit() // T-1001 for Dana Ruiz at Main office
	if out := h.mustLine("rita", "contact edit Tom Becker --client Acme Dental --authorised --phone 555-0150"); !strings.Contains(out, "Tom Becker (authorised) · 555-0150") || !strings.Contains(out, "Dana Ruiz is no longer the authorised contact, and may still ask for work") {
		t.Errorf("contact edit:\n%s", out)
	}
	if out := h.mustLine("rita", "client list"); !strings.Contains(out, "Tom Becker (authorised)") || strings.Contains(out, "Dana Ruiz (authorised)") {
		t.Errorf("the role did not pass:\n%s", out)
	}
	if _, errs, code := h.line("rita", "contact edit Tom Becker --client Acme Dental --other"); code != 1 || !strings.Contains(errs, "a client always has one") {
		t.Errorf("the authorised contact demoted to nobody: %d %s", code, errs)
	}
	if _, errs, code := h.line("rita", "contact remove Dana Ruiz --client Acme Dental"); code != 1 || !strings.Contains(errs, "asked for work still open") {
		t.Errorf("the requester of open work removed: %d %s", code, errs)
	}
	h.mustLine("rita", "ticket done T-1001")
	if out := h.mustLine("rita", "contact remove Dana Ruiz --client Acme Dental"); !strings.Contains(out, "old records still name them") {
		t.Errorf("contact remove:\n%s", out)
	}
	if out := h.mustLine("rita", "ticket show T-1001"); !strings.Contains(out, "Dana Ruiz") {
		t.Errorf("the ticket lost its requester:\n%s", out)
	}
	if out := h.mustLine("rita", "client list"); strings.Contains(out, "Dana Ruiz") {
		t.Errorf("a removed contact is still listed:\n%s", out)
	}
	if out := h.mustLine("rita", "contact add Dana Ruiz --client Acme Dental --phone 555-0142"); !strings.Contains(out, "Dana Ruiz") {
		t.Errorf("Dana added back:\n%s", out)
	}
	if out := h.mustLine("rita", "site edit Main office --client Acme Dental --travel 50m --address 14 Harbor Rd"); !strings.Contains(out, "14 Harbor Rd, 50m away") {
		t.Errorf("site edit:\n%s", out)
	}
	if _, errs, code := h.line("rita", "site edit Main office --client Acme Dental"); code != 2 || !strings.Contains(errs, "say what changes") {
		t.Errorf("an edit that changes nothing: %d %s", code, errs)
	}
	if out := h.mustLine("ann", "client edit Acme Dental --name Acme Dental Group --managed"); !strings.Contains(out, "Acme Dental Group, under a managed-service contract") {
		t.Errorf("client edit:\n%s", out)
	}
	if _, errs, code := h.line("sam", "contact edit Tom Becker --client Acme Dental Group --phone 1"); code != 1 || !strings.Contains(errs, "you are signed in as tech") {
		t.Errorf("a technician edited a contact: %d %s", code, errs)
	}
	// The record says who changed it: each edit is on the timeline.
	out := h.mustLine("rita", "client timeline acme --kind change")
	for _, want := range []string{"Tom Becker is now the authorised contact", "Dana Ruiz is no longer the authorised contact",
		"site Main office: now at 14 Harbor Rd; 50m away", "renamed from Acme Dental to Acme Dental Group; now under a managed-service contract"} {
		if !strings.Contains(out, want) {
			t.Errorf("the timeline lacks %q:\n%s", want, out)
		}
	}
	h.mustLine("ann", "client terms acme --terms net45")
	if out := h.mustLine("rita", "client timeline acme --kind terms"); !strings.Contains(out, "terms changed: payment net 45") {
		t.Errorf("a change of terms is not on the timeline:\n%s", out)
	}
	if out := h.mustLine("sam", "client timeline acme"); strings.Contains(out, "terms changed") {
		t.Errorf("a technician reads a change of terms:\n%s", out)
	}
}

// A price change goes to a client without a managed-service contract only
// with 30 days' notice; the refusal says the earliest day, and a notice
// sent is on the client's timeline.
func TestANoticeTooSoonIsRefused(t *testing.T) {
	h := newHarness(t)
	h.office()
	if _, errs, code := h.line("ann", "notice add --kind price --text Rates rise to $135/h --effective 2026-12-01 --client Acme Dental"); code != 1 ||
		!strings.Contains(errs, "the earliest is 2026-12-25") {
		t.Errorf("a price change too soon: %d %s", code, errs)
	}
	if out := h.mustLine("ann", "notice add --kind price --text Rates rise to $135/h --effective 2026-12-25 --client Acme Dental"); !strings.Contains(out, "N-1: price notice, effective 2026-12-25, sent to 1 client(s)") {
		t.Errorf("notice add:\n%s", out)
	}
	if out := h.mustLine("rita", "client timeline Acme Dental --kind notice"); !strings.Contains(out, "price notice, effective 25 Dec 2026: Rates rise to $135/h") {
		t.Errorf("the notice is not on the timeline:\n%s", out)
	}
	if out := h.mustLine("sam", "client timeline Acme Dental"); strings.Contains(out, "$135") {
		t.Errorf("a technician reads a price notice:\n%s", out)
	}
	if out := h.mustLine("rita", "notice list"); !strings.Contains(out, "N-1 price, effective 2026-12-25: Rates rise to $135/h") || !strings.Contains(out, "to Acme Dental") {
		t.Errorf("notice list:\n%s", out)
	}
	if out := h.mustLine("sam", "notice list"); strings.Contains(out, "$135") {
		t.Errorf("a technician lists a price notice:\n%s", out)
	}
	if _, errs, code := h.line("rita", "notice add --kind policy --text x --effective 2026-12-25 --all"); code != 1 || !strings.Contains(errs, "for managers and admins") {
		t.Errorf("a dispatcher sent a notice: %d %s", code, errs)
	}
}

// A first meeting planned: the call to confirm it falls due the next
// business day and shows on the list and in the brief until made; prep
// lists the agenda and the brief; held, it is on the timeline.
func TestAFirstMeetingPlannedConfirmedAndHeld(t *testing.T) {
	h := newHarness(t)
	h.bookedVisit() // Acme has work: it needs a first meeting
	if out := h.mustLine("rita", "client brief Acme Dental"); !strings.Contains(out, "no first meeting planned") {
		t.Errorf("brief before planning:\n%s", out)
	}
	out := h.mustLine("rita", `meeting plan Acme Dental --kind first --at "2026-12-02 10:00" --agenda how we work together --agenda the router`)
	if !strings.Contains(out, "M-1: first meeting with Acme Dental on 2026-12-02 10:00; call to confirm from Thu 26 Nov") {
		t.Errorf("meeting plan:\n%s", out)
	}
	if out := h.mustLine("rita", "meeting list"); !strings.Contains(out, "call from Thu 26 Nov") {
		t.Errorf("meeting list:\n%s", out)
	}
	h.clock.Advance(24 * time.Hour)
	if out := h.mustLine("rita", "meeting list"); !strings.Contains(out, "call to confirm, due") {
		t.Errorf("the next business day:\n%s", out)
	}
	if out := h.mustLine("rita", "client brief Acme Dental"); !strings.Contains(out, "M-1: call to confirm the first meeting") || strings.Contains(out, "no first meeting") {
		t.Errorf("brief with the call due:\n%s", out)
	}
	h.mustLine("rita", `meeting confirm M-1 --note "Dana will bring Tom"`)
	prep := h.mustLine("sam", "meeting prep M-1")
	for _, want := range []string{"AGENDA", "[ ] how we work together", "[ ] the router"} {
		if !strings.Contains(prep, want) {
			t.Errorf("prep lacks %q:\n%s", want, prep)
		}
	}
	if _, errs, code := h.line("rita", `meeting done M-1 --notes "agreed a quarterly review"`); code != 1 || !strings.Contains(errs, "it is recorded held once it has been") {
		t.Errorf("a meeting held before its day: %d %s", code, errs)
	}
	h.clock.Advance(7 * 24 * time.Hour)
	h.mustLine("rita", `meeting done M-1 --notes "agreed a quarterly review"`)
	if out := h.mustLine("rita", "client timeline Acme Dental --kind meeting"); !strings.Contains(out, "held: agreed a quarterly review") ||
		!strings.Contains(out, "confirmed: Dana will bring Tom") || !strings.Contains(out, "invited to a first meeting") {
		t.Errorf("timeline:\n%s", out)
	}
	if _, errs, code := h.line("rita", "meeting done M-1 --notes again"); code != 1 || !strings.Contains(errs, "its record is closed") {
		t.Errorf("a meeting held twice: %d %s", code, errs)
	}
}

// A client has one first meeting: a second is refused until the first is
// called off, which stays on the timeline with its reason and stops its
// confirmation call.
func TestAFirstMeetingCalledOff(t *testing.T) {
	h := newHarness(t)
	h.bookedVisit()
	h.mustLine("rita", `meeting plan Acme Dental --kind first --at "2026-12-02 10:00" --agenda how we work together`)
	if _, errs, code := h.line("rita", `meeting plan Acme Dental --kind first --at "2026-12-09 10:00" --agenda again`); code != 1 ||
		!strings.Contains(errs, "Acme Dental has its first meeting already (M-1, 2 Dec 2026); plan a roadmap review (--kind roadmap), or call M-1 off first") {
		t.Errorf("a second first meeting: %d %s", code, errs)
	}
	if _, errs, code := h.line("rita", "meeting cancel M-1"); code != 1 || !strings.Contains(errs, "say why it is called off") {
		t.Errorf("called off without a reason: %d %s", code, errs)
	}
	if out := h.mustLine("rita", `meeting cancel M-1 --reason "Dana is away; again in January"`); !strings.Contains(out, "M-1 called off: Dana is away; again in January") {
		t.Errorf("meeting cancel:\n%s", out)
	}
	h.clock.Advance(48 * time.Hour)
	if out := h.mustLine("rita", "meeting list"); strings.Contains(out, "M-1") {
		t.Errorf("a meeting called off is still listed:\n%s", out)
	}
	if out := h.mustLine("rita", "client brief Acme Dental"); !strings.Contains(out, "no first meeting planned") || strings.Contains(out, "call to confirm") {
		t.Errorf("the brief after calling it off:\n%s", out)
	}
	if out := h.mustLine("rita", "client timeline Acme Dental --kind meeting"); !strings.Contains(out, "called off: Dana is away; again in January") {
		t.Errorf("timeline:\n%s", out)
	}
	if _, errs, code := h.line("rita", `meeting confirm M-1`); code != 1 || !strings.Contains(errs, "was called off on") {
		t.Errorf("confirming a meeting called off: %d %s", code, errs)
	}
	if _, errs, code := h.line("rita", `meeting plan Acme Dental --kind first --at "2026-12-06 10:00" --agenda again`); code != 1 ||
		!strings.Contains(errs, "is a Sunday, when the office is closed; pick an open day") {
		t.Errorf("a meeting on a Sunday: %d %s", code, errs)
	}
	h.mustLine("rita", `meeting plan Acme Dental --kind first --at "2027-01-12 10:00" --agenda how we work together`)
}

// A client list comes in whole or not at all; a client new to the office
// counts once, as created, though its own row sets its terms; the same file
// twice changes nothing; an export imports back unchanged.
func TestImportingAClientList(t *testing.T) {
	h := newHarness(t)
	h.office()
	run := func(csv string, argv ...string) (string, string, int) {
		var out, errs bytes.Buffer
		code := Run(context.Background(), Env{Door: h.d, User: h.users["rita"], Out: &out, Err: &errs, In: strings.NewReader(csv)}, argv)
		return out.String(), errs.String(), code
	}
	list := "client,row,name,role,phone,email,address,travel,managed,terms\n" +
		"Bayside Realty,client,,,,,,,no,net15\n" +
		"Bayside Realty,contact,Ivy Chen,authorised,555-0300,ivy@bayside.example,,,,\n" +
		"Bayside Realty,site,Office,,,,9 Pier Rd,25m,,\n" +
		"Acme Dental,contact,Tom Becker,authorised,555-0150,,,,,\n"
	bad := list + "Bayside Realty,site,Yard,,,,,soon,,\n"
	if _, errs, code := run(bad, "client", "import", "--csv", "-"); code != 1 || !strings.Contains(errs, `line 6, travel: "soon" is not a travel time`) || !strings.Contains(errs, "nothing was imported") {
		t.Fatalf("a file with a bad row: %d %s", code, errs)
	}
	if _, _, code := h.line("rita", "client terms Bayside Realty"); code == 0 {
		t.Fatal("a file with a bad row imported a client")
	}
	out, errs, code := run(list, "client", "import", "--csv", "-")
	if code != 0 || !strings.Contains(out, "imported 4 rows: 3 created, 1 updated, 0 unchanged") {
		t.Fatalf("import: %d %s %s", code, out, errs)
	}
	if out := h.mustLine("rita", "client list"); !strings.Contains(out, "Tom Becker (authorised)") || strings.Contains(out, "Dana Ruiz (authorised)") {
		t.Errorf("the authorised contact did not pass:\n%s", out)
	}
	if out, _, _ := run(list, "client", "import", "--csv", "-"); !strings.Contains(out, "0 created, 0 updated, 4 unchanged") {
		t.Errorf("the same file twice: %s", out)
	}
	demote := "client,row,name,role,phone,email,address,travel,managed,terms\nAcme Dental,contact,Tom Becker,other,,,,,,\n"
	if _, errs, code := run(demote, "client", "import", "--csv", "-"); code != 1 ||
		!strings.Contains(errs, "line 2, role: takes the authorised role and no row gives it to another contact") {
		t.Errorf("an import that leaves a client no authorised contact: %d %s", code, errs)
	}
	swap := "client,row,name,role,phone,email,address,travel,managed,terms\nAcme Dental,contact,Tom Becker,other,,,,,,\nAcme Dental,contact,Dana Ruiz,authorised,,,,,,\n"
	if out, errs, code := run(swap, "client", "import", "--csv", "-"); code != 0 || !strings.Contains(out, "imported 2 rows: 0 created, 2 updated") ||
		!strings.Contains(out, "Tom Becker is no longer the authorised contact of Acme Dental") {
		t.Errorf("an import that passes the role on: %d %s %s", code, out, errs)
	}
	if out, _, _ := run("", "client", "export", "--csv"); !strings.Contains(out, "Acme Dental,contact,Tom Becker,other,555-0150") {
		t.Errorf("an empty phone cell cleared Tom's phone:\n%s", out)
	}
	terms := "client,row,name,role,phone,email,address,travel,managed,terms\nAcme Dental,client,,,,,,,,net45\n"
	if _, errs, code := run(terms, "client", "import", "--csv", "-"); code != 1 || !strings.Contains(errs, "line 2, terms: changes Acme Dental's contract or payment terms, which is for managers and admins") {
		t.Errorf("a dispatcher's import changing payment terms: %d %s", code, errs)
	}
	if out, errs, code := run("client,row,name,role,phone,email,address,travel,managed,terms\nAcme Dental,client,,,,,,,,\nAcme Dental,site,Main office,,,,,,,\n",
		"client", "import", "--csv", "-"); code != 0 || !strings.Contains(out, "0 updated, 2 unchanged") {
		t.Errorf("empty cells keep what is on file: %d %s %s", code, out, errs)
	}
	exported, _, code := run("", "client", "export", "--csv")
	if code != 0 {
		t.Fatal(exported)
	}
	if out, _, _ := run(exported, "client", "import", "--csv", "-"); !strings.Contains(out, "0 created, 0 updated") {
		t.Errorf("an export does not import back unchanged: %s\n%s", out, exported)
	}
}

// A client without a contract who has accepted terms hears of a rise 30
// days ahead: raising the rate is refused until a price notice takes
// effect, or made anyway when the client agreed.
func TestARateRiseWaitsForItsNotice(t *testing.T) {
	h := newHarness(t)
	h.bookedVisit() // T-1001
	h.mustLine("rita", "ticket authorise T-1001 --contact Dana Ruiz")
	if _, errs, code := h.line("ann", "client terms Acme Dental --rate 140"); code != 1 || !strings.Contains(errs, "needs 30 days' notice") || !strings.Contains(errs, "(--anyway)") {
		t.Fatalf("a rise without notice: %d %s", code, errs)
	}
	h.mustLine("ann", `notice add --kind price --text "Our rate rises to $140/h" --effective 2026-12-28 --client Acme Dental`)
	if _, errs, code := h.line("ann", "client terms Acme Dental --rate 140"); code != 1 || !strings.Contains(errs, "N-1 takes effect on 28 Dec 2026; raise it then") {
		t.Fatalf("a rise before its notice takes effect: %d %s", code, errs)
	}
	h.clock.Advance(34 * 24 * time.Hour)
	if out := h.mustLine("ann", "client terms Acme Dental --rate 140"); !strings.Contains(out, "$140.00/h") {
		t.Errorf("the rise on its day:\n%s", out)
	}
	if _, errs, code := h.line("ann", "client terms Acme Dental --rate 150"); code != 1 || !strings.Contains(errs, "send a price notice") {
		t.Errorf("a second rise on the first's notice: %d %s", code, errs)
	}
	if out := h.mustLine("ann", "client terms Acme Dental --rate 150 --anyway"); !strings.Contains(out, "$150.00/h") {
		t.Errorf("a rise the client agreed to:\n%s", out)
	}
}
