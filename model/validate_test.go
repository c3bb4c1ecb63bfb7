package model

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func validTicket() Ticket {
	return Ticket{ClientID: 1, ContactID: 2, SiteID: 3, Title: "Replace router", Scope: "Swap it; done when Wi-Fi works",
		Priority: P2, Estimate: Estimate{Duration: 2 * time.Hour}}
}

func TestTicketValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Ticket)
		field  string // "" means valid
		says   string
	}{
		{"valid", func(*Ticket) {}, "", ""},
		{"no client", func(k *Ticket) { k.ClientID = 0 }, "client", "pick the client"},
		{"no contact", func(k *Ticket) { k.ContactID = 0 }, "contact", "pick who asked"},
		{"no site", func(k *Ticket) { k.SiteID = 0 }, "site", "pick where"},
		{"empty title", func(k *Ticket) { k.Title = "  " }, "title", "is empty"},
		{"title of only escapes", func(k *Ticket) { k.Title = "\x1b[2J\x1b]52;c;AA==\x07" }, "title", "is empty"},
		{"long title", func(k *Ticket) { k.Title = strings.Repeat("x", 121) }, "title", "121 characters; the limit is 120"},
		{"empty scope", func(k *Ticket) { k.Scope = "" }, "scope", "how we know it is done"},
		{"no priority", func(k *Ticket) { k.Priority = 0 }, "priority", "P1 to P4"},
		{"bad priority", func(k *Ticket) { k.Priority = 9 }, "priority", "P1 to P4"},
		{"no estimate", func(k *Ticket) { k.Estimate = Estimate{} }, "estimate", "hours like 2h"},
		{"both estimate and quote", func(k *Ticket) { k.Estimate.Quote = 100 }, "estimate", "hours like 2h"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := validTicket()
			tt.change(&k)
			err := k.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("want valid, got %v", err)
				}
				return
			}
			var inv Invalid
			if !errors.As(err, &inv) {
				t.Fatalf("want Invalid, got %v", err)
			}
			if msg := inv.For(tt.field); !strings.Contains(msg, tt.says) {
				t.Errorf("%s: message %q should say %q (all: %v)", tt.field, msg, tt.says, err)
			}
		})
	}
}

func TestTicketValidateReportsEveryField(t *testing.T) {
	var k Ticket
	var inv Invalid
	if !errors.As(k.Validate(), &inv) {
		t.Fatal("want Invalid")
	}
	for _, f := range []string{"client", "contact", "site", "title", "scope", "priority", "estimate"} {
		if inv.For(f) == "" {
			t.Errorf("no message for %s", f)
		}
	}
}

func TestTicketValidateCleansText(t *testing.T) {
	k := validTicket()
	k.Title = "\x1b]52;c;SGVsbG8=\x07Router\x1b[2J"
	k.Scope = "line1\r\nline2\u202E"
	if err := k.Validate(); err != nil {
		t.Fatal(err)
	}
	if k.Title != "Router" || k.Scope != "line1\nline2" {
		t.Errorf("got %q / %q", k.Title, k.Scope)
	}
}

func TestContactAndSiteValidate(t *testing.T) {
	tests := []struct {
		name string
		err  error
		says string
	}{
		{"contact ok", (&Contact{Name: "Dana Ruiz", Email: "dana@x.example"}).Validate(), ""},
		{"contact no name", (&Contact{}).Validate(), "name is empty"},
		{"contact bad email", (&Contact{Name: "A", Email: "dana at x"}).Validate(), "not an email address"},
		{"contact bad role", (&Contact{Name: "A", Role: "boss"}).Validate(), "not a contact role"},
		{"site ok", (&Site{Name: "HQ", Travel: 45 * time.Minute}).Validate(), ""},
		{"site negative travel", (&Site{Name: "HQ", Travel: -time.Minute}).Validate(), "between 0 and 24h"},
		{"client ok", (&Client{Name: "Acme"}).Validate(), ""},
		{"client no name", (&Client{Name: "\x07"}).Validate(), "name is empty"},
		{"client negative rate", (&Client{Name: "A", Own: OwnTerms{Rate: -1}}).Validate(), "rate must be between"},
	}
	for _, tt := range tests {
		if tt.says == "" && tt.err != nil || tt.says != "" && (tt.err == nil || !strings.Contains(tt.err.Error(), tt.says)) {
			t.Errorf("%s: got %v, want %q", tt.name, tt.err, tt.says)
		}
	}
}

func TestValidateSchedule(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		at    time.Time
		after bool // entered after the fact
		says  string
	}{
		{now.Add(2 * time.Hour), false, ""},
		{now.Add(-10 * time.Minute), false, ""}, // leaving now
		{now.Add(-time.Hour), false, "already happened is entered as one"},
		{now.Add(-26 * time.Hour), false, "already happened is entered as one"}, // one rule, any day
		{now.Add(-time.Hour), true, ""},
		{now.Add(-26 * time.Hour), true, ""},
		{now.AddDate(0, 0, -61), true, "more than 60 days ago"},
		{now.Add(time.Hour), true, "still to come"},
		{now.AddDate(2, 0, 0), false, "more than a year ahead"},
		{time.Time{}, false, "is empty"},
	}
	for _, tt := range tests {
		err := ValidateSchedule(tt.at, now, tt.after)
		if tt.says == "" && err != nil || tt.says != "" && (err == nil || !strings.Contains(err.Error(), tt.says)) {
			t.Errorf("ValidateSchedule(%v, %v) = %v, want %q", tt.at, tt.after, err, tt.says)
		}
	}
}
