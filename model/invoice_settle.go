package model

import "fmt"

// CheckPayment says whether an amount may be recorded as received on the
// invoice: more than nothing, and no more than is still due.
func (inv Invoice) CheckPayment(amount Cents) error {
	due := inv.Due()
	switch {
	case due <= 0:
		return Conflict{Msg: fmt.Sprintf("%s owes nothing: %s", inv.Ref(), inv.owedWords())}
	case amount <= 0:
		return FieldError{Field: "amount", Msg: fmt.Sprintf("must be more than $0; %s is due (leave the amount out for all of it)", due)}
	case amount > due:
		return FieldError{Field: "amount", Msg: fmt.Sprintf("%s is more than the %s still due", amount, due)}
	}
	return nil
}

// CheckCredit says whether a credit (an amount below zero) may be issued
// against line n: the line must be on the invoice, and the credits against
// it may not pass what it billed.
func (inv Invoice) CheckCredit(n int, amount Cents) error {
	l, ok := inv.Line(n)
	switch {
	case amount >= 0:
		return FieldError{Field: "amount", Msg: "must be below zero, like -75: a credit takes money off"}
	case !ok:
		return FieldError{Field: "line", Msg: fmt.Sprintf("%d is not a line of %s; it has lines 1 to %d", n, inv.Ref(), len(inv.Lines))}
	}
	left := l.Amount
	for _, c := range inv.Credits {
		if c.Line == n {
			left += c.Amount
		}
	}
	if -amount > left {
		return FieldError{Field: "amount", Msg: fmt.Sprintf("%s is more than line %d has left to credit (%s)", -amount, n, left)}
	}
	return nil
}

// Settled is the state a sent invoice is in once money has moved: paid when
// nothing is owed (a credit may have settled it; more than owed is a refund),
// disputed until someone settles it, part paid once something was received.
func (inv Invoice) Settled() InvoiceState {
	switch {
	case inv.Due() <= 0:
		return InvoicePaid
	case inv.State == InvoiceDisputed:
		return InvoiceDisputed
	case inv.Paid > 0:
		return InvoicePartPaid
	}
	return InvoiceSent
}

// Refund is what the office owes back when credits came after the money:
// the part of them the client had already paid.
func (inv Invoice) Refund() Cents { return max(-inv.Due(), 0) }

func (inv Invoice) owedWords() string {
	if r := inv.Refund(); r > 0 {
		return fmt.Sprintf("a refund of %s is owed to the client", r)
	}
	return "it is settled"
}
