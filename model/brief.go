package model

import (
	"fmt"
	"sort"
	"time"
)

// FollowUp is what the client said when asked whether a finished job is
// working well.
type FollowUp struct {
	VisitID int64
	At      time.Time
	By      string
	Text    string
}

// BriefSection is one thing to know before contacting a client.
type BriefSection struct {
	Title string
	Items []string
}

// Brief is what could go wrong on a call to a client, drawn from the record
// at a moment; empty sections are left out.
type Brief []BriefSection

// BriefMeetings is the title of the brief's section about meetings.
const BriefMeetings = "Meetings"

// StaleTicket is how long a ticket may stay open before the brief names it.
const StaleTicket = 30 * 24 * time.Hour

// recentlyExplained is how far back an explained surprise is worth knowing.
const recentlyExplained = 60 * 24 * time.Hour

// BriefOf draws the brief from a client's records at now.
func BriefOf(r ClientRecords, now time.Time, loc *time.Location) Brief {
	var b Brief
	section := func(title string, items []string) {
		if len(items) > 0 {
			b = append(b, BriefSection{Title: title, Items: items})
		}
	}
	day := func(t time.Time) string { return t.In(loc).Format("2 Jan") }
	visitsOf := map[int64][]Visit{}
	for _, v := range r.Visits {
		visitsOf[v.TicketID] = append(visitsOf[v.TicketID], v)
	}
	var stale []string
	for _, t := range r.Tickets {
		if t.Status == TicketOpen && now.Sub(t.CreatedAt) > StaleTicket {
			stale = append(stale, fmt.Sprintf("%s %s — open since %s (%d days)", t.Ref(), t.Title, day(t.CreatedAt), int(now.Sub(t.CreatedAt).Hours()/24)))
		}
	}
	section("Tickets open more than 30 days", stale)
	var disputes, overdue, explained []string
	for _, inv := range r.Invoices {
		switch {
		case inv.State == InvoiceDisputed:
			disputes = append(disputes, fmt.Sprintf("%s, %s due: “%s”", inv.Ref(), inv.Due(), inv.Dispute))
		case inv.PastDue(now):
			overdue = append(overdue, fmt.Sprintf("%s: %s due since %s", inv.Ref(), inv.Due(), day(inv.DueAt)))
		}
		if inv.Surprise() && inv.Explanation != "" && inv.State.Frozen() && now.Sub(inv.SentAt) < recentlyExplained {
			explained = append(explained, fmt.Sprintf("%s billed %s over what they were told: %s", inv.Ref(), inv.Over(), inv.Explanation))
		}
	}
	section("Disputes", disputes)
	section("Invoices overdue", overdue)
	section("Surprises explained on recent invoices", explained)
	section("Overruns the contact was never told of", untold(r, visitsOf))
	section("Requests that became tickets, not yet scheduled", unscheduledRequests(r, visitsOf))
	section(BriefMeetings, MeetingsToKnow(r.Meetings, r.FirstJob(), r.Policy, loc, now))
	if q := followUpQuestion(r, day); q != "" {
		section("Ask", []string{q})
	}
	return b
}

// untold are the visits on open tickets, or finished lately, whose contact
// was never told the job neared or passed its estimate, or could not be reached.
func untold(r ClientRecords, visitsOf map[int64][]Visit) []string {
	var out []string
	for _, t := range r.Tickets {
		if t.Status == TicketCancelled || t.Estimate.Duration <= 0 {
			continue
		}
		for _, v := range visitsOf[t.ID] {
			last := lastTimed(v.Events)
			if last == nil {
				continue
			}
			if _, unreachable := OverrunAlert(v.Events); unreachable {
				out = append(out, fmt.Sprintf("%s on %s: nobody could be reached when the job neared its estimate", v.Ref(), t.Ref()))
			} else if OverrunDue(v.Events, t.Estimate.Duration, last.At) != EstimateNone {
				out = append(out, fmt.Sprintf("%s on %s: ran past its %s estimate with no word to the contact", v.Ref(), t.Ref(), FormatDuration(t.Estimate.Duration)))
			}
		}
	}
	return out
}

// unscheduledRequests are the tickets made from "while you're here" that
// are still open with no visit booked.
func unscheduledRequests(r ClientRecords, visitsOf map[int64][]Visit) []string {
	open := map[int64]Ticket{}
	for _, t := range r.Tickets {
		if t.Status == TicketOpen {
			open[t.ID] = t
		}
	}
	var out []string
	for _, q := range r.Requests {
		for _, d := range q.Decisions {
			t, ok := open[d.TicketID]
			if d.Kind != DecNewTicket || !ok {
				continue
			}
			booked := false
			for _, v := range visitsOf[t.ID] {
				booked = booked || v.Phase() != PhaseCancelled
			}
			if !booked {
				out = append(out, fmt.Sprintf("%s %s — asked by %s (%s), no visit booked", t.Ref(), t.Title, q.AskedBy, q.Ref()))
			}
		}
	}
	return out
}

// followUpQuestion asks about the last finished visit of a done job until
// someone records the answer.
func followUpQuestion(r ClientRecords, day func(time.Time) string) string {
	v, t, ok := FollowUpDue(r)
	if !ok {
		return ""
	}
	return fmt.Sprintf("%s: %s, done on %s — is it working well? (a on the client's page, or followup done %s --text …)", v.Ref(), t.Title, day(PhaseSince(v.Events)), v.Ref())
}

// FollowUpDue is the last finished visit of a job done, and its ticket,
// while nobody has recorded whether it works well.
func FollowUpDue(r ClientRecords) (Visit, Ticket, bool) {
	done := map[int64]Ticket{}
	for _, t := range r.Tickets {
		if t.Status == TicketDone || t.Status == TicketInvoiced {
			done[t.ID] = t
		}
	}
	answered := map[int64]bool{}
	for _, f := range r.FollowUps {
		answered[f.VisitID] = true
	}
	var finished []Visit
	for _, v := range r.Visits {
		if _, ok := done[v.TicketID]; ok && v.Phase() == PhaseFinished {
			finished = append(finished, v)
		}
	}
	if len(finished) == 0 {
		return Visit{}, Ticket{}, false
	}
	sort.Slice(finished, func(i, j int) bool { return PhaseSince(finished[i].Events).After(PhaseSince(finished[j].Events)) })
	v := finished[0]
	if answered[v.ID] {
		return Visit{}, Ticket{}, false
	}
	return v, done[v.TicketID], true
}
