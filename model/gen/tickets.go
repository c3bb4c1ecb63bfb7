package gen

import (
	"time"

	"dispatch/model"
	"dispatch/model/store"
)

// newTicket makes a ticket for a random client opened at created.
func (g *generator) newTicket(created time.Time, status model.TicketStatus) (model.Ticket, *clientRef) {
	c := &g.clients[g.rng.IntN(len(g.clients))]
	g.ids.ticket++
	t := model.Ticket{ID: g.ids.ticket, ClientID: c.id, ContactID: c.contacts[g.rng.IntN(len(c.contacts))].ID,
		SiteID: c.sites[g.rng.IntN(len(c.sites))].ID, Title: g.pick(jobs), Priority: model.Priority(1 + g.weighted(1, 4, 3, 2)),
		Status: status, CreatedAt: created, CreatedBy: "generator", FirstJob: c.tickets == 0}
	t.Scope = t.Title + "; done when the requester confirms it works."
	if g.rng.IntN(5) == 0 {
		t.Estimate.Quote = model.Cents(10000 + 5000*g.rng.IntN(10))
	} else {
		t.Estimate.Duration = time.Duration(30+15*g.rng.IntN(12)) * time.Minute
	}
	c.tickets++
	g.counts.Tickets++
	return t, c
}

// weighted picks an index with the given relative weights.
func (g *generator) weighted(weights ...int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := g.rng.IntN(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}

// workday puts an instant on a working day's hours (08:00–16:00 local),
// on or after t.
func (g *generator) workday(t time.Time) time.Time {
	l := t.In(g.cfg.Loc)
	for l.Weekday() == time.Saturday || l.Weekday() == time.Sunday {
		l = l.AddDate(0, 0, 1)
	}
	return time.Date(l.Year(), l.Month(), l.Day(), 8+g.rng.IntN(8), 15*g.rng.IntN(4), 0, 0, g.cfg.Loc)
}

// pastTicket writes a ticket from history: answered, visited once to three
// times, done and invoiced.
func (g *generator) pastTicket(b *store.Bulk, created time.Time) error {
	t, c := g.newTicket(created, model.TicketInvoiced)
	at := created
	var visits []model.Visit
	for n := 1 + g.weighted(5, 8, 5); n > 0; n-- {
		start := g.workday(at.Add(time.Duration(2+g.rng.IntN(60)) * time.Hour))
		if len(visits) > 0 && start.After(g.cfg.Now.Add(-48*time.Hour)) {
			break // history ends before today's board begins
		}
		v := g.finishedVisit(t, c, start)
		visits = append(visits, v)
		at = v.Events[len(v.Events)-1].At
	}
	t.DoneAt = at
	if err := b.Ticket(t); err != nil {
		return err
	}
	if err := g.answer(b, t); err != nil {
		return err
	}
	var requests []model.ScopeRequest
	for _, v := range visits {
		if err := b.Visit(v, "generator"); err != nil {
			return err
		}
		r, err := g.maybeScope(b, t, c, v)
		if err != nil {
			return err
		}
		if r != nil {
			requests = append(requests, *r)
		}
	}
	return g.invoice(b, model.TicketWork{Ticket: t, Site: siteOf(c, t.SiteID), Visits: visits, Requests: requests}, c)
}

// answer records the call back to the requester a quarter of an hour in.
func (g *generator) answer(b *store.Bulk, t model.Ticket) error {
	return b.TicketEvent(model.TicketEvent{TicketID: t.ID, Kind: model.TkContacted, At: t.CreatedAt.Add(15 * time.Minute),
		By: "generator", Note: "called back"})
}

// finishedVisit is a visit from booking to the trip back, with the contact
// checked in and out with and a told-continue where it ran long.
func (g *generator) finishedVisit(t model.Ticket, c *clientRef, start time.Time) model.Visit {
	v := g.visit(t, start)
	site := siteOf(c, t.SiteID)
	work := t.Estimate.Duration
	if work == 0 {
		work = time.Hour
	}
	work = work * time.Duration(70+g.rng.IntN(50)) / 100
	contact := c.contacts[0].ID
	arrived := start.Add(site.Travel)
	steps := []model.Event{
		{Kind: model.EvTravelStarted, At: start},
		{Kind: model.EvArrived, At: arrived, ContactID: contact},
	}
	if t.Estimate.Duration > 0 && work >= t.Estimate.Duration*4/5 {
		steps = append(steps, model.Event{Kind: model.EvEstimateNear, At: arrived.Add(t.Estimate.Duration * 4 / 5), Answer: model.ToldContinue})
	}
	steps = append(steps,
		model.Event{Kind: model.EvDeparted, At: arrived.Add(work), ContactID: contact},
		model.Event{Kind: model.EvTravelEnded, At: arrived.Add(work + site.Travel)})
	return g.withSteps(v, steps)
}

func (g *generator) visit(t model.Ticket, start time.Time) model.Visit {
	g.ids.visit++
	g.counts.Visits++
	tech := g.techs[g.rng.IntN(len(g.techs))]
	booked := t.CreatedAt.Add(30 * time.Minute)
	if booked.After(start) {
		booked = start.Add(-time.Hour)
	}
	return model.Visit{ID: g.ids.visit, TicketID: t.ID, TechID: tech.ID, TechName: tech.Name, ScheduledAt: start,
		Events: []model.Event{{Kind: model.EvScheduled, At: booked, RecordedAt: booked, By: "generator"}}}
}

func (g *generator) withSteps(v model.Visit, steps []model.Event) model.Visit {
	for i := range v.Events { // the booking, numbered as the store will number it
		if v.Events[i].ID == 0 {
			g.ids.event++
			v.Events[i].ID = g.ids.event
		}
	}
	for _, e := range steps {
		g.ids.event++
		e.ID = g.ids.event
		e.VisitID, e.RecordedAt, e.By = v.ID, e.At, v.TechName
		v.Events = append(v.Events, e)
	}
	g.counts.Events += len(v.Events)
	return v
}

func siteOf(c *clientRef, id int64) model.Site {
	for _, s := range c.sites {
		if s.ID == id {
			return s
		}
	}
	return c.sites[0]
}

// maybeScope asks for more on one visit in twenty: declined, or an add-on
// the authorised contact approved.
func (g *generator) maybeScope(b *store.Bulk, t model.Ticket, c *clientRef, v model.Visit) (*model.ScopeRequest, error) {
	if g.rng.IntN(20) != 0 {
		return nil, nil
	}
	g.ids.scope++
	g.counts.Scope++
	asked := v.Events[2].At.Add(10 * time.Minute) // after arriving
	r := model.ScopeRequest{ID: g.ids.scope, VisitID: v.ID, AskedAt: asked, RecordedBy: v.TechName, AskedByID: c.contacts[len(c.contacts)-1].ID,
		AskedBy: c.contacts[len(c.contacts)-1].Name, What: g.pick(jobs), FirstJob: t.FirstJob}
	d := model.ScopeDecision{Kind: model.DecDeclined, At: asked.Add(2 * time.Minute), By: v.TechName, Reason: "a ticket of its own another day"}
	if g.rng.IntN(2) == 0 {
		d = model.ScopeDecision{Kind: model.DecAddOn, At: asked.Add(2 * time.Minute), By: v.TechName, ContactID: c.contacts[0].ID,
			Estimate: 20 * time.Minute, ToldMeterRunning: true}
	}
	r.Decisions = []model.ScopeDecision{d}
	if t.FirstJob && d.Kind == model.DecAddOn {
		r.Decisions = append(r.Decisions, model.ScopeDecision{Kind: model.DecApproved, At: d.At.Add(3 * time.Minute), By: "office"})
	}
	return &r, b.Scope(r)
}
