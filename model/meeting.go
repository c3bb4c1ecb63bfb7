package model

import (
	"fmt"
	"strings"
	"time"
)

// MeetingKind is a first meeting with a new client or a roadmap review.
type MeetingKind string

const (
	MeetingFirst   MeetingKind = "first"
	MeetingRoadmap MeetingKind = "roadmap"
)

// ParseMeetingKind reads "first" or "roadmap".
func ParseMeetingKind(s string) (MeetingKind, error) {
	switch k := MeetingKind(strings.ToLower(strings.TrimSpace(s))); k {
	case MeetingFirst, MeetingRoadmap:
		return k, nil
	}
	return "", FieldError{Field: "kind", Msg: fmt.Sprintf("%q is not a kind of meeting; use first or roadmap", CleanLine(s))}
}

// Meeting is a meeting with a client, from the invitation to its notes.
type Meeting struct {
	ID          int64
	ClientID    int64
	Client      string
	Kind        MeetingKind
	At          time.Time
	Agenda      []string
	InvitedAt   time.Time
	InvitedBy   string
	ConfirmedAt time.Time
	ConfirmNote string
	DoneAt      time.Time
	Notes       string
	By          string // who recorded it done
}

// Ref is the meeting's readable id, M-4.
func (m Meeting) Ref() string { return FormatID(PrefixMeeting, m.ID) }

// Validate cleans and checks a planned meeting.
func (m *Meeting) Validate() error {
	var inv Invalid
	var agenda []string
	for _, a := range m.Agenda {
		if a = CleanLine(a); a != "" {
			inv.Add("agenda", TextLimit{Field: "agenda", Max: 200}.Check(a))
			agenda = append(agenda, a)
		}
	}
	m.Agenda = agenda
	if len(m.Agenda) == 0 {
		inv.Add("agenda", FieldError{Field: "agenda", Msg: "is empty; an invitation says what the meeting is for: --agenda \"…\", once per item"})
	}
	if m.At.IsZero() {
		inv.Add("at", FieldError{Field: "at", Msg: "is empty; say when it is"})
	}
	return inv.Err()
}

// NextBusinessDay is the start of the first open day after t's day: not a
// closed weekday, not a holiday.
func NextBusinessDay(p Policy, loc *time.Location, t time.Time) time.Time {
	day := StartOfDay(t, loc)
	for i := 0; i < 30; i++ {
		day = day.AddDate(0, 0, 1)
		local := day.In(loc)
		if !p.Week[local.Weekday()].Closed() && !p.IsHoliday(local.Format("2006-01-02")) {
			return day
		}
	}
	return day
}

// ConfirmationDue is when the call to confirm a meeting falls due: from the
// first business day after the invitation, and overdue after the second.
func ConfirmationDue(p Policy, loc *time.Location, invited time.Time) (from, overdue time.Time) {
	from = NextBusinessDay(p, loc, invited)
	return from, NextBusinessDay(p, loc, from)
}

// MeetingsToKnow are the brief's lines about meetings: a confirmation call
// due, the next meeting and its agenda, a client with tickets and no first
// meeting planned.
func MeetingsToKnow(meetings []Meeting, hasTickets bool, p Policy, loc *time.Location, now time.Time) []string {
	var out []string
	first := false
	for _, m := range meetings {
		first = first || m.Kind == MeetingFirst
		if !m.DoneAt.IsZero() {
			continue
		}
		if m.ConfirmedAt.IsZero() {
			if from, _ := ConfirmationDue(p, loc, m.InvitedAt); !now.Before(from) {
				out = append(out, fmt.Sprintf("%s: call to confirm the %s meeting of %s (invited %s)", m.Ref(), m.Kind,
					m.At.In(loc).Format("Mon 2 Jan 15:04"), m.InvitedAt.In(loc).Format("2 Jan")))
			}
		}
		if m.At.After(now) {
			out = append(out, fmt.Sprintf("%s: %s meeting %s — %s", m.Ref(), m.Kind, m.At.In(loc).Format("Mon 2 Jan 15:04"), strings.Join(m.Agenda, "; ")))
		}
	}
	if hasTickets && !first {
		out = append(out, "no first meeting planned: plan one within 30 days of the first job (meeting plan … --kind first)")
	}
	return out
}
