// Package demo seeds a realistic office so a newcomer sees a full board at
// once. Everything a user could do is done through the door, with the clock
// set back to when it would have happened; visit events, which have no
// action yet, are written to the store with the same audit.
package demo

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/model/feed"
	"dispatch/model/store"
)

// seededKey marks a database as seeded, so seeding twice adds nothing.
const seededKey = "demo.seeded_at"

var seeder = model.Actor{Name: "demo seed", Role: model.RoleAdmin}

// Seed fills an empty office. It reports false, and changes nothing, when the
// database was seeded before or already holds clients of its own.
func Seed(ctx context.Context, s *store.Store, hub *feed.Hub, now time.Time, loc *time.Location) (bool, error) {
	real := door.New(s, hub, model.SystemClock{}, loc)
	if v, err := real.Setting(ctx, seededKey); err != nil || v != "" {
		return false, err
	}
	if existing, err := real.Clients(ctx, seeder); err != nil || len(existing) > 0 {
		return false, err
	}
	at := func(t time.Time) *door.Door { return door.New(s, hub, &model.FixedClock{T: t}, loc) }
	earliest := now.Add(-90 * d)
	// The demo's letters come from its own office, until the server is
	// started with an address of its own (--mail-from).
	if err := real.SetMail(ctx, model.Mailbox{Name: "Northside IT", Email: "office@northside.example"}); err != nil {
		return false, err
	}

	techIDs := map[int]int64{}
	for i, name := range techs {
		u, err := at(earliest).AddUser(ctx, seeder, name, model.RoleTech, "")
		if err != nil {
			return false, fmt.Errorf("demo tech %s: %w", name, err)
		}
		techIDs[i] = u.ID
	}
	for _, p := range staff {
		if _, err := at(earliest).AddUser(ctx, seeder, p.name, model.Role(p.role), ""); err != nil {
			return false, fmt.Errorf("demo user %s: %w", p.name, err)
		}
	}
	refs, err := seedClients(ctx, at(earliest))
	if err != nil {
		return false, err
	}

	// Oldest first, so ids and first-job flags follow the order things
	// happened; then those added to the demo since.
	ordered := append([]demoTicket(nil), tickets...)
	sort.SliceStable(ordered, func(i, j int) bool { return ordered[i].age > ordered[j].age })
	ordered = append(ordered, laterTickets...)
	visits := map[string]model.Visit{} // by ticket title
	for _, dt := range ordered {
		v, err := seedTicket(ctx, s, at, refs, techIDs, dt, now)
		if err != nil {
			return false, fmt.Errorf("demo ticket %q: %w", dt.title, err)
		}
		visits[dt.title] = v
	}
	if err := seedScope(ctx, at, visits, techIDs); err != nil {
		return false, err
	}
	if err := seedBilling(ctx, at, earliest, now, ordered, visits); err != nil {
		return false, err
	}
	if err := seedMeetings(ctx, s, at, earliest, now, loc); err != nil {
		return false, err
	}
	if err := real.SetSetting(ctx, seeder, seededKey, now.UTC().Format(time.RFC3339)); err != nil {
		return false, err
	}
	return true, nil
}

// clientRefs finds the ids of what seedClients made, by name.
type clientRefs struct {
	client   map[string]int64
	contacts map[string]int64 // "client/contact"
	sites    map[string]model.Site
	first    map[string]model.Site // each client's first site, the default
}

func seedClients(ctx context.Context, dr *door.Door) (clientRefs, error) {
	refs := clientRefs{client: map[string]int64{}, contacts: map[string]int64{}, sites: map[string]model.Site{}, first: map[string]model.Site{}}
	for _, dc := range clients {
		c, err := dr.CreateClient(ctx, seeder, model.Client{Name: dc.name,
			Own: model.OwnTerms{Rate: model.Cents(dc.rate * 100), Travel: demoTravel(dc.travel, dc.rate)}, Terms: model.Terms{NetDays: dc.netDays}, Managed: dc.managed})
		if err != nil {
			return refs, fmt.Errorf("demo client %s: %w", dc.name, err)
		}
		refs.client[dc.name] = c.ID
		for _, p := range dc.contacts {
			ct, err := dr.AddContact(ctx, seeder, model.Contact{ClientID: c.ID, Name: p.name, Role: model.ContactRole(p.role), Phone: p.phone, Email: p.email})
			if err != nil {
				return refs, fmt.Errorf("demo contact %s: %w", p.name, err)
			}
			refs.contacts[dc.name+"/"+p.name] = ct.ID
		}
		for i, ds := range dc.sites {
			st, err := dr.AddSite(ctx, seeder, model.Site{ClientID: c.ID, Name: ds.name, Address: ds.address, Travel: ds.travel})
			if err != nil {
				return refs, fmt.Errorf("demo site %s: %w", ds.name, err)
			}
			refs.sites[dc.name+"/"+ds.name] = st
			if i == 0 {
				refs.first[dc.name] = st
			}
		}
	}
	return refs, nil
}

func seedTicket(ctx context.Context, s *store.Store, at func(time.Time) *door.Door, refs clientRefs, techIDs map[int]int64, dt demoTicket, now time.Time) (model.Visit, error) {
	est, err := model.ParseEstimate(dt.estimate)
	if err != nil {
		return model.Visit{}, err
	}
	site := refs.first[dt.client]
	if dt.site != "" {
		site = refs.sites[dt.client+"/"+dt.site]
	}
	opened := now.Add(-dt.age)
	t, err := at(opened).CreateTicket(ctx, seeder, door.NewTicket{
		ClientID: refs.client[dt.client], ContactID: refs.contacts[dt.client+"/"+dt.contact], SiteID: site.ID,
		Title: dt.title, Scope: dt.scope, Priority: model.Priority(dt.priority), Estimate: est})
	if err != nil {
		return model.Visit{}, err
	}
	if err := respond(ctx, at, t, dt, now); err != nil {
		return model.Visit{}, err
	}
	if dt.state == unscheduled {
		return model.Visit{}, nil
	}
	// T is when the current phase began (or, for a scheduled visit, its start).
	T := now.Add(dt.offset).Truncate(time.Minute)
	if dt.state == today || dt.state == lateToday || dt.state == upcoming {
		T = now.Add(dt.offset).Truncate(15 * time.Minute) // bookings are made on the quarter hour
	}
	work := est.Duration
	if work == 0 {
		work = time.Hour
	}
	start := T
	switch dt.state {
	case onSite:
		start = T.Add(-site.Travel)
	case paused:
		start = T.Add(-site.Travel - time.Hour)
	case inShop:
		start = T.Add(-site.Travel*2 - 2*time.Hour)
	case done, invoiced, needsVisit:
		start = T.Add(-site.Travel - work)
	}
	bookedAt := opened.Add(time.Minute)
	if start.Before(bookedAt) {
		bookedAt = start.Add(-time.Hour)
	}
	// Booked as the office booked them, overlaps and all.
	v, err := at(bookedAt).Book(ctx, seeder, door.Booking{TicketID: t.ID, TechID: techIDs[dt.tech], At: start, Anyway: true})
	if err != nil {
		return v, err
	}
	return v, recordHistory(ctx, s, v, dt.state, T, site.Travel, work, est.Duration > 0, techs[dt.tech], refs.contacts[dt.client+"/"+dt.contact])
}

// recordHistory writes the events a technician would have recorded, and
// closes finished tickets.
type ev struct {
	kind model.EventKind
	at   time.Time
}

// answeredPrompts adds what a careful technician answered on a visit that
// used its whole estimate: told the contact at 80%.
func answeredPrompts(evs []ev) []ev {
	var arrived, departed time.Time
	for _, e := range evs {
		switch e.kind {
		case model.EvArrived:
			arrived = e.at
		case model.EvDeparted:
			departed = e.at
		}
	}
	near := arrived.Add(departed.Sub(arrived) * 4 / 5).Truncate(time.Minute)
	var out []ev
	for _, e := range evs {
		if e.kind == model.EvDeparted {
			out = append(out, ev{model.EvEstimateNear, near})
		}
		out = append(out, e)
	}
	return out
}

func recordHistory(ctx context.Context, s *store.Store, v model.Visit, st state, T time.Time, travel, work time.Duration, estimated bool, tech string, contact int64) error {
	var evs []ev
	switch st {
	case travelling:
		evs = []ev{{model.EvTravelStarted, T}}
	case onSite:
		evs = []ev{{model.EvTravelStarted, T.Add(-travel)}, {model.EvArrived, T}}
	case paused:
		evs = []ev{{model.EvTravelStarted, T.Add(-travel - time.Hour)}, {model.EvArrived, T.Add(-time.Hour)}, {model.EvPaused, T}}
	case inShop:
		evs = []ev{{model.EvTravelStarted, T.Add(-2*travel - 2*time.Hour)}, {model.EvArrived, T.Add(-travel - 2*time.Hour)},
			{model.EvDeparted, T.Add(-travel)}, {model.EvTravelEnded, T}, {model.EvShopStarted, T}}
	case done, invoiced, needsVisit:
		evs = []ev{{model.EvTravelStarted, T.Add(-travel - work)}, {model.EvArrived, T.Add(-work)},
			{model.EvDeparted, T}, {model.EvTravelEnded, T.Add(travel)}}
	default:
		return nil
	}
	if estimated && (st == inShop || st == done || st == invoiced || st == needsVisit) {
		evs = answeredPrompts(evs)
	}
	// How each departure ended, as the technician said: done, or what is left.
	outcome := model.Outcome{Done: st == done || st == invoiced}
	switch st {
	case needsVisit:
		outcome.FollowUp = followUp
	case inShop:
		outcome.FollowUp = shopFollowUp
	}
	return s.Write(ctx, func(tx *store.Tx) error {
		for _, e := range evs {
			event := model.Event{VisitID: v.ID, Kind: e.kind, At: e.at, RecordedAt: e.at, By: tech}
			if e.kind.Side() {
				event.Answer = model.ToldContinue
			}
			if e.kind == model.EvArrived || e.kind == model.EvDeparted {
				event.ContactID = contact
			}
			if e.kind == model.EvDeparted {
				event.Note = outcome.Said()
				if outcome.FollowUp != "" {
					if err := leftForAnotherVisit(ctx, tx, v.TicketID, e.at, tech, outcome.FollowUp); err != nil {
						return err
					}
				}
			}
			saved, err := tx.AppendEvent(ctx, event)
			if err != nil {
				return err
			}
			if err := tx.Audit(ctx, e.at, seeder.Name, "visit."+strings.ToLower(string(e.kind)), "visit", v.ID, nil, saved); err != nil {
				return err
			}
		}
		if st == done || st == invoiced { // invoiced ones are sent on an invoice by seedInvoices
			status := model.TicketDone
			closed := T.Add(travel)
			if err := tx.SetTicketStatus(ctx, v.TicketID, status, closed); err != nil {
				return err
			}
			return tx.Audit(ctx, closed, seeder.Name, "ticket."+string(status), "ticket", v.TicketID, nil, status)
		}
		return nil
	})
}

// leftForAnotherVisit records what the technician said was left as they
// departed at T.
func leftForAnotherVisit(ctx context.Context, tx *store.Tx, ticketID int64, T time.Time, tech, what string) error {
	left, err := tx.AppendTicketEvent(ctx, model.TicketEvent{TicketID: ticketID, Kind: model.TkNeedsVisit, At: T, By: tech, Note: what})
	if err != nil {
		return err
	}
	return tx.Audit(ctx, T, tech, "ticket.needs_visit", "ticket", ticketID, nil, left)
}

// demoTravel is a demo client's travel policy: billed at half its rate, or
// shown at no charge.
func demoTravel(billed bool, rate int64) model.TravelPolicy {
	if billed {
		return model.TravelPolicy{Kind: model.TravelRate, Amount: model.Cents(rate * 100 / 2)}
	}
	return model.TravelPolicy{Kind: model.TravelNone}
}
