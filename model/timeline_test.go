package model

import (
	"strings"
	"testing"
	"time"
)

// One record of every kind appears once on the timeline, newest first.
func TestTimelineHasEveryRecordOnceInOrder(t *testing.T) {
	at := func(h int) time.Time { return billDay.Add(time.Duration(h) * time.Hour) }
	v := newTrip(301).step(EvTravelStarted, at(9)).step(EvArrived, at(10), with("Rob Grant")).
		step(EvEstimateNear, at(11), answered(ToldContinue)).step(EvNote, at(12), func(e *Event) { e.Note = "router swapped" }).
		step(EvDeparted, at(13), with("Rob Grant")).step(EvTravelEnded, at(14)).visit()
	v.TechName = "Sam"
	r := ClientRecords{
		Tickets:      []Ticket{{ID: 12, Title: "Router", Priority: P2, Estimate: Estimate{Duration: time.Hour}, CreatedAt: at(1), CreatedBy: "Rita"}},
		TicketEvents: []TicketEvent{{TicketID: 12, Kind: TkContacted, At: at(2), By: "Rita", Note: "called Rob"}},
		Visits:       []Visit{v},
		Requests: []ScopeRequest{{ID: 3, VisitID: 301, AskedBy: "Rob Grant", What: "antivirus", AskedAt: at(15), RecordedBy: "Sam",
			Decisions: []ScopeDecision{{Kind: DecDeclined, At: at(16), By: "Sam", Reason: "a ticket of its own"}}}},
		Authorisations: []WorkAuthorisation{{TicketID: 12, ContactName: "Rob Grant", At: at(17), By: "Rita"}},
		Invoices: []Invoice{{ID: 7, DraftedAt: at(18), DraftedBy: "Rita", SentAt: at(19), DueAt: at(19), Paid: 10_00, PaidAt: at(21),
			State: InvoicePartPaid, Dispute: "too much", DisputedAt: at(20), Credits: []CreditNote{{ID: 1, Line: 1, Amount: -5_00, At: at(22), Reason: "goodwill"}}}},
		Touches: []Touch{{ClientID: 11, At: at(23), Kind: TouchEmail, By: "Ken", Summary: "sent the price list", Ref: "C-11"}},
	}
	got := TimelineOf(r, time.UTC)
	want := []struct {
		kind EntryKind
		has  string
	}{
		{EntryTouch, "email: sent the price list"}, {EntryInvoice, "credit note on I-7 line 1"}, {EntryInvoice, "part paid: $10.00 received"},
		{EntryInvoice, "disputed: “too much”"}, {EntryInvoice, "sent"}, {EntryInvoice, "drafted"}, {EntryTerms, "Rob Grant accepted the terms, by phone"},
		{EntryScope, "Rob Grant's request declined: antivirus — a ticket of its own"}, {EntryScope, "Rob Grant asked on V-301: antivirus"}, {EntryVisit, "Sam back from the trip"},
		{EntryVisit, "Sam left, checked out with Rob Grant"}, {EntryVisit, "note: router swapped"}, {EntryOverrun, "near its 1h estimate (1h on site): told the contact, carrying on"},
		{EntryVisit, "Sam arrived, checked in with Rob Grant"}, {EntryVisit, "Sam set off"}, {EntryTicket, "contacted: called Rob"},
		{EntryTicket, "opened: Router"},
	}
	if len(got) != len(want) {
		for _, e := range got {
			t.Logf("%s %s %s", e.At.Format("15:04"), e.Kind, e.Text)
		}
		t.Fatalf("%d entries, want %d", len(got), len(want))
	}
	for i, w := range want {
		if got[i].Kind != w.kind || !strings.Contains(got[i].Text, w.has) {
			t.Errorf("entry %d: %s %q, want %s %q", i, got[i].Kind, got[i].Text, w.kind, w.has)
		}
		if i > 0 && got[i].At.After(got[i-1].At) {
			t.Errorf("entry %d is newer than the one before it", i)
		}
	}
	if f := FilterTimeline(got, []EntryKind{EntryVisit}, "rob"); len(f) != 2 {
		t.Errorf("visit entries naming Rob: %+v", f)
	}
}

func FuzzParseEntryKind(f *testing.F) {
	for _, s := range []string{"visit", "Invoice", " touch ", "meeting", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		k, err := ParseEntryKind(in)
		if err == nil && !containsKind(EntryKinds, k) {
			t.Fatalf("%q read as %q", in, k)
		}
		if err != nil && !strings.Contains(err.Error(), "use ticket, visit") {
			t.Fatalf("%q: %v", in, err)
		}
	})
}

// Calls logged and notices sent in the same second read newest first, as
// the store hands them back newest first.
func TestTheSameSecondReadsNewestFirst(t *testing.T) {
	at := time.Date(2026, 11, 30, 2, 10, 0, 0, time.UTC)
	r := ClientRecords{
		Touches: []Touch{{ID: 3, At: at, Kind: TouchNote, Summary: "third"}, {ID: 2, At: at, Kind: TouchNote, Summary: "second"}, {ID: 1, At: at, Kind: TouchNote, Summary: "first"}},
		Notices: []Notice{{ID: 5, Kind: NoticePolicy, SentAt: at, Effective: at, Text: "N5"}, {ID: 4, Kind: NoticePolicy, SentAt: at, Effective: at, Text: "N4"}},
	}
	var got []string
	for _, e := range TimelineOf(r, time.UTC) {
		got = append(got, e.Text)
	}
	want := []string{"policy notice, effective 30 Nov 2026: N5", "policy notice, effective 30 Nov 2026: N4", "note: third", "note: second", "note: first"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("same second:\n got %q\nwant %q", got, want)
	}
}

// A letter sent is a touch on the timeline, about the visit it told of.
func TestALetterSentIsOnTheTimeline(t *testing.T) {
	at := time.Date(2026, 11, 19, 12, 0, 2, 0, time.UTC)
	r := ClientRecords{Letters: []OutboxLetter{{ID: 4, VisitID: 311, SentAt: at, State: OutboxSent,
		Letter: Letter{Kind: MsgTravel, To: Mailbox{Name: "Dana Ruiz", Email: "dana@acme.example"}, Subject: "Sam Okafor is on the way: Router"}}}}
	got := TimelineOf(r, time.UTC)
	if len(got) != 1 || got[0].Kind != EntryTouch || got[0].Ref != "V-311" || got[0].Text != "email to Dana Ruiz: Sam Okafor is on the way: Router" {
		t.Errorf("the timeline reads %+v", got)
	}
}
