package model

import (
	"strings"
	"testing"
	"time"
)

// The technician hears of a booking, a move and a cancellation with the
// same calendar entry the client's letters carry; never of a rate.
func TestWhatTheTechnicianIsTold(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2026, 11, 19, h, m, 0, 0, time.UTC) }
	for _, c := range []struct {
		file string
		kind MessageKind
		edit func(*VisitNews)
	}{
		{"tech-booked.txt", MsgBooked, func(n *VisitNews) { n.Step = n.Visit.Events[0] }},
		{"tech-moved.txt", MsgMoved, func(n *VisitNews) {
			n.Was, n.Visit.ScheduledAt = n.Visit.ScheduledAt, at(15, 0)
			n.Visit.Events = append(n.Visit.Events, Event{ID: 901, Kind: EvMoved})
			n.Step = n.Visit.Events[1]
		}},
		{"tech-cancelled.txt", MsgCancelled, func(n *VisitNews) {
			n.Step = Event{ID: 902, Kind: EvCancelled, Note: "Dana fixed it herself"}
			n.Visit.Events = append(n.Visit.Events, n.Step)
		}},
		{"tech-handed-on.txt", MsgCancelled, func(n *VisitNews) { // moved to Lee at 15:00: withdrawn from Sam as he had it
			n.Was, n.Visit.ScheduledAt = n.Visit.ScheduledAt, at(15, 0)
			n.Visit.Events = append(n.Visit.Events, Event{ID: 901, Kind: EvMoved, Note: "Sam is off sick"})
			n.Step = n.Visit.Events[1]
		}},
	} {
		n := routerNews()
		c.edit(&n)
		client := VisitLetter(c.kind, n, time.UTC)
		n.To = Mailbox{Name: "Sam Okafor", Email: "sam@northside-it.example"}
		l := TechLetter(c.kind, n, time.UTC)
		if l.Key != client.Key+"/tech" || l.MessageID == client.MessageID {
			t.Errorf("%s: key %s (the client's %s), id %s", c.kind, l.Key, client.Key, l.MessageID)
		}
		if strings.Contains(l.Text+l.ICS, "$") || strings.Contains(l.Text+l.ICS, "/h") {
			t.Errorf("%s: a rate reached the technician:\n%s", c.kind, l.Text)
		}
		golden(t, c.file, "Subject: "+l.Subject+"\n\n"+l.Text+"\n--- invitation\n"+strings.ReplaceAll(l.ICS, "\r\n", "\n"))
	}
}

// The feed holds each visit under the UID its invitations carried, with
// its moves as SEQUENCE, and says how often to read it again.
func TestATechniciansFeed(t *testing.T) {
	n := routerNews()
	visits := []CalendarVisit{
		{Visit: n.Visit, Ticket: n.Ticket, Client: "Acme Dental", Site: n.Site},
		{Visit: Visit{ID: 312, ScheduledAt: n.Visit.ScheduledAt.Add(26 * time.Hour)}, Moves: 2, Ticket: Ticket{ID: 1043, Title: "Printer; toner, drum"},
			Client: "Bayside Realty", Site: Site{Name: "Front desk"}},
	}
	done := CalendarVisit{Visit: Visit{ID: 300, ScheduledAt: n.Visit.ScheduledAt.Add(-48 * time.Hour)}, Ticket: Ticket{ID: 1040, Title: "Done"},
		Client: "Acme Dental", Started: n.Visit.ScheduledAt.Add(-47 * time.Hour), Ended: n.Visit.ScheduledAt.Add(-44*time.Hour - 30*time.Minute)}
	visits = append([]CalendarVisit{done}, visits...)
	stamp := time.Date(2026, 11, 18, 9, 30, 0, 0, time.UTC)
	out := TechFeed("Sam Okafor", visits, n.Office, "northside-it.example", stamp, FeedRefresh)
	golden(t, "tech-feed-visits.ics", strings.ReplaceAll(out, "\r\n", "\n"))
	for _, want := range []string{"METHOD:PUBLISH", "REFRESH-INTERVAL;VALUE=DURATION:PT60M", "UID:visit-312@northside-it.example\r\nSEQUENCE:2",
		`SUMMARY:Bayside Realty: Printer\; toner\, drum (T-1043)`,
		"UID:visit-300@northside-it.example\r\nSEQUENCE:0\r\nDTSTAMP:20261118T093000Z\r\nDTSTART:20261117T130000Z\r\nDTEND:20261117T153000Z"} { // as it happened
		if !strings.Contains(out, want) {
			t.Errorf("the feed lacks %q", want)
		}
	}
	from, to := FeedWindow(stamp)
	if from.Year() != 2025 || to.Year() != 2028 {
		t.Errorf("window %s – %s", from, to)
	}
}
