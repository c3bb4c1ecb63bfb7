// Package invoicedoc writes an invoice out of the shop: as readable text, as
// Markdown, as one printable HTML page, and as the CSV files accounting
// tools import. Every figure is the invoice's own, in cents; nothing here
// computes money beyond summing what the lines say.
package invoicedoc

import (
	"fmt"
	"strings"
	"time"

	"dispatch/model"
)

// Doc is an invoice with what its pages name beside it.
type Doc struct {
	Invoice model.Invoice
	Titles  map[int64]string // ticket id → title
	Loc     *time.Location   // the office's zone
	From    string           // who the invoice is from: the office's name and address
}

func (d Doc) loc() *time.Location {
	if d.Loc == nil {
		return time.UTC
	}
	return d.Loc
}

// Date is an instant's day in the office's zone.
func (d Doc) Date(t time.Time) string { return d.date(t) }

func (d Doc) date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(d.loc()).Format("2006-01-02")
}

func (d Doc) stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(d.loc()).Format(model.TimeLayout)
}

// Section is one ticket's lines, or the invoice's own (adjustments).
type Section struct {
	TicketID int64
	Heading  string
	Lines    []model.InvoiceLine
	Subtotal model.Cents
}

// Sections groups the lines by ticket, in the order they appear.
func (d Doc) Sections() []Section {
	var out []Section
	index := map[int64]int{}
	for _, l := range d.Invoice.Lines {
		i, ok := index[l.TicketID]
		if !ok {
			heading := "Adjustments"
			if l.TicketID != 0 {
				heading = model.FormatID(model.PrefixTicket, l.TicketID) + " " + d.Titles[l.TicketID]
			}
			out = append(out, Section{TicketID: l.TicketID, Heading: strings.TrimSpace(heading)})
			i = len(out) - 1
			index[l.TicketID] = i
		}
		out[i].Lines = append(out[i].Lines, l)
		out[i].Subtotal += l.Amount
	}
	return out
}

// Hours is a time as the invoice shows it: "1h30m", "1h34m48s" — to the
// second where it is not whole minutes, so time × rate is the amount shown —
// or "" for none.
func Hours(d time.Duration) string {
	if d == 0 {
		return ""
	}
	return model.FormatExact(d)
}

// Traced is a line's description with what it came from, for the office's
// own reading: "… checked out with Rob Grant [E-102 E-103]".
func Traced(l model.InvoiceLine) string {
	desc := model.CleanLine(l.Description)
	if len(l.Sources) == 0 {
		return desc
	}
	return desc + " [" + strings.Join(l.Sources, " ") + "]"
}

// Rate is a line's rate as shown: per hour, each for a part, none for a
// fixed amount.
func Rate(l model.InvoiceLine) string {
	switch {
	case l.Kind == model.LinePart:
		return fmt.Sprintf("%d × %s", l.Qty, l.Rate)
	case l.Rate == 0:
		return ""
	}
	return l.Rate.String() + "/h"
}

// Status is the invoice's state in words, with what is owed.
func (d Doc) Status() string {
	inv := d.Invoice
	switch inv.State {
	case model.InvoiceSent, model.InvoicePartPaid, model.InvoiceDisputed:
		return fmt.Sprintf("%s · %s due %s", inv.State, inv.Due(), d.date(inv.DueAt))
	case model.InvoicePaid:
		if r := inv.Refund(); r > 0 {
			return fmt.Sprintf("paid · a refund of %s is owed to the client", r)
		}
		return fmt.Sprintf("paid %s", d.date(inv.PaidAt))
	}
	return string(inv.State)
}

// ClientStatus is where the invoice stands as its client reads it: what is
// due, paid, or that it is not yet sent; the office's own states (approved,
// disputed) stay in the office.
func (d Doc) ClientStatus() string {
	inv := d.Invoice
	switch {
	case inv.Refund() > 0:
		return fmt.Sprintf("a refund of %s is owed to you", inv.Refund())
	case inv.State == model.InvoicePaid:
		return "paid " + d.date(inv.PaidAt)
	case inv.State.Frozen():
		return fmt.Sprintf("%s due by %s", inv.Due(), d.date(inv.DueAt))
	}
	return "not yet sent"
}

// SurpriseLine says whether the invoice bills past what the client was told.
func (d Doc) SurpriseLine() string {
	inv := d.Invoice
	allowed := inv.Tolerance.Allowed(inv.ToldTotal())
	switch {
	case !inv.Surprise():
		return fmt.Sprintf("within what the client was told (tolerance %s)", allowed)
	case inv.Explained():
		return fmt.Sprintf("a surprise — %s over what the client was told (tolerance %s) — explained", inv.Over(), allowed)
	case inv.Explanation != "":
		return fmt.Sprintf("a SURPRISE — %s over what the client was told (tolerance %s); the explanation was written for %s over: adjust it or explain it again",
			inv.Over(), allowed, inv.ExplainedOver)
	}
	return fmt.Sprintf("a SURPRISE — %s over what the client was told (tolerance %s); it cannot go out until adjusted or explained", inv.Over(), allowed)
}

// ComparisonLabel names a told-against-billed row.
func ComparisonLabel(c model.Comparison) string {
	if c.TicketID == 0 {
		return c.Group
	}
	return model.FormatID(model.PrefixTicket, c.TicketID) + " " + c.Group
}

// signed shows a difference with its sign.
func signed(c model.Cents) string {
	if c > 0 {
		return "+" + c.String()
	}
	return c.String()
}
