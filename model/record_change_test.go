package model

import (
	"encoding/json"
	"testing"
	"time"
)

func TestWhatAChangeToTheRecordSays(t *testing.T) {
	js := func(v any) string { b, _ := json.Marshal(v); return string(b) }
	terms := BillingTerms{Rate: 125_00, Travel: TravelPolicy{Kind: TravelRate, Amount: 62_50}, Increment: 15 * time.Minute, Mode: RoundUp, Scope: RoundTicket}
	raised := terms
	raised.Rate, raised.Payment = 140_00, Terms{NetDays: 30}
	dana := Contact{Name: "Dana Ruiz", Role: ContactAuthorised, Phone: "555-0142"}
	cases := []struct {
		name          string
		action        string
		before, after any
		kind          EntryKind
		says          string // "" when nothing is said
	}{
		{"a rate raised and net 30", "terms.client", terms, raised, EntryTerms, "terms changed: rate $140.00/h, was $125.00/h; payment net 30, was on delivery"},
		{"terms saved unchanged", "terms.client", terms, terms, "", ""},
		{"renamed", "client.edit", Client{Name: "Acme Dental"}, Client{Name: "Acme Dental Group"}, EntryChange, "renamed from Acme Dental to Acme Dental Group"},
		{"under contract", "client.edit", Client{Name: "Acme"}, Client{Name: "Acme", Managed: true}, EntryChange, "now under a managed-service contract"},
		{"made authorised", "contact.edit", Contact{Name: "Tom Becker", Role: ContactBackup}, Contact{Name: "Tom Becker", Role: ContactAuthorised}, EntryChange,
			"Tom Becker is now the authorised contact"},
		{"stood down", "contact.role", dana, func() Contact { c := dana; c.Role = ContactOther; return c }(), EntryChange, "Dana Ruiz is no longer the authorised contact"},
		{"a new phone", "contact.edit", dana, func() Contact { c := dana; c.Phone = ""; return c }(), EntryChange, "Dana Ruiz's phone is now none"},
		{"a site further away", "site.edit", Site{Name: "Main", Address: "12 Harbor Rd", Travel: 45 * time.Minute},
			Site{Name: "Main", Address: "12 Harbor Rd", Travel: time.Hour}, EntryChange, "site Main: 1h away, not 45m"},
		{"an action not of the record", "ticket.edit", Client{}, Client{Name: "x"}, "", ""},
		{"an audit without its before", "client.edit", nil, Client{Name: "x"}, "", ""},
	}
	for _, c := range cases {
		ch := RecordChange{Action: c.action, After: js(c.after)}
		if c.before != nil {
			ch.Before = js(c.before)
		}
		kind, text, ok := ch.Describe()
		if c.says == "" {
			if ok {
				t.Errorf("%s: says %q", c.name, text)
			}
			continue
		}
		if !ok || kind != c.kind || text != c.says {
			t.Errorf("%s: %s %q (%v), want %s %q", c.name, kind, text, ok, c.kind, c.says)
		}
	}
}
