package model

import (
	"sort"
	"time"
)

// Wall is the shop at a glance, for a display nobody touches: where every
// technician is, how today's schedule stands, what is breached or waiting
// on someone, and the hours recorded. It is built from the board and the
// same read, so the two can never disagree.
type Wall struct {
	At       time.Time
	Techs    []TechNow     // every technician, by name: a wall keeps its places
	Today    DayProgress   // today's schedule
	Breached []BoardRow    // open tickets past a promise, most pressing first
	AtRisk   []BoardRow    // open tickets whose clock runs low, least left first
	Waiting  []BoardRow    // decisions waiting for a supervisor, oldest first
	Overruns []BoardRow    // over the estimate and the contact not yet told
	Calls    []MeetingCall // meetings to confirm, first meetings to plan
	// Hours recorded by every technician, running phases up to At.
	HoursToday, HoursWeek Times
}

// TechNow is one technician right now.
type TechNow struct {
	User
	// The visit under way, if any: its phase, when the phase began, and the
	// ticket and client it is for.
	Visit  *Visit
	Phase  Phase // PhaseScheduled when free
	Since  time.Time
	Ticket Ticket
	Client string
	// The next visit booked for today and not begun, if any.
	Next       *Visit
	NextClient string
	DoneToday  int   // visits finished today
	HoursToday Times // this technician's share of HoursToday
}

// Free reports whether the technician has nothing under way.
func (t TechNow) Free() bool { return t.Visit == nil }

// DayProgress is today's schedule, counted as the board counts it.
type DayProgress struct {
	Done       int // visits finished today
	InProgress int // tickets a technician is on now
	ToStart    int // booked for later today
	Late       int // booked earlier today and not started
}

// Attention counts what needs someone: breached, waiting and unannounced
// overruns.
func (w Wall) Attention() int { return len(w.Breached) + len(w.Waiting) + len(w.Overruns) }

// BuildWall derives the wall from the board, the tickets it was built from,
// the technicians, and the visits stepped on this week whatever their
// ticket's state (a visit in both counts once). It is a pure function of
// them and the clock.
func BuildWall(b Board, tickets []BoardTicket, techs []User, week []Visit, now time.Time, loc *time.Location) Wall {
	w := Wall{At: now, Waiting: b.Rows[SecWaiting], Calls: b.Calls}
	w.Today = DayProgress{InProgress: b.Count(SecInProgress), Late: b.LateToStart()}
	w.Today.ToStart = b.Count(SecToday) - w.Today.Late
	w.Breached, w.AtRisk, w.Overruns = pressingRows(b)

	dayStart := StartOfDay(now, loc)
	weekStart := StartOfWeek(now, loc)
	visits, ticketOf := visitsByID(tickets, week)
	byTech := make(map[int64]*TechNow, len(techs))
	for _, u := range techs {
		w.Techs = append(w.Techs, TechNow{User: u, Phase: PhaseScheduled})
	}
	sort.SliceStable(w.Techs, func(i, j int) bool { return w.Techs[i].Name < w.Techs[j].Name })
	for i := range w.Techs {
		byTech[w.Techs[i].ID] = &w.Techs[i]
	}
	for _, v := range visits {
		w.HoursWeek = w.HoursWeek.add(TimesSince(v.Events, weekStart, now))
		today := TimesSince(v.Events, dayStart, now)
		w.HoursToday = w.HoursToday.add(today)
		phase := v.Phase()
		finishedToday := phase == PhaseFinished && !PhaseSince(v.Events).Before(dayStart)
		if finishedToday {
			w.Today.Done++
		}
		t := byTech[v.TechID]
		if t == nil {
			continue // a removed technician: their hours still count
		}
		t.HoursToday = t.HoursToday.add(today)
		if finishedToday {
			t.DoneToday++
		}
		switch {
		case phase.Active():
			if since := PhaseSince(v.Events); t.Visit == nil || since.After(t.Since) {
				t.Visit, t.Phase, t.Since = v, phase, since
				t.Ticket, t.Client = ticketOf(v.TicketID)
			}
		case phase == PhaseScheduled && !v.ScheduledAt.Before(dayStart) && v.ScheduledAt.Before(dayStart.AddDate(0, 0, 1)):
			if t.Next == nil || v.ScheduledAt.Before(t.Next.ScheduledAt) {
				t.Next = v
				_, t.NextClient = ticketOf(v.TicketID)
			}
		}
	}
	return w
}

// pressingRows picks the open tickets past or near a promise, and those
// over their estimate whose contact has not been told, most pressing first.
func pressingRows(b Board) (breached, atRisk, overruns []BoardRow) {
	for _, s := range Sections {
		if s == SecWaiting {
			continue
		}
		for _, r := range b.Rows[s] {
			switch {
			case r.HasClock && r.Clock.Breached:
				breached = append(breached, r)
			case r.HasClock && r.Clock.AtRisk:
				atRisk = append(atRisk, r)
			}
			if r.PromptDue == EstimateOver && s != SecDone { // a closed job's answer is for the record, not the room
				overruns = append(overruns, r)
			}
		}
	}
	byClock := func(rows []BoardRow) {
		sort.SliceStable(rows, func(i, j int) bool { return MorePressing(rows[i].Clock, rows[j].Clock) })
	}
	byClock(breached)
	byClock(atRisk)
	return breached, atRisk, overruns
}

// visitsByID merges the board's visits with the week's, each once (a visit
// of an open ticket stepped on this week is in both), and finds a visit's
// ticket and client among the board's tickets.
func visitsByID(tickets []BoardTicket, week []Visit) ([]*Visit, func(int64) (Ticket, string)) {
	seen := make(map[int64]bool, len(week))
	var out []*Visit
	byTicket := make(map[int64]*BoardTicket, len(tickets))
	for i := range tickets {
		byTicket[tickets[i].ID] = &tickets[i]
		for j := range tickets[i].Visits {
			v := &tickets[i].Visits[j]
			seen[v.ID] = true
			out = append(out, v)
		}
	}
	for i := range week {
		if !seen[week[i].ID] {
			seen[week[i].ID] = true
			out = append(out, &week[i])
		}
	}
	ticketOf := func(id int64) (Ticket, string) {
		if t, ok := byTicket[id]; ok {
			return t.Ticket, t.Client
		}
		return Ticket{ID: id}, "" // invoiced already: only its hours matter here
	}
	return out, ticketOf
}

// StartOfWeek is midnight on the Monday of t's week in loc.
func StartOfWeek(t time.Time, loc *time.Location) time.Time {
	day := StartOfDay(t, loc)
	back := (int(day.Weekday()) + 6) % 7 // Monday 0 … Sunday 6
	return day.AddDate(0, 0, -back)
}

func (t Times) add(u Times) Times {
	return Times{Travel: t.Travel + u.Travel, OnSite: t.OnSite + u.OnSite, Paused: t.Paused + u.Paused, Shop: t.Shop + u.Shop}
}
