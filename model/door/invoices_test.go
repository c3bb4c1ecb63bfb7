package door

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"dispatch/model"
	"dispatch/model/store"
)

// billedVisit is a finished visit on a new ticket, done on site: 45m out,
// on site for onSite, 45m back. The contact accepted the terms at check-in.
func (f *fixture) billedVisit(t *testing.T, onSite time.Duration) model.Visit {
	t.Helper()
	v := f.visitFor(t, f.tech)
	f.record(t, f.tech, v, Step{Kind: model.EvTravelStarted})
	f.clock.Advance(45 * time.Minute)
	f.record(t, f.tech, v, Step{Kind: model.EvArrived, Contact: "Dana Ruiz", Authorised: true})
	f.clock.Advance(onSite)
	f.record(t, f.tech, v, Step{Kind: model.EvDeparted, Contact: "Dana Ruiz", Outcome: model.Outcome{Done: true}})
	f.clock.Advance(45 * time.Minute)
	return f.record(t, f.tech, v, Step{Kind: model.EvTravelEnded})
}

func (f *fixture) officeTerms(t *testing.T) {
	t.Helper()
	_, err := f.d.SetOfficeTerms(context.Background(), f.admin, func(o *model.OfficeTerms) error {
		o.Rate, o.Travel = 120_00, model.TravelPolicy{Kind: model.TravelHourly}
		return nil
	}, false)
	if err != nil {
		t.Fatal(err)
	}
}

func TestAnInvoiceFromDraftToCredit(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	f.officeTerms(t)
	f.billedVisit(t, time.Hour) // the client's first job, 2h estimate: well within
	v := f.billedVisit(t, 5*time.Hour)

	inv, err := f.d.DraftInvoice(ctx, f.disp, []int64{v.TicketID})
	if err != nil {
		t.Fatal(err)
	}
	// 45m + 5h + 45m at $120, told 2h + 2 × 45m.
	if inv.Total() != 780_00 || inv.ToldTotal() != 420_00 || !inv.Surprise() || inv.State != model.InvoiceDraft {
		t.Fatalf("draft %s: total %s told %s surprise %v", inv.State, inv.Total(), inv.ToldTotal(), inv.Surprise())
	}
	stored, err := f.d.Invoice(ctx, f.disp, inv.ID)
	if err != nil || stored.Total() != inv.Total() || len(stored.Lines) != len(inv.Lines) || stored.Lines[1].Sources[0] == "" {
		t.Fatalf("stored invoice differs: %v %+v", err, stored.Lines)
	}
	for _, w := range stored.Warnings {
		if strings.Contains(w, "no work authorisation") {
			t.Errorf("the authorisation given at check-in is not seen: %s", w)
		}
	}
	if _, err := f.d.ApproveInvoice(ctx, f.admin, inv.ID, 0); err == nil || !strings.Contains(err.Error(), "more than the client was told") {
		t.Fatalf("a surprise was approved: %v", err)
	}
	if _, err := f.d.ApproveInvoice(ctx, f.disp, inv.ID, 0); !errors.As(err, new(model.Forbidden)) {
		t.Errorf("a dispatcher approved an invoice: %v", err)
	}
	if _, err := f.d.AdjustInvoice(ctx, f.admin, inv.ID, -200_00, "the job ran long; we share it"); err != nil {
		t.Fatal(err)
	}
	inv, err = f.d.ExplainInvoice(ctx, f.admin, inv.ID, "Dana agreed on the phone to the extra hours")
	if err != nil {
		t.Fatal(err)
	}
	if inv.Total() != 580_00 || inv.Lines[len(inv.Lines)-1].Kind != model.LineAdjustment {
		t.Errorf("adjusted total %s, lines %+v", inv.Total(), inv.Lines)
	}
	// A refresh keeps the adjustment and the explanation.
	inv, err = f.d.DraftInvoice(ctx, f.disp, []int64{v.TicketID})
	if err != nil || inv.Total() != 580_00 || inv.Explanation == "" {
		t.Fatalf("refreshed: %v total %s explanation %q", err, inv.Total(), inv.Explanation)
	}
	if _, err := f.d.SendInvoice(ctx, f.admin, inv.ID, 0); err == nil {
		t.Error("a draft was sent before approval")
	}
	if _, err := f.d.AdjustInvoice(ctx, f.admin, inv.ID, 300_00, "a second licence"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.d.ApproveInvoice(ctx, f.admin, inv.ID, 0); err == nil || !strings.Contains(err.Error(), "explanation was written for") {
		t.Fatalf("a surprise grown past its explanation was approved: %v", err)
	}
	if _, err := f.d.AdjustInvoice(ctx, f.admin, inv.ID, -300_00, "no second licence after all"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.d.ApproveInvoice(ctx, f.admin, inv.ID, 0); err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(time.Hour)
	if inv, err = f.d.SendInvoice(ctx, f.admin, inv.ID, 0); err != nil {
		t.Fatal(err)
	}
	if card, _ := f.d.Ticket(ctx, f.disp, v.TicketID); card.Status != model.TicketInvoiced {
		t.Errorf("ticket on a sent invoice is %s", card.Status)
	}
	if !inv.DueAt.Equal(inv.SentAt) {
		t.Errorf("on delivery, due %s, sent %s", inv.DueAt, inv.SentAt)
	}
	if _, err := f.d.AdjustInvoice(ctx, f.admin, inv.ID, -5_00, "late"); err == nil {
		t.Error("a sent invoice was adjusted")
	}
	if _, err := f.d.DraftInvoice(ctx, f.disp, []int64{v.TicketID}); err == nil || !strings.Contains(err.Error(), "credit note") {
		t.Errorf("a sent invoice's ticket was drafted again: %v", err)
	}
	if _, err := f.d.CreditInvoice(ctx, f.admin, inv.ID, 1, -100_00, "travel"); err == nil {
		t.Error("credited more than the line holds") // line 1 is 45m of travel, $90
	}
	note, err := f.d.CreditInvoice(ctx, f.admin, inv.ID, 1, -45_00, "half the travel, as agreed")
	if err != nil || note.Ref() == "" {
		t.Fatal(err)
	}
	if inv, err = f.d.RecordPayment(ctx, f.disp, inv.ID, 100_00); err != nil || inv.State != model.InvoicePartPaid || inv.Due() != 435_00 {
		t.Fatalf("part payment: %v %s due %s", err, inv.State, inv.Due())
	}
	if inv, err = f.d.DisputeInvoice(ctx, f.disp, inv.ID, "we thought he arrived at 3"); err != nil || inv.State != model.InvoiceDisputed {
		t.Fatalf("dispute: %v %s", err, inv.State)
	}
	if inv, err = f.d.RecordPayment(ctx, f.disp, inv.ID, 35_00); err != nil || inv.State != model.InvoiceDisputed {
		t.Fatalf("a part payment settled the dispute: %v %s", err, inv.State)
	}
	if _, err := f.d.RecordPayment(ctx, f.disp, inv.ID, 0); err == nil || !strings.Contains(err.Error(), "must be more than $0") {
		t.Errorf("a payment of nothing: %v", err)
	}
	if inv, err = f.d.RecordFullPayment(ctx, f.disp, inv.ID); err != nil || inv.State != model.InvoicePaid || inv.Due() != 0 || inv.Paid != 535_00 {
		t.Fatalf("paid in full: %v %s due %s", err, inv.State, inv.Due())
	}
	if _, err := f.d.Invoice(ctx, f.tech, inv.ID); !errors.As(err, new(model.Forbidden)) {
		t.Errorf("a technician read an invoice: %v", err)
	}
}

func TestDraftRefusals(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	done := f.billedVisit(t, time.Hour)
	v := f.visitFor(t, f.tech)
	f.arrive(t, v, 30*time.Minute)
	_, err := f.d.DraftInvoice(ctx, f.disp, []int64{v.TicketID})
	if err == nil || !strings.Contains(err.Error(), "still open") {
		t.Errorf("an open ticket was drafted: %v", err)
	}
	other, err := f.d.CreateClient(ctx, f.disp, model.Client{Name: "Bayside"})
	if err != nil {
		t.Fatal(err)
	}
	ct, _ := f.d.AddContact(ctx, f.disp, model.Contact{ClientID: other.ID, Name: "Bo", Role: model.ContactAuthorised})
	st, _ := f.d.AddSite(ctx, f.disp, model.Site{ClientID: other.ID, Name: "Yard"})
	theirs, err := f.d.CreateTicket(ctx, f.disp, NewTicket{ClientID: other.ID, ContactID: ct.ID, SiteID: st.ID, Title: "x", Scope: "y",
		Priority: model.P3, Estimate: model.Estimate{Duration: time.Hour}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.d.DraftInvoice(ctx, f.disp, []int64{done.TicketID, theirs.ID}); err == nil || !strings.Contains(err.Error(), "another client") {
		t.Errorf("two clients on one invoice: %v", err)
	}
	inv, err := f.d.DraftInvoice(ctx, f.disp, []int64{done.TicketID})
	if err != nil {
		t.Fatal(err)
	}
	ready, _ := f.d.ReadyToInvoice(ctx, f.disp, 0)
	if len(ready) != 0 {
		t.Errorf("a drafted ticket is still ready to invoice: %v", ready)
	}
	if _, err := f.d.VoidInvoice(ctx, f.admin, inv.ID, 0); err != nil {
		t.Fatal(err)
	}
	if ready, _ = f.d.ReadyToInvoice(ctx, f.disp, 0); len(ready) != 1 || ready[0].ID != done.TicketID {
		t.Errorf("voiding did not return the ticket: %v", ready)
	}
	list, _ := f.d.Invoices(ctx, f.disp, store.InvoiceFilter{})
	if len(list) != 0 {
		t.Errorf("a void invoice is listed by default: %+v", list)
	}
}

// A corrected time is billed as corrected when the draft is refreshed.
func TestRedraftAfterAFixedTime(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	f.officeTerms(t)
	v := f.billedVisit(t, time.Hour)
	inv, err := f.d.DraftInvoice(ctx, f.disp, []int64{v.TicketID})
	if err != nil {
		t.Fatal(err)
	}
	before := inv.Total()
	var arrived model.Event
	for _, e := range v.Events {
		if e.Kind == model.EvArrived {
			arrived = e
		}
	}
	if _, err := f.d.FixTime(ctx, f.disp, arrived.ID, arrived.At.Add(-15*time.Minute), "he arrived earlier, the tap was late"); err != nil {
		t.Fatal(err)
	}
	inv, err = f.d.DraftInvoice(ctx, f.disp, []int64{v.TicketID})
	if err != nil {
		t.Fatal(err)
	}
	// 15 minutes move from travel to on site: the same rate, so the same
	// total, but the lines say so and the warning tells the reviewer.
	if inv.Total() != before || inv.Lines[0].Actual != 30*time.Minute || inv.Lines[1].Actual != 75*time.Minute {
		t.Errorf("after the fix: total %s (was %s), lines %+v", inv.Total(), before, inv.Lines[:2])
	}
	if !strings.Contains(strings.Join(inv.Warnings, "\n"), "was corrected") {
		t.Errorf("no warning of the corrected time: %v", inv.Warnings)
	}
}

func TestPartsAndAuthorisationNeedAnApprover(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if _, err := f.d.AddContact(ctx, f.disp, model.Contact{ClientID: f.client.ID, Name: "Receptionist"}); err != nil {
		t.Fatal(err)
	}
	v := f.billedVisit(t, time.Hour)
	part := model.Part{TicketID: v.TicketID, Description: "Wireless router", Qty: 1, Price: 189_00}
	if _, err := f.d.AddPart(ctx, f.disp, part, "Receptionist"); err == nil || !strings.Contains(err.Error(), "Dana Ruiz (authorised)") {
		t.Errorf("a contact who may not approve approved a part: %v", err)
	}
	if _, err := f.d.AddPart(ctx, f.tech, part, "Dana Ruiz"); !errors.As(err, new(model.Forbidden)) {
		t.Errorf("a technician added a part: %v", err)
	}
	if _, err := f.d.AddPart(ctx, f.disp, part, "Dana Ruiz"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.d.Authorise(ctx, f.disp, v.TicketID, "Receptionist", time.Time{}); err == nil {
		t.Error("a contact who may not approve accepted the terms")
	}
	a, err := f.d.Authorise(ctx, f.disp, v.TicketID, "Dana Ruiz", f.clock.T.Add(-time.Hour))
	if err != nil || !strings.Contains(a.Terms, "while you're here") && !strings.Contains(a.Terms, "add-on") {
		t.Fatalf("authorise: %v %q", err, a.Terms)
	}
	inv, err := f.d.DraftInvoice(ctx, f.disp, []int64{v.TicketID})
	if err != nil {
		t.Fatal(err)
	}
	if l := inv.Lines[len(inv.Lines)-1]; l.Kind != model.LinePart || l.Amount != 189_00 {
		t.Errorf("last line %+v", l)
	}
}
