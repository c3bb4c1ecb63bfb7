package model

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
)

// EntryKind is what sort of record a timeline entry comes from; one key on
// the timeline filters by it.
type EntryKind string

const (
	EntryTicket  EntryKind = "ticket"  // opened, waiting, contacted, done, cancelled, reopened
	EntryVisit   EntryKind = "visit"   // booked, moved, travel, arrival and check-in, notes, departure and check-out
	EntryScope   EntryKind = "scope"   // "while you're here" and each decision on it
	EntryOverrun EntryKind = "overrun" // the contact told (or not) the estimate is near or past
	EntryTerms   EntryKind = "terms"   // a work authorisation; a change of the client's terms
	EntryInvoice EntryKind = "invoice" // drafted, sent, paid, disputed, credited
	EntryTouch   EntryKind = "touch"   // a call, an email or a note logged by hand
	EntryNotice  EntryKind = "notice"  // a change of price or policy told
	EntryMeeting EntryKind = "meeting" // invited, confirmed, held
	EntryChange  EntryKind = "change"  // the record itself changed: a name, the contract, a contact, a site
)

// EntryKinds lists the kinds in the order a filter offers them.
var EntryKinds = []EntryKind{EntryTicket, EntryVisit, EntryScope, EntryOverrun, EntryTerms, EntryInvoice, EntryTouch, EntryNotice, EntryMeeting, EntryChange}

// ParseEntryKind reads a kind as typed.
func ParseEntryKind(s string) (EntryKind, error) {
	in := EntryKind(strings.ToLower(strings.TrimSpace(s)))
	for _, k := range EntryKinds {
		if in == k {
			return k, nil
		}
	}
	return "", FieldError{Field: "kind", Msg: fmt.Sprintf("%q is not a kind of entry; use ticket, visit, scope, overrun, terms, invoice, touch, notice, meeting or change", CleanLine(s))}
}

// Entry is one line of a client's timeline: when, what about, who, what.
type Entry struct {
	At   time.Time
	Kind EntryKind
	Ref  string // what it is about: T-1042, V-311, S-3, I-7
	By   string
	Text string
}

// ClientRecords are the records a client's timeline is drawn from: the
// records themselves, never a copy kept for the timeline.
type ClientRecords struct {
	Tickets        []Ticket
	TicketEvents   []TicketEvent
	Visits         []Visit
	Requests       []ScopeRequest
	Authorisations []WorkAuthorisation
	Invoices       []Invoice
	Touches        []Touch // logged by hand: calls, emails, notes
	FollowUps      []FollowUp
	Notices        []Notice
	Meetings       []Meeting
	Changes        []RecordChange // the record's own edits, as the audit kept them
	Letters        []OutboxLetter // the letters sent to the client's contacts
	Policy         Policy         // business days, for when a confirmation call falls due
	Contacts       map[int64]string
}

// TimelineOf draws a client's timeline from its records, newest first:
// each record once, in the order things happened.
func TimelineOf(r ClientRecords, loc *time.Location) []Entry {
	var out []Entry
	add := func(at time.Time, kind EntryKind, ref, by, text string) {
		out = append(out, Entry{At: at, Kind: kind, Ref: ref, By: by, Text: text})
	}
	for _, t := range r.Tickets {
		add(t.CreatedAt, EntryTicket, t.Ref(), t.CreatedBy, fmt.Sprintf("opened: %s (%s, %s)", t.Title, t.Priority, t.Estimate))
	}
	for _, e := range r.TicketEvents {
		add(e.At, EntryTicket, FormatID(PrefixTicket, e.TicketID), e.By, ticketEventText(e))
	}
	estimates := make(map[int64]time.Duration, len(r.Tickets))
	for _, t := range r.Tickets {
		estimates[t.ID] = t.Estimate.Duration
	}
	for _, v := range r.Visits {
		for i, e := range v.Events {
			kind, text := visitEntry(v, i, r.Contacts, estimates[v.TicketID], loc)
			if text != "" {
				add(e.At, kind, v.Ref(), e.By, text)
			}
		}
	}
	for _, q := range r.Requests {
		add(q.AskedAt, EntryScope, q.Ref(), q.RecordedBy, fmt.Sprintf("%s asked on %s: %s", q.AskedBy, FormatID(PrefixVisit, q.VisitID), q.What))
		for _, d := range q.Decisions {
			add(d.At, EntryScope, q.Ref(), d.By, decisionText(q, d))
		}
	}
	for _, a := range r.Authorisations {
		how := "by phone"
		if a.VisitID != 0 {
			how = "at check-in on " + FormatID(PrefixVisit, a.VisitID)
		}
		add(a.At, EntryTerms, FormatID(PrefixTicket, a.TicketID), a.By, fmt.Sprintf("%s accepted the terms, %s", a.ContactName, how))
	}
	for _, inv := range r.Invoices {
		invoiceEntries(inv, add)
	}
	// Appended oldest first, so that of two in the same second the one
	// recorded later reads above (see the sort below).
	touches := slices.Clone(r.Touches)
	slices.SortStableFunc(touches, func(a, b Touch) int { return cmp.Or(a.At.Compare(b.At), cmp.Compare(a.ID, b.ID)) })
	for _, tc := range touches {
		add(tc.At, EntryTouch, tc.Ref, tc.By, fmt.Sprintf("%s: %s", tc.Kind, tc.Summary))
	}
	notices := slices.Clone(r.Notices)
	slices.SortStableFunc(notices, func(a, b Notice) int { return cmp.Or(a.SentAt.Compare(b.SentAt), cmp.Compare(a.ID, b.ID)) })
	for _, n := range notices {
		add(n.SentAt, EntryNotice, n.Ref(), n.By, fmt.Sprintf("%s notice, effective %s: %s", n.Kind, n.Effective.In(loc).Format("2 Jan 2006"), n.Text))
	}
	for _, m := range r.Meetings {
		add(m.InvitedAt, EntryMeeting, m.Ref(), m.InvitedBy, fmt.Sprintf("invited to a %s meeting on %s: %s", m.Kind, m.At.In(loc).Format("Mon 2 Jan 15:04"), strings.Join(m.Agenda, "; ")))
		if !m.ConfirmedAt.IsZero() {
			add(m.ConfirmedAt, EntryMeeting, m.Ref(), m.By, "confirmed: "+m.ConfirmNote)
		}
		if !m.DoneAt.IsZero() {
			add(m.DoneAt, EntryMeeting, m.Ref(), m.By, "held: "+m.Notes)
		}
		if !m.CancelledAt.IsZero() {
			add(m.CancelledAt, EntryMeeting, m.Ref(), m.By, "called off: "+m.CancelReason)
		}
	}
	for _, l := range r.Letters { // sent by the office as the step happened: the step's visit is what it is about
		ref := letterRef(l)
		add(l.SentAt, EntryTouch, ref, "", fmt.Sprintf("email to %s: %s", l.To.Name, l.Subject))
	}
	for _, c := range r.Changes {
		if kind, text, ok := c.Describe(); ok {
			add(c.At, kind, c.Ref, c.By, text)
		}
	}
	for _, f := range r.FollowUps {
		add(f.At, EntryTouch, FormatID(PrefixVisit, f.VisitID), f.By, "asked if it works well: "+f.Text)
	}
	// Newest first; of two at the same second, the one recorded later first
	// (a ticket opened and booked in one minute reads booked above opened).
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool {
		x, y := out[order[a]], out[order[b]]
		if !x.At.Equal(y.At) {
			return x.At.After(y.At)
		}
		return order[a] > order[b]
	})
	sorted := make([]Entry, len(out))
	for i, k := range order {
		sorted[i] = out[k]
	}
	return sorted
}

func ticketEventText(e TicketEvent) string {
	text := strings.ReplaceAll(string(e.Kind), "_", " ")
	if e.Note != "" {
		text += ": " + e.Note
	}
	return text
}

// visitEntry is how a visit's step reads on the timeline; the overrun
// answers are a conversation of their own, read against the estimate.
func visitEntry(v Visit, i int, contacts map[int64]string, estimate time.Duration, loc *time.Location) (EntryKind, string) {
	e := v.Events[i]
	who := e.ContactName
	if who == "" {
		who = contacts[e.ContactID]
	}
	switch e.Kind {
	case EvScheduled:
		return EntryVisit, fmt.Sprintf("booked: %s for %s", e.TechName, e.BookedFor.In(loc).Format("Mon 2 Jan 15:04"))
	case EvMoved:
		return EntryVisit, fmt.Sprintf("moved: %s for %s", e.TechName, e.BookedFor.In(loc).Format("Mon 2 Jan 15:04"))
	case EvArrived:
		return EntryVisit, fmt.Sprintf("%s arrived, checked in with %s", v.TechName, who)
	case EvDeparted:
		text := fmt.Sprintf("%s left, checked out with %s", v.TechName, who)
		if e.Note != "" {
			text += ": " + e.Note
		}
		return EntryVisit, text
	case EvEstimateNear, EvEstimateOver:
		level := map[EventKind]string{EvEstimateNear: "near", EvEstimateOver: "past"}[e.Kind]
		onSite := AttributeOnSite(v.Events[:i], e.At)[0] // when the contact was told, not by the end of the visit
		text := fmt.Sprintf("%s its %s estimate (%s on site): %s", level, FormatDuration(estimate), FormatDuration(onSite.Truncate(time.Minute)), e.Answer.Describe())
		if e.Note != "" {
			text += "; " + e.Note
		}
		return EntryOverrun, text
	case EvWorkOn:
		return "", ""
	case EvTravelStarted:
		return EntryVisit, v.TechName + " set off"
	case EvTravelEnded:
		return EntryVisit, v.TechName + " back from the trip"
	case EvPaused:
		return EntryVisit, v.TechName + " paused the work on site"
	case EvResumed:
		return EntryVisit, v.TechName + " took up the work again"
	case EvShopStarted:
		return EntryVisit, v.TechName + " began work in the shop"
	case EvShopStopped:
		return EntryVisit, v.TechName + " stopped work in the shop"
	case EvNote:
		return EntryVisit, "note: " + e.Note
	case EvCancelled:
		return EntryVisit, "cancelled: " + e.Note
	}
	return EntryVisit, fmt.Sprintf("%s %s", v.TechName, e.Kind.Label())
}

// decisionText is a decision on a request in a sentence that stands alone.
func decisionText(q ScopeRequest, d ScopeDecision) string {
	switch d.Kind {
	case DecNewTicket:
		return fmt.Sprintf("%s's request became %s: %s", q.AskedBy, FormatID(PrefixTicket, d.TicketID), q.What)
	case DecAddOn:
		text := fmt.Sprintf("%s approved adding %q to %s, about %s, told the meter is running", d.ContactName, q.What,
			FormatID(PrefixVisit, q.VisitID), FormatDuration(d.Estimate))
		if q.FirstJob {
			text += "; a first job, so it waits for a supervisor"
		}
		return text
	case DecApproved:
		return fmt.Sprintf("the office approved the add-on %q on a first job", q.What)
	case DecRefused:
		return fmt.Sprintf("the office refused the add-on %q on a first job: %s", q.What, d.Reason)
	}
	return fmt.Sprintf("%s's request declined: %s — %s", q.AskedBy, q.What, d.Reason)
}

// invoiceEntries are an invoice's moments: drafted, sent, paid, disputed,
// and each credit note.
func invoiceEntries(inv Invoice, add func(time.Time, EntryKind, string, string, string)) {
	add(inv.DraftedAt, EntryInvoice, inv.Ref(), inv.DraftedBy, fmt.Sprintf("drafted: %s", inv.Total()))
	if !inv.SentAt.IsZero() {
		add(inv.SentAt, EntryInvoice, inv.Ref(), "", fmt.Sprintf("sent: %s, due %s", inv.Total(), inv.DueAt.Format("2 Jan")))
	}
	if !inv.DisputedAt.IsZero() {
		add(inv.DisputedAt, EntryInvoice, inv.Ref(), "", fmt.Sprintf("disputed: “%s”", inv.Dispute))
	}
	if !inv.PaidAt.IsZero() {
		add(inv.PaidAt, EntryInvoice, inv.Ref(), "", fmt.Sprintf("%s: %s received", inv.State, inv.Paid))
	}
	for _, c := range inv.Credits {
		add(c.At, EntryInvoice, c.Ref(), c.By, fmt.Sprintf("credit note on %s line %d: %s — %s", inv.Ref(), c.Line, c.Amount, c.Reason))
	}
}

// FilterTimeline keeps the entries of the kinds given (all when none) whose
// words hold every word of search, case aside.
func FilterTimeline(entries []Entry, kinds []EntryKind, search string) []Entry {
	words := strings.Fields(strings.ToLower(search))
	var out []Entry
	for _, e := range entries {
		if len(kinds) > 0 && !containsKind(kinds, e.Kind) {
			continue
		}
		text := strings.ToLower(e.Ref + " " + e.By + " " + e.Text)
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(text, w)
		}
		if ok {
			out = append(out, e)
		}
	}
	return out
}

func containsKind(kinds []EntryKind, k EntryKind) bool {
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}

// FirstJob is when the client's first job was opened — the ticket marked
// a first job, as the board reads it — or zero for none.
func (r ClientRecords) FirstJob() time.Time {
	var first time.Time
	for _, t := range r.Tickets {
		if t.FirstJob && (first.IsZero() || t.CreatedAt.Before(first)) {
			first = t.CreatedAt
		}
	}
	return first
}

// letterRef is what a letter is about: its visit, or the letter itself.
func letterRef(l OutboxLetter) string {
	switch {
	case l.VisitID != 0:
		return FormatID(PrefixVisit, l.VisitID)
	case l.InvoiceID != 0:
		return FormatID(PrefixInvoice, l.InvoiceID)
	}
	return l.Ref()
}
