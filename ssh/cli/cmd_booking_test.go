package cli

import (
	"strings"
	"testing"
	"time"
)

// A plan changes over commands: the visit moves to Jo tomorrow, is
// cancelled, and the ticket is withdrawn, reopened and closed on site.
func TestPlansChangeOverCommands(t *testing.T) {
	h := newHarness(t)
	h.bookedVisit()
	h.mustLine("ann", `user add "Jo Park" --role tech --key "`+newAuthorizedKey(t)+`"`)

	if _, errs, code := h.line("rita", "visit move V-301"); code == 0 || !strings.Contains(errs, "say what changes") {
		t.Errorf("a move that says nothing: %d %s", code, errs)
	}
	out := h.mustLine("rita", `visit move V-301 --at "tomorrow 9:00" --tech "jo park" --reason "Sam is off sick"`)
	if !strings.Contains(out, "moved V-301: Jo Park for T-1001 at 2026-11-26 09:00") {
		t.Errorf("move:\n%s", out)
	}
	if out := h.mustLine("rita", "visit show V-301"); !strings.Contains(out, "moved to Thu 26 Nov 09:00 with Jo Park by rita: Sam is off sick (was Wed 25 Nov 10:00 with sam)") {
		t.Errorf("the log:\n%s", out)
	}
	if _, errs, code := h.line("sam", "visit cancel V-301 --reason x"); code == 0 || !strings.Contains(errs, "scheduling visits") {
		t.Errorf("a technician cancelled: %d %s", code, errs)
	}
	h.mustLine("rita", `visit cancel V-301 --reason "client closed tomorrow"`)
	if out := h.mustLine("rita", "board"); !strings.Contains(out, "Unscheduled (1)") {
		t.Errorf("the ticket is not back among the unscheduled:\n%s", out)
	}

	h.mustLine("rita", `ticket cancel T-1001 --reason "client withdrew"`)
	if out := h.mustLine("rita", "board"); strings.Contains(out, "T-1001") {
		t.Errorf("a cancelled ticket on the board:\n%s", out)
	}
	out = h.mustLine("rita", `ticket reopen T-1001 --reason "they want it after all"`)
	if !strings.Contains(out, "open") {
		t.Errorf("reopen:\n%s", out)
	}
	if out := h.mustLine("rita", "board"); !strings.Contains(out, "Unscheduled (1)") || !strings.Contains(out, "Needs another visit (0)") {
		t.Errorf("reopened, never visited: unscheduled:\n%s", out)
	}

	h.mustLine("rita", "visit schedule T-1001 --tech sam --at 10:00")
	h.mustLine("sam", "visit travel")
	h.clock.Advance(45 * time.Minute)
	h.mustLine("sam", "visit arrive --contact Dana Ruiz")
	h.clock.Advance(time.Hour)
	if _, errs, code := h.line("sam", "visit depart --contact Dana Ruiz"); code == 0 || !strings.Contains(errs, "say how the job ended: --done, or --follow-up") {
		t.Errorf("departed without saying how it ended: %d %s", code, errs)
	}
	h.mustLine("sam", "visit depart --contact Dana Ruiz --done")
	if out := h.mustLine("rita", "board"); !strings.Contains(out, "Done — to invoice (1)") {
		t.Errorf("closed on site, not waiting to be invoiced:\n%s", out)
	}
	if _, errs, code := h.line("rita", `ticket cancel T-1001 --reason "too late"`); code == 0 || !strings.Contains(errs, "only open tickets") {
		t.Errorf("a done ticket cancelled: %d %s", code, errs)
	}
}

func TestTicketListOverCommands(t *testing.T) {
	h := newHarness(t)
	h.bookedVisit()
	h.mustLine("rita", "ticket new --client Acme Dental --contact Dana Ruiz --title \"Label printer offline\" --scope \"Fix it\" --priority P3 --estimate 1h")
	h.mustLine("rita", `ticket cancel T-1002 --reason "fixed itself"`)
	out := h.mustLine("rita", "ticket list")
	if !strings.Contains(out, "T-1002  cancelled") || !strings.Contains(out, "T-1001  open") || strings.Index(out, "T-1002") > strings.Index(out, "T-1001") {
		t.Errorf("newest first, every state:\n%s", out)
	}
	if out := h.mustLine("rita", `ticket list --search "fixed itself" --json`); !strings.Contains(out, `"matched": "«fixed» «itself»"`) {
		t.Errorf("the words matched, as JSON:\n%s", out)
	}
	if out := h.mustLine("rita", `ticket list --search "fixed itself"`); !strings.Contains(out, "T-1002") || strings.Contains(out, "T-1001") {
		t.Errorf("by a cancel reason:\n%s", out)
	}
	if out := h.mustLine("sam", "ticket list --tech sam --state open --since 2026-11-25 --until today --json"); !strings.Contains(out, `"ticket": "T-1001"`) || strings.Contains(out, "T-1002") {
		t.Errorf("Sam's open tickets, as JSON:\n%s", out)
	}
	if _, errs, code := h.line("rita", "ticket list --since 2026-12-01 --until 2026-11-01"); code == 0 || !strings.Contains(errs, "until 2026-11-01 is before --since 2026-12-01; swap them") {
		t.Errorf("dates the wrong way round: %d %s", code, errs)
	}
	if _, errs, code := h.line("rita", "ticket list --since 2026-11-01 --until 2026-11-3x"); code == 0 || strings.Contains(errs, "swap them") {
		t.Errorf("a date mistyped is not also the wrong way round: %d %s", code, errs)
	}
	if _, errs, code := h.line("rita", "ticket list --since 25/11"); code == 0 || !strings.Contains(errs, `"25/11" is not a date`) {
		t.Errorf("a bad date: %d %s", code, errs)
	}
	if _, errs, code := h.line("rita", `ticket list --search "**"`); code == 0 || !strings.Contains(errs, "no words to look for") {
		t.Errorf("a search of punctuation: %d %s", code, errs)
	}
	if out := h.mustLine("rita", "ticket list --search zeppelin"); !strings.Contains(out, "no ticket matches") {
		t.Errorf("nothing found:\n%s", out)
	}
}

// Without a visit id, a step goes to the one visit where it makes sense;
// where two could, the command lists them; visit show shows the one under way.
func TestStepsWithoutAnIDOverCommands(t *testing.T) {
	h := newHarness(t)
	h.bookedVisit()
	h.mustLine("rita", "ticket new --client Acme Dental --contact Dana Ruiz --title Printer --scope Fix --priority P3 --estimate 1h")
	if _, errs, code := h.line("rita", "visit schedule T-1002 --tech sam --at 10:00"); code == 0 || !strings.Contains(errs, "sam would be booked twice") ||
		!strings.Contains(errs, "V-301 10:00–13:30 (T-1001 Acme Dental)") {
		t.Errorf("a double booking: %d %s", code, errs)
	}
	h.mustLine("rita", "visit schedule T-1002 --tech sam --at 10:00 --anyway")
	if _, errs, code := h.line("sam", "visit travel"); code == 0 || !strings.Contains(errs, "V-301 booked 10:00, V-302 booked 10:00 could each start travel") {
		t.Errorf("two booked at once: %d %s", code, errs)
	}
	h.mustLine("sam", "visit travel V-302")
	if out := h.mustLine("sam", "visit show"); !strings.Contains(out, "V-302  T-1002") {
		t.Errorf("visit show without an id:\n%s", out)
	}
	h.clock.Advance(30 * time.Minute)
	h.mustLine("sam", "visit arrive --contact Dana Ruiz") // the one travelling, though V-301 is booked too
}

// Yesterday's emergency, booked by nobody: entered after the fact on
// purpose, then its steps and what happened during it at their real times,
// each checked against the others.
func TestAVisitEnteredAfterTheFact(t *testing.T) {
	h := newHarness(t)
	h.office()
	h.mustLine("rita", "ticket new --client Acme Dental --contact Dana Ruiz --title Toner --scope Order it --priority P4 --estimate 15m") // their first job
	h.mustLine("rita", "ticket new --client Acme Dental --contact Dana Ruiz --title Server down --scope Restart it --priority P1 --estimate 1h --at \"yesterday 16:30\"")
	h.mustLine("rita", "visit schedule T-1001 --tech sam --at 09:10")
	h.mustLine("sam", "visit travel V-301") // Sam is out today: yesterday is entered beside it
	if _, errs, code := h.line("rita", `visit schedule T-1002 --tech sam --at "yesterday 17:00"`); code == 0 || !strings.Contains(errs, "--past") {
		t.Errorf("a start in the past without --past: %d %s", code, errs)
	}
	if _, errs, code := h.line("rita", `visit schedule T-1002 --tech sam --at "08:00"`); code == 0 || !strings.Contains(errs, "--past") {
		t.Errorf("a start earlier today without --past is the same rule: %d %s", code, errs)
	}
	if _, errs, code := h.line("rita", `visit schedule T-1002 --tech sam --at "yesterday 16:00" --past`); code == 0 || !strings.Contains(errs, "before T-1002 was opened") {
		t.Errorf("a visit before the call: %d %s", code, errs)
	}
	out := h.mustLine("rita", `visit schedule T-1002 --tech sam --at "yesterday 17:00" --past`)
	if !strings.Contains(out, "entered V-302 after the fact") {
		t.Errorf("schedule --past:\n%s", out)
	}
	if out := h.mustLine("rita", "board"); strings.Contains(out, "late to start") {
		t.Errorf("a visit entered after the fact shows late to start:\n%s", out)
	}
	for _, line := range []string{
		`visit travel V-302 --at "yesterday 17:00"`,
		`visit arrive V-302 --contact Dana Ruiz --at "yesterday 17:40"`,
		`scope ask V-302 --asked-by "Dana Ruiz" --what "new toner" --at "yesterday 18:00"`,
	} {
		h.mustLine("rita", line)
	}
	if _, errs, code := h.line("rita", `scope add-on S-1 --approved-by "Dana Ruiz" --estimate 10m --told-meter-running --at "yesterday 17:30"`); code == 0 || !strings.Contains(errs, "before S-1 was asked") {
		t.Errorf("an add-on agreed before it was asked: %d %s", code, errs)
	}
	h.mustLine("rita", `scope add-on S-1 --approved-by "Dana Ruiz" --estimate 10m --told-meter-running --at "yesterday 18:05"`)
	if _, errs, code := h.line("rita", `visit work-on V-302 S-1 --at "yesterday 18:00"`); code == 0 || !strings.Contains(errs, "approved") {
		t.Errorf("work on an add-on before it was approved: %d %s", code, errs)
	}
	h.mustLine("rita", `visit work-on V-302 S-1 --at "yesterday 18:10"`)
	h.mustLine("rita", `visit depart V-302 --contact Dana Ruiz --done --at "yesterday 18:30"`)
	if _, errs, code := h.line("rita", `scope ask V-302 --asked-by "Dana Ruiz" --what "a mouse" --at "yesterday 18:45"`); code == 0 || !strings.Contains(errs, "was returning at") {
		t.Errorf("a request dated after the departure: %d %s", code, errs)
	}
	h.mustLine("rita", `visit return V-302 --at "yesterday 19:10"`)

	// Another visit entered over the time Sam worked, or over one entered
	// already, is the same double booking a future one would be.
	h.mustLine("rita", `ticket new --client Acme Dental --contact Dana Ruiz --title Mouse --scope Swap it --priority P4 --estimate 30m --at "yesterday 10:00"`)
	if _, errs, code := h.line("rita", `visit schedule T-1003 --tech sam --at "yesterday 18:00" --past`); code == 0 || !strings.Contains(errs, "booked twice") || !strings.Contains(errs, "V-302 17:00–19:10") {
		t.Errorf("a past visit over the work Sam recorded: %d %s", code, errs)
	}
	h.mustLine("rita", `visit schedule T-1003 --tech sam --at "yesterday 12:00" --past`)
	if _, errs, code := h.line("rita", `visit schedule T-1003 --tech sam --at "yesterday 12:00" --past`); code == 0 || !strings.Contains(errs, "booked twice") {
		t.Errorf("the same past visit entered twice: %d %s", code, errs)
	}
	// A visit still being entered holds Sam only as far as its steps go.
	h.mustLine("rita", `ticket new --client Acme Dental --contact Dana Ruiz --title Backup --scope Check it --priority P4 --estimate 30m --at "yesterday 07:00"`)
	if out := h.mustLine("rita", `visit schedule T-1004 --tech sam --at "yesterday 07:30" --past`); !strings.Contains(out, "V-304") {
		t.Fatalf("expected V-304:\n%s", out)
	}
	h.mustLine("rita", `visit travel V-304 --at "yesterday 07:30"`)
	h.mustLine("rita", `visit arrive V-304 --contact Dana Ruiz --at "yesterday 08:00"`)
	h.mustLine("rita", `visit schedule T-1004 --tech sam --at "yesterday 14:00" --past`)
	out = h.mustLine("rita", "visit show V-302")
	for _, want := range []string{"entered late", "working on add-on S-1", "departed, checked out with Dana Ruiz: job done", "travel 1h20m",
		"booked by rita, after the fact"} {
		if !strings.Contains(out, want) {
			t.Errorf("the log lacks %q:\n%s", want, out)
		}
	}
}

// Names of several words work over SSH, where the local shell's quotes are
// gone on arrival; a key already someone's is named as such.
func TestUserCommandsTakeNamesOfSeveralWords(t *testing.T) {
	h := newHarness(t)
	key := newAuthorizedKey(t)
	h.mustLine("ann", `user add "Ken Walsh" --role tech --key "`+key+`"`)
	if out := h.mustRun("ann", "user", "role", "Ken", "Walsh", "manager"); !strings.Contains(out, "Ken Walsh is now a manager") {
		t.Errorf("user role over SSH:\n%s", out)
	}
	if _, errs, code := h.line("ann", `user key add "Ken Walsh" --key "`+key+`"`); code == 0 || !strings.Contains(errs, "signs in with that key already") {
		t.Errorf("a key added twice: %d %s", code, errs)
	}
	if _, errs, code := h.run("ann", "user", "key", "remove", "Ken", "Walsh", "SHA256:nope"); code == 0 || !strings.Contains(errs, "not one of Ken Walsh's keys") {
		t.Errorf("user key remove over SSH: %d %s", code, errs)
	}
	if _, errs, code := h.line("ann", "user remove sam --reassign-to rita"); code == 0 || !strings.Contains(errs, "not another technician") {
		t.Errorf("reassigning to a dispatcher, nothing booked: %d %s", code, errs)
	}
}
