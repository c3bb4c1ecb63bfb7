package door

import (
	"context"
	"strings"
	"testing"
	"time"

	"dispatch/model"
	"dispatch/model/store"
)

// mailing gives the office an address to send from and Dana one to be
// written to: what every test of letters starts with.
func (f *fixture) mailing(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	if err := f.d.SetMail(ctx, model.Mailbox{Email: "office@northside.example"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.d.EditContact(ctx, f.disp, f.contact.ID, ContactChange{Email: ptr("dana@acme.example")}); err != nil {
		t.Fatal(err)
	}
}

// outbox is every letter written so far, oldest first, as "kind to: subject".
func (f *fixture) outbox(t *testing.T) []string {
	t.Helper()
	var out []string
	err := f.s.Read(context.Background(), func(tx *store.Tx) error {
		list, err := tx.Outbox(context.Background(), "", 100)
		for i := len(list) - 1; i >= 0; i-- {
			out = append(out, string(list[i].Kind)+" "+list[i].To.Email+": "+list[i].Subject)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Booking a visit, moving it, setting off and arriving each write a letter
// to the authorised contact, in the step's own transaction; a client
// muted hears nothing; a visit entered after it happened tells no one.
func TestEachStepWritesItsLetter(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	f.d.SetMail(context.Background(), model.Mailbox{Email: "office@northside.example"})
	if _, err := f.d.EditContact(ctx, f.disp, f.contact.ID, ContactChange{Email: ptr("dana@acme.example")}); err != nil {
		t.Fatal(err)
	}
	v := f.visitFor(t, f.tech)
	if _, err := f.d.MoveVisit(ctx, f.disp, v.ID, model.Move{At: f.clock.T.Add(2 * time.Hour), Anyway: true}); err != nil {
		t.Fatal(err)
	}
	f.record(t, f.tech, v, Step{Kind: model.EvTravelStarted})
	f.clock.Advance(30 * time.Minute)
	f.record(t, f.tech, v, Step{Kind: model.EvArrived, Contact: "Dana Ruiz"})
	got := f.outbox(t)
	want := []string{"booked dana@acme.example: Visit booked for", "moved dana@acme.example: Visit moved to", "travel dana@acme.example: Sam is on the way",
		"arrived dana@acme.example: Sam has arrived"}
	if len(got) != len(want) {
		t.Fatalf("the outbox holds %q", got)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("letter %d is %q, want %q…", i, got[i], want[i])
		}
	}

	if err := f.s.Write(ctx, func(tx *store.Tx) error { return tx.SetClientNotify(ctx, f.client.ID, model.NotifyPolicy{Muted: true}) }); err != nil {
		t.Fatal(err)
	}
	f.visitFor(t, f.tech)
	if n := len(f.outbox(t)); n != len(want) {
		t.Errorf("a muted client was written to: %q", f.outbox(t)[len(want):])
	}

	if err := f.s.Write(ctx, func(tx *store.Tx) error { return tx.SetClientNotify(ctx, f.client.ID, model.NotifyPolicy{}) }); err != nil {
		t.Fatal(err)
	}
	ticket, err := f.d.CreateTicket(ctx, f.disp, f.newTicket())
	if err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(2 * time.Hour)
	if _, err := f.d.Book(ctx, f.disp, Booking{TicketID: ticket.ID, TechID: f.tech.UserID, At: f.clock.T.Add(-time.Hour), AfterTheFact: true, Anyway: true}); err != nil {
		t.Fatal(err)
	}
	if n := len(f.outbox(t)); n != len(want) {
		t.Errorf("a visit entered after it happened was told of: %q", f.outbox(t)[len(want):])
	}
}

// An add-on is told once it is approved for good (on a first job, once the
// office approves it too); an overrun the contact was told of is put in
// writing, one the contact could not be reached about is not.
func TestAddOnsAndOverrunsAreToldInWriting(t *testing.T) {
	f := newScopeFixture(t)
	ctx := context.Background()
	if _, err := f.d.EditContact(ctx, f.disp, f.contact.ID, ContactChange{Email: ptr("dana@acme.example")}); err != nil {
		t.Fatal(err)
	}
	v := f.onSite(t, true) // a first job
	r, err := f.d.AskScope(ctx, f.tech, v.ID, Ask{What: "Printer", AskedBy: "Dana Ruiz"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.d.ScopeAddOn(ctx, f.tech, r.ID, AddOn{Contact: "Dana Ruiz", Estimate: 20 * time.Minute, ToldMeterRunning: true}); err != nil {
		t.Fatal(err)
	}
	kinds := func() string {
		var ks []string
		for _, l := range f.outbox(t) {
			ks = append(ks, strings.Fields(l)[0])
		}
		return strings.Join(ks, " ")
	}
	before := kinds()
	if strings.Contains(before, "add-on") {
		t.Errorf("an add-on on a first job was told before the office approved it: %s", before)
	}
	if _, err := f.d.ScopeSupervise(ctx, f.disp, r.ID, true, ""); err != nil {
		t.Fatal(err)
	}
	if got := kinds(); got != strings.TrimSpace(before+" add-on") {
		t.Errorf("after the office approved: %s", got)
	}
	f.clock.Advance(96 * time.Minute)
	if _, _, err := f.d.AnswerOverrun(ctx, f.tech, v.ID, model.Unreachable, nil, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := f.d.AnswerOverrun(ctx, f.disp, v.ID, model.ToldContinue, nil, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if got := kinds(); got != strings.TrimSpace(before+" add-on overrun") {
		t.Errorf("after the overrun: %s", got)
	}
}

// Sending an invoice writes its letter, with the page, once per contact
// however often the send is tried; a client that is not sent invoices by
// email gets none.
func TestAnInvoiceSentGoesWithItsLetter(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	f.d.SetMail(context.Background(), model.Mailbox{Email: "office@northside.example"})
	if _, err := f.d.EditContact(ctx, f.disp, f.contact.ID, ContactChange{Email: ptr("dana@acme.example")}); err != nil {
		t.Fatal(err)
	}
	f.officeTerms(t)
	send := func(onSite time.Duration) model.Invoice {
		v := f.billedVisit(t, onSite)
		inv, err := f.d.DraftInvoice(ctx, f.disp, []int64{v.TicketID})
		if err == nil {
			_, err = f.d.ApproveInvoice(ctx, f.admin, inv.ID, 0)
		}
		if err == nil {
			inv, err = f.d.SendInvoice(ctx, f.admin, inv.ID, 0)
		}
		if err != nil {
			t.Fatal(err)
		}
		return inv
	}
	inv := send(time.Hour)
	var sent []model.OutboxLetter
	for _, l := range f.letters(t) {
		if l.Kind == model.MsgInvoice {
			sent = append(sent, l)
		}
	}
	if len(sent) != 1 {
		t.Fatalf("%d invoice letters", len(sent))
	}
	l := sent[0]
	if l.InvoiceID != inv.ID || l.To.Email != "dana@acme.example" || !strings.Contains(l.Subject, inv.Ref()) ||
		!strings.Contains(l.Text, inv.Total().String()) || !strings.Contains(l.HTML, "<html") {
		t.Errorf("the letter: %+v", l)
	}
	if _, err := f.d.SendInvoice(ctx, f.admin, inv.ID, 0); err == nil {
		t.Error("an invoice was sent twice")
	}
	// Sent, it is a touch on the timeline about the invoice, which a
	// technician does not see: it names what the invoice comes to.
	if _, err := f.d.SendDue(ctx, &fakeServer{}, 100); err != nil {
		t.Fatal(err)
	}
	touch := "email to Dana Ruiz: " + l.Subject
	for who, sees := range map[model.Actor]bool{f.disp: true, f.tech: false} {
		page, err := f.d.ClientRecord(ctx, who, f.client.ID, TimelineQuery{})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range page.Timeline {
			found = found || e.Text == touch && e.Ref == inv.Ref()
		}
		if found != sees {
			t.Errorf("%s sees the invoice's letter on the timeline: %v", who.Role, found)
		}
	}
	if _, err := f.d.SetClientNotify(ctx, f.admin, f.client.ID, func(p *model.NotifyPolicy) { p.Send = []model.MessageKind{model.MsgBooked} }); err != nil {
		t.Fatal(err)
	}
	send(time.Hour)
	n := 0
	for _, l := range f.letters(t) {
		if l.Kind == model.MsgInvoice {
			n++
		}
	}
	if n != 1 {
		t.Errorf("a client that chose not to hear of invoices was sent %d", n-1)
	}
}
