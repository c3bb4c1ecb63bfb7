package model

import (
	"strings"
	"testing"
	"time"
)

// The router story of seed 001, told to Dana as it happens.
func routerNews() VisitNews {
	loc := time.UTC
	booked := time.Date(2026, 11, 19, 12, 0, 0, 0, loc)
	terms := BillingTerms{Rate: 120_00, Travel: TravelPolicy{Kind: TravelHourly}}
	return VisitNews{
		Office: Mailbox{Name: "Northside IT", Email: "office@northside-it.example"},
		To:     Mailbox{Name: "Dana Ruiz", Email: "dana@acmedental.example"},
		Client: "Acme Dental",
		Ticket: Ticket{ID: 1042, Title: "Replace unstable wireless router", Scope: "Swap the router for a new one; done when every PC is online.",
			Estimate: Estimate{Duration: time.Hour}},
		Visit:  Visit{ID: 311, TechName: "Sam Okafor", ScheduledAt: booked, Events: []Event{{ID: 900, Kind: EvScheduled}}},
		Site:   Site{Name: "Main office", Address: "12 Harbor Rd, Suite 4", Travel: 45 * time.Minute},
		Terms:  &terms,
		Domain: "northside-it.example",
		Sent:   booked.Add(-24 * time.Hour),
	}
}

func TestWhatTheClientIsTold(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2026, 11, 19, h, m, 0, 0, time.UTC) }
	addOn := ScopeRequest{ID: 3, What: "Replace the antivirus on 10 PCs", Decisions: []ScopeDecision{
		{Kind: DecAddOn, At: at(13, 40), ContactName: "Dana Ruiz", Estimate: 3 * time.Hour, ToldMeterRunning: true}}}
	cases := []struct {
		file string
		kind MessageKind
		edit func(*VisitNews)
	}{
		{"msg-booked.txt", MsgBooked, func(n *VisitNews) { n.Step = n.Visit.Events[0] }},
		{"msg-moved.txt", MsgMoved, func(n *VisitNews) {
			n.Was, n.Visit.ScheduledAt = n.Visit.ScheduledAt, at(15, 0)
			n.Visit.Events = append(n.Visit.Events, Event{ID: 901, Kind: EvMoved})
			n.Step = n.Visit.Events[1]
		}},
		{"msg-cancelled.txt", MsgCancelled, func(n *VisitNews) {
			n.Step = Event{ID: 902, Kind: EvCancelled, Note: "Dana fixed it herself"}
			n.Visit.Events = append(n.Visit.Events, n.Step)
		}},
		{"msg-new-technician.txt", MsgMoved, func(n *VisitNews) { // the same time, Lee instead of Sam
			n.Was, n.Visit.TechName = n.Visit.ScheduledAt, "Lee Park"
			n.Visit.Events = append(n.Visit.Events, Event{ID: 901, Kind: EvMoved})
			n.Step = n.Visit.Events[1]
		}},
		{"msg-travel.txt", MsgTravel, func(n *VisitNews) { n.Step = Event{ID: 903, Kind: EvTravelStarted, At: at(12, 0)} }},
		{"msg-arrived.txt", MsgArrived, func(n *VisitNews) {
			n.Step = Event{ID: 904, Kind: EvArrived, At: at(12, 45), ContactName: "Rob Grant"}
		}},
		{"msg-add-on.txt", MsgAddOn, func(n *VisitNews) { n.AddOn, n.Step = &addOn, Event{ID: 905, Kind: EvWorkOn, At: at(13, 45)} }},
		{"msg-departed.txt", MsgDeparted, func(n *VisitNews) {
			n.Visit.Events = []Event{{ID: 900, Kind: EvScheduled}, {ID: 903, Kind: EvTravelStarted, At: at(12, 0)},
				{ID: 904, Kind: EvArrived, At: at(12, 45), ContactName: "Rob Grant"},
				{ID: 905, Kind: EvWorkOn, At: at(13, 45), ScopeID: 3}, {ID: 906, Kind: EvWorkOn, At: at(17, 5)},
				{ID: 907, Kind: EvPaused, At: at(17, 20)}, {ID: 908, Kind: EvResumed, At: at(17, 40)},
				{ID: 909, Kind: EvDeparted, At: at(18, 5), ContactName: "Rob Grant", Note: "the Vista notebook taken to the shop"}}
			n.Step, n.AddOns = n.Visit.Events[7], []ScopeRequest{addOn}
		}},
		{"msg-overrun.txt", MsgOverrun, func(n *VisitNews) {
			n.Step, n.Minutes = Event{ID: 906, Kind: EvEstimateOver, At: at(13, 50), Answer: ToldContinue}, 65*time.Minute
		}},
	}
	for _, c := range cases {
		n := routerNews()
		c.edit(&n)
		l := VisitLetter(c.kind, n, time.UTC)
		out := "Subject: " + l.Subject + "\nMessage-ID: " + l.MessageID + "\nKey: " + l.Key + "\n\n" + l.Text
		if l.ICS != "" {
			out += "\n--- invitation\n" + strings.ReplaceAll(l.ICS, "\r\n", "\n")
		}
		golden(t, c.file, out)
	}
}

// A step has one key and one Message-ID, however often it is made: a
// resend after a crash is the same message.
func TestOneStepOneMessage(t *testing.T) {
	n := routerNews()
	n.Step = Event{ID: 903, Kind: EvTravelStarted, At: n.Visit.ScheduledAt}
	a, b := VisitLetter(MsgTravel, n, time.UTC), VisitLetter(MsgTravel, n, time.UTC)
	if a.Key != "V-311/travel/E-903" || a.MessageID != b.MessageID || !strings.HasSuffix(a.MessageID, "@northside-it.example>") {
		t.Errorf("key %s, ids %s %s", a.Key, a.MessageID, b.MessageID)
	}
	n.Step.ID = 904
	if VisitLetter(MsgTravel, n, time.UTC).MessageID == a.MessageID {
		t.Error("two steps share a Message-ID")
	}
}

// Nothing typed into a ticket's title or a contact's name reaches a
// subject as a line break: a subject is one line, whatever was typed.
func TestATypedTitleNeverBreaksTheSubject(t *testing.T) {
	n := routerNews()
	n.Ticket.Title = "Router\r\nBcc: everyone@example.com"
	n.To.Name = "Dana\nX-Evil: 1"
	n.Step = Event{ID: 903, Kind: EvTravelStarted, At: n.Visit.ScheduledAt}
	for _, kind := range []MessageKind{MsgBooked, MsgMoved, MsgTravel, MsgArrived} {
		l := VisitLetter(kind, n, time.UTC)
		if strings.ContainsAny(l.Subject, "\r\n") || strings.Contains(l.Text, "\nX-Evil") || strings.Contains(l.Text, "\nBcc:") {
			t.Errorf("%s: typed text broke a line: %q\n%s", kind, l.Subject, l.Text)
		}
	}
}

func FuzzVisitLetter(f *testing.F) {
	f.Add("Replace router", "Dana Ruiz", "Main office", "12 Harbor Rd", "Sam Okafor")
	f.Fuzz(func(t *testing.T, title, contact, site, address, tech string) {
		n := routerNews()
		n.Ticket.Title, n.To.Name, n.Site.Name, n.Site.Address, n.Visit.TechName = title, contact, site, address, tech
		n.Step = Event{ID: 903, Kind: EvArrived, At: n.Visit.ScheduledAt, ContactName: contact}
		for _, kind := range []MessageKind{MsgBooked, MsgArrived} {
			l := VisitLetter(kind, n, time.UTC)
			if strings.ContainsAny(l.Subject, "\r\n\x00") {
				t.Fatalf("subject %q", l.Subject)
			}
		}
	})
}

func TestDurationsInWords(t *testing.T) {
	for d, want := range map[time.Duration]string{0: "0 minutes", time.Minute: "1 minute", 45 * time.Minute: "45 minutes", time.Hour: "1 hour",
		3 * time.Hour: "3 hours", 65 * time.Minute: "1 hour 5 minutes", 200 * time.Minute: "3 hours 20 minutes", 90*time.Second + 29*time.Second: "2 minutes"} {
		if got := DurationWords(d); got != want {
			t.Errorf("%s reads %q, want %q", d, got, want)
		}
	}
}

func TestATitleIsNoFirstName(t *testing.T) {
	n := routerNews()
	n.To.Name = "Dr. Paul Weiss"
	n.Step = Event{ID: 904, Kind: EvArrived, At: n.Visit.ScheduledAt}
	if l := VisitLetter(MsgArrived, n, time.UTC); !strings.HasPrefix(l.Text, "Hello Dr. Paul Weiss,") {
		t.Errorf("greets %q", strings.SplitN(l.Text, "\n", 2)[0])
	}
}

func TestExactWords(t *testing.T) {
	for d, want := range map[time.Duration]string{0: "0 seconds", 13 * time.Second: "13 seconds", 44*time.Minute + 37*time.Second: "44 minutes 37 seconds",
		time.Hour + 2*time.Second: "1 hour 2 seconds", 2*time.Hour + time.Minute: "2 hours 1 minute", 1499 * time.Millisecond: "1 second"} {
		if got := ExactWords(d); got != want {
			t.Errorf("%s: %q, want %q", d, got, want)
		}
	}
}
