package cli

import (
	"bytes"
	"context"
	"dispatch/model"
	"dispatch/model/door/doortest"
	"encoding/csv"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Terms are set for the office and over it for a client; "office" hands a
// setting back; bad values are refused with how to write them, and nothing
// of what was typed is half-saved.
func TestClientTermsOverTheOffice(t *testing.T) {
	h := newHarness(t)
	h.office()
	out := h.mustLine("ann", "client terms --office --rate 110 --travel flat:45 --rounding 6m --rounding-mode nearest --minimum 1h --tolerance 15% --tolerance-min 40")
	for _, want := range []string{"$110.00/h", "flat:45 — a call-out fee of $45.00 per visit", "6m nearest, per ticket", "1h per ticket",
		"15% or $40.00, whichever is larger"} {
		if !strings.Contains(out, want) {
			t.Errorf("office terms lack %q:\n%s", want, out)
		}
	}
	out = h.mustLine("ann", "client terms Acme Dental --rounding-scope line --terms net15")
	for _, want := range []string{"Acme Dental — terms", "$125.00/h  (its own)", "hourly — travel billed at $125.00/h  (its own)",
		"6m nearest, per line  (its own)", "1h per ticket  (the office's)", "net 15"} {
		if !strings.Contains(out, want) {
			t.Errorf("client terms lack %q:\n%s", want, out)
		}
	}
	out = h.mustLine("ann", "client terms Acme Dental --rate office --travel office --json")
	var j termsJSON
	if err := json.Unmarshal([]byte(out), &j); err != nil || j.RateCents != 110_00 || j.Travel != "flat:45" || j.RoundingScope != "line" {
		t.Errorf("after handing rate and travel back: %+v %v", j, err)
	}
	_, errs, code := h.line("ann", "client terms Acme Dental --travel weekly --rounding 7h --rate 12x")
	for _, want := range []string{`travel "weekly" is not a travel policy; use none, hourly, rate:85`, "rounding", `rate "12x" is not an amount`} {
		if code != 1 || !strings.Contains(errs, want) {
			t.Errorf("bad terms (exit %d) do not say %q:\n%s", code, want, errs)
		}
	}
	if out := h.mustLine("ann", "client terms Acme Dental --json"); !strings.Contains(out, `"rate_cents": 11000`) {
		t.Errorf("a refused change was half saved:\n%s", out)
	}
	if _, errs, code := h.line("rita", "client terms Acme Dental --rate 90"); code != 1 || !strings.Contains(errs, "for managers and admins") {
		t.Errorf("a dispatcher changed a rate: %d %s", code, errs)
	}
	if out := h.mustLine("rita", "client terms Acme Dental"); !strings.Contains(out, "$110.00/h") {
		t.Errorf("a dispatcher cannot read the terms:\n%s", out)
	}
	if _, errs, code := h.line("sam", "client terms Acme Dental"); code != 1 || strings.Contains(errs, "$") {
		t.Errorf("a technician read the terms: %d %s", code, errs)
	}
}

// A visit done, drafted, approved and sent over commands, then exported:
// the Xero rows read back with the CSV reader and add up to the total.
func TestInvoiceCommandsAndExport(t *testing.T) {
	h := newHarness(t)
	h.bookedVisit()
	h.clock.Advance(4 * time.Hour)
	h.mustLine("sam", "visit travel V-301 --at 10:00")
	h.mustLine("sam", "visit arrive V-301 --contact Dana Ruiz --authorised --at 10:45")
	h.mustLine("sam", "visit depart V-301 --contact Dana Ruiz --done --at 12:15")
	h.mustLine("sam", "visit return V-301 --at 13:00")
	if _, errs, code := h.line("rita", "part add T-1001 --desc Wireless router --price 189 --approved-by Nobody"); code != 1 || !strings.Contains(errs, "Dana Ruiz") {
		t.Errorf("a part approved by nobody on file: %d %s", code, errs)
	}
	h.mustLine("rita", "part add T-1001 --desc Wireless router --price 189 --approved-by Tom Becker")
	ready := h.mustLine("rita", "invoice ready")
	if !strings.Contains(ready, "T-1001") || !strings.Contains(ready, "Acme Dental") {
		t.Errorf("invoice ready:\n%s", ready)
	}
	out := h.mustLine("rita", "invoice draft T-1001")
	// 45m + 1h30m + 45m at $125, rounded to 3h, and the router.
	for _, want := range []string{"I-1 · Acme Dental · draft", "checked in with Dana Ruiz", "PT-1 Wireless router × 1 at $189.00, approved by Tom Becker",
		"TOTAL $564.00", "within what the client was told"} {
		if !strings.Contains(out, want) {
			t.Errorf("draft lacks %q:\n%s", want, out)
		}
	}
	if _, errs, code := h.line("rita", "invoice approve I-1"); code != 1 || !strings.Contains(errs, "for managers and admins") {
		t.Errorf("a dispatcher approved: %d %s", code, errs)
	}
	h.mustLine("ann", "invoice approve I-1")
	if out := h.mustLine("ann", "invoice send I-1"); !strings.Contains(out, "I-1 is sent: total $564.00, $564.00 due 2026-12-25") ||
		!strings.Contains(out, "its letter is in the outbox for Dana Ruiz <dana@acme.example> (O-") {
		t.Errorf("send says:\n%s", out)
	}
	md := h.mustLine("ann", "invoice show I-1 --format markdown")
	if !strings.Contains(md, "# Invoice I-1") || !strings.Contains(md, "**Bill to:** Acme Dental") || !strings.Contains(md, "| 4 | part |") {
		t.Errorf("markdown:\n%s", md)
	}
	csvOut := h.mustLine("ann", "invoice export --from 2026-11-01 --to 2026-11-30 --format xero")
	rows, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
	if err != nil || len(rows) != 5 || rows[0][0] != "*ContactName" || rows[1][1] != "I-1" {
		t.Fatalf("xero export (%v):\n%s", err, csvOut)
	}
	times := h.mustLine("ann", "time export --from 2026-11-25 --to 2026-11-25")
	if !strings.Contains(times, "sam,V-301,travelling,2026-11-25T10:00:00Z,2026-11-25T10:45:00Z,2700") {
		t.Errorf("time export:\n%s", times)
	}
	if _, errs, code := h.line("ann", "invoice export --from 2026-11-30 --to 2026-11-01 --format xero"); code != 1 || !strings.Contains(errs, "before --from") {
		t.Errorf("a backwards range: %d %s", code, errs)
	}
	if _, errs, code := h.line("ann", "invoice credit I-1 --line 2 --amount 50 --reason goodwill"); code != 1 || !strings.Contains(errs, "below zero") {
		t.Errorf("a positive credit: %d %s", code, errs)
	}
	if out := h.mustLine("ann", "invoice credit I-1 --line 2 --amount -62.50 --reason half an hour of goodwill"); !strings.Contains(out, "credit note CN-1: -$62.50 against line 2 of I-1") {
		t.Errorf("credit says:\n%s", out)
	}
	if out := h.mustLine("rita", "invoice paid I-1"); !strings.Contains(out, "I-1 is paid") {
		t.Errorf("paid says:\n%s", out)
	}
}

// A technician reads a fixed-quote ticket, its history and its terms
// without a single amount.
func TestATechnicianSeesNoAmountOnAFixedQuote(t *testing.T) {
	o := doortest.OpenDemo(t, time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC))
	ctx := context.Background()
	if _, err := o.Door.Authorise(ctx, model.Console, 1015, "Rosa Lind", time.Time{}); err != nil {
		t.Fatal(err)
	}
	sam, err := o.Door.FindTech(ctx, model.Console, "Sam Okafor")
	if err != nil {
		t.Fatal(err)
	}
	for _, argv := range [][]string{{"ticket", "show", "T-1015"}, {"ticket", "show", "T-1015", "--json"}} {
		var out, errs bytes.Buffer
		if code := Run(ctx, Env{Door: o.Door, User: sam, Out: &out, Err: &errs}, argv); code != 0 {
			t.Fatalf("%v: %d %s", argv, code, errs.String())
		}
		if regexp.MustCompile(`\$\d|"quote_cents": [1-9]|/h`).MatchString(out.String()) {
			t.Errorf("%v shows a technician an amount:\n%s", argv, out.String())
		}
		if !strings.Contains(out.String(), "a fixed quote") && !strings.Contains(out.String(), `"fixed_quote": true`) {
			t.Errorf("%v does not say it is a fixed quote:\n%s", argv, out.String())
		}
	}
	card, err := o.Door.Ticket(ctx, model.ActorOf(sam), 1015)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range card.Audit {
		if strings.Contains(e.Before+e.After, "45000") || strings.Contains(e.Before+e.After, "$") {
			t.Errorf("the ticket's history gives a technician an amount: %s %s %s", e.Action, e.Before, e.After)
		}
	}
}

// A part added twice is pointed out on the draft, taken off, and the ticket
// shows what was sold; once sent, its parts stay.
func TestAPartAddedTwiceIsTakenOff(t *testing.T) {
	h := newHarness(t)
	h.bookedVisit()
	h.clock.Advance(4 * time.Hour)
	for _, step := range []string{"travel V-301 --at 10:00", "arrive V-301 --contact Dana Ruiz --at 10:45",
		"depart V-301 --contact Dana Ruiz --done --at 11:45", "return V-301 --at 12:30"} {
		h.mustLine("sam", "visit "+step)
	}
	h.mustLine("rita", "part add T-1001 --desc Wireless router --price 189 --approved-by Dana Ruiz")
	h.mustLine("rita", "part add T-1001 --desc wireless router --price 189 --approved-by Dana Ruiz")
	if out := h.mustLine("rita", "invoice draft T-1001"); !strings.Contains(out, "PT-1 and PT-2 are the same part at the same price") {
		t.Errorf("a part added twice is not pointed out:\n%s", out)
	}
	if out := h.mustLine("sam", "ticket show T-1001"); !strings.Contains(out, "PT-2 wireless router × 1, approved by Dana Ruiz") || strings.Contains(out, "$189") {
		t.Errorf("a technician's ticket show:\n%s", out)
	}
	h.mustLine("rita", "part remove PT-2 --reason added twice")
	out := h.mustLine("rita", "invoice draft T-1001")
	if strings.Contains(out, "PT-2") || !strings.Contains(out, "PT-1 Wireless router") {
		t.Errorf("after taking PT-2 off:\n%s", out)
	}
	h.mustLine("ann", "invoice approve I-1")
	h.mustLine("ann", "invoice send I-1")
	if _, errs, code := h.line("rita", "part remove PT-1 --reason returned"); code != 1 || !strings.Contains(errs, "credit note") {
		t.Errorf("a part taken off a sent invoice: %d %s", code, errs)
	}
}
