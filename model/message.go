package model

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
)

// MessageKind is a moment of a visit the client hears of.
type MessageKind string

const (
	MsgBooked    MessageKind = "booked"
	MsgMoved     MessageKind = "moved"
	MsgCancelled MessageKind = "cancelled"
	MsgTravel    MessageKind = "travel"
	MsgArrived   MessageKind = "arrived"
	MsgAddOn     MessageKind = "add-on"
	MsgOverrun   MessageKind = "overrun"
	MsgDeparted  MessageKind = "departed"
	MsgInvoice   MessageKind = "invoice"
)

// Booking reports whether a kind tells of the booking itself, which the
// visit's calendar entries follow: booked, moved or cancelled.
func (k MessageKind) Booking() bool { return k == MsgBooked || k == MsgMoved || k == MsgCancelled }

// VisitNews is what a message about a visit is made from, read from the
// record in the transaction of the step that causes it.
type VisitNews struct {
	Office Mailbox // who tells: the shop, and the address it sends from
	To     Mailbox // the contact told
	Client string
	Ticket Ticket
	Visit  Visit
	Site   Site
	Step   Event         // the step told of
	Terms  *BillingTerms // the terms the contact accepted, if any: the client's own message may state them
	AddOn  *ScopeRequest // on an add-on: the request, with its approval
	Was    time.Time     // on a move: the start it was booked for
	Domain string        // the shop's mail domain, for Message-IDs
	// Calendar is the office's calendar identity, which every UID of its
	// visits is made in ("" uses Domain).
	Calendar string
	Sent     time.Time      // when the message is made
	Minutes  time.Duration  // on an overrun: time on site when the contact was told
	AddOns   []ScopeRequest // on departure: the visit's requests, approved or not
	// PreviousTech is, on a move to another technician, who had the visit:
	// their calendar entry is withdrawn.
	PreviousTech int64
}

// Letter is a message as it will be sent to one person, a contact or a
// technician: a key that makes it once only, a subject and plain text, and
// on a booking its calendar invitation, on an invoice its page.
type Letter struct {
	Key       string // idempotency: the visit, the kind, the step (with To, one message)
	MessageID string // derived from the key and To, so a resend is the same message
	Kind      MessageKind
	To        Mailbox
	Subject   string // one line, no control characters
	Text      string
	ICS       string // an iCalendar file, or ""
	HTML      string // a printable page sent beside the text (an invoice), or ""
}

// LetterKey is the idempotency key of a message: one per step.
func LetterKey(kind MessageKind, visitID, eventID int64) string {
	return fmt.Sprintf("%s/%s/%s", FormatID(PrefixVisit, visitID), kind, FormatID(PrefixEvent, eventID))
}

// MessageID derives an RFC 5322 Message-ID from a key: the same key, the
// same id, whoever sends it and however often.
func MessageID(key, domain string) string {
	sum := sha256.Sum256([]byte(key))
	return "<" + hex.EncodeToString(sum[:12]) + "@" + domain + ">"
}

// VisitLetter writes the message for a step of a visit, from the record.
func VisitLetter(kind MessageKind, n VisitNews, loc *time.Location) Letter {
	v, t, tech := n.Visit, n.Ticket, CleanLine(n.Visit.TechName)
	at := func(x time.Time) string { return x.In(loc).Format("15:04") }
	day := func(x time.Time) string { return x.In(loc).Format("Mon 2 Jan") + " at " + at(x) }
	where := CleanLine(n.Site.Name)
	if n.Site.Address != "" {
		where += " (" + CleanLine(n.Site.Address) + ")"
	}
	job := fmt.Sprintf("%s: %s", t.Ref(), CleanLine(t.Title))
	l := Letter{Key: LetterKey(kind, v.ID, n.Step.ID), Kind: kind, To: n.To}
	if kind == MsgAddOn && n.AddOn != nil { // an add-on is told once, whatever step it came with
		l.Key = fmt.Sprintf("%s/%s/%s", v.Ref(), kind, n.AddOn.Ref())
	}
	var subject string
	var body []string
	switch kind {
	case MsgBooked:
		subject = fmt.Sprintf("Visit booked for %s: %s", day(v.ScheduledAt), CleanLine(t.Title))
		body = append(body, fmt.Sprintf("%s will come to %s on %s for %s.", tech, where, day(v.ScheduledAt), job))
		if scope := CleanText(t.Scope); scope != "" {
			body = append(body, "What we will do: "+scope)
		}
		body = append(body, "The invitation is attached, for your calendar. We will write again when we set off and when we arrive.")
		l.ICS = ICalendar(CalendarRequest, "", []CalendarEvent{visitEvent(n, loc)}, n.Sent, 0)
	case MsgMoved:
		if n.Was.Equal(v.ScheduledAt) { // the same time, someone else comes
			subject = fmt.Sprintf("Visit update: %s", CleanLine(t.Title))
			body = append(body, fmt.Sprintf("%s will now come to %s on %s for %s; the time is unchanged.", tech, where, day(v.ScheduledAt), job))
		} else {
			subject = fmt.Sprintf("Visit moved to %s: %s", day(v.ScheduledAt), CleanLine(t.Title))
			body = append(body, fmt.Sprintf("The visit for %s is now on %s, not %s; %s will come to %s.", job, day(v.ScheduledAt), day(n.Was), tech, where))
		}
		body = append(body, "The updated invitation is attached.")
		l.ICS = ICalendar(CalendarRequest, "", []CalendarEvent{visitEvent(n, loc)}, n.Sent, 0)
	case MsgCancelled:
		subject = fmt.Sprintf("Visit cancelled: %s", CleanLine(t.Title))
		text := fmt.Sprintf("The visit of %s for %s is cancelled", day(v.ScheduledAt), job)
		if why := CleanLine(n.Step.Note); why != "" {
			text += ": " + why
		}
		body = append(body, text+".")
		l.ICS = ICalendar(CalendarCancel, "", []CalendarEvent{visitEvent(n, loc)}, n.Sent, 0)
	case MsgTravel:
		subject = fmt.Sprintf("%s is on the way: %s", tech, CleanLine(t.Title))
		text := fmt.Sprintf("%s set off to you at %s for %s.", tech, at(n.Step.At), job)
		if n.Site.Travel > 0 {
			text += fmt.Sprintf(" %s is about %s away.", where, DurationWords(n.Site.Travel))
		}
		body = append(body, text)
		if n.Terms != nil {
			body = append(body, fmt.Sprintf("The meter is running from now: %s, per the terms you accepted.", n.Terms.Travel.Describe(n.Terms.Rate)))
		}
	case MsgArrived:
		subject = fmt.Sprintf("%s has arrived: %s", tech, CleanLine(t.Title))
		text := fmt.Sprintf("%s arrived at %s at %s", tech, where, at(n.Step.At))
		if who := CleanLine(n.Step.ContactName); who != "" {
			text += ", checked in with " + who
		}
		body = append(body, text+".")
	case MsgAddOn:
		r := n.AddOn
		subject = fmt.Sprintf("Added to the visit: %s", CleanLine(r.What))
		text := fmt.Sprintf("The meter is running on: %s", CleanLine(r.What))
		if d, ok := r.AddOn(); ok {
			text += fmt.Sprintf(" — about %s", DurationWords(d.Estimate))
			if n.Terms != nil {
				text += fmt.Sprintf(" at your rate of %s/h", n.Terms.Rate)
			}
			text += fmt.Sprintf(", approved by %s at %s", CleanLine(d.ContactName), at(d.At))
		}
		body = append(body, text+".", fmt.Sprintf("It is done on this visit, %s, alongside %s.", v.Ref(), job))
	case MsgOverrun:
		level := map[EventKind]string{EvEstimateNear: "is nearing", EvEstimateOver: "has passed"}[n.Step.Kind]
		subject = fmt.Sprintf("About the estimate: %s", CleanLine(t.Title))
		body = append(body, fmt.Sprintf("%s %s its estimate of %s: %s on the job at %s.", job, level, DurationWords(t.Estimate.Duration),
			ExactWords(n.Minutes), at(n.Step.At)))
		if n.Step.Answer == ToldStop {
			body = append(body, "As agreed, the work stops here; what is left will be booked as another visit.")
		} else {
			body = append(body, "As agreed, the work carries on.")
		}
	case MsgDeparted:
		subject = fmt.Sprintf("Visit summary: %s", CleanLine(t.Title))
		body = append(body, fmt.Sprintf("%s has left %s. Here is the visit as we recorded it, and as the invoice will count it:", tech, where),
			visitSummary(n, at))
		if n.Terms != nil && n.Terms.Travel.Kind != TravelNone && n.Terms.Travel.Kind != "" {
			body = append(body, "The trip back is travel too, counted the same way, per the terms you accepted.")
		}
	default:
		subject, body = string(kind), []string{job}
	}
	l.Subject = CleanLine(subject)
	l.Text = LetterText(n.To, n.Office.Name, body)
	l.MessageID = LetterMessageID(l.Key, n.To, n.Domain)
	return l
}

// LetterText writes a letter's paragraphs with its greeting and the
// office's name under them.
func LetterText(to Mailbox, office string, paragraphs []string) string {
	greeting := "Hello,"
	if name := CleanLine(to.Name); name != "" { // the whole name: "Pastor James Reid" has no first name to guess at
		greeting = "Hello " + name + ","
	}
	return greeting + "\n\n" + strings.Join(paragraphs, "\n\n") + "\n\n— " + CleanLine(office) + "\n"
}

// LetterMessageID is the Message-ID of a letter to one recipient: one
// message per step and recipient, however often it is sent.
func LetterMessageID(key string, to Mailbox, domain string) string {
	return MessageID(key+"|"+strings.ToLower(strings.TrimSpace(to.Email)), domain)
}

// calendar is the scope of the visit's UID.
func (n VisitNews) calendar() string {
	if n.Calendar != "" {
		return n.Calendar
	}
	return n.Domain
}

// visitEvent is the visit as its calendar invitation shows it: booked for
// its estimate, or an hour when there is none.
func visitEvent(n VisitNews, loc *time.Location) CalendarEvent {
	return CalendarEvent{
		UID: VisitUID(n.Visit.ID, n.calendar()), Sequence: VisitSequence(n.Visit),
		Start: n.Visit.ScheduledAt, End: n.Visit.ScheduledAt.Add(visitLength(n.Ticket)),
		Summary:     fmt.Sprintf("%s: %s (%s)", CleanLine(n.Office.Name), CleanLine(n.Ticket.Title), n.Ticket.Ref()),
		Location:    siteLine(n.Site),
		Description: fmt.Sprintf("%s will come for %s.\n%s", CleanLine(n.Visit.TechName), n.Ticket.Ref(), CleanText(n.Ticket.Scope)),
		Organizer:   n.Office,
		Attendees:   []Mailbox{n.To},
		Cancelled:   n.Step.Kind == EvCancelled,
	}
}

// ExactWords writes a length of time to the second, as an invoice counts
// it: "44 minutes 37 seconds", "1 hour 2 seconds".
func ExactWords(d time.Duration) string {
	d = d.Round(time.Second)
	parts := []string{}
	for _, u := range []struct {
		n    int
		name string
	}{{int(d.Hours()), "hour"}, {int(d.Minutes()) % 60, "minute"}, {int(d.Seconds()) % 60, "second"}} {
		switch {
		case u.n == 1:
			parts = append(parts, "1 "+u.name)
		case u.n > 1:
			parts = append(parts, fmt.Sprintf("%d %ss", u.n, u.name))
		}
	}
	if len(parts) == 0 {
		return "0 seconds"
	}
	return strings.Join(parts, " ")
}

// DurationWords writes a length of time as a client reads it: "45
// minutes", "1 hour", "3 hours 20 minutes".
func DurationWords(d time.Duration) string {
	d = d.Round(time.Minute)
	h, m := int(d.Hours()), int(d.Minutes())%60
	unit := func(n int, one string) string {
		if n == 1 {
			return "1 " + one
		}
		return fmt.Sprintf("%d %ss", n, one)
	}
	switch {
	case h == 0:
		return unit(m, "minute")
	case m == 0:
		return unit(h, "hour")
	}
	return unit(h, "hour") + " " + unit(m, "minute")
}

// OutboxState is where a letter stands in the outbox.
type OutboxState string

const (
	OutboxQueued    OutboxState = "queued"    // waiting for the sender, or for its next try
	OutboxSent      OutboxState = "sent"      // the mail server took it
	OutboxFailed    OutboxState = "failed"    // the mail server refused it for good
	OutboxCancelled OutboxState = "cancelled" // someone at the office stopped it
)

// OutboxLetter is a letter in the outbox: written with the step that
// caused it, sent after, retried until the mail server takes or refuses it.
type OutboxLetter struct {
	ID int64
	Letter
	ClientID, VisitID int64
	InvoiceID         int64 // the invoice a letter sends, or 0
	UserID            int64 // a letter to one of the office (the technician's invitation), not to a contact
	ContactID         int64 // the contact a letter is to, when it is to one
	State             OutboxState
	Attempts          int
	NextAt            time.Time // when the sender may try it next
	LastError         string    // the mail server's words, last time
	CreatedAt, SentAt time.Time
}

// Ref is the letter's readable id, O-12.
func (o OutboxLetter) Ref() string { return FormatID(PrefixOutbox, o.ID) }

// SendLease is how long a sender holds a letter it is sending: another
// sender on the office leaves it alone until then, and a sender killed
// mid-send leaves it to be tried again after it.
const SendLease = 30 * time.Second

// StaleAfter is how long a letter may wait for its first try: a letter
// written while no mail server was set, sent days later, would tell of a
// visit long over as news. It is stopped instead, to be sent by hand.
const StaleAfter = 24 * time.Hour

// Stale reports whether a letter waited too long for its first try; one
// the office tried again by hand is never stale.
func (o OutboxLetter) Stale(now time.Time) bool {
	return o.Attempts == 0 && o.NextAt.Equal(o.CreatedAt) && now.Sub(o.CreatedAt) > StaleAfter
}

// Said is what became of a letter's last try, as the outbox shows it: the
// mail server's words, or the office's note when it was stopped.
func (o OutboxLetter) Said() string {
	if o.LastError == "" || strings.HasPrefix(o.LastError, "not sent:") || strings.HasPrefix(o.LastError, "stopped by ") {
		return o.LastError
	}
	return "the server said: " + o.LastError
}

// Tries says how often a letter was tried: "1 try", "3 tries".
func (o OutboxLetter) Tries() string {
	if o.Attempts == 1 {
		return "1 try"
	}
	return fmt.Sprintf("%d tries", o.Attempts)
}

// Overtaken reports whether a booking's letter would arrive after the
// visit it invites to has begun, or its time has passed: news no longer.
func (o OutboxLetter) Overtaken(v Visit, now time.Time) bool {
	if o.Kind != MsgBooked && o.Kind != MsgMoved {
		return false
	}
	return v.Phase() != PhaseScheduled || v.ScheduledAt.Before(now)
}

// MaxSendAttempts is how many times a letter is tried before it is failed
// for good, with the server's last words.
const MaxSendAttempts = 10

// RetryAfter is how long a letter waits after its nth failed try: soon at
// first, a mail server is often down for a minute; then less often, up to
// every four hours (ten tries span about a day).
func RetryAfter(attempts int) time.Duration {
	steps := []time.Duration{time.Minute, 5 * time.Minute, 15 * time.Minute, time.Hour, 2 * time.Hour}
	if attempts <= 0 {
		return 0
	}
	if attempts <= len(steps) {
		return steps[attempts-1]
	}
	return 4 * time.Hour
}

// visitSummary lists a visit as it stood at departure: the trip out, the
// time on site split between the job and each add-on (with who approved
// it), pauses left out, and who the technician checked out with — each to
// the second, as the invoice counts it, so the parts add up to the whole.
func visitSummary(n VisitNews, at func(time.Time) string) string {
	v, left := n.Visit, n.Step
	var lines []string
	for _, l := range LegsOf(v.Events) {
		if l.Phase == PhaseTravelling && !l.To.At.After(left.At) {
			lines = append(lines, fmt.Sprintf("- Travel: set off %s, arrived %s: %s", at(l.From.At), at(l.To.At), ExactWords(l.Took())))
		}
	}
	times := TimesSince(v.Events, time.Time{}, left.At)
	var arrived Event
	for _, e := range v.Events {
		if e.Kind == EvArrived && !e.At.After(left.At) {
			arrived = e
		}
	}
	if !arrived.At.IsZero() {
		line := fmt.Sprintf("- On site: %s to %s: %s", at(arrived.At), at(left.At), ExactWords(times.OnSite))
		if who := CleanLine(arrived.ContactName); who != "" {
			line = fmt.Sprintf("- On site: arrived %s, checked in with %s; left %s: %s", at(arrived.At), who, at(left.At), ExactWords(times.OnSite))
		}
		if times.Paused > 0 {
			line += fmt.Sprintf(" (%s paused, not counted)", ExactWords(times.Paused))
		}
		lines = append(lines, line)
	}
	shares := AttributeOnSite(v.Events, left.At)
	if len(n.AddOns) > 0 {
		lines = append(lines, fmt.Sprintf("  - %s: %s", CleanLine(n.Ticket.Title), ExactWords(shares[0])))
	}
	for _, r := range n.AddOns {
		d, ok := r.AddOn()
		if !ok {
			continue
		}
		took := ExactWords(shares[r.ID])
		if shares[r.ID] <= 0 {
			took = "not worked on this visit"
		}
		lines = append(lines, fmt.Sprintf("  - added at your request: %s, approved by %s at %s: %s", CleanLine(r.What), CleanLine(d.ContactName),
			at(d.At), took))
	}
	out := fmt.Sprintf("- Left at %s", at(left.At))
	if who := CleanLine(left.ContactName); who != "" {
		out += ", checked out with " + who
	}
	if said := CleanLine(left.Note); said != "" {
		out += ": " + said
	}
	return strings.Join(append(lines, out+"."), "\n")
}
