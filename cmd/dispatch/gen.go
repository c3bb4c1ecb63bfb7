package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"dispatch/model/gen"
)

// runGen writes a large generated office into a new database, for
// benchmarks and the load tool.
func runGen(args []string) int {
	var cfg config
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	cfg.register(fs, "dispatch-gen.db")
	g := gen.Default(time.Now().UTC().Truncate(time.Minute))
	fs.Uint64Var(&g.Seed, "seed", g.Seed, "the same seed (and --now) makes the same office")
	fs.IntVar(&g.Techs, "techs", g.Techs, "technicians")
	fs.IntVar(&g.Clients, "clients", g.Clients, "clients")
	fs.IntVar(&g.Years, "years", g.Years, "years of history")
	fs.IntVar(&g.TicketsPerYear, "tickets-per-year", g.TicketsPerYear, "tickets opened each year (about two visits each)")
	now := fs.String("now", "", "the instant today's board is built around, RFC 3339 (default: now)")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if *now != "" {
		t, err := time.Parse(time.RFC3339, *now)
		if err != nil {
			fmt.Fprintf(os.Stderr, "dispatch gen: --now %q is not RFC 3339, like 2026-11-25T15:00:00Z\n", *now)
			return 2
		}
		g.Now = t
	}
	if _, err := os.Stat(cfg.db); err == nil {
		fmt.Fprintf(os.Stderr, "dispatch gen: %s exists; generate into a new file\n", cfg.db)
		return 1
	}
	ctx := context.Background()
	st, d, err := cfg.office(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, "dispatch gen:", err)
		return 1
	}
	defer st.Close()
	g.Loc = d.Location()
	start := time.Now()
	g.Progress = func(done, total int) {
		fmt.Fprintf(os.Stderr, "\r%d/%d tickets of history (%s)", done, total, time.Since(start).Round(time.Second))
	}
	n, err := gen.Generate(ctx, st, g)
	fmt.Fprintln(os.Stderr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "dispatch gen:", err)
		return 1
	}
	fmt.Printf("generated %s in %s: %d clients, %d tickets (%d open, %d visits in progress), %d visits, %d visit events, %d scope requests, %d invoices\n",
		cfg.db, time.Since(start).Round(time.Second), n.Clients, n.Tickets, n.Open, n.InProgress, n.Visits, n.Events, n.Scope, n.Invoices)
	return 0
}
