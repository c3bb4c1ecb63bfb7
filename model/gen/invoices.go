package gen

import (
	"time"

	"dispatch/model"
	"dispatch/model/store"
)

// invoice bills a finished ticket as the office would have: drafted the day
// after, explained if it was a surprise, approved and sent; paid since,
// unless it went out lately — then it may be unpaid, part paid or disputed.
func (g *generator) invoice(b *store.Bulk, w model.TicketWork, c *clientRef) error {
	bill, err := model.DraftBill(model.BillInput{Terms: c.terms, Tickets: []model.TicketWork{w}, Loc: g.cfg.Loc})
	if err != nil {
		return err
	}
	g.ids.invoice++
	g.counts.Invoices++
	drafted := w.Ticket.DoneAt.Add(time.Duration(12+g.rng.IntN(48)) * time.Hour)
	inv := model.Invoice{ID: g.ids.invoice, ClientID: c.id, State: model.InvoiceSent, TicketIDs: []int64{w.Ticket.ID}, Terms: c.terms,
		Lines: bill.Lines, Told: bill.Told, Warnings: bill.Warnings, Tolerance: model.DefaultTolerance,
		DraftedAt: drafted, DraftedBy: "generator", ApprovedAt: drafted.Add(time.Hour), ApprovedBy: "generator"}
	if inv.Surprise() {
		inv.Explanation, inv.ExplainedBy, inv.ExplainedOver = "the contact agreed on site to the time past the estimate", "generator", inv.Over()
	}
	inv.SentAt = drafted.Add(2 * time.Hour)
	inv.DueAt = c.terms.Payment.DueAt(inv.SentAt)
	paidAt := inv.SentAt.Add(time.Duration(2+g.rng.IntN(28)) * 24 * time.Hour)
	recent := paidAt.After(g.cfg.Now.Add(-24 * time.Hour))
	switch pick := g.rng.IntN(10); {
	case recent && pick < 5: // not yet paid
	case recent && pick < 7:
		inv.State, inv.Paid, inv.PaidAt = model.InvoicePartPaid, inv.Total()/2, g.cfg.Now.Add(-24*time.Hour)
	case recent || pick == 0 && g.rng.IntN(50) == 0: // a few disputes, now and then
		inv.State, inv.Dispute, inv.DisputedAt = model.InvoiceDisputed, "we did not expect this much", inv.SentAt.Add(72*time.Hour)
	default:
		inv.State, inv.Paid, inv.PaidAt = model.InvoicePaid, inv.Total(), paidAt
	}
	return b.Invoice(inv)
}
