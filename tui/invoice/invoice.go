package invoice

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/model/invoicedoc"
	"dispatch/tui/form"
	"dispatch/tui/page"
)

// Page is one invoice: its lines as drawn from the record, what the client
// was told beside them, the warnings, and the keys that take it from draft
// to paid.
type Page struct {
	deps      page.Deps
	km        pageKeys
	id        int64
	doc       invoicedoc.Doc
	err       error
	scroll    int
	notice    string
	noticeErr bool
	drafts    map[string]*moneyForm // forms left with esc keep what was typed
	stale     string                // why the record no longer draws it so, if it does not
}

// New opens the invoice with this id.
func New(deps page.Deps, id int64) *Page {
	p := &Page{deps: deps, km: newPageKeys(), id: id, drafts: map[string]*moneyForm{}}
	p.Refresh()
	return p
}

func (p *Page) Keys() help.KeyMap  { return p.km }
func (p *Page) CapturesText() bool { return false }
func (p *Page) Ticking() bool      { return false }

func (p *Page) Refresh() {
	p.doc, p.err = p.deps.Door.InvoiceDoc(p.deps.Ctx, p.deps.Actor(), p.id)
	inv, role := p.doc.Invoice, p.deps.User.Role
	loaded := p.err == nil
	review := loaded && role.Can(model.ActReviewInvoice)
	unsent := inv.State == model.InvoiceDraft || inv.State == model.InvoiceApproved
	owed := inv.State == model.InvoiceSent || inv.State == model.InvoicePartPaid || inv.State == model.InvoiceDisputed
	p.km.Adjust.SetEnabled(review && unsent)
	p.km.Explain.SetEnabled(review && unsent)
	p.km.Approve.SetEnabled(review && inv.State == model.InvoiceDraft)
	p.km.Send.SetEnabled(review && inv.State == model.InvoiceApproved)
	p.km.Void.SetEnabled(review && unsent)
	p.km.Redraft.SetEnabled(loaded && role.Can(model.ActDraftInvoice) && unsent)
	p.km.Credit.SetEnabled(review && inv.State.Frozen())
	p.km.Paid.SetEnabled(loaded && role.Can(model.ActRecordPayment) && owed)
	p.km.Dispute.SetEnabled(loaded && role.Can(model.ActRecordPayment) && owed) // a second complaint joins the first
	p.km.Ticket.SetEnabled(loaded && len(inv.TicketIDs) > 0)
	p.km.Refund.SetEnabled(review && inv.Refund() > 0)
	p.stale = ""
	if loaded && (inv.State == model.InvoiceDraft || inv.State == model.InvoiceApproved) {
		p.stale = p.deps.Door.InvoiceStale(p.deps.Ctx, p.deps.Actor(), inv.ID)
	}
}

func (p *Page) say(msg string, isErr bool) { p.notice, p.noticeErr = msg, isErr }

func (p *Page) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return p, nil
	}
	p.notice = ""
	inv := p.doc.Invoice
	if why := p.whyNot(k.String()); why != "" {
		p.say(why, true)
		return p, nil
	}
	switch {
	case key.Matches(k, p.km.Back):
		return p, p.deps.Close("")
	case key.Matches(k, p.km.Down):
		p.scroll++
	case key.Matches(k, p.km.Up):
		p.scroll = max(p.scroll-1, 0)
	case key.Matches(k, p.km.Ticket):
		return p, p.deps.Go(page.ToTicket{ID: inv.TicketIDs[0]})
	case key.Matches(k, p.km.Client) && p.err == nil:
		return p, p.deps.Go(page.ToClient{ID: inv.ClientID})
	case key.Matches(k, p.km.Adjust):
		return p, p.open("adjust", newAdjustForm)
	case key.Matches(k, p.km.Explain):
		return p, p.open("explain", newExplainForm)
	case key.Matches(k, p.km.Credit):
		return p, p.open("credit", newCreditForm)
	case key.Matches(k, p.km.Paid):
		return p, p.open("paid", newPaidForm)
	case key.Matches(k, p.km.Dispute):
		return p, p.open("dispute", newDisputeForm)
	case key.Matches(k, p.km.Refund):
		return p, p.deps.Open(form.NewConfirm(p.deps, fmt.Sprintf("Record the refund of %s to %s as paid?", inv.Refund(), inv.Client),
			"The credit came after they paid; this records that the money went back.",
			func() (string, error) {
				_, err := p.deps.Door.RecordRefund(p.deps.Ctx, p.deps.Actor(), inv.ID)
				return fmt.Sprintf("%s: the refund of %s is recorded", inv.Ref(), inv.Refund()), err
			}))
	case key.Matches(k, p.km.Approve):
		if _, err := p.deps.Door.ApproveInvoice(p.deps.Ctx, p.deps.Actor(), inv.ID, inv.Version); err != nil {
			p.say(err.Error(), true)
		} else {
			p.say(inv.Ref()+" approved: S sends it", false)
		}
	case key.Matches(k, p.km.Redraft):
		if _, err := p.deps.Door.DraftInvoice(p.deps.Ctx, p.deps.Actor(), inv.TicketIDs); err != nil {
			p.say(err.Error(), true)
		} else {
			p.say(inv.Ref()+" drawn again from the record, adjustments kept", false)
		}
	case key.Matches(k, p.km.Send):
		return p, p.deps.Open(form.NewConfirm(p.deps, fmt.Sprintf("Send %s to %s for %s?", inv.Ref(), inv.Client, inv.Total()),
			"Once sent it never changes: a correction is a credit note. Its tickets are marked invoiced and it falls due "+
				dueWhen(inv.Terms.Payment)+".",
			func() (string, error) {
				sent, err := p.deps.Door.SendInvoice(p.deps.Ctx, p.deps.Actor(), inv.ID, inv.Version)
				if err != nil {
					return "", err
				}
				letters, err := p.deps.Door.InvoiceLetters(p.deps.Ctx, p.deps.Actor(), inv.ID)
				if err != nil {
					return "", err
				}
				policy, err := p.deps.Door.ClientNotify(p.deps.Ctx, p.deps.Actor(), sent.ClientID)
				return fmt.Sprintf("%s sent: %s due %s; %s", sent.Ref(), sent.Due(), sent.DueAt.In(p.deps.Door.Location()).Format("Mon 2 Jan"),
					model.InvoiceLettersLine(sent, letters, policy)), err
			}))
	case key.Matches(k, p.km.Void):
		return p, p.deps.Open(form.NewConfirm(p.deps, fmt.Sprintf("Void %s?", inv.Ref()),
			"Its tickets return to ready to invoice; the voided invoice stays on record.",
			func() (string, error) {
				_, err := p.deps.Door.VoidInvoice(p.deps.Ctx, p.deps.Actor(), inv.ID, inv.Version)
				return inv.Ref() + " voided: its tickets are ready to invoice again", err
			}))
	}
	p.Refresh()
	return p, nil
}

// whyNot answers a key this user or this invoice's state does not allow,
// rather than let it do nothing.
func (p *Page) whyNot(pressed string) string {
	inv := p.doc.Invoice
	for _, b := range []struct {
		binding key.Binding
		act     model.Action
	}{
		{p.km.Adjust, model.ActReviewInvoice}, {p.km.Explain, model.ActReviewInvoice}, {p.km.Approve, model.ActReviewInvoice},
		{p.km.Send, model.ActReviewInvoice}, {p.km.Void, model.ActReviewInvoice}, {p.km.Credit, model.ActReviewInvoice},
		{p.km.Paid, model.ActRecordPayment}, {p.km.Dispute, model.ActRecordPayment}, {p.km.Redraft, model.ActDraftInvoice},
	} {
		if b.binding.Enabled() || !slices.Contains(b.binding.Keys(), pressed) || p.err != nil {
			continue
		}
		if err := p.deps.User.Role.Check(b.act); err != nil {
			return err.Error()
		}
		return fmt.Sprintf("%s is %s: %s is not for it now", inv.Ref(), inv.State, b.binding.Help().Desc)
	}
	return ""
}

// open puts a form on top with its first field focused: the one left
// unsaved with esc, with what was typed in it, or a new one.
func (p *Page) open(name string, build func(page.Deps, model.Invoice) *moneyForm) tea.Cmd {
	f, ok := p.drafts[name]
	if !ok {
		f = build(p.deps, p.doc.Invoice)
		f.saved = func() { delete(p.drafts, name) }
		p.drafts[name] = f
	}
	return tea.Batch(p.deps.Open(f), f.FocusCurrent())
}

func dueWhen(t model.Terms) string {
	if t.NetDays == 0 {
		return "on delivery"
	}
	return fmt.Sprintf("in %d days", t.NetDays)
}
