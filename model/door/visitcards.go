package door

import (
	"context"
	"fmt"
	"reflect"
	"sync"
	"time"

	"dispatch/model"
	"dispatch/model/store"
)

// VisitCard is a visit with what a technician needs on the way and on site:
// the job, where it is, and whom they may check in with.
type VisitCard struct {
	model.Visit
	Ticket   model.Ticket
	Client   string
	Site     model.Site
	Contacts []model.Contact
	Requests []model.ScopeRequest // "while you're here", asked on this visit, oldest first
}

// Visit loads one visit in full.
func (d *Door) Visit(ctx context.Context, who model.Actor, id int64) (VisitCard, error) {
	var c VisitCard
	err := d.read(ctx, who, model.ActViewBoard, func(tx *store.Tx) error {
		v, err := tx.VisitByID(ctx, id)
		if err != nil {
			return err
		}
		c, err = cardOf(ctx, tx, v)
		return err
	})
	return c, err
}

// MyDay is a technician's day in the office's time zone: every visit booked
// today, and any still under way from before, in the order they are booked.
// Every session of the same technician after the same change shares one
// read (a technician may have a laptop and a phone open), like the board.
func (d *Door) MyDay(ctx context.Context, who model.Actor) ([]VisitCard, error) {
	if err := who.Role.Check(model.ActViewBoard); err != nil {
		return nil, err
	}
	from := model.StartOfDay(d.clock.Now(), d.Location())
	key := dayKey{tech: who.UserID, day: from, version: d.hub.Version()}
	return d.days.get(key, func() ([]VisitCard, error) { return d.readDay(ctx, who, from) })
}

func (d *Door) readDay(ctx context.Context, who model.Actor, from time.Time) ([]VisitCard, error) {
	var cards []VisitCard
	to := from.AddDate(0, 0, 1)
	err := d.read(ctx, who, model.ActViewBoard, func(tx *store.Tx) error {
		visits, err := tx.TechDay(ctx, who.UserID, from, to)
		if err != nil {
			return err
		}
		for _, v := range visits {
			c, err := cardOf(ctx, tx, v)
			if err != nil {
				return err
			}
			cards = append(cards, c)
		}
		return nil
	})
	return cards, err
}

// CurrentVisit is the visit a technician is working on now: the one on site,
// else the one under way, so "visit pause" needs no id.
func (d *Door) CurrentVisit(ctx context.Context, who model.Actor) (int64, error) {
	var id int64
	err := d.read(ctx, who, model.ActViewBoard, func(tx *store.Tx) error {
		active, err := tx.ActiveVisits(ctx, who.UserID)
		if err != nil {
			return err
		}
		if v := Current(active); v != nil {
			id = v.ID
			return nil
		}
		return model.FieldError{Field: "visit", Msg: fmt.Sprintf("is needed: %s has no visit under way; name one, like V-12", who.Name)}
	})
	return id, err
}

// VisitFor is the visit a technician means when they name none for a step
// of this kind: the one of today's (or one still under way) where it makes
// sense now; where two could be meant, it lists them.
func (d *Door) VisitFor(ctx context.Context, who model.Actor, kind model.EventKind) (int64, error) {
	if who.Role != model.RoleTech {
		return 0, model.FieldError{Field: "visit", Msg: "is needed: name the visit, like V-12; only a technician's own visit goes without saying"}
	}
	day, err := d.MyDay(ctx, who)
	if err != nil {
		return 0, err
	}
	visits := make([]model.Visit, len(day))
	for i, c := range day {
		visits[i] = c.Visit
	}
	v, err := model.VisitFor(kind, visits, d.Location(), d.Now())
	return v.ID, err
}

// Current picks the visit that matters now among a technician's: on site or
// paused first, then travelling, returning or in the shop; nil when none is
// under way.
func Current(visits []model.Visit) *model.Visit {
	rank := map[model.Phase]int{model.PhaseOnSite: 1, model.PhasePaused: 1, model.PhaseTravelling: 2,
		model.PhaseInShop: 3, model.PhaseReturning: 4}
	var best *model.Visit
	for i := range visits {
		r, ok := rank[visits[i].Phase()]
		if ok && (best == nil || r < rank[best.Phase()]) {
			best = &visits[i]
		}
	}
	return best
}

func cardOf(ctx context.Context, tx *store.Tx, v model.Visit) (VisitCard, error) {
	c := VisitCard{Visit: v}
	var err error
	if c.Ticket, err = tx.TicketByID(ctx, v.TicketID); err != nil {
		return c, err
	}
	client, err := tx.ClientByID(ctx, c.Ticket.ClientID)
	if err != nil {
		return c, err
	}
	c.Client = client.Name
	if c.Site, err = tx.SiteByID(ctx, c.Ticket.SiteID); err != nil {
		return c, err
	}
	if c.Contacts, err = tx.Contacts(ctx, c.Ticket.ClientID); err != nil {
		return c, err
	}
	c.Requests, err = tx.ScopeForVisit(ctx, v.ID)
	return c, err
}

// dayCache keeps the latest read of each technician's day, keyed by the
// feed's version taken before reading: a change during the read makes the
// next call read again. Cards are shared and never modified. Every session
// of one technician wakes on the same change; the first reads and the rest
// wait for its read, while other technicians' days are read beside it.
type dayCache struct {
	mu sync.Mutex
	m  map[int64]*dayEntry
}

type dayKey struct {
	tech    int64
	day     time.Time
	version uint64
}

type dayEntry struct {
	mu    sync.Mutex // held across the read
	key   dayKey
	valid bool
	cards []VisitCard
}

// get is the day for k, read once however many ask for it together.
func (c *dayCache) get(k dayKey, read func() ([]VisitCard, error)) ([]VisitCard, error) {
	c.mu.Lock()
	if c.m == nil {
		c.m = map[int64]*dayEntry{}
	}
	e := c.m[k.tech]
	if e == nil {
		e = &dayEntry{}
		c.m[k.tech] = e
	}
	c.mu.Unlock()
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.valid && e.key.day.Equal(k.day) && e.key.version >= k.version { // as new as asked, or newer
		return e.cards, nil
	}
	cards, err := read()
	if err != nil {
		return nil, err
	}
	if e.valid && e.key.day.Equal(k.day) && reflect.DeepEqual(cards, e.cards) {
		cards = e.cards // unchanged by the change: sessions keep the drawing they share, and send nothing
	}
	e.key, e.valid, e.cards = k, true, cards
	return cards, nil
}
