package invoicedoc

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"dispatch/model"
)

// Format is an export's layout.
type Format string

const (
	Xero       Format = "xero"
	QuickBooks Format = "quickbooks"
	PlainCSV   Format = "csv"
)

// ParseFormat reads an export format.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(strings.TrimSpace(s))); f {
	case Xero, QuickBooks, PlainCSV:
		return f, nil
	}
	return "", model.FieldError{Field: "format", Msg: fmt.Sprintf("%q is not an export format; use xero, quickbooks or csv", model.CleanLine(s))}
}

// Books are the accounting settings an import needs.
type Books struct {
	AccountCode string         // Xero's sales account, 200 by default
	TaxType     string         // Xero's tax type for the lines
	Loc         *time.Location // the office's zone, for the dates of credit notes
}

// Credit is a credit note as the books take it: with its client and its
// invoice's id.
type Credit struct {
	model.CreditNote
	Client string
}

// Export writes sent invoices, one row per line, in a format; the plain
// CSV adds the credit notes issued in the same period, dated as issued.
func Export(w io.Writer, f Format, docs []Doc, credits []Credit, books Books) error {
	cw := csv.NewWriter(w)
	write := func(cells ...string) {
		for i := range cells {
			cells[i] = Neutralise(cells[i])
		}
		cw.Write(cells)
	}
	switch f {
	case Xero:
		write("*ContactName", "*InvoiceNumber", "*InvoiceDate", "*DueDate", "*Description", "*Quantity", "*UnitAmount", "*AccountCode", "*TaxType")
	case QuickBooks:
		write("Invoice number", "Customer", "Invoice date", "Due date", "Item(Product/Service)", "Item Description", "Item Quantity",
			"Item Rate", "Item Amount", "Terms", "Memo")
	default:
		write("client", "invoice", "state", "invoice_date", "due_date", "line", "ticket", "visit", "kind", "description",
			"actual_hours", "billed_hours", "rate", "quantity", "amount", "sources")
	}
	for _, d := range docs {
		inv := d.Invoice
		for _, l := range inv.Lines {
			qty, unit := "1", Money(l.Amount) // time is billed as one line of its amount: Xero and QuickBooks multiply, we never do
			if l.Kind == model.LinePart {
				qty, unit = strconv.Itoa(l.Qty), Money(l.Rate)
			}
			desc := lineDescription(l)
			switch f {
			case Xero:
				write(inv.Client, inv.Ref(), d.date(inv.SentAt), d.date(inv.DueAt), desc, qty, unit, books.AccountCode, books.TaxType)
			case QuickBooks:
				write(inv.Ref(), inv.Client, d.date(inv.SentAt), d.date(inv.DueAt), itemOf(l.Kind), desc, qty, unit, Money(l.Amount),
					quickBooksTerms(inv.Terms.Payment), ticketRefs(inv))
			default:
				write(inv.Client, inv.Ref(), string(inv.State), d.date(inv.SentAt), d.date(inv.DueAt), strconv.Itoa(l.N),
					ref(model.PrefixTicket, l.TicketID), ref(model.PrefixVisit, l.VisitID), string(l.Kind), model.CleanLine(l.Description),
					HoursDecimal(l.Actual), HoursDecimal(l.Billed), Money(l.Rate), quantity(l), Money(l.Amount), strings.Join(l.Sources, " "))
			}
		}
	}
	if f == PlainCSV {
		for _, c := range credits {
			inv := model.FormatID(model.PrefixInvoice, c.InvoiceID)
			write(c.Client, c.Ref(), "credit", Doc{Loc: books.Loc}.date(c.At), "", strconv.Itoa(c.Line), "", "", string(model.LineCredit),
				"credit against "+inv+" line "+strconv.Itoa(c.Line)+": "+model.CleanLine(c.Reason), "", "", "", "", Money(c.Amount), inv)
		}
	}
	cw.Flush()
	return cw.Error()
}

// quantity is a part's count; a line of time has none (its hours are its
// quantity, in their own columns).
func quantity(l model.InvoiceLine) string {
	if l.Kind != model.LinePart {
		return ""
	}
	return strconv.Itoa(l.Qty)
}

// lineDescription is a line's words with its time, for a book that shows
// only an amount.
func lineDescription(l model.InvoiceLine) string {
	desc := model.CleanLine(l.Description)
	if l.Rate > 0 && l.Kind != model.LinePart {
		desc += fmt.Sprintf(" (%s at %s/h)", Hours(l.Billed), l.Rate)
	}
	return desc
}

func itemOf(k model.LineKind) string {
	switch k {
	case model.LineTravel:
		return "Travel"
	case model.LinePart:
		return "Parts"
	case model.LineAdjustment, model.LineCap, model.LineRounding, model.LineMinimum:
		return "Adjustment"
	}
	return "Labour"
}

func quickBooksTerms(t model.Terms) string {
	if t.NetDays == 0 {
		return "Due on receipt"
	}
	return fmt.Sprintf("Net %d", t.NetDays)
}

func ticketRefs(inv model.Invoice) string {
	refs := make([]string, len(inv.TicketIDs))
	for i, id := range inv.TicketIDs {
		refs[i] = model.FormatID(model.PrefixTicket, id)
	}
	return strings.Join(refs, " ")
}

func ref(prefix string, id int64) string {
	if id == 0 {
		return ""
	}
	return model.FormatID(prefix, id)
}

// Money is cents as a plain decimal, "-45.00", for a spreadsheet.
func Money(c model.Cents) string {
	sign := ""
	if c < 0 {
		sign, c = "-", -c
	}
	return fmt.Sprintf("%s%d.%02d", sign, int64(c/100), int64(c%100))
}

// HoursDecimal is a duration in hours to four places, "1.2500", without a
// float.
func HoursDecimal(d time.Duration) string {
	s := int64(d / time.Second)
	sign := ""
	if s < 0 {
		sign, s = "-", -s
	}
	frac := (s%3600*10000 + 1800) / 3600
	whole := s / 3600
	if frac == 10000 {
		whole, frac = whole+1, 0
	}
	return fmt.Sprintf("%s%d.%04d", sign, whole, frac)
}

// Neutralise keeps a spreadsheet from running a cell: text that starts
// with = + - @ (or a tab or carriage return) is prefixed with a quote. A
// number we wrote ourselves, like -45.00, is left a number.
func Neutralise(cell string) string {
	if cell == "" || isNumber(cell) {
		return cell
	}
	switch cell[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + cell
	}
	return cell
}

func isNumber(s string) bool {
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" {
		return false
	}
	for _, r := range whole + frac {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// ExportTime writes time entries as CSV: technician, visit, kind, start,
// end (in the office's zone) and seconds.
func ExportTime(w io.Writer, entries []model.TimeEntry, loc *time.Location) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"technician", "visit", "kind", "start", "end", "seconds"})
	for _, e := range entries {
		cw.Write([]string{Neutralise(model.CleanLine(e.Tech)), model.FormatID(model.PrefixVisit, e.VisitID), string(e.Kind),
			e.Start.In(loc).Format(time.RFC3339), e.End.In(loc).Format(time.RFC3339), strconv.FormatInt(int64(e.End.Sub(e.Start)/time.Second), 10)})
	}
	cw.Flush()
	return cw.Error()
}
