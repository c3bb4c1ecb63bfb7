package model

import (
	"fmt"
	"strings"
	"time"
)

// LineKind is what an invoice line bills.
type LineKind string

const (
	LineTravel     LineKind = "travel"     // a leg to or from a site, or a call-out fee
	LineWork       LineKind = "work"       // on site on the main job, or its fixed quote
	LineAddOn      LineKind = "add-on"     // an approved "while you're here"
	LineShop       LineKind = "shop"       // a device worked on back at the shop
	LinePart       LineKind = "part"       // approved by the contact
	LineRounding   LineKind = "rounding"   // the terms' rounding, kept apart from the time recorded
	LineMinimum    LineKind = "minimum"    // the terms' minimum charge per ticket
	LineCap        LineKind = "cap"        // a first job capped at its quote
	LineAdjustment LineKind = "adjustment" // a manager's, with a reason
	LineCredit     LineKind = "credit"     // on a credit note, against a sent line
)

// Groups lines are held against what the client was told under.
const (
	GroupJob    = "job"
	GroupTravel = "travel"
	GroupParts  = "parts"
	GroupAdjust = "adjustments"
)

// GroupAddOn is the group of one add-on.
func GroupAddOn(scopeID int64) string { return "add-on " + FormatID(PrefixScope, scopeID) }

// InvoiceLine is one line of an invoice, traced to the records it came from.
type InvoiceLine struct {
	N           int // 1, 2, … in the order shown
	TicketID    int64
	VisitID     int64
	Kind        LineKind
	Group       string
	Description string
	Actual      time.Duration // as recorded
	Billed      time.Duration // as charged
	Rate        Cents         // per hour, or each for a part; 0 for a fixed amount
	Qty         int           // a part's quantity
	Amount      Cents
	Sources     []string // the events, requests, parts and notes it came from: E-12, S-3, PT-2
	Reason      string   // adjustment, credit: why
	By          string   // adjustment, credit: who
}

// ToldItem is one thing the client was told it would cost.
type ToldItem struct {
	TicketID    int64
	Group       string
	Description string
	Amount      Cents
	Sources     []string
}

// InvoiceState is where an invoice stands.
type InvoiceState string

const (
	InvoiceDraft    InvoiceState = "draft"
	InvoiceApproved InvoiceState = "approved"
	InvoiceSent     InvoiceState = "sent"
	InvoicePartPaid InvoiceState = "part paid"
	InvoicePaid     InvoiceState = "paid"
	InvoiceDisputed InvoiceState = "disputed"
	InvoiceVoid     InvoiceState = "void"
)

// InvoiceStates lists the states in the order a list shows them.
var InvoiceStates = []InvoiceState{InvoiceDraft, InvoiceApproved, InvoiceSent, InvoicePartPaid, InvoiceDisputed, InvoicePaid, InvoiceVoid}

// ParseInvoiceState reads a state as typed: "draft", "part-paid", "sent".
func ParseInvoiceState(s string) (InvoiceState, error) {
	in := strings.ToLower(CleanLine(s))
	for _, st := range InvoiceStates {
		if in == string(st) || in == hyphenated(string(st)) {
			return st, nil
		}
	}
	return "", FieldError{Field: "state", Msg: fmt.Sprintf("%q is not an invoice state; use draft, approved, sent, part-paid, paid, disputed or void", in)}
}

func hyphenated(s string) string {
	b := []byte(s)
	for i := range b {
		if b[i] == ' ' {
			b[i] = '-'
		}
	}
	return string(b)
}

// Frozen reports whether the invoice has gone out: its lines never change,
// corrections are credit notes.
func (s InvoiceState) Frozen() bool {
	switch s {
	case InvoiceSent, InvoicePartPaid, InvoicePaid, InvoiceDisputed:
		return true
	}
	return false
}

// Invoice is a bill for one client's done tickets.
type Invoice struct {
	ID          int64
	ClientID    int64
	Client      string
	State       InvoiceState
	TicketIDs   []int64
	Terms       BillingTerms // as drafted
	Lines       []InvoiceLine
	Told        []ToldItem
	Warnings    []string
	Tolerance   Tolerance
	Explanation string // why a surprise is right, kept on the invoice
	ExplainedBy string
	// ExplainedOver is how far over what was told the invoice was when it
	// was explained: the explanation covers that much, not a surprise grown since.
	ExplainedOver Cents
	DraftedAt     time.Time
	DraftedBy     string
	ApprovedAt    time.Time
	ApprovedBy    string
	SentAt        time.Time
	DueAt         time.Time
	Paid          Cents
	PaidAt        time.Time
	Dispute       string // the client's words
	DisputedAt    time.Time
	Credits       []CreditNote
	Version       int64
}

// Ref is the invoice's readable id, I-7.
func (inv Invoice) Ref() string { return FormatID(PrefixInvoice, inv.ID) }

// Total is the sum of the lines.
func (inv Invoice) Total() Cents { return SumLines(inv.Lines) }

// ToldTotal is what the client was told, in all.
func (inv Invoice) ToldTotal() Cents {
	var c Cents
	for _, t := range inv.Told {
		c += t.Amount
	}
	return c
}

// Credited is the sum of its credit notes (negative).
func (inv Invoice) Credited() Cents {
	var c Cents
	for _, cn := range inv.Credits {
		c += cn.Amount
	}
	return c
}

// Due is what the client still owes: the total, less credits and payments.
func (inv Invoice) Due() Cents { return inv.Total() + inv.Credited() - inv.Paid }

// Over is how much the invoice bills past what the client was told.
func (inv Invoice) Over() Cents { return inv.Total() - inv.ToldTotal() }

// Surprise reports whether the invoice bills more than the client was told
// by more than the tolerance.
func (inv Invoice) Surprise() bool { return IsSurprise(inv.Total(), inv.ToldTotal(), inv.Tolerance) }

// IsSurprise is the surprise test: billed past told by more than allowed.
func IsSurprise(billed, told Cents, tol Tolerance) bool { return billed-told > tol.Allowed(told) }

// Explained reports whether the explanation on the invoice covers how far
// over what was told it now is.
func (inv Invoice) Explained() bool { return inv.Explanation != "" && inv.Over() <= inv.ExplainedOver }

// Held says why the invoice may not be approved yet, or "": a surprise
// neither adjusted away nor explained (at its present size).
func (inv Invoice) Held() string {
	switch {
	case !inv.Surprise() || inv.Explained() || inv.State == InvoiceVoid:
		return ""
	case inv.Explanation != "":
		return fmt.Sprintf("it bills %s more than the client was told (%s against %s, tolerance %s), and the explanation was written for %s over; adjust it, or explain it again",
			inv.Over(), inv.Total(), inv.ToldTotal(), inv.Tolerance.Allowed(inv.ToldTotal()), inv.ExplainedOver)
	}
	return fmt.Sprintf("it bills %s more than the client was told (%s against %s, tolerance %s); adjust it or explain it",
		inv.Over(), inv.Total(), inv.ToldTotal(), inv.Tolerance.Allowed(inv.ToldTotal()))
}

// PastDue reports whether a sent invoice is unpaid past its due date.
func (inv Invoice) PastDue(now time.Time) bool { return inv.Summary().PastDue(now) }

// pastDueAfter is the grace after the due instant: an invoice due on
// delivery is not past due the minute after it is sent, but the next day.
const pastDueAfter = 24 * time.Hour

// Line is line n, if there is one.
func (inv Invoice) Line(n int) (InvoiceLine, bool) {
	for _, l := range inv.Lines {
		if l.N == n {
			return l, true
		}
	}
	return InvoiceLine{}, false
}

// SumLines is the total of lines: a total is only ever a sum.
func SumLines(lines []InvoiceLine) Cents {
	var c Cents
	for _, l := range lines {
		c += l.Amount
	}
	return c
}

// CreditNote corrects a line of a sent invoice: the invoice never changes.
type CreditNote struct {
	ID        int64
	InvoiceID int64
	Line      int // the line it corrects
	Amount    Cents
	Reason    string
	At        time.Time
	By        string
}

// Ref is the credit note's readable id, CN-4.
func (c CreditNote) Ref() string { return FormatID(PrefixCredit, c.ID) }

// Part is something sold with a ticket, its price approved by the contact.
type Part struct {
	ID           int64
	TicketID     int64
	Description  string
	Qty          int
	Price        Cents // each
	ApprovedByID int64
	ApprovedBy   string
	AddedAt      time.Time
	AddedBy      string
}

// Ref is the part's readable id, PT-2.
func (p Part) Ref() string { return FormatID(PrefixPart, p.ID) }

// Amount is quantity times price.
func (p Part) Amount() Cents { return p.Price * Cents(p.Qty) }

// Validate cleans and checks a part.
func (p *Part) Validate() error {
	p.Description = CleanLine(p.Description)
	var inv Invalid
	switch {
	case p.Description == "":
		inv.Add("desc", FieldError{Field: "desc", Msg: "is empty; say what the part is, like \"Wireless router\""})
	default:
		inv.Add("desc", TextLimit{Field: "desc", Max: 120}.Check(p.Description))
	}
	if p.Qty < 1 || p.Qty > 1000 {
		inv.Add("qty", FieldError{Field: "qty", Msg: "must be a whole number from 1 to 1000"})
	}
	if p.Price <= 0 || p.Amount() > MaxMoney {
		inv.Add("price", FieldError{Field: "price", Msg: "must be more than $0, and the line at most " + MaxMoney.String()})
	}
	return inv.Err()
}

// WorkAuthorisation is the terms a named contact accepted for a ticket, at a
// time: what the client agreed to pay.
type WorkAuthorisation struct {
	ID          int64
	TicketID    int64
	VisitID     int64 // recorded at this visit's check-in, or 0 (by phone)
	ContactID   int64
	ContactName string
	At          time.Time
	RecordedAt  time.Time
	By          string
	Terms       string       // the terms as shown: BillingTerms.Describe and the add-on rule
	Accepted    BillingTerms // the same, as figures: what "told" is priced at
}

// AddOnRule is what every work authorisation says about "while you're here".
const AddOnRule = "work asked for on site is a new ticket unless the authorised or backup contact approves it as an add-on, told the meter is running"

// InvoiceSummary is an invoice as a list shows it, without its lines.
type InvoiceSummary struct {
	ID        int64
	ClientID  int64
	Client    string
	State     InvoiceState
	Total     Cents
	Told      Cents
	Credited  Cents
	Paid      Cents
	Surprise  bool
	Explained bool
	Tickets   int
	DraftedAt time.Time
	SentAt    time.Time
	DueAt     time.Time
	Dispute   string
}

// Ref is the invoice's readable id.
func (s InvoiceSummary) Ref() string { return FormatID(PrefixInvoice, s.ID) }

// Due is what the client still owes.
func (s InvoiceSummary) Due() Cents { return s.Total + s.Credited - s.Paid }

// Held reports whether a surprise waits for an adjustment or explanation.
func (s InvoiceSummary) Held() bool { return s.Surprise && !s.Explained }

// PastDue reports whether it is sent and unpaid a day past its due date.
func (s InvoiceSummary) PastDue(now time.Time) bool {
	return (s.State == InvoiceSent || s.State == InvoicePartPaid) && now.After(s.DueAt.Add(pastDueAfter)) && s.Due() > 0
}

// Summary is the invoice as a list shows it.
func (inv Invoice) Summary() InvoiceSummary {
	return InvoiceSummary{ID: inv.ID, ClientID: inv.ClientID, Client: inv.Client, State: inv.State, Total: inv.Total(), Told: inv.ToldTotal(),
		Credited: inv.Credited(), Paid: inv.Paid, Surprise: inv.Surprise(), Explained: inv.Explained(), Tickets: len(inv.TicketIDs),
		DraftedAt: inv.DraftedAt, SentAt: inv.SentAt, DueAt: inv.DueAt, Dispute: inv.Dispute}
}
