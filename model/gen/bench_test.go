package gen_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/model/feed"
	"dispatch/model/gen/gentest"
	"dispatch/model/store"
)

// The hot paths at the generated scale: a year of history by default, ten
// with DISPATCH_BENCH_DB=path/to/dispatch gen's output.

// BenchmarkBoardAfterChangeAtScale reads and builds the board as after every
// change: the open tickets, their visits and events, their clocks.
func BenchmarkBoardAfterChangeAtScale(b *testing.B) {
	d := gentest.Open(b)
	ctx := context.Background()
	for b.Loop() {
		d.Feed().Publish(feed.Tickets) // as a change would: the cached read is stale
		if _, err := d.Board(ctx, model.Console); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBoardSharedAtScale is every other session after the same change.
func BenchmarkBoardSharedAtScale(b *testing.B) {
	d := gentest.Open(b)
	ctx := context.Background()
	d.Board(ctx, model.Console)
	for b.Loop() {
		d.Board(ctx, model.Console)
	}
}

// BenchmarkWallAfterChangeAtScale is the same read for a wall, which adds
// the technicians and the week's visits, and builds the wall beside the
// board.
func BenchmarkWallAfterChangeAtScale(b *testing.B) {
	d := gentest.Open(b)
	ctx := context.Background()
	for b.Loop() {
		d.Feed().Publish(feed.Visits)
		if _, err := d.Wall(ctx, model.Console); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTicketPageAtScale reads one ticket in full with its clocks.
func BenchmarkTicketPageAtScale(b *testing.B) {
	d := gentest.Open(b)
	ctx := context.Background()
	board, _ := d.Board(ctx, model.Console)
	id := board.Rows[model.SecInProgress][0].Ticket.ID
	for b.Loop() {
		if _, err := d.Ticket(ctx, model.Console, id); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSLAVisibleAtScale computes the clocks of what a 60-line board
// shows: the unscheduled tickets.
func BenchmarkSLAVisibleAtScale(b *testing.B) {
	d := gentest.Open(b)
	ctx := context.Background()
	board, _ := d.Board(ctx, model.Console)
	rows := board.Rows[model.SecUnscheduled]
	policy := model.DefaultPolicy()
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range rows {
			h := model.SLAHistory{Created: r.Ticket.CreatedAt, Priorities: []model.PriorityChange{{At: r.Ticket.CreatedAt, Priority: r.Ticket.Priority}}}
			model.Clocks(policy, time.UTC, h, gentest.Now)
		}
	}
}

// BenchmarkSearchAtScale answers what a dispatcher types into search, over
// every ticket ever: a word on a third of them, a client's name, two words,
// a ticket number, a word nobody wrote. It reports the slowest of each
// round as p99-ms over the rounds (the target is 50 ms on ten years).
func BenchmarkSearchAtScale(b *testing.B) {
	d := gentest.Open(b)
	ctx := context.Background()
	queries := []string{"printer", "Granite Peak", "router replace", "T-1500", "zeppelin", "Dana"}
	var worst []time.Duration
	for b.Loop() {
		slowest := time.Duration(0)
		for _, q := range queries {
			start := time.Now()
			if _, err := d.Search(ctx, model.Console, q, 0); err != nil {
				b.Fatal(err)
			}
			slowest = max(slowest, time.Since(start))
		}
		worst = append(worst, slowest)
	}
	slices.Sort(worst)
	b.ReportMetric(float64(worst[len(worst)*99/100])/float64(time.Millisecond), "p99-ms")
}

// BenchmarkDraftInvoiceAtScale draws (and, after the first, refreshes) the
// draft invoice of a done ticket of a client with ten years of history:
// read the ticket's visits, requests and parts, draw the lines, store them.
// Target: 20 ms.
func BenchmarkDraftInvoiceAtScale(b *testing.B) {
	d := gentest.Open(b)
	ctx := context.Background()
	ids := draftable(b, d)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := d.DraftInvoice(ctx, model.Console, ids); err != nil {
			b.Fatal(err)
		}
	}
}

// draftable is a done ticket on a draft already (a run before drafted it),
// or one ready to invoice.
func draftable(b *testing.B, d *door.Door) []int64 {
	ctx := context.Background()
	drafts, err := d.Invoices(ctx, model.Console, store.InvoiceFilter{States: []model.InvoiceState{model.InvoiceDraft}, Limit: 1})
	if err != nil {
		b.Fatal(err)
	}
	if len(drafts) > 0 {
		inv, err := d.Invoice(ctx, model.Console, drafts[0].ID)
		if err != nil {
			b.Fatal(err)
		}
		return inv.TicketIDs
	}
	ready, err := d.ReadyToInvoice(ctx, model.Console, 0)
	if err != nil || len(ready) == 0 {
		b.Fatalf("no ticket ready to invoice: %v", err)
	}
	return []int64{ready[0].ID}
}

// BenchmarkClientRecordTimelineAtScale draws the busiest client's timeline
// from its records (ten years of tickets, visits, requests, invoices) and
// takes the first page. Target: 20 ms.
func BenchmarkClientRecordTimelineAtScale(b *testing.B) {
	d, id := gentest.Open(b), gentest.Busiest(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := d.ClientTimeline(ctx, model.Console, id, door.TimelineQuery{Limit: 50}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkClientPageAtScale reads the busiest client's page: contacts,
// sites, what is open and owed, meetings, the brief and the timeline's
// first page, in one read. Target: 30 ms.
func BenchmarkClientPageAtScale(b *testing.B) {
	d, id := gentest.Open(b), gentest.Busiest(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := d.ClientRecord(ctx, model.Console, id, door.TimelineQuery{Limit: 50}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBriefAtScale draws the busiest client's brief. Target: 30 ms.
func BenchmarkBriefAtScale(b *testing.B) {
	d, id := gentest.Open(b), gentest.Busiest(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := d.Brief(ctx, model.Console, id); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCalendarFeedAtScale is what a technician's phone reads every
// hour: a year back and two ahead of their visits, with each one's moves
// and, for those begun, when they began and ended, as one calendar file.
func BenchmarkCalendarFeedAtScale(b *testing.B) {
	d := gentest.Open(b)
	ctx := context.Background()
	board, err := d.Board(ctx, model.Console)
	if err != nil {
		b.Fatal(err)
	}
	token, _, err := d.CalendarToken(ctx, model.Console, board.Rows[model.SecInProgress][0].Tech, true)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var size int
	for b.Loop() {
		ics, err := d.CalendarFeed(ctx, token)
		if err != nil {
			b.Fatal(err)
		}
		size = len(ics)
	}
	b.ReportMetric(float64(size)/1024, "KiB/feed")
}
