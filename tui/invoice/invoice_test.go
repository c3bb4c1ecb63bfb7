package invoice_test

import (
	"context"
	"strings"
	"testing"

	"dispatch/model"
	"dispatch/tui/screentest"
)

// cursorTo presses j until the selected row holds want.
func cursorTo(t *testing.T, s *screentest.Screen, want string) {
	t.Helper()
	for range 40 {
		if strings.Contains(s.CursorLine(), want) {
			return
		}
		s.Keys("j")
	}
	t.Fatalf("no row with %q:\n%s", want, s.Screen())
}

// A manager drafts an invoice from the desk, sees it held as a surprise
// once adjusted up, explains it, approves, sends, and credits a line.
func TestAnInvoiceFromTheDeskToACreditNote(t *testing.T) {
	s := screentest.New(t, model.RoleManager, 120, 40)
	s.Keys("i")
	s.MustSee("Invoices", "DRAFTS — SURPRISES FIRST (0)", "PAST DUE (1)", "Lakeside Montessori", "DISPUTED (1)",
		"driver updates were covered", "READY TO INVOICE (6)", "PAID LATELY")
	cursorTo(t, s, "T-1020")
	s.Keys("d")
	s.MustSee("Invoice I-7", "Acme Dental", "draft", "Sterilisation log PC replacement", "checked in with",
		"TOLD AGAINST BILLED", "within what the client was told")

	s.Keys("a", "250", "tab", "the new PC needed a second licence", "ctrl+s")
	s.MustSee("I-7 adjusted by $250.00", "⚠ SURPRISE", "4 adjustment", "the new PC needed a second licence")
	s.Keys("A")
	s.MustSee("cannot be approved", "more than the client was told")
	s.Keys("e", "Dana agreed to the second licence", "esc") // left half written…
	s.MustNotSee("Explain I-7")
	s.Keys("e", " by phone", "ctrl+s") // …and finished later: nothing typed is lost
	s.MustSee("the explanation is kept", "EXPLANATION", "Dana agreed to the second licence by phone")
	s.MustNotSee("⚠ SURPRISE:")
	s.Keys("A")
	s.MustSee("I-7 approved")
	s.Keys("S")
	s.MustSee("Send I-7 to Acme Dental", "never changes")
	s.Keys("y")
	s.MustSee("I-7 sent", "sent ·")
	s.Keys("a") // a sent invoice is not adjusted
	s.MustNotSee("Adjust I-7")
	s.MustSee("I-7 is sent: adjust is not for it now")
	s.Keys("c", "2", "tab", "-25", "tab", "half an hour was the old PC's fault", "ctrl+s")
	s.MustSee("credit note CN-1", "CREDIT NOTES", "CN-1  line 2  -$25.00")
	s.Keys("d", "we did not expect a second licence", "ctrl+s")
	s.MustSee("I-7 is disputed", "DISPUTED", "we did not expect a second licence")
	s.Keys("esc")
	s.MustSee("DISPUTED (2)", "READY TO INVOICE (5)")
}

// The invoice page fits an 80×24 terminal, its description wrapped under
// itself, and scrolls to the rest.
func TestTheInvoicePageAt80x24(t *testing.T) {
	s := screentest.New(t, model.RoleManager, 80, 24)
	s.Keys("i")
	cursorTo(t, s, "I-2")
	s.Keys("enter")
	s.FitsWindow(80, 24)
	s.MustSee("Invoice I-2", "Juniper Family Clinic", "paid", "ACTUAL   BILLED", "      V-302 Thu 5 Nov · on site: arrived 04:00, checked in with Dr. Paul Weiss;")
	for range 60 {
		s.Keys("j")
	}
	s.MustSee("TOLD AGAINST BILLED", "total", "T-1002 estimate 6h at") // what was told, whole, on its own line
	s.FitsWindow(80, 24)
}

// A technician never reaches the invoices nor sees money on a ticket.
func TestATechnicianSeesNoInvoices(t *testing.T) {
	s := screentest.Tech(t, "Sam Okafor", 120, 40)
	s.Keys("i")
	s.MustNotSee("Invoices", "DRAFTS")
	d := screentest.New(t, model.RoleDispatcher, 120, 40)
	d.Keys("i")
	cursorTo(t, d, "I-1 ")
	d.Keys("enter")
	d.MustSee("Invoice I-1", "Foxglove Bakery")
	d.Keys("A") // a dispatcher drafts and records payments; approving is a manager's
	d.MustNotSee("I-1 approved")
	d.MustSee("is for managers and admins; you are signed")
}

// An approved invoice whose ticket gained a part says so at once, and is
// drawn again with r; a second dispute joins the first; a credit after the
// client paid is a refund, recorded with R.
func TestStaleRefundsAndASecondDispute(t *testing.T) {
	s := screentest.New(t, model.RoleManager, 120, 40)
	s.Keys("i")
	cursorTo(t, s, "T-1020")
	s.Keys("d", "A")
	s.MustSee("I-7 approved")
	if _, err := s.Door.AddPart(context.Background(), model.Console, model.Part{TicketID: 1020, Description: "Label printer", Qty: 1, Price: 120_00}, "Dana Ruiz"); err != nil {
		t.Fatal(err)
	}
	s.Changed()
	s.MustSee("no longer matches the record of T-1020", "r draws it again")
	s.Keys("r")
	s.MustSee("drawn again from the record", "Label printer", "draft")
	s.MustNotSee("no longer matches")

	s.Keys("esc", "esc")
	s.Keys("i")
	cursorTo(t, s, "I-6 ")
	s.Keys("enter", "d", "and the second scanner too", "ctrl+s")
	s.MustSee("driver updates were covered by our contract · then, Wed 25 Nov: and the second scanner too")

	s.Keys("esc")
	cursorTo(t, s, "I-1 ")
	s.Keys("enter", "c", "4", "tab", "-10", "tab", "goodwill after the fact", "ctrl+s")
	s.MustSee("a refund of $10.00 is owed to the client", "R refund paid")
	s.Keys("R", "y")
	s.MustSee("I-1: the refund of $10.00 is recorded")
	s.MustNotSee("is owed to the client")
}
