package gen

import (
	"time"

	"dispatch/model"
	"dispatch/model/store"
)

// today writes the board as it stands now: tickets waiting to be scheduled
// across priorities, half the technicians booked later today, the other
// half out on a visit (at least twenty running), one visit each on a later
// day, and the last days' finished jobs waiting to be invoiced.
func (g *generator) today(b *store.Bulk) error {
	now := g.cfg.Now
	for i := 0; i < 60; i++ {
		t, _ := g.newTicket(now.Add(-time.Duration(5+g.rng.IntN(72*60))*time.Minute), model.TicketOpen)
		if err := g.open(b, t, i%4 != 0); err != nil {
			return err
		}
	}
	running := max(20, len(g.techs)/2)
	for i, tech := range g.techs {
		var err error
		switch {
		case i < running:
			err = g.underWay(b, tech, i)
		default:
			err = g.bookedToday(b, tech)
		}
		if err != nil {
			return err
		}
		if err := g.bookedLater(b, tech); err != nil {
			return err
		}
	}
	for i := 0; i < 100; i++ {
		t, c := g.newTicket(now.Add(-time.Duration(26+g.rng.IntN(48))*time.Hour), model.TicketDone)
		v := g.finishedVisit(t, c, t.CreatedAt.Add(2*time.Hour))
		t.DoneAt = v.Events[len(v.Events)-1].At
		if err := g.openWith(b, t, true, v); err != nil {
			return err
		}
	}
	return nil
}

func (g *generator) open(b *store.Bulk, t model.Ticket, answered bool, visits ...model.Visit) error {
	g.counts.Open++
	return g.openWith(b, t, answered, visits...)
}

func (g *generator) openWith(b *store.Bulk, t model.Ticket, answered bool, visits ...model.Visit) error {
	if err := b.Ticket(t); err != nil {
		return err
	}
	if answered {
		if err := g.answer(b, t); err != nil {
			return err
		}
	}
	for _, v := range visits {
		if err := b.Visit(v, "generator"); err != nil {
			return err
		}
	}
	return nil
}

// underWay sends a technician out now: travelling, on site, paused or back
// in the shop, in turn.
func (g *generator) underWay(b *store.Bulk, tech model.User, i int) error {
	now := g.cfg.Now
	t, c := g.newTicket(now.Add(-time.Duration(3+g.rng.IntN(40))*time.Hour), model.TicketOpen)
	site := siteOf(c, t.SiteID)
	since := now.Add(-time.Duration(5+g.rng.IntN(50)) * time.Minute)
	var steps []model.Event
	switch i % 4 {
	case 0:
		steps = []model.Event{{Kind: model.EvTravelStarted, At: since}}
	case 1:
		steps = []model.Event{{Kind: model.EvTravelStarted, At: since.Add(-site.Travel)}, {Kind: model.EvArrived, At: since, ContactID: c.contacts[0].ID}}
	case 2:
		steps = []model.Event{{Kind: model.EvTravelStarted, At: since.Add(-site.Travel - time.Hour)},
			{Kind: model.EvArrived, At: since.Add(-time.Hour), ContactID: c.contacts[0].ID}, {Kind: model.EvPaused, At: since}}
	default:
		steps = []model.Event{{Kind: model.EvTravelStarted, At: since.Add(-2*site.Travel - time.Hour)},
			{Kind: model.EvArrived, At: since.Add(-site.Travel - time.Hour), ContactID: c.contacts[0].ID},
			{Kind: model.EvDeparted, At: since.Add(-site.Travel), ContactID: c.contacts[0].ID},
			{Kind: model.EvTravelEnded, At: since}, {Kind: model.EvShopStarted, At: since}}
	}
	v := g.visit(t, steps[0].At)
	v.TechID, v.TechName = tech.ID, tech.Name
	g.counts.InProgress++
	return g.open(b, t, true, g.withSteps(v, steps))
}

func (g *generator) bookedToday(b *store.Bulk, tech model.User) error {
	t, _ := g.newTicket(g.cfg.Now.Add(-time.Duration(4+g.rng.IntN(40))*time.Hour), model.TicketOpen)
	v := g.visit(t, g.cfg.Now.Add(time.Duration(15*(1+g.rng.IntN(24)))*time.Minute).Truncate(15*time.Minute))
	v.TechID, v.TechName = tech.ID, tech.Name
	return g.open(b, t, true, g.withSteps(v, nil))
}

func (g *generator) bookedLater(b *store.Bulk, tech model.User) error {
	t, _ := g.newTicket(g.cfg.Now.Add(-time.Duration(4+g.rng.IntN(72))*time.Hour), model.TicketOpen)
	v := g.visit(t, g.workday(g.cfg.Now.AddDate(0, 0, 1+g.rng.IntN(5))))
	v.TechID, v.TechName = tech.ID, tech.Name
	return g.open(b, t, true, g.withSteps(v, nil))
}
