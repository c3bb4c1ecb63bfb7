package model

import (
	"fmt"
	"sort"
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
	By          string // who recorded it confirmed, held or called off
	// A meeting called off: when and why.
	CancelledAt  time.Time
	CancelReason string
}

// Open reports whether the meeting is still to be held: not held, not
// called off.
func (m Meeting) Open() bool { return m.DoneAt.IsZero() && m.CancelledAt.IsZero() }

// FirstMeetingOf is the client's first meeting, planned or held and not
// called off, if it has one.
func FirstMeetingOf(meetings []Meeting) (Meeting, bool) {
	for _, m := range meetings {
		if m.Kind == MeetingFirst && m.CancelledAt.IsZero() {
			return m, true
		}
	}
	return Meeting{}, false
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

// CheckMeetingDay refuses a meeting on a day the office is closed, or out
// of its hours: the office that invites keeps its own hours.
func CheckMeetingDay(p Policy, loc *time.Location, at time.Time) error {
	local := at.In(loc)
	switch {
	case p.IsHoliday(local.Format("2006-01-02")):
		return FieldError{Field: "at", Msg: fmt.Sprintf("is %s, a holiday the office is closed; pick an open day", local.Format("Mon 2 Jan"))}
	case p.Week[local.Weekday()].Closed():
		return FieldError{Field: "at", Msg: fmt.Sprintf("is a %s, when the office is closed; pick an open day", local.Weekday())}
	}
	h := p.Week[local.Weekday()]
	if since := local.Sub(StartOfDay(local, loc)); since < h.Open || since >= h.Close {
		return FieldError{Field: "at", Msg: fmt.Sprintf("is outside the office's hours on %s (%s–%s); pick a time between", local.Format("Mon"),
			clockText(h.Open), clockText(h.Close))}
	}
	return nil
}

// clockText writes a time of day given as time since midnight: "08:00".
func clockText(d time.Duration) string {
	return fmt.Sprintf("%02d:%02d", int(d.Hours()), int(d.Minutes())%60)
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
// first business day after the invitation, and overdue after the second —
// or at once, and overdue by the meeting, for a meeting sooner than that.
func ConfirmationDue(p Policy, loc *time.Location, m Meeting) (from, overdue time.Time) {
	from = NextBusinessDay(p, loc, m.InvitedAt)
	overdue = NextBusinessDay(p, loc, from)
	if !from.Before(StartOfDay(m.At, loc)) {
		from = m.InvitedAt
	}
	if overdue.After(m.At) {
		overdue = m.At
	}
	return from, overdue
}

// MeetingsToKnow are the brief's lines about meetings: a confirmation call
// due, the next meeting and its agenda, a new client with no first meeting
// planned. firstJob is when the client's first ticket was opened (zero for
// none).
func MeetingsToKnow(meetings []Meeting, firstJob time.Time, p Policy, loc *time.Location, now time.Time) []string {
	var out []string
	_, first := FirstMeetingOf(meetings)
	for _, m := range meetings {
		if !m.Open() {
			continue
		}
		if m.ConfirmedAt.IsZero() {
			if from, _ := ConfirmationDue(p, loc, m); !now.Before(from) {
				out = append(out, fmt.Sprintf("%s: call to confirm the %s meeting of %s (invited %s)", m.Ref(), m.Kind,
					m.At.In(loc).Format("Mon 2 Jan 15:04"), m.InvitedAt.In(loc).Format("2 Jan")))
			}
		}
		if m.At.After(now) {
			out = append(out, fmt.Sprintf("%s: %s meeting %s — %s", m.Ref(), m.Kind, m.At.In(loc).Format("Mon 2 Jan 15:04"), strings.Join(m.Agenda, "; ")))
		}
	}
	if !first && NeedsFirstMeeting(firstJob, now) {
		out = append(out, fmt.Sprintf("no first meeting planned: plan one by %s, 30 days after the first job (meeting plan … --kind first)",
			FirstMeetingBy(firstJob).In(loc).Format("Mon 2 Jan")))
	}
	return out
}

// A new client's first meeting is planned within 30 days of its first job;
// the office is reminded for the first two months, and not about clients
// it has worked for for years.
const (
	firstMeetingWithin = 30 * 24 * time.Hour
	firstMeetingWindow = 60 * 24 * time.Hour
)

// NeedsFirstMeeting reports whether a client whose first ticket was opened
// at firstJob, and who has no first meeting, is still new enough to need one.
func NeedsFirstMeeting(firstJob, now time.Time) bool {
	return !firstJob.IsZero() && now.Sub(firstJob) < firstMeetingWindow
}

// NewClientsSince is how far back a first ticket makes a client new.
func NewClientsSince(now time.Time) time.Time { return now.Add(-firstMeetingWindow) }

// FirstMeetingBy is when a new client's first meeting should be planned by.
func FirstMeetingBy(firstJob time.Time) time.Time { return firstJob.Add(firstMeetingWithin) }

// NewClient is a client with its first ticket lately and no first meeting.
type NewClient struct {
	ID       int64
	Name     string
	FirstJob time.Time
}

// MeetingCall is a call the office owes a client about a meeting: to
// confirm one it was invited to, or to plan its first.
type MeetingCall struct {
	ClientID int64
	Client   string
	Meeting  *Meeting // nil: no first meeting is planned yet
	FirstJob time.Time
	Due      time.Time // the call is owed from then
	Overdue  bool
}

// What says in a line what the call is for.
func (c MeetingCall) What(loc *time.Location) string {
	if c.Meeting == nil {
		return fmt.Sprintf("plan a first meeting: first job %s, plan by %s", c.FirstJob.In(loc).Format("2 Jan"), FirstMeetingBy(c.FirstJob).In(loc).Format("2 Jan"))
	}
	return fmt.Sprintf("call to confirm the %s meeting of %s (invited %s)", c.Meeting.Kind, c.Meeting.At.In(loc).Format("Mon 2 Jan 15:04"),
		c.Meeting.InvitedAt.In(loc).Format("2 Jan"))
}

// MeetingCalls are the calls owed now, overdue first, then oldest: the
// confirmation of every meeting not confirmed whose call has fallen due,
// and every new client still without a first meeting.
func MeetingCalls(open []Meeting, fresh []NewClient, p Policy, loc *time.Location, now time.Time) []MeetingCall {
	var out []MeetingCall
	for i := range open {
		m := &open[i]
		if !m.ConfirmedAt.IsZero() || !m.Open() {
			continue
		}
		from, overdue := ConfirmationDue(p, loc, *m)
		if now.Before(from) {
			continue
		}
		out = append(out, MeetingCall{ClientID: m.ClientID, Client: m.Client, Meeting: m, Due: from, Overdue: !now.Before(overdue)})
	}
	for _, c := range fresh {
		if !NeedsFirstMeeting(c.FirstJob, now) {
			continue
		}
		out = append(out, MeetingCall{ClientID: c.ID, Client: c.Name, FirstJob: c.FirstJob, Due: c.FirstJob, Overdue: !now.Before(FirstMeetingBy(c.FirstJob))})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Overdue != out[j].Overdue {
			return out[i].Overdue
		}
		return out[i].Due.Before(out[j].Due)
	})
	return out
}
