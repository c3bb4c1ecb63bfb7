package model

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func testEvent() CalendarEvent {
	start := time.Date(2026, 11, 19, 18, 0, 0, 0, time.UTC)
	return CalendarEvent{
		UID: VisitUID(311, "northside-it.example"), Sequence: 1, Start: start, End: start.Add(2 * time.Hour),
		Summary:     "Replace unstable wireless router, Acme Dental; Main office",
		Location:    "12 Harbor Rd, Suite 4",
		Description: "Sam Okafor will come.\nScope: swap the router; done when every PC is online.",
		Organizer:   Mailbox{Name: "Northside IT", Email: "office@northside-it.example"},
		Attendees:   []Mailbox{{Name: `Dana "D" Ruiz`, Email: "dana@acmedental.example"}, {Name: "Sam Okafor", Email: "sam@northside-it.example"}},
	}
}

// A booked visit's invitation, its move and its cancellation, as files a
// calendar reads.
func TestAVisitAsACalendarInvitation(t *testing.T) {
	stamp := time.Date(2026, 11, 18, 9, 30, 0, 0, time.UTC)
	golden(t, "visit-request.ics", ICalendar(CalendarRequest, "", []CalendarEvent{testEvent()}, stamp, 0))
	golden(t, "visit-cancel.ics", ICalendar(CalendarCancel, "", []CalendarEvent{testEvent()}, stamp, 0))
	golden(t, "tech-feed.ics", ICalendar(CalendarPublish, "Sam Okafor — visits", []CalendarEvent{testEvent()}, stamp, time.Hour))
}

// Every line ends CRLF and fits 75 octets; text is escaped; nothing typed
// into a name or an address breaks a line or a property.
func TestACalendarFileKeepsItsShape(t *testing.T) {
	e := testEvent()
	e.Summary = strings.Repeat("Ünïcödé ", 30) + "end"
	e.Attendees = []Mailbox{{Name: "Eve\r\nATTENDEE:mailto:x@evil.example", Email: "eve@example.com\r\nX-EVIL:1"}}
	out := ICalendar(CalendarRequest, "", []CalendarEvent{e}, time.Now(), 0)
	if !strings.HasSuffix(out, "\r\n") {
		t.Fatal("the file does not end with CRLF")
	}
	for _, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(l) > 75 || strings.ContainsAny(l, "\r\n") || !utf8.ValidString(l) {
			t.Errorf("a line breaks the shape (%d octets): %q", len(l), l)
		}
		if strings.HasPrefix(l, "X-EVIL") || strings.HasPrefix(l, "ATTENDEE:mailto:x@evil") {
			t.Errorf("typed text made a property of its own: %q", l)
		}
	}
	unfolded := strings.ReplaceAll(out, "\r\n ", "")
	if !strings.Contains(unfolded, "SUMMARY:"+strings.Repeat("Ünïcödé ", 30)+"end\r\n") {
		t.Errorf("the summary does not unfold to what it was:\n%s", unfolded)
	}
	if got := icalText("a;b,c\\d\ne"); got != `a\;b\,c\\d\ne` {
		t.Errorf("escaped %q", got)
	}
}

func TestAMovedVisitKeepsItsUID(t *testing.T) {
	v := Visit{ID: 311, Events: []Event{{Kind: EvScheduled}, {Kind: EvMoved}, {Kind: EvMoved}}}
	if VisitSequence(v) != 2 || VisitUID(v.ID, "x.example") != "visit-311@x.example" {
		t.Errorf("sequence %d, uid %s", VisitSequence(v), VisitUID(v.ID, "x.example"))
	}
}

func FuzzICalText(f *testing.F) {
	f.Add("Acme; Dental, \\ \n x", "dana@acme.example")
	f.Fuzz(func(t *testing.T, text, email string) {
		e := testEvent()
		e.Summary, e.Description, e.Location = text, text, text
		e.Attendees = []Mailbox{{Name: text, Email: email}}
		out := ICalendar(CalendarRequest, text, []CalendarEvent{e}, time.Now(), 0)
		for _, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
			if len(l) > 75 {
				t.Fatalf("a line of %d octets: %q", len(l), l)
			}
		}
		if strings.Count(out, "BEGIN:VEVENT") != 1 || strings.Count(out, "\r\nEND:VCALENDAR\r\n") != 1 {
			t.Fatalf("typed text changed the file's structure:\n%s", out)
		}
	})
}

func TestAnInvitationReaddressed(t *testing.T) {
	e := testEvent()
	e.Attendees = []Mailbox{{Name: "Rosa Lind", Email: "rosa.bounce@foxglove.example"}}
	stamp := time.Date(2026, 11, 18, 9, 30, 0, 0, time.UTC)
	ics := ICalendar(CalendarRequest, "", []CalendarEvent{e}, stamp, 0)
	got := ReaddressICS(ics, e.Attendees[0], Mailbox{Name: "Rosa Lind", Email: "rosa@foxglove.example"})
	e.Attendees = []Mailbox{{Name: "Rosa Lind", Email: "rosa@foxglove.example"}}
	if want := ICalendar(CalendarRequest, "", []CalendarEvent{e}, stamp, 0); got != want {
		t.Errorf("readdressed:\n%s\nwant:\n%s", got, want)
	}
}
