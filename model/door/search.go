package door

import (
	"context"
	"time"

	"dispatch/model"
	"dispatch/model/store"
)

// SearchPageSize is how many tickets a page of results holds.
const SearchPageSize = 20

// SearchPage is one page of the tickets a search found, newest first.
type SearchPage struct {
	Hits []store.SearchHit
	More bool // another page follows
}

// Search finds tickets ever opened by what a user typed: words of their
// id, client, title, scope, requester, technicians, notes or on-site
// requests. Page 0 is the newest.
func (d *Door) Search(ctx context.Context, who model.Actor, typed string, page int) (SearchPage, error) {
	var p SearchPage
	match, err := model.SearchMatch(typed)
	if err != nil {
		return p, err
	}
	err = d.read(ctx, who, model.ActViewBoard, func(tx *store.Tx) error {
		hits, err := tx.Search(ctx, match, SearchPageSize+1, max(page, 0)*SearchPageSize)
		if len(hits) > SearchPageSize {
			hits, p.More = hits[:SearchPageSize], true
		}
		p.Hits = hits
		return err
	})
	if err == nil {
		err = d.markNeedsVisit(ctx, who, p.Hits)
	}
	return p, err
}

// markNeedsVisit says needs-visit for the open tickets the board shows
// waiting for another visit (the board is shared, so this reads nothing new).
func (d *Door) markNeedsVisit(ctx context.Context, who model.Actor, hits []store.SearchHit) error {
	b, err := d.Board(ctx, who)
	if err != nil {
		return err
	}
	waiting := map[int64]bool{}
	for _, r := range b.Rows[model.SecNeedsVisit] {
		waiting[r.Ticket.ID] = true
	}
	for i := range hits {
		if waiting[hits[i].Ticket.ID] {
			hits[i].State = "needs-visit"
		}
	}
	return nil
}

// TicketQuery is what ticket list narrows by; names are resolved here.
type TicketQuery struct {
	Client, Tech string
	State        string // open, needs-visit, done, cancelled, invoiced
	Since, Until time.Time
	Search       string
	Limit        int
}

// ListTickets lists tickets by client, technician, state, when they were
// opened and words, newest first. "needs-visit" is an open ticket waiting
// for another visit, as the board shows it.
func (d *Door) ListTickets(ctx context.Context, who model.Actor, q TicketQuery) ([]store.SearchHit, error) {
	f := store.TicketFilter{Since: q.Since, Until: q.Until, Limit: q.Limit}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	var inv model.Invalid
	switch q.State {
	case "", "open", "done", "cancelled", "invoiced":
		f.Status = model.TicketStatus(q.State)
	case "needs-visit":
		f.Status = model.TicketOpen
	default:
		inv.Add("state", model.FieldError{Field: "state", Msg: "\"" + q.State + "\" is not a state; use open, needs-visit, done, cancelled or invoiced"})
	}
	if q.Search != "" {
		m, err := model.SearchMatch(q.Search)
		inv.Add("search", err)
		f.Match = m
	}
	if err := inv.Err(); err != nil {
		return nil, err
	}
	if q.Client != "" {
		c, err := d.FindClient(ctx, who, q.Client)
		if err != nil {
			return nil, err
		}
		f.ClientID = c.ID
	}
	if q.Tech != "" {
		u, err := d.FindTech(ctx, who, q.Tech)
		if err != nil {
			return nil, err
		}
		f.TechID = u.ID
	}
	if q.State == "needs-visit" {
		b, err := d.Board(ctx, who)
		if err != nil {
			return nil, err
		}
		f.IDs = []int64{}
		for _, r := range b.Rows[model.SecNeedsVisit] {
			f.IDs = append(f.IDs, r.Ticket.ID)
		}
	}
	var out []store.SearchHit
	err := d.read(ctx, who, model.ActViewBoard, func(tx *store.Tx) error {
		var err error
		out, err = tx.ListTickets(ctx, f)
		return err
	})
	if err == nil {
		err = d.markNeedsVisit(ctx, who, out)
	}
	return out, err
}
