package door

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"dispatch/model"
	"dispatch/model/feed"
	"dispatch/model/store"
)

// DraftInvoice makes a draft for one client's done tickets, or refreshes the
// draft they are already on: its lines drawn again from the record, its
// adjustments and explanation kept.
func (d *Door) DraftInvoice(ctx context.Context, who model.Actor, ticketIDs []int64) (model.Invoice, error) {
	var inv model.Invoice
	if len(ticketIDs) == 0 {
		return inv, model.FieldError{Field: "tickets", Msg: "are missing; name the done tickets to invoice, like T-1042 T-1043"}
	}
	err := d.write(ctx, who, model.ActDraftInvoice, feed.Invoices|feed.Tickets, func(tx *store.Tx, now time.Time) error {
		tickets, existing, err := draftable(ctx, tx, ticketIDs)
		if err != nil {
			return err
		}
		inv = model.Invoice{ClientID: tickets[0].ClientID, State: model.InvoiceDraft}
		action := "invoice.draft"
		if existing != 0 {
			if inv, err = tx.InvoiceByID(ctx, existing); err != nil {
				return err
			}
			action = "invoice.redraft"
		}
		ids := map[int64]bool{}
		for _, t := range tickets {
			ids[t.ID] = true
		}
		for _, id := range inv.TicketIDs { // a refresh keeps the tickets the draft had
			ids[id] = true
		}
		before := inv.Summary()
		if err := d.drawInvoice(ctx, tx, &inv, ids); err != nil {
			return err
		}
		inv.State, inv.ApprovedAt, inv.ApprovedBy = model.InvoiceDraft, time.Time{}, ""
		inv.DraftedAt, inv.DraftedBy = now, who.Name
		if existing == 0 {
			if inv, err = tx.InsertInvoice(ctx, inv); err != nil {
				return err
			}
		} else if err := tx.SaveInvoice(ctx, inv); err != nil {
			return err
		}
		return tx.Audit(ctx, now, who.String(), action, "invoice", inv.ID, before, inv.Summary())
	})
	return inv, err
}

// draftable loads the tickets to invoice and checks they can be: one
// client's, done, on no invoice that went out, and on at most one draft.
func draftable(ctx context.Context, tx *store.Tx, ids []int64) ([]model.Ticket, int64, error) {
	var tickets []model.Ticket
	var existing int64
	seen := map[int64]bool{}
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		t, err := tx.TicketByID(ctx, id)
		if err != nil {
			return nil, 0, err
		}
		if len(tickets) > 0 && t.ClientID != tickets[0].ClientID {
			return nil, 0, model.Conflict{Msg: fmt.Sprintf("%s is for another client than %s; an invoice is for one client — draft them apart", t.Ref(), tickets[0].Ref())}
		}
		inv, state, err := tx.LiveInvoiceOf(ctx, id)
		switch {
		case err != nil:
			return nil, 0, err
		case inv != 0 && state.Frozen():
			return nil, 0, model.Conflict{Msg: fmt.Sprintf("%s is on %s, already %s; a sent invoice never changes — correct it with a credit note (invoice credit %s --line N --amount … --reason …)",
				t.Ref(), model.FormatID(model.PrefixInvoice, inv), state, model.FormatID(model.PrefixInvoice, inv))}
		case inv != 0 && existing != 0 && inv != existing:
			return nil, 0, model.Conflict{Msg: fmt.Sprintf("%s is on %s and another ticket on %s; refresh each draft on its own, or void one",
				t.Ref(), model.FormatID(model.PrefixInvoice, inv), model.FormatID(model.PrefixInvoice, existing))}
		case inv != 0:
			existing = inv
		}
		switch t.Status {
		case model.TicketDone:
		case model.TicketOpen:
			return nil, 0, model.Conflict{Msg: fmt.Sprintf("%s is still open; only done tickets are invoiced — close it on site (visit depart --done) or mark it done (ticket done %s)", t.Ref(), t.Ref())}
		default:
			return nil, 0, model.Conflict{Msg: fmt.Sprintf("%s is %s; only done tickets are invoiced", t.Ref(), t.Status)}
		}
		tickets = append(tickets, t)
	}
	return tickets, existing, nil
}

// drawInvoice draws an invoice's lines, told amounts and warnings from the
// record of its tickets, keeping any adjustments made by hand.
func (d *Door) drawInvoice(ctx context.Context, tx *store.Tx, inv *model.Invoice, ticketIDs map[int64]bool) error {
	terms, err := termsOf(ctx, tx, inv.ClientID)
	if err != nil {
		return err
	}
	inv.Client, inv.Terms, inv.Tolerance = terms.Client.Name, terms.Effective, terms.Office.Tolerance
	inv.TicketIDs = inv.TicketIDs[:0]
	for id := range ticketIDs {
		inv.TicketIDs = append(inv.TicketIDs, id)
	}
	sort.Slice(inv.TicketIDs, func(i, j int) bool { return inv.TicketIDs[i] < inv.TicketIDs[j] })
	in := model.BillInput{Terms: terms.Effective, Loc: d.Location()}
	for _, id := range inv.TicketIDs {
		w, err := ticketWork(ctx, tx, id)
		if err != nil {
			return err
		}
		in.Tickets = append(in.Tickets, w)
	}
	bill, err := model.DraftBill(in)
	if err != nil {
		return err
	}
	var kept []model.InvoiceLine
	for _, l := range inv.Lines {
		if l.Kind == model.LineAdjustment {
			kept = append(kept, l)
		}
	}
	inv.Lines, inv.Told, inv.Warnings = append(bill.Lines, kept...), bill.Told, bill.Warnings
	for i := range inv.Lines {
		inv.Lines[i].N = i + 1
	}
	return nil
}

// ticketWork reads everything a bill needs to know about one ticket.
func ticketWork(ctx context.Context, tx *store.Tx, id int64) (model.TicketWork, error) {
	var w model.TicketWork
	var err error
	if w.Ticket, err = tx.TicketByID(ctx, id); err != nil {
		return w, err
	}
	if w.Site, err = tx.SiteByID(ctx, w.Ticket.SiteID); err != nil {
		return w, err
	}
	if w.Visits, err = tx.VisitsForTicket(ctx, id); err != nil {
		return w, err
	}
	if w.Requests, err = tx.ScopeForTicket(ctx, id); err != nil {
		return w, err
	}
	if w.Parts, err = tx.PartsFor(ctx, id); err != nil {
		return w, err
	}
	w.Authorisation, err = tx.LatestAuthorisation(ctx, id)
	return w, err
}

// Invoice reads one invoice whole.
func (d *Door) Invoice(ctx context.Context, who model.Actor, id int64) (model.Invoice, error) {
	var inv model.Invoice
	err := d.read(ctx, who, model.ActSeeRates, func(tx *store.Tx) error {
		var err error
		inv, err = tx.InvoiceByID(ctx, id)
		return err
	})
	return inv, err
}

// Invoices lists invoices without their lines, newest first.
func (d *Door) Invoices(ctx context.Context, who model.Actor, f store.InvoiceFilter) ([]model.InvoiceSummary, error) {
	var out []model.InvoiceSummary
	err := d.read(ctx, who, model.ActSeeRates, func(tx *store.Tx) error {
		var err error
		out, err = tx.Invoices(ctx, f)
		return err
	})
	return out, err
}

// ReadyToInvoice lists the done tickets on no invoice yet.
func (d *Door) ReadyToInvoice(ctx context.Context, who model.Actor, clientID int64) ([]store.ReadyTicket, error) {
	var out []store.ReadyTicket
	err := d.read(ctx, who, model.ActSeeRates, func(tx *store.Tx) error {
		var err error
		out, err = tx.ReadyToInvoice(ctx, clientID)
		return err
	})
	return out, err
}

// InvoiceOfTicket is the live invoice a ticket is on, if any.
func (d *Door) InvoiceOfTicket(ctx context.Context, who model.Actor, ticketID int64) (int64, model.InvoiceState, error) {
	var id int64
	var state model.InvoiceState
	err := d.read(ctx, who, model.ActSeeRates, func(tx *store.Tx) error {
		var err error
		id, state, err = tx.LiveInvoiceOf(ctx, ticketID)
		return err
	})
	return id, state, err
}

// changeInvoice runs one change to an invoice in one transaction: load it,
// check its state allows the change, apply, store, audit.
func (d *Door) changeInvoice(ctx context.Context, who model.Actor, act model.Action, id int64, action string, states []model.InvoiceState,
	fn func(tx *store.Tx, inv *model.Invoice, now time.Time) error) (model.Invoice, error) {
	return d.changeSeen(ctx, who, act, id, 0, action, states, fn)
}

// changeSeen is changeInvoice for a change made from a version of the
// invoice the user was shown (seen; 0 acts on it as it is): changed since,
// it is refused, so nobody approves or sends an amount they never saw.
func (d *Door) changeSeen(ctx context.Context, who model.Actor, act model.Action, id, seen int64, action string, states []model.InvoiceState,
	fn func(tx *store.Tx, inv *model.Invoice, now time.Time) error) (model.Invoice, error) {
	var inv model.Invoice
	err := d.write(ctx, who, act, feed.Invoices|feed.Tickets, func(tx *store.Tx, now time.Time) error {
		var err error
		if inv, err = tx.InvoiceByID(ctx, id); err != nil {
			return err
		}
		if seen != 0 && inv.Version != seen {
			return model.Conflict{Msg: fmt.Sprintf("%s changed while you looked at it: it is %s now, total %s; look at it again first", inv.Ref(), inv.State, inv.Total())}
		}
		if !stateIn(inv.State, states) {
			return model.Conflict{Msg: fmt.Sprintf("%s is %s; %s is for an invoice that is %s", inv.Ref(), inv.State, strings.TrimPrefix(action, "invoice."), statesList(states))}
		}
		before := inv.Summary()
		if err := fn(tx, &inv, now); err != nil {
			return err
		}
		if inv.State.Frozen() && before.State.Frozen() {
			err = tx.SetInvoiceState(ctx, inv)
		} else {
			err = tx.SaveInvoice(ctx, inv)
		}
		if err != nil {
			return err
		}
		inv, err = tx.InvoiceByID(ctx, id)
		if err != nil {
			return err
		}
		return tx.Audit(ctx, now, who.String(), action, "invoice", inv.ID, before, inv.Summary())
	})
	return inv, err
}

func stateIn(s model.InvoiceState, states []model.InvoiceState) bool {
	for _, ok := range states {
		if s == ok {
			return true
		}
	}
	return false
}

func statesList(states []model.InvoiceState) string {
	names := make([]string, len(states))
	for i, s := range states {
		names[i] = string(s)
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

var (
	unsent   = []model.InvoiceState{model.InvoiceDraft, model.InvoiceApproved}
	unsettle = []model.InvoiceState{model.InvoiceSent, model.InvoicePartPaid, model.InvoiceDisputed}
	frozen   = []model.InvoiceState{model.InvoiceSent, model.InvoicePartPaid, model.InvoicePaid, model.InvoiceDisputed}
)

func needText(field, s, example string) (string, error) {
	s = model.CleanText(s)
	if s == "" {
		return s, model.FieldError{Field: field, Msg: "is empty; " + example}
	}
	return s, model.TextLimit{Field: field, Max: 2000}.Check(s)
}

// AdjustInvoice adds a line of money with a reason to a draft; an approved
// invoice goes back to draft for another look.
func (d *Door) AdjustInvoice(ctx context.Context, who model.Actor, id int64, amount model.Cents, reason string) (model.Invoice, error) {
	reason, err := needText("reason", reason, "say why, as the client will read it")
	if err == nil {
		err = reasonLimit.Check(reason)
	}
	if err == nil && (amount == 0 || amount > model.MaxMoney || amount < -model.MaxMoney) {
		err = model.FieldError{Field: "amount", Msg: "must be a non-zero amount, like -200 to take $200 off or 50 to add $50"}
	}
	if err != nil {
		return model.Invoice{}, err
	}
	return d.changeInvoice(ctx, who, model.ActReviewInvoice, id, "invoice.adjust", unsent, func(tx *store.Tx, inv *model.Invoice, now time.Time) error {
		if inv.Total()+amount < 0 {
			return model.FieldError{Field: "amount", Msg: fmt.Sprintf("%s would take the total (%s) below $0; to bill nothing, void %s", amount, inv.Total(), inv.Ref())}
		}
		inv.Lines = append(inv.Lines, model.InvoiceLine{N: len(inv.Lines) + 1, Kind: model.LineAdjustment, Group: model.GroupAdjust,
			Description: reason, Amount: amount, Reason: reason, By: who.Name})
		inv.State, inv.ApprovedAt, inv.ApprovedBy = model.InvoiceDraft, time.Time{}, ""
		return nil
	})
}

// ExplainInvoice keeps on the invoice why a surprise is right, so it may go.
func (d *Door) ExplainInvoice(ctx context.Context, who model.Actor, id int64, text string) (model.Invoice, error) {
	text, err := needText("text", text, "write why the invoice is right, as the client will be told")
	if err != nil {
		return model.Invoice{}, err
	}
	return d.changeInvoice(ctx, who, model.ActReviewInvoice, id, "invoice.explain", unsent, func(tx *store.Tx, inv *model.Invoice, now time.Time) error {
		inv.Explanation, inv.ExplainedBy, inv.ExplainedOver = text, who.Name, max(inv.Over(), 0)
		return nil
	})
}

// ApproveInvoice passes a draft for sending, from the version the reviewer
// saw (0: as it is); a surprise not yet adjusted away or explained is held,
// and so is a draft the record has moved on from.
func (d *Door) ApproveInvoice(ctx context.Context, who model.Actor, id, seen int64) (model.Invoice, error) {
	return d.changeSeen(ctx, who, model.ActReviewInvoice, id, seen, "invoice.approve", []model.InvoiceState{model.InvoiceDraft},
		func(tx *store.Tx, inv *model.Invoice, now time.Time) error {
			if held := inv.Held(); held != "" {
				return model.Conflict{Msg: inv.Ref() + " cannot be approved: " + held}
			}
			if inv.Total() <= 0 {
				return model.Conflict{Msg: fmt.Sprintf("%s bills %s: there is nothing to send; void it, and its tickets are ready again", inv.Ref(), inv.Total())}
			}
			if err := d.stillTrue(ctx, tx, *inv); err != nil {
				return err
			}
			inv.State, inv.ApprovedAt, inv.ApprovedBy = model.InvoiceApproved, now, who.Name
			return nil
		})
}

// stillTrue refuses an invoice the record has moved on from since it was
// drawn: a ticket reopened, a part added, a time corrected, terms changed.
func (d *Door) stillTrue(ctx context.Context, tx *store.Tx, inv model.Invoice) error {
	refs := make([]string, len(inv.TicketIDs))
	ids := map[int64]bool{}
	for i, id := range inv.TicketIDs {
		t, err := tx.TicketByID(ctx, id)
		if err != nil {
			return err
		}
		if t.Status != model.TicketDone {
			return model.Conflict{Msg: fmt.Sprintf("%s is %s again since %s was drawn; finish it and draft again, or void %s", t.Ref(), t.Status, inv.Ref(), inv.Ref())}
		}
		refs[i], ids[id] = t.Ref(), true
	}
	now := inv
	now.Lines, now.TicketIDs = slices.Clone(inv.Lines), slices.Clone(inv.TicketIDs)
	if err := d.drawInvoice(ctx, tx, &now, ids); err != nil {
		return err
	}
	if !sameLines(inv.Lines, now.Lines) || inv.Terms != now.Terms {
		return model.Conflict{Msg: fmt.Sprintf("%s no longer matches the record of %s (a part, a corrected time or the terms changed since it was drawn); draw it again (r on its page, or invoice draft %s) and look at it before it goes",
			inv.Ref(), strings.Join(refs, " "), strings.Join(refs, " "))}
	}
	return nil
}

// sameLines reports whether two drawings of an invoice bill the same lines.
func sameLines(a, b []model.InvoiceLine) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.Kind != y.Kind || x.Description != y.Description || x.Actual != y.Actual || x.Billed != y.Billed ||
			x.Rate != y.Rate || x.Qty != y.Qty || x.Amount != y.Amount || !slices.Equal(x.Sources, y.Sources) {
			return false
		}
	}
	return true
}

// SendInvoice marks an approved invoice sent: it is frozen from now, falls
// due under the client's payment terms, its tickets are invoiced, and its
// letter waits in the outbox for the client's contacts. It
// goes only as approved, and only while the record still draws it so.
func (d *Door) SendInvoice(ctx context.Context, who model.Actor, id, seen int64) (model.Invoice, error) {
	return d.changeSeen(ctx, who, model.ActReviewInvoice, id, seen, "invoice.send", []model.InvoiceState{model.InvoiceApproved},
		func(tx *store.Tx, inv *model.Invoice, now time.Time) error {
			if err := d.stillTrue(ctx, tx, *inv); err != nil {
				return err
			}
			inv.State, inv.SentAt, inv.DueAt = model.InvoiceSent, now, inv.Terms.Payment.DueAt(now)
			for _, t := range inv.TicketIDs {
				if err := tx.SetTicketStatus(ctx, t, model.TicketInvoiced, now); err != nil {
					return err
				}
			}
			return d.tellInvoice(ctx, tx, *inv, now)
		})
}

// RecordPayment records money received: more than nothing, no more than is
// due; less leaves it part paid (or still disputed).
func (d *Door) RecordPayment(ctx context.Context, who model.Actor, id int64, amount model.Cents) (model.Invoice, error) {
	return d.pay(ctx, who, id, func(inv model.Invoice) model.Cents { return amount })
}

// RecordFullPayment records that all that is due was received.
func (d *Door) RecordFullPayment(ctx context.Context, who model.Actor, id int64) (model.Invoice, error) {
	return d.pay(ctx, who, id, model.Invoice.Due)
}

func (d *Door) pay(ctx context.Context, who model.Actor, id int64, amount func(model.Invoice) model.Cents) (model.Invoice, error) {
	return d.changeInvoice(ctx, who, model.ActRecordPayment, id, "invoice.paid", unsettle, func(tx *store.Tx, inv *model.Invoice, now time.Time) error {
		got := amount(*inv)
		if err := inv.CheckPayment(got); err != nil {
			return err
		}
		inv.Paid, inv.PaidAt = inv.Paid+got, now
		inv.State = inv.Settled()
		return nil
	})
}

// DisputeInvoice records that the client disputes a sent invoice, in their words.
func (d *Door) DisputeInvoice(ctx context.Context, who model.Actor, id int64, words string) (model.Invoice, error) {
	words, err := needText("words", words, "write what the client said, in their words")
	if err != nil {
		return model.Invoice{}, err
	}
	return d.changeInvoice(ctx, who, model.ActRecordPayment, id, "invoice.dispute", unsettle, func(tx *store.Tx, inv *model.Invoice, now time.Time) error {
		if inv.Dispute != "" { // a second complaint joins the first: both are the client's words
			words = inv.Dispute + " · then, " + now.In(d.Location()).Format("Mon 2 Jan") + ": " + words
		}
		inv.State, inv.Dispute, inv.DisputedAt = model.InvoiceDisputed, words, now
		return nil
	})
}

// CreditInvoice corrects a line of a sent invoice with a credit note: the
// invoice itself never changes.
func (d *Door) CreditInvoice(ctx context.Context, who model.Actor, id int64, line int, amount model.Cents, reason string) (model.CreditNote, error) {
	var note model.CreditNote
	reason, err := needText("reason", reason, "say why, as the client will read it")
	if err == nil {
		err = reasonLimit.Check(reason)
	}
	if err != nil {
		return note, err
	}
	_, err = d.changeInvoice(ctx, who, model.ActReviewInvoice, id, "invoice.credit", frozen, func(tx *store.Tx, inv *model.Invoice, now time.Time) error {
		if err := inv.CheckCredit(line, amount); err != nil {
			return err
		}
		var err error
		note, err = tx.InsertCredit(ctx, model.CreditNote{InvoiceID: inv.ID, Line: line, Amount: amount, Reason: reason, At: now, By: who.Name})
		inv.Credits = append(inv.Credits, note)
		inv.State = inv.Settled()
		return err
	})
	return note, err
}

// VoidInvoice drops an invoice not yet sent, from the version the reviewer
// saw (0: as it is): its tickets are ready to invoice again.
func (d *Door) VoidInvoice(ctx context.Context, who model.Actor, id, seen int64) (model.Invoice, error) {
	return d.changeSeen(ctx, who, model.ActReviewInvoice, id, seen, "invoice.void", unsent, func(tx *store.Tx, inv *model.Invoice, now time.Time) error {
		inv.State = model.InvoiceVoid
		return nil
	})
}

// InvoiceStale says why the record no longer draws an unsent invoice as it
// stands (a part added, a time corrected, the terms changed), or "".
func (d *Door) InvoiceStale(ctx context.Context, who model.Actor, id int64) string {
	var why string
	d.read(ctx, who, model.ActSeeRates, func(tx *store.Tx) error {
		inv, err := tx.InvoiceByID(ctx, id)
		if err != nil {
			return err
		}
		if err := d.stillTrue(ctx, tx, inv); err != nil {
			why = err.Error()
		}
		return nil
	})
	return why
}

// RecordRefund records that a refund owed (credits after the client paid)
// went back to them.
func (d *Door) RecordRefund(ctx context.Context, who model.Actor, id int64) (model.Invoice, error) {
	return d.changeInvoice(ctx, who, model.ActReviewInvoice, id, "invoice.refund", frozen, func(tx *store.Tx, inv *model.Invoice, now time.Time) error {
		r := inv.Refund()
		if r <= 0 {
			return model.Conflict{Msg: fmt.Sprintf("%s owes the client nothing back", inv.Ref())}
		}
		inv.Paid -= r
		inv.State = inv.Settled()
		return nil
	})
}
