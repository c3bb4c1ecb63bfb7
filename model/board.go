package model

import (
	"sort"
	"strconv"
	"time"
)

// Section is where a ticket stands on the dispatch board.
type Section int

const (
	SecUnscheduled Section = iota // needs a visit: most urgent first
	SecToday                      // a visit is due today and not started: by time
	SecInProgress                 // a technician is on it now
	SecUpcoming                   // the next visit is on a later day
	SecDone                       // finished, waiting to be invoiced
	SecWaiting                    // decisions waiting for a dispatcher: oldest first
	SecNeedsVisit                 // a visit ended with work left, and none is booked yet: most urgent first
	numSections
)

// Sections lists every section in the order the board shows them: what
// waits on the dispatcher first.
var Sections = []Section{SecWaiting, SecUnscheduled, SecNeedsVisit, SecToday, SecInProgress, SecUpcoming, SecDone}

func (s Section) String() string {
	return [...]string{"Unscheduled", "Scheduled today", "In progress", "Upcoming", "Done — to invoice",
		"Waiting on a dispatcher", "Needs another visit"}[s]
}

// BoardTicket is what the board needs to know of one ticket.
type BoardTicket struct {
	Ticket
	Client string
	Visits []Visit       // with their events and technician names
	Events []TicketEvent // waiting, priority changes, contacts: what the SLA clocks need
}

// BoardRow is one line on the board.
type BoardRow struct {
	Section  Section
	Ticket   Ticket
	Client   string
	Visit    *Visit // the visit that puts the ticket in its section, if any
	Tech     string
	Phase    Phase
	Since    time.Time // when the current phase began (in progress)
	Late     bool      // scheduled to start earlier and not started
	Age      time.Duration
	FirstJob bool
	// Against the estimate: how on-site time on the main job stands, and a
	// prompt to tell the contact that nobody has answered yet.
	Overrun   EstimateLevel
	PromptDue EstimateLevel
	// In the waiting section: an add-on waiting for a supervisor, or a
	// contact who could not be told of an overrun (Alert, on Visit).
	Scope *ScopeRequest
	Alert bool
	// SLA: both clocks, and the one that presses (the response until made,
	// then the resolution), for open tickets.
	Response, Resolution SLAClock
	Clock                SLAClock
	HasClock             bool
	AfterHours           bool // a P1 opened while the office was closed: an after-hours emergency
	Waiting              bool // waiting on the client
	// Needs another visit: why, in the words of whoever said so.
	FollowUp string
}

// Key identifies a row across refreshes; a ticket may have a waiting row
// besides its own.
func (r BoardRow) Key() string {
	switch {
	case r.Scope != nil:
		return r.Scope.Ref()
	case r.Alert:
		return "alert " + r.Visit.Ref()
	}
	return r.Ticket.Ref()
}

// Board is the grouped, ordered dispatch board.
type Board struct {
	Rows     [numSections][]BoardRow
	At       time.Time
	AtRisk   int // open tickets whose pressing clock runs low
	Breached int // open tickets whose pressing clock ran out
	// Calls owed about meetings: confirmations due, first meetings to plan.
	Calls []MeetingCall
}

// Count is how many tickets stand in a section.
func (b Board) Count(s Section) int { return len(b.Rows[s]) }

// LateToStart is how many of today's visits should have begun by now.
func (b Board) LateToStart() int {
	late := 0
	for _, r := range b.Rows[SecToday] {
		if r.Late {
			late++
		}
	}
	return late
}

// BuildBoard places each ticket in one section and orders every section;
// add-ons waiting for a supervisor and unreachable contacts go in the
// waiting section. It is a pure function of the tickets, the waiting
// requests, the clock and the office's zone.
func BuildBoard(tickets []BoardTicket, waiting []ScopeRequest, policy Policy, now time.Time, loc *time.Location) Board {
	b := Board{At: now}
	endOfToday := StartOfDay(now, loc).AddDate(0, 0, 1)
	byID := make(map[int64]*BoardTicket, len(tickets))
	for i := range tickets {
		byID[tickets[i].ID] = &tickets[i]
	}
	for i := range waiting {
		r := &waiting[i]
		row := BoardRow{Section: SecWaiting, Scope: r, Client: r.Client, Tech: r.Tech, Since: r.AskedAt}
		if last, ok := r.Last(); ok {
			row.Since = last.At
		}
		if t, ok := byID[r.TicketID]; ok {
			row.Ticket, row.FirstJob = t.Ticket, t.FirstJob
		}
		row.Age = now.Sub(row.Since)
		b.Rows[SecWaiting] = append(b.Rows[SecWaiting], row)
	}
	for _, t := range tickets {
		row := BoardRow{Ticket: t.Ticket, Client: t.Client, Age: now.Sub(t.CreatedAt), FirstJob: t.FirstJob}
		markEstimate(&row, t, now)
		for i := range t.Visits {
			if alert, ok := OverrunAlert(t.Visits[i].Events); ok && t.Status != TicketInvoiced {
				b.Rows[SecWaiting] = append(b.Rows[SecWaiting], BoardRow{Section: SecWaiting, Ticket: t.Ticket, Client: t.Client,
					Visit: &t.Visits[i], Tech: t.Visits[i].TechName, Since: alert.At, Age: now.Sub(alert.At), Alert: true})
			}
		}
		switch t.Status {
		case TicketInvoiced, TicketCancelled:
			continue
		case TicketDone:
			row.Section = SecDone
			if v := lastVisit(t.Visits); v != nil {
				row.Visit, row.Tech = v, v.TechName
			}
		default:
			placeOpen(&row, t.Visits, now, endOfToday)
			if row.Section == SecUnscheduled && worked(t.Visits) { // never visited, it is simply unscheduled
				row.FollowUp, _ = FollowUpOf(t.Events)
				if row.FollowUp != "" {
					row.Section = SecNeedsVisit
				}
			}
			b.clockRow(&row, t, policy, now, loc)
		}
		b.Rows[row.Section] = append(b.Rows[row.Section], row)
	}
	sortSections(&b)
	return b
}

// placeOpen decides where an open ticket stands from its visits.
func placeOpen(row *BoardRow, visits []Visit, now, endOfToday time.Time) {
	var next *Visit
	for i := range visits {
		v := &visits[i]
		phase := v.Phase()
		if phase.Active() {
			row.Section, row.Visit, row.Tech, row.Phase = SecInProgress, v, v.TechName, phase
			row.Since = PhaseSince(v.Events)
			return
		}
		if phase == PhaseScheduled && !v.AfterTheFact && (next == nil || v.ScheduledAt.Before(next.ScheduledAt)) { // one entered after the fact is no visit to come
			next = v
		}
	}
	if next == nil {
		row.Section = SecUnscheduled
		return
	}
	row.Visit, row.Tech, row.Phase = next, next.TechName, PhaseScheduled
	row.Late = next.ScheduledAt.Before(now) && !next.AfterTheFact // its steps are being entered, not awaited
	if next.ScheduledAt.Before(endOfToday) {
		row.Section = SecToday
	} else {
		row.Section = SecUpcoming
	}
}

// clockRow computes an open ticket's SLA clocks and counts it if it is at
// risk or breached.
func (b *Board) clockRow(row *BoardRow, t BoardTicket, policy Policy, now time.Time, loc *time.Location) {
	h := HistoryOf(t.Ticket, t.Events, t.Visits)
	row.Response, row.Resolution = Clocks(policy, loc, h, now)
	row.Clock, row.HasClock = Pressing(row.Response, row.Resolution)
	row.AfterHours = t.Priority == P1 && AfterHours(policy, loc, t.CreatedAt)
	row.Waiting = h.Waiting()
	switch {
	case !row.HasClock:
	case row.Clock.Breached:
		b.Breached++
	case row.Clock.AtRisk:
		b.AtRisk++
	}
}

// markEstimate notes the worst of the ticket's visits against its estimate:
// over it, and a prompt to tell the contact still unanswered.
func markEstimate(row *BoardRow, t BoardTicket, now time.Time) {
	if t.Estimate.Duration <= 0 {
		return // a quoted job has no hours to run over
	}
	for _, v := range t.Visits {
		if len(v.Events) < 3 { // booked, and at most set off: nothing on site yet
			continue
		}
		main := MainOnSite(v.Events, now)
		_, level := AgainstEstimate(main, t.Estimate.Duration)
		row.Overrun = max(row.Overrun, level)
		row.PromptDue = max(row.PromptDue, dueAt(v.Events, main, t.Estimate.Duration))
	}
}

func sortSections(b *Board) {
	byTime := func(rows []BoardRow, at func(BoardRow) time.Time) {
		sort.SliceStable(rows, func(i, j int) bool {
			if a, c := at(rows[i]), at(rows[j]); !a.Equal(c) {
				return a.Before(c)
			}
			return rows[i].Ticket.ID < rows[j].Ticket.ID
		})
	}
	// Most urgent first: the least time left on the clock that presses
	// (breached ones first), paused clocks after running ones; then
	// priority, then the longest waiting.
	byUrgency(b.Rows[SecUnscheduled])
	byUrgency(b.Rows[SecNeedsVisit])
	scheduled := func(r BoardRow) time.Time { return r.Visit.ScheduledAt }
	byTime(b.Rows[SecToday], scheduled)
	byTime(b.Rows[SecUpcoming], scheduled)
	byTime(b.Rows[SecInProgress], func(r BoardRow) time.Time { return r.Since })
	byTime(b.Rows[SecDone], func(r BoardRow) time.Time { return r.Ticket.DoneAt })
	byTime(b.Rows[SecWaiting], func(r BoardRow) time.Time { return r.Since })
}

func byUrgency(un []BoardRow) {
	sort.SliceStable(un, func(i, j int) bool {
		if MorePressing(un[i].Clock, un[j].Clock) != MorePressing(un[j].Clock, un[i].Clock) {
			return MorePressing(un[i].Clock, un[j].Clock)
		}
		if un[i].Ticket.Priority != un[j].Ticket.Priority {
			return un[i].Ticket.Priority < un[j].Ticket.Priority
		}
		if !un[i].Ticket.CreatedAt.Equal(un[j].Ticket.CreatedAt) {
			return un[i].Ticket.CreatedAt.Before(un[j].Ticket.CreatedAt)
		}
		return un[i].Ticket.ID < un[j].Ticket.ID
	})
}

// worked reports whether any visit was under way at some time.
func worked(visits []Visit) bool {
	for _, v := range visits {
		if p := v.Phase(); p != PhaseScheduled && p != PhaseCancelled {
			return true
		}
	}
	return false
}

func lastVisit(visits []Visit) *Visit {
	if len(visits) == 0 {
		return nil
	}
	return &visits[len(visits)-1]
}

// StartOfDay is midnight in loc, which is not always 24h after the last one.
func StartOfDay(t time.Time, loc *time.Location) time.Time {
	l := t.In(loc)
	return time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, loc)
}

// FormatAge renders how long ago something began: "35m", "3h", "4d", "6w".
func FormatAge(d time.Duration) string {
	switch {
	case d < time.Hour:
		if d < 0 {
			d = 0
		}
		return strconv.Itoa(int(d/time.Minute)) + "m"
	case d < 48*time.Hour:
		return strconv.Itoa(int(d/time.Hour)) + "h"
	case d < 14*24*time.Hour:
		return strconv.Itoa(int(d/(24*time.Hour))) + "d"
	}
	return strconv.Itoa(int(d/(7*24*time.Hour))) + "w"
}
