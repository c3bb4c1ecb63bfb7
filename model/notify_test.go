package model

import (
	"strings"
	"testing"
)

func TestWhoHearsOfWhat(t *testing.T) {
	contacts := []Contact{
		{Name: "Dana Ruiz", Role: ContactAuthorised, Email: "dana@acme.example"},
		{Name: "Tom Becker", Role: ContactBackup, Email: "tom@acme.example"},
		{Name: "Lucy Fong", Role: ContactOther, Email: "lucy@acme.example"},
		{Name: "Old Al", Role: ContactBackup, Email: "al@acme.example", Archived: true},
	}
	lucy, dana := contacts[2], contacts[0]
	cases := []struct {
		name      string
		p         NotifyPolicy
		requester Contact
		kind      MessageKind
		sends     bool
		to        string
	}{
		{"by default: everything, to the authorised contact", NotifyPolicy{}, lucy, MsgArrived, true, "dana@acme.example"},
		{"muted: nothing", NotifyPolicy{Muted: true}, lucy, MsgBooked, false, ""},
		{"only departures", NotifyPolicy{Send: []MessageKind{MsgDeparted}}, lucy, MsgTravel, false, ""},
		{"a move goes where a booking goes", NotifyPolicy{Send: []MessageKind{MsgBooked}}, lucy, MsgMoved, true, "dana@acme.example"},
		{"to the requester and the backup", NotifyPolicy{To: []Audience{ToRequester, ToBackup}}, lucy, MsgArrived, true, "lucy@acme.example tom@acme.example"},
		{"the requester is the authorised: once", NotifyPolicy{To: []Audience{ToAuthorised, ToRequester}}, dana, MsgArrived, true, "dana@acme.example"},
		{"a requester without an email: no one", NotifyPolicy{To: []Audience{ToRequester}}, Contact{Name: "Receptionist"}, MsgArrived, true, ""},
	}
	for _, c := range cases {
		if got := c.p.Sends(c.kind); got != c.sends {
			t.Errorf("%s: sends %s %v", c.name, c.kind, got)
		}
		var to []string
		for _, m := range c.p.Recipients(contacts, c.requester) {
			to = append(to, m.Email)
		}
		if c.sends && strings.Join(to, " ") != c.to {
			t.Errorf("%s: to %q, want %q", c.name, to, c.to)
		}
	}
}

func TestReadingANotifyPolicy(t *testing.T) {
	if k, err := ParseMessageKinds(" Booked, arrived,booked ,departed"); err != nil || len(k) != 3 {
		t.Errorf("kinds %v %v", k, err)
	}
	if _, err := ParseMessageKinds("booked,lunch"); err == nil || !strings.Contains(err.Error(), `"lunch" is not a kind of message`) {
		t.Errorf("a kind that is not: %v", err)
	}
	if _, err := ParseAudiences(","); err == nil || !strings.Contains(err.Error(), "names no one") {
		t.Errorf("no one: %v", err)
	}
	if a, err := ParseAudiences("backup,REQUESTER"); err != nil || len(a) != 2 {
		t.Errorf("audiences %v %v", a, err)
	}
	if got := (NotifyPolicy{Send: []MessageKind{MsgArrived}, To: []Audience{ToBackup}}).Describe(); got != "arrived — to backup" {
		t.Errorf("describe %q", got)
	}
}

func FuzzParseNotify(f *testing.F) {
	f.Add("booked,arrived", "authorised,requester")
	f.Fuzz(func(t *testing.T, kinds, to string) {
		if k, err := ParseMessageKinds(kinds); err == nil && len(k) == 0 {
			t.Fatal("no kinds and no error")
		}
		if a, err := ParseAudiences(to); err == nil && len(a) == 0 {
			t.Fatal("no one and no error")
		}
	})
}

func TestAllKindsAndWhoIsReached(t *testing.T) {
	all, err := ParseMessageKinds("all")
	if err != nil || (NotifyPolicy{Send: all, To: []Audience{ToAuthorised}}).Normal().Describe() != (NotifyPolicy{}).Describe() {
		t.Errorf("all: %v %v", all, err)
	}
	contacts := []Contact{{Name: "Dana Ruiz", Role: ContactAuthorised, Email: "dana@acme.example"}, {Name: "Tom Becker", Role: ContactBackup}}
	for _, c := range []struct {
		p    NotifyPolicy
		want string
		ok   bool
	}{
		{NotifyPolicy{}, "reaches Dana Ruiz <dana@acme.example>", true},
		{NotifyPolicy{To: []Audience{ToBackup}}, "reaches no one: no contact it goes to has an email address", false},
		{NotifyPolicy{To: []Audience{ToBackup, ToRequester}}, "reaches whoever asked for each job", true},
		{NotifyPolicy{Muted: true}, "", true},
	} {
		got, ok := c.p.Reach(contacts)
		if !strings.HasPrefix(got, c.want) || ok != c.ok {
			t.Errorf("%+v: %q %v", c.p, got, ok)
		}
	}
}
