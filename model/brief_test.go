package model

import (
	"strings"
	"testing"
	"time"
)

func TestBriefRules(t *testing.T) {
	now := billDay.Add(40 * 24 * time.Hour)
	done := newTrip(301).step(EvTravelStarted, hm(9, 0)).step(EvArrived, hm(9, 30)).step(EvDeparted, hm(10, 0)).step(EvTravelEnded, hm(10, 30)).visit()
	done.TicketID = 13
	overran := newTrip(302).step(EvTravelStarted, hm(11, 0)).step(EvArrived, hm(11, 30)).step(EvDeparted, hm(14, 0)).step(EvTravelEnded, hm(14, 30)).visit()
	overran.TicketID = 14
	base := ClientRecords{
		Tickets: []Ticket{
			{ID: 12, Title: "Old printer", Status: TicketOpen, CreatedAt: now.Add(-45 * 24 * time.Hour)},
			{ID: 13, Title: "Access point", Status: TicketDone, CreatedAt: billDay},
			{ID: 14, Title: "Server patch", Status: TicketDone, CreatedAt: billDay, Estimate: Estimate{Duration: time.Hour}},
			{ID: 15, Title: "Lobby printer", Status: TicketOpen, CreatedAt: now.Add(-2 * 24 * time.Hour)},
		},
		Visits:   []Visit{done, overran},
		Requests: []ScopeRequest{{ID: 3, AskedBy: "Bob", Decisions: []ScopeDecision{{Kind: DecNewTicket, TicketID: 15}}}},
		Invoices: []Invoice{
			{ID: 7, State: InvoiceDisputed, Dispute: "too much", Lines: []InvoiceLine{{Amount: 100_00}}},
			{ID: 8, State: InvoiceSent, SentAt: now.Add(-20 * 24 * time.Hour), DueAt: now.Add(-5 * 24 * time.Hour), Lines: []InvoiceLine{{Amount: 50_00}}},
			{ID: 9, State: InvoicePaid, SentAt: now.Add(-10 * 24 * time.Hour), Lines: []InvoiceLine{{Amount: 500_00}}, Paid: 500_00,
				Explanation: "the shop time", ExplainedOver: 400_00, Tolerance: DefaultTolerance},
		},
	}
	cases := []struct {
		name  string
		edit  func(r *ClientRecords)
		title string
		has   string
	}{
		{"a ticket open 45 days", nil, "Tickets open more than 30 days", "T-12 Old printer — open since"},
		{"a dispute in the client's words", nil, "Disputes", "I-7, $100.00 due: “too much”"},
		{"an invoice past due", nil, "Invoices overdue", "I-8: $50.00 due since"},
		{"an explained surprise", nil, "Surprises explained on recent invoices", "I-9 billed $500.00 over what they were told: the shop time"},
		{"an overrun nobody was told of", nil, "Overruns the contact was never told of", "V-302 on T-14: ran past its 1h estimate"},
		{"a request made a ticket, unscheduled", nil, "Requests that became tickets, not yet scheduled", "T-15 Lobby printer — asked by Bob (S-3)"},
		{"the last finished job, asked after", nil, "Ask", "V-302: Server patch, done on"},
		{"the answer recorded, asked no more", func(r *ClientRecords) { r.FollowUps = []FollowUp{{VisitID: 302, Text: "fine"}} }, "Ask", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := base
			if c.edit != nil {
				c.edit(&r)
			}
			var got []string
			for _, s := range BriefOf(r, now, time.UTC) {
				if s.Title == c.title {
					got = s.Items
				}
			}
			if c.has == "" {
				if len(got) != 0 {
					t.Errorf("%s still holds %v", c.title, got)
				}
				return
			}
			if !strings.Contains(strings.Join(got, "\n"), c.has) {
				t.Errorf("%s = %v, want %q", c.title, got, c.has)
			}
		})
	}
	if b := BriefOf(ClientRecords{}, now, time.UTC); len(b) != 0 {
		t.Errorf("an empty record has a brief: %+v", b)
	}
}
