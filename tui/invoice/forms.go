package invoice

import (
	"fmt"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/tui/form"
	"dispatch/tui/page"
)

// moneyForm is a form that records one thing on an invoice: fields, and
// what saving them does.
type moneyForm struct {
	*form.Form
	deps  page.Deps
	save  func() (string, error)
	saved func() // tells the page the form is done with, so its draft is dropped
}

func (f *moneyForm) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	return f, f.HandleOrLeave(msg, func() tea.Cmd {
		flash, err := f.save()
		if err != nil {
			return f.ShowError(err)
		}
		if f.saved != nil {
			f.saved()
		}
		return f.deps.Close(flash)
	})
}

func newAdjustForm(deps page.Deps, inv model.Invoice) *moneyForm {
	f := &moneyForm{deps: deps, Form: form.New(deps, fmt.Sprintf("Adjust %s · total %s, told %s", inv.Ref(), inv.Total(), inv.ToldTotal()), "cancel")}
	amount := form.NewTextField(fmt.Sprintf("like -%d to take $%d off, or 50 to add $50", overBy(inv)/100, overBy(inv)/100), 20)
	reason := form.NewTextField("why, as the client will read it", 300)
	f.Add("amount", "Amount", amount)
	f.Add("reason", "Reason", reason)
	f.save = func() (string, error) {
		c, err := model.ParseSignedMoney("amount", amount.Value())
		if err != nil {
			return "", err
		}
		adjusted, err := deps.Door.AdjustInvoice(deps.Ctx, deps.Actor(), inv.ID, c, reason.Value())
		if err != nil {
			return "", err
		}
		again := ""
		if inv.State == model.InvoiceApproved {
			again = " — a draft again: approve it once more"
		}
		return fmt.Sprintf("%s adjusted by %s: total %s%s", inv.Ref(), c, adjusted.Total(), again), nil
	}
	return f
}

// overBy is how far over what was told the invoice bills, for a hint.
func overBy(inv model.Invoice) int64 { return max(int64(inv.Over()), 100_00) }

func newExplainForm(deps page.Deps, inv model.Invoice) *moneyForm {
	f := &moneyForm{deps: deps, Form: form.New(deps, fmt.Sprintf("Explain %s · %s over what the client was told", inv.Ref(), inv.Over()), "cancel")}
	text := form.NewAreaField("why the invoice is right, as the client will be told", 2000)
	text.SetValue(inv.Explanation)
	f.Add("text", "Why", text)
	f.save = func() (string, error) {
		_, err := deps.Door.ExplainInvoice(deps.Ctx, deps.Actor(), inv.ID, text.Value())
		return inv.Ref() + ": the explanation is kept on the invoice", err
	}
	return f
}

func newCreditForm(deps page.Deps, inv model.Invoice) *moneyForm {
	f := &moneyForm{deps: deps, Form: form.New(deps, fmt.Sprintf("Credit note against %s · lines 1 to %d", inv.Ref(), len(inv.Lines)), "cancel")}
	line := form.NewTextField("the line it corrects, by its # number", 6)
	amount := form.NewTextField("the credit, like -75", 20)
	reason := form.NewTextField("why, as the client will read it", 300)
	f.Add("line", "Line", line)
	f.Add("amount", "Amount", amount)
	f.Add("reason", "Reason", reason)
	f.save = func() (string, error) {
		var bad model.Invalid
		n, err := strconv.Atoi(strings.TrimSpace(line.Value()))
		if err != nil {
			bad.Add("line", model.FieldError{Field: "line", Msg: "is not a line number; see the # column"})
		}
		c, err := model.ParseSignedMoney("amount", amount.Value())
		bad.Add("amount", err)
		if err := bad.Err(); err != nil {
			return "", err
		}
		note, err := deps.Door.CreditInvoice(deps.Ctx, deps.Actor(), inv.ID, n, c, reason.Value())
		return fmt.Sprintf("credit note %s: %s against line %d", note.Ref(), note.Amount, note.Line), err
	}
	return f
}

func newPaidForm(deps page.Deps, inv model.Invoice) *moneyForm {
	f := &moneyForm{deps: deps, Form: form.New(deps, fmt.Sprintf("Payment on %s · %s due", inv.Ref(), inv.Due()), "cancel")}
	amount := form.NewTextField("the amount received", 20)
	amount.SetValue(strings.TrimPrefix(inv.Due().String(), "$"))
	f.Add("amount", "Received", amount)
	f.save = func() (string, error) {
		c, err := model.ParseMoney("amount", amount.Value())
		if err != nil {
			return "", err
		}
		paid, err := deps.Door.RecordPayment(deps.Ctx, deps.Actor(), inv.ID, c)
		return fmt.Sprintf("%s: %s received, %s still due", inv.Ref(), c, paid.Due()), err
	}
	return f
}

func newDisputeForm(deps page.Deps, inv model.Invoice) *moneyForm {
	f := &moneyForm{deps: deps, Form: form.New(deps, fmt.Sprintf("Dispute on %s · in the client's words", inv.Ref()), "cancel")}
	words := form.NewAreaField("what the client said", 2000)
	f.Add("words", "Said", words)
	f.save = func() (string, error) {
		_, err := deps.Door.DisputeInvoice(deps.Ctx, deps.Actor(), inv.ID, words.Value())
		return inv.Ref() + " is disputed: the desk lists it until it is settled", err
	}
	return f
}
