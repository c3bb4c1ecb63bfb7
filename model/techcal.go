package model

import (
	"fmt"
	"strings"
	"time"
)

// CalendarVisit is a visit as its technician's own calendar holds it: for
// whom, where and what, and never a rate.
type CalendarVisit struct {
	Visit Visit // its events need not be loaded: Moves counts what the calendar needs
	Moves int
	// Started and Ended are when a visit begun really began (set off,
	// arrived, or shop work) and, once finished, ended: the calendar then
	// holds what happened, not what was booked.
	Started, Ended time.Time
	Ticket         Ticket
	Client         string
	Site           Site
}

// FeedRefresh is how often a subscribed calendar reads the feed again.
const FeedRefresh = time.Hour

// FeedWindow is what a subscribed calendar holds: a year back, two ahead.
func FeedWindow(now time.Time) (from, to time.Time) {
	return now.AddDate(-1, 0, 0), now.AddDate(2, 0, 0)
}

// TechFeed writes a technician's visits as one calendar, to subscribe to
// or import. Each visit is the event its invitations carried: the same UID,
// and as many moves as its SEQUENCE.
func TechFeed(tech string, visits []CalendarVisit, office Mailbox, calendar string, stamp time.Time, refresh time.Duration) string {
	events := make([]CalendarEvent, 0, len(visits))
	for _, cv := range visits {
		events = append(events, techEvent(cv, office, Mailbox{}, calendar))
	}
	return ICalendar(CalendarPublish, CleanLine(tech)+" — visits", events, stamp, refresh)
}

// techEvent is a visit in its technician's calendar: the client first, as
// the technician looks for it.
func techEvent(cv CalendarVisit, office, tech Mailbox, calendar string) CalendarEvent {
	t, v := cv.Ticket, cv.Visit
	desc := []string{fmt.Sprintf("%s for %s, %s.", v.Ref(), CleanLine(cv.Client), t.Ref())}
	if scope := CleanText(t.Scope); scope != "" {
		desc = append(desc, scope)
	}
	if cv.Site.Travel > 0 {
		desc = append(desc, "About "+DurationWords(cv.Site.Travel)+" from the office.")
	}
	start, end := v.ScheduledAt, v.ScheduledAt.Add(visitLength(t))
	if !cv.Started.IsZero() {
		start, end = cv.Started, cv.Started.Add(visitLength(t))
		if cv.Ended.After(start) {
			end = cv.Ended
		}
	}
	e := CalendarEvent{
		UID: VisitUID(v.ID, calendar), Sequence: cv.Moves,
		Start: start, End: end,
		Summary:     fmt.Sprintf("%s: %s (%s)", CleanLine(cv.Client), CleanLine(t.Title), t.Ref()),
		Location:    siteLine(cv.Site),
		Description: strings.Join(desc, "\n"),
		Organizer:   office,
	}
	if tech.Email != "" {
		e.Attendees = []Mailbox{tech}
	}
	return e
}

// visitLength is how long a calendar holds a visit: its ticket's estimate,
// or an hour when there is none.
func visitLength(t Ticket) time.Duration {
	if t.Estimate.Duration <= 0 {
		return time.Hour
	}
	return t.Estimate.Duration
}

// siteLine is a site as a calendar's location: its name and address.
func siteLine(s Site) string {
	parts := []string{}
	for _, p := range []string{CleanLine(s.Name), CleanLine(s.Address)} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}

// TechLetter is the invitation a technician gets when booked for a visit,
// when it moves, and when it is cancelled or given to someone else. It
// names the client, the site and the job; it never states a rate.
func TechLetter(kind MessageKind, n VisitNews, loc *time.Location) Letter {
	v, t := n.Visit, n.Ticket
	if kind == MsgCancelled && n.Step.Kind == EvMoved && !n.Was.IsZero() {
		v.ScheduledAt = n.Was // handed on: withdrawn as the technician had it
	}
	day := func(x time.Time) string { return x.In(loc).Format("Mon 2 Jan") + " at " + x.In(loc).Format("15:04") }
	cv := CalendarVisit{Visit: v, Moves: VisitSequence(v), Ticket: t, Client: n.Client, Site: n.Site}
	job := fmt.Sprintf("%s: %s for %s", t.Ref(), CleanLine(t.Title), CleanLine(n.Client))
	where := siteLine(n.Site)
	event := techEvent(cv, n.Office, n.To, n.calendar())
	// The technician's own key: a technician who is also the contact told
	// gets both letters.
	l := Letter{Key: LetterKey(kind, v.ID, n.Step.ID) + "/tech", Kind: kind, To: n.To}
	var subject string
	var body []string
	method := CalendarRequest
	switch kind {
	case MsgMoved:
		subject = fmt.Sprintf("Moved to %s: %s", day(v.ScheduledAt), CleanLine(n.Client))
		body = append(body, fmt.Sprintf("%s (%s) is now on %s, not %s, at %s.", job, v.Ref(), day(v.ScheduledAt), day(n.Was), where))
	case MsgCancelled:
		subject = fmt.Sprintf("Off your calendar: %s, %s", CleanLine(n.Client), day(v.ScheduledAt))
		text := fmt.Sprintf("%s (%s) on %s is no longer yours", job, v.Ref(), day(v.ScheduledAt))
		if n.Step.Kind == EvCancelled {
			text = fmt.Sprintf("%s (%s) on %s is cancelled", job, v.Ref(), day(v.ScheduledAt))
		}
		if why := CleanLine(n.Step.Note); why != "" {
			text += ": " + why
		}
		body = append(body, text+".")
		method, event.Cancelled = CalendarCancel, true
	default:
		subject = fmt.Sprintf("Booked %s: %s", day(v.ScheduledAt), CleanLine(n.Client))
		body = append(body, fmt.Sprintf("You are booked for %s (%s) on %s at %s.", job, v.Ref(), day(v.ScheduledAt), where))
		if scope := CleanText(t.Scope); scope != "" {
			body = append(body, "The job: "+scope)
		}
	}
	body = append(body, "The calendar entry is attached.")
	l.Subject = CleanLine(subject)
	l.ICS = ICalendar(method, "", []CalendarEvent{event}, n.Sent, 0)
	l.Text = LetterText(n.To, n.Office.Name, body)
	l.MessageID = LetterMessageID(l.Key, n.To, n.Domain)
	return l
}
