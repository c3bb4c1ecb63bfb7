// Package gen generates an office's history at scale — years of clients,
// tickets, visits with their events, scope decisions — and a busy board for
// today, deterministically from a seed, for benchmarks and the load tool.
// It writes through the store's bulk writer, never the door: it makes in
// minutes what users would make in a decade.
package gen

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"dispatch/model"
	"dispatch/model/store"
)

// Config sizes the office.
type Config struct {
	Seed           uint64
	Techs          int
	Clients        int
	Years          int
	TicketsPerYear int
	Now            time.Time      // today's board is built around it
	Loc            *time.Location // where the working day is
	Progress       func(done, total int)
}

// Default is the office: 50 technicians, 5,000 clients, ten years
// of 30,000 tickets each (about 600,000 visits).
func Default(now time.Time) Config {
	return Config{Seed: 1, Techs: 50, Clients: 5000, Years: 10, TicketsPerYear: 30000, Now: now, Loc: time.UTC}
}

// Counts says what was written.
type Counts struct {
	Clients, Tickets, Visits, Events, Scope, Invoices int
	Open, InProgress                                  int
}

// Generate fills an empty store. It refuses a store that holds clients.
func Generate(ctx context.Context, s *store.Store, cfg Config) (Counts, error) {
	g := &generator{cfg: cfg, rng: rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15)),
		ids: ids{client: 10, contact: 20, site: 40, ticket: 1000, visit: 300, scope: 0}}
	if cfg.Loc == nil {
		g.cfg.Loc = time.UTC
	}
	var n int
	if err := s.Read(ctx, func(tx *store.Tx) error {
		clients, err := tx.Clients(ctx)
		n = len(clients)
		return err
	}); err != nil {
		return g.counts, err
	}
	if n > 0 {
		return g.counts, fmt.Errorf("the database already holds %d clients; generate into a new file", n)
	}
	if err := g.batch(ctx, s, g.people); err != nil {
		return g.counts, err
	}
	total := cfg.Years * cfg.TicketsPerYear
	start := cfg.Now.AddDate(-cfg.Years, 0, 0)
	span := cfg.Now.Add(-4 * 24 * time.Hour).Sub(start) // history stops four days ago; the board is made below
	const perTx = 5000
	for from := 0; from < total; from += perTx {
		err := g.batch(ctx, s, func(b *store.Bulk) error {
			for i := from; i < min(from+perTx, total); i++ {
				created := start.Add(time.Duration(float64(span) * float64(i) / float64(total)))
				if err := g.pastTicket(b, created); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return g.counts, err
		}
		if cfg.Progress != nil {
			cfg.Progress(min(from+perTx, total), total)
		}
	}
	return g.counts, g.batch(ctx, s, g.today)
}

type ids struct{ client, contact, site, ticket, visit, scope, event, invoice int64 }

type clientRef struct {
	id       int64
	name     string
	terms    model.BillingTerms // its own over the office's
	contacts []model.Contact
	sites    []model.Site
	tickets  int
}

type generator struct {
	cfg     Config
	rng     *rand.Rand
	ids     ids
	techs   []model.User
	clients []clientRef
	counts  Counts
}

// batch writes one transaction of history, and the search rows of the
// tickets it made.
func (g *generator) batch(ctx context.Context, s *store.Store, fn func(b *store.Bulk) error) error {
	return s.Write(ctx, func(tx *store.Tx) error {
		b, err := tx.Bulk(ctx)
		if err != nil {
			return err
		}
		defer b.Close()
		first := g.ids.ticket + 1
		if err := fn(b); err != nil {
			return err
		}
		return b.Index(first, g.ids.ticket)
	})
}

func (g *generator) pick(list []string) string { return list[g.rng.IntN(len(list))] }

// people writes the technicians, the office staff and the clients with
// their contacts and sites.
func (g *generator) people(b *store.Bulk) error {
	id := int64(0)
	for i := 0; i < g.cfg.Techs; i++ {
		id++
		u := model.User{ID: id, Name: fmt.Sprintf("%s %s %02d", g.pick(firstNames), g.pick(lastNames), i+1), Role: model.RoleTech}
		if err := b.User(u); err != nil {
			return err
		}
		g.techs = append(g.techs, u)
	}
	for i, role := range []model.Role{model.RoleDispatcher, model.RoleDispatcher, model.RoleManager} {
		id++
		if err := b.User(model.User{ID: id, Name: fmt.Sprintf("%s %s (office %d)", g.pick(firstNames), g.pick(lastNames), i+1), Role: role}); err != nil {
			return err
		}
	}
	office := model.DefaultOfficeTerms()
	office.Rate, office.Travel = 120_00, model.TravelPolicy{Kind: model.TravelHourly}
	if err := b.OfficeTerms(office); err != nil {
		return err
	}
	since := g.cfg.Now.AddDate(-g.cfg.Years, 0, -30)
	for i := 0; i < g.cfg.Clients; i++ {
		g.ids.client++
		c := model.Client{ID: g.ids.client, Name: fmt.Sprintf("%s %s %04d", g.pick(clientWords), g.pick(clientKinds), i+1),
			Terms: model.Terms{NetDays: []int{0, 15, 30}[g.rng.IntN(3)]}, Own: model.OwnTerms{Rate: model.Cents(9000 + 500*g.rng.IntN(13))},
			Managed: g.rng.IntN(3) == 0, CreatedAt: since}
		c.Own.Travel = model.TravelPolicy{Kind: model.TravelNone}
		if g.rng.IntN(2) == 0 {
			c.Own.Travel = model.TravelPolicy{Kind: model.TravelRate, Amount: c.Own.Rate / 2}
		}
		if err := b.Client(c); err != nil {
			return err
		}
		ref := clientRef{id: c.ID, name: c.Name, terms: c.Own.Over(office.BillingTerms, c.Terms)}
		for j, role := range []model.ContactRole{model.ContactAuthorised, model.ContactBackup, model.ContactOther}[:2+g.rng.IntN(2)] {
			g.ids.contact++
			ct := model.Contact{ID: g.ids.contact, ClientID: c.ID, Name: fmt.Sprintf("%s %s", g.pick(firstNames), g.pick(lastNames)), Role: role,
				Phone: fmt.Sprintf("555-%04d", g.rng.IntN(10000))}
			for _, other := range ref.contacts {
				if other.Name == ct.Name {
					ct.Name = fmt.Sprintf("%s %c.", ct.Name, 'A'+j) // two of a name at one client: as their colleagues tell them apart
				}
			}
			if err := b.Contact(ct); err != nil {
				return err
			}
			ref.contacts = append(ref.contacts, ct)
		}
		for j := 0; j < 1+g.rng.IntN(2); j++ {
			g.ids.site++
			st := model.Site{ID: g.ids.site, ClientID: c.ID, Name: []string{"Main office", "Warehouse", "Branch"}[j],
				Address: fmt.Sprintf("%d %s", 1+g.rng.IntN(999), g.pick(streets)), Travel: time.Duration(10+5*g.rng.IntN(10)) * time.Minute}
			if err := b.Site(st); err != nil {
				return err
			}
			ref.sites = append(ref.sites, st)
		}
		g.clients = append(g.clients, ref)
		g.counts.Clients++
	}
	return nil
}
