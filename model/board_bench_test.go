package model

import (
	"testing"
	"time"
)

// BenchmarkBuildBoard groups and orders 2,000 open tickets, a busy office's
// whole board.
func BenchmarkBuildBoard(b *testing.B) {
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	tickets := make([]BoardTicket, 2000)
	for i := range tickets {
		t := BoardTicket{Ticket: Ticket{ID: int64(i), Priority: Priority(i%4 + 1), Status: TicketOpen, CreatedAt: now.Add(-time.Duration(i) * time.Minute)}, Client: "C"}
		switch i % 4 {
		case 1:
			t.Visits = []Visit{{ScheduledAt: now.Add(time.Duration(i) * time.Minute), Events: []Event{{Kind: EvScheduled}}}}
		case 2:
			t.Visits = []Visit{{ScheduledAt: now, Events: []Event{{Kind: EvScheduled}, {Kind: EvTravelStarted, At: now}, {Kind: EvArrived, At: now}}}}
		case 3:
			t.Status, t.DoneAt = TicketDone, now
		}
		tickets[i] = t
	}
	b.ReportAllocs()
	for b.Loop() {
		BuildBoard(tickets, nil, DefaultPolicy(), now, time.UTC)
	}
}
