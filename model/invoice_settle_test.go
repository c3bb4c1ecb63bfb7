package model

import (
	"strings"
	"testing"
)

func TestSettlingAnInvoice(t *testing.T) {
	base := Invoice{ID: 7, State: InvoiceSent, Lines: []InvoiceLine{{N: 1, Amount: 90_00}, {N: 2, Amount: 330_00}}}
	cases := []struct {
		name    string
		paid    Cents
		credits []CreditNote
		state   InvoiceState
		due     Cents
		refund  Cents
		disp    bool
	}{
		{"nothing yet", 0, nil, InvoiceSent, 420_00, 0, false},
		{"part paid", 100_00, nil, InvoicePartPaid, 320_00, 0, false},
		{"paid", 420_00, nil, InvoicePaid, 0, 0, false},
		{"credited to nothing", 0, []CreditNote{{Line: 1, Amount: -90_00}, {Line: 2, Amount: -330_00}}, InvoicePaid, 0, 0, false},
		{"credited after paying: a refund", 420_00, []CreditNote{{Line: 1, Amount: -90_00}}, InvoicePaid, -90_00, 90_00, false},
		{"a part payment keeps a dispute", 100_00, nil, InvoiceDisputed, 320_00, 0, true},
		{"paying it all settles a dispute", 420_00, nil, InvoicePaid, 0, 0, true},
	}
	for _, c := range cases {
		inv := base
		inv.Paid, inv.Credits = c.paid, c.credits
		if c.disp {
			inv.State = InvoiceDisputed
		}
		if got := inv.Settled(); got != c.state || inv.Due() != c.due || inv.Refund() != c.refund {
			t.Errorf("%s: %s due %s refund %s, want %s due %s refund %s", c.name, got, inv.Due(), inv.Refund(), c.state, c.due, c.refund)
		}
	}
}

func TestPaymentsAndCreditsAreChecked(t *testing.T) {
	inv := Invoice{ID: 7, State: InvoiceSent, Lines: []InvoiceLine{{N: 1, Amount: 90_00}, {N: 2, Amount: 330_00}},
		Credits: []CreditNote{{Line: 1, Amount: -50_00}}, Paid: 100_00}
	for _, c := range []struct {
		err  error
		says string
	}{
		{inv.CheckPayment(0), "must be more than $0; $270.00 is due"},
		{inv.CheckPayment(270_01), "more than the $270.00 still due"},
		{inv.CheckPayment(270_00), ""},
		{inv.CheckCredit(1, -40_01), "more than line 1 has left to credit ($40.00)"},
		{inv.CheckCredit(1, -40_00), ""},
		{inv.CheckCredit(3, -1), "3 is not a line of I-7; it has lines 1 to 2"},
		{inv.CheckCredit(2, 5_00), "must be below zero"},
	} {
		if (c.says == "") != (c.err == nil) || c.err != nil && !strings.Contains(c.err.Error(), c.says) {
			t.Errorf("got %v, want %q", c.err, c.says)
		}
	}
	settled := inv
	settled.Paid = 370_00
	if err := settled.CheckPayment(1); err == nil || !strings.Contains(err.Error(), "owes nothing") {
		t.Errorf("a payment on a settled invoice: %v", err)
	}
}
