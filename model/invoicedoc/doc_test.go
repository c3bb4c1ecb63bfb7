package invoicedoc

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"
	"time"

	"dispatch/model"
)

var sentAt = time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)

// sample is two sent invoices with a part, an odd-cent rate, an adjustment
// and a credit note, and a client name that tries to be a formula.
func sample(t *testing.T) []Doc {
	t.Helper()
	var docs []Doc
	for i, client := range []string{"=HYPERLINK(\"http://x\")", "Bayside <b>Realty</b> | Co"} {
		v := model.Visit{ID: int64(300 + i), TicketID: int64(1000 + i), Events: []model.Event{
			{ID: 1, Kind: model.EvTravelStarted, At: sentAt.Add(-48 * time.Hour)},
			{ID: 2, Kind: model.EvArrived, At: sentAt.Add(-48*time.Hour + 37*time.Minute), ContactName: "Rob Grant"},
			{ID: 3, Kind: model.EvDeparted, At: sentAt.Add(-48*time.Hour + 2*time.Hour + 11*time.Minute), ContactName: "Rob Grant"},
			{ID: 4, Kind: model.EvTravelEnded, At: sentAt.Add(-48*time.Hour + 2*time.Hour + 50*time.Minute)},
		}}
		work := model.TicketWork{Ticket: model.Ticket{ID: v.TicketID, Estimate: model.Estimate{Duration: time.Hour}}, Site: model.Site{Name: "HQ", Travel: 40 * time.Minute},
			Visits: []model.Visit{v}, Parts: []model.Part{{ID: 9, Description: "-cable", Qty: 3, Price: 12_99, ApprovedBy: "Rob Grant"}}}
		terms := model.BillingTerms{Rate: 133_33, Travel: model.TravelPolicy{Kind: model.TravelRate, Amount: 77_77}, Increment: 6 * time.Minute,
			Mode: model.RoundNearest, Scope: model.RoundLine, Payment: model.Terms{NetDays: 15}}
		bill, err := model.DraftBill(model.BillInput{Terms: terms, Tickets: []model.TicketWork{work}})
		if err != nil {
			t.Fatal(err)
		}
		inv := model.Invoice{ID: int64(7 + i), Client: client, State: model.InvoiceSent, TicketIDs: []int64{v.TicketID}, Terms: terms,
			Lines: bill.Lines, Told: bill.Told, Warnings: bill.Warnings, Tolerance: model.DefaultTolerance, SentAt: sentAt, DueAt: sentAt.AddDate(0, 0, 15)}
		inv.Lines = append(inv.Lines, model.InvoiceLine{N: len(inv.Lines) + 1, Kind: model.LineAdjustment, Group: model.GroupAdjust,
			Description: "=cmd|' /C calc'!A0", Amount: -33_33})
		inv.Credits = []model.CreditNote{{ID: 4, InvoiceID: inv.ID, Line: 1, Amount: -10_01, Reason: "@SUM(A1)"}}
		docs = append(docs, Doc{Invoice: inv, Titles: map[int64]string{v.TicketID: "Router"}, Loc: time.UTC})
	}
	return docs
}

func cents(t *testing.T, s string) model.Cents {
	t.Helper()
	neg := strings.HasPrefix(s, "-")
	c, err := model.ParseMoney("amount", strings.TrimPrefix(s, "-"))
	if err != nil {
		t.Fatalf("amount %q: %v", s, err)
	}
	if neg {
		return -c
	}
	return c
}

// The exports read back with the standard CSV reader, and their amounts add
// up to the invoices' totals to the cent.
func TestExportsReadBackToTheCent(t *testing.T) {
	docs := sample(t)
	var want model.Cents
	for _, d := range docs {
		want += d.Invoice.Total()
	}
	for _, f := range []Format{Xero, QuickBooks, PlainCSV} {
		t.Run(string(f), func(t *testing.T) {
			var buf bytes.Buffer
			var credits []Credit
			for _, d := range docs {
				for _, c := range d.Invoice.Credits {
					credits = append(credits, Credit{CreditNote: c, Client: d.Invoice.Client})
				}
			}
			if err := Export(&buf, f, docs, credits, Books{AccountCode: "200", TaxType: "Tax Exempt"}); err != nil {
				t.Fatal(err)
			}
			rows, err := csv.NewReader(&buf).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			var got model.Cents
			for _, r := range rows[1:] {
				switch f {
				case Xero:
					qty, _ := strconv.Atoi(r[5])
					got += cents(t, r[6]) * model.Cents(qty)
				case QuickBooks:
					qty, _ := strconv.Atoi(r[6])
					if cents(t, r[7])*model.Cents(qty) != cents(t, r[8]) {
						t.Errorf("quantity × rate ≠ amount in %v", r)
					}
					got += cents(t, r[8])
				default:
					if r[8] != string(model.LineCredit) {
						got += cents(t, r[14])
					}
				}
				for _, cell := range r {
					if cell != "" && strings.ContainsRune("=+@", rune(cell[0])) || strings.HasPrefix(cell, "-") && cents(t, cell) == 0 && cell != "-0.00" {
						t.Errorf("a cell a spreadsheet would run: %q", cell)
					}
				}
			}
			if got != want {
				t.Errorf("lines add to %s, invoices total %s", got, want)
			}
			if f == Xero && strings.Join(rows[0], ",") != "*ContactName,*InvoiceNumber,*InvoiceDate,*DueDate,*Description,*Quantity,*UnitAmount,*AccountCode,*TaxType" {
				t.Errorf("Xero header %v", rows[0])
			}
			if f == Xero && rows[1][0] != `'=HYPERLINK("http://x")` {
				t.Errorf("a formula for a client name reads %q", rows[1][0])
			}
		})
	}
}

func TestNeutralise(t *testing.T) {
	for in, want := range map[string]string{"=1+1": "'=1+1", "+44 20": "'+44 20", "-cable": "'-cable", "@SUM(A1)": "'@SUM(A1)",
		"-45.00": "-45.00", "12.5": "12.5", "Router": "Router", "": ""} {
		if got := Neutralise(in); got != want {
			t.Errorf("Neutralise(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHoursDecimal(t *testing.T) {
	for d, want := range map[time.Duration]string{time.Hour: "1.0000", 20 * time.Minute: "0.3333", 40 * time.Minute: "0.6667",
		-6 * time.Minute: "-0.1000", 3599 * time.Second: "0.9997", 0: "0.0000"} {
		if got := HoursDecimal(d); got != want {
			t.Errorf("HoursDecimal(%s) = %s, want %s", d, got, want)
		}
	}
}

// Stored words are data on every page: escaped in HTML and Markdown, never
// markup; no script and nothing fetched.
func TestPagesEscapeWhatUsersTyped(t *testing.T) {
	d := sample(t)[1]
	d.Invoice.Explanation = "<script>alert(1)</script>"
	d.From, d.Invoice.Paid = "Northside IT · 4 Mill St · 555-0100", 100_00
	var html bytes.Buffer
	if err := d.HTML(&html); err != nil {
		t.Fatal(err)
	}
	page := html.String()
	for _, bad := range []string{"<script", "<b>Realty", "src=", "href=\"http"} {
		if strings.Contains(page, bad) {
			t.Errorf("HTML holds %q", bad)
		}
	}
	for _, want := range []string{"Bayside &lt;b&gt;Realty&lt;/b&gt; | Co", "Invoice I-8", d.Invoice.Total().String(), "What you were told",
		"From <strong>Northside IT · 4 Mill St · 555-0100</strong>", "Paid $100.00", "Still due " + d.Invoice.Due().String()} {
		if !strings.Contains(page, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	var md bytes.Buffer
	d.Markdown(&md)
	for _, internal := range []string{"tolerance", "SURPRISE", "no work authorisation"} {
		if strings.Contains(md.String(), internal) {
			t.Errorf("the client's Markdown holds the office's %q", internal)
		}
	}
	if !strings.Contains(md.String(), `Bayside \<b\>Realty\</b\> \| Co`) {
		t.Errorf("Markdown does not escape the client's name:\n%s", md.String())
	}
	var text bytes.Buffer
	d.Text(&text)
	for _, want := range []string{"TOLD AGAINST BILLED", "TOTAL " + d.Invoice.Total().String(), "CREDIT NOTES", "CN-4"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, text.String())
		}
	}
}

func TestHoursShowsSecondsOnlyWhereThereAreSome(t *testing.T) {
	for d, want := range map[time.Duration]string{90 * time.Minute: "1h30m", 94*time.Minute + 48*time.Second: "1h34m48s",
		48 * time.Second: "48s", -7 * time.Minute: "-7m", 0: ""} {
		if got := Hours(d); got != want {
			t.Errorf("Hours(%s) = %q, want %q", d, got, want)
		}
	}
}
