package model

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// CalendarMethod says what an iCalendar file asks of whoever reads it: to
// add or update the events (REQUEST), to take them away (CANCEL), or only
// to show them, as a subscribed feed does (PUBLISH).
type CalendarMethod string

const (
	CalendarRequest CalendarMethod = "REQUEST"
	CalendarCancel  CalendarMethod = "CANCEL"
	CalendarPublish CalendarMethod = "PUBLISH"
)

// CalendarEvent is one visit as a calendar holds it. Its UID stays the same
// for the life of the visit; Sequence counts the times it was moved or
// cancelled, so a calendar takes the later one.
type CalendarEvent struct {
	UID         string
	Sequence    int
	Start, End  time.Time
	Summary     string
	Location    string
	Description string
	Organizer   Mailbox   // the office
	Attendees   []Mailbox // the client's contact, the technician
	Cancelled   bool
}

// Mailbox is a name and an email address.
type Mailbox struct{ Name, Email string }

// VisitUID is a visit's calendar identity, the same in every message and
// feed: a move is an update of it, never a second event. calendar is the
// office's own identity.
func VisitUID(visitID int64, calendar string) string {
	return fmt.Sprintf("visit-%d@%s", visitID, calendar)
}

// VisitSequence counts a visit's changes, its moves and its cancellation:
// the SEQUENCE of its calendar event, so a calendar takes the latest.
func VisitSequence(v Visit) int {
	n := 0
	for _, e := range v.Events {
		if e.Kind == EvMoved || e.Kind == EvCancelled {
			n++
		}
	}
	return n
}

// ICalendar writes events as an RFC 5545 file: CRLF line ends, long lines
// folded at 75 octets, text escaped, times in UTC. stamp is when the file
// was made. A feed may say how often to read it again (refresh, 0 for not).
func ICalendar(method CalendarMethod, name string, events []CalendarEvent, stamp time.Time, refresh time.Duration) string {
	var b strings.Builder
	line := func(s string) { b.WriteString(fold(s)) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//Dispatch//Dispatch//EN")
	line("CALSCALE:GREGORIAN")
	line("METHOD:" + string(method))
	if name != "" {
		line("X-WR-CALNAME:" + icalText(name))
	}
	if refresh > 0 {
		line(fmt.Sprintf("REFRESH-INTERVAL;VALUE=DURATION:PT%dM", int(refresh.Minutes())))
		line(fmt.Sprintf("X-PUBLISHED-TTL:PT%dM", int(refresh.Minutes())))
	}
	for _, e := range events {
		line("BEGIN:VEVENT")
		line("UID:" + icalText(e.UID))
		line(fmt.Sprintf("SEQUENCE:%d", e.Sequence))
		line("DTSTAMP:" + icalTime(stamp))
		line("DTSTART:" + icalTime(e.Start))
		line("DTEND:" + icalTime(e.End))
		line("SUMMARY:" + icalText(e.Summary))
		if e.Location != "" {
			line("LOCATION:" + icalText(e.Location))
		}
		if e.Description != "" {
			line("DESCRIPTION:" + icalText(e.Description))
		}
		if e.Organizer.Email != "" {
			line("ORGANIZER" + icalName(e.Organizer.Name) + ":mailto:" + icalAddress(e.Organizer.Email))
		}
		for _, a := range e.Attendees {
			if a.Email != "" {
				line("ATTENDEE" + icalName(a.Name) + ";ROLE=REQ-PARTICIPANT:mailto:" + icalAddress(a.Email))
			}
		}
		if e.Cancelled || method == CalendarCancel {
			line("STATUS:CANCELLED")
		} else {
			line("STATUS:CONFIRMED")
		}
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return b.String()
}

// ReaddressICS moves an invitation from one attendee's address to another,
// as a letter retried after the address was corrected is: the calendar
// that takes it matches the attendee to its own mailbox.
func ReaddressICS(ics string, from, to Mailbox) string {
	if ics == "" {
		return ""
	}
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimSuffix(strings.ReplaceAll(ics, "\r\n ", ""), "\r\n"), "\r\n") {
		if strings.HasPrefix(l, "ATTENDEE") && strings.HasSuffix(strings.ToLower(l), ":mailto:"+strings.ToLower(icalAddress(from.Email))) {
			l = "ATTENDEE" + icalName(to.Name) + ";ROLE=REQ-PARTICIPANT:mailto:" + icalAddress(to.Email)
		}
		b.WriteString(fold(l))
	}
	return b.String()
}

func icalTime(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

// icalText escapes a TEXT value: backslash, semicolon, comma, and line
// breaks as \n; other control characters go.
func icalText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\' || r == ';' || r == ',':
			b.WriteRune('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x7f:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// icalName is a CN parameter: quoted, with the characters a quoted
// parameter may not hold left out.
func icalName(name string) string {
	name = strings.Map(func(r rune) rune {
		if r == '"' || r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, name)
	if name == "" {
		return ""
	}
	return `;CN="` + name + `"`
}

// icalAddress keeps an address to the characters an address has: a
// contact's email was typed by someone.
func icalAddress(s string) string {
	return strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f || r == '"' || r == ';' || r == ':' || r == ',' {
			return -1
		}
		return r
	}, s)
}

// fold ends a content line with CRLF, folding it so no physical line is
// longer than 75 octets and no character is split.
func fold(s string) string {
	var b strings.Builder
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	b.WriteString(s)
	b.WriteString("\r\n")
	return b.String()
}
