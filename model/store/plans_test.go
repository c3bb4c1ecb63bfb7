package store

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"dispatch/model"
)

// growing are the tables that grow with every day an office works: a read
// made after every change must never scan one, or it costs more each year.
// SQLite keeps no statistics here, so its plans do not depend on how much
// the tables hold, and a small office shows the plan a ten-year one gets.
var growing = []string{"tickets", "ticket_events", "visits", "visit_events", "scope_requests", "scope_decisions", "outbox", "audit", "invoices", "touches"}

var (
	scanRE  = regexp.MustCompile(`\bSCAN (\w+)(?: USING (?:COVERING )?INDEX (\w+))?`)
	aliasRE = regexp.MustCompile(`(?i)\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?`)
)

// tablesOf maps each name a query gives a table to the table.
func tablesOf(query string) map[string]string {
	names := map[string]string{}
	for _, m := range aliasRE.FindAllStringSubmatch(query, -1) {
		names[m[1]] = m[1]
		if alias := strings.ToUpper(m[2]); m[2] != "" && !slices.Contains([]string{"WHERE", "JOIN", "LEFT", "INNER", "ON", "ORDER", "GROUP", "USING", "INDEXED", "UNION", "LIMIT"}, alias) {
			names[m[2]] = m[1]
		}
	}
	return names
}

// Every session re-reads the board and the technicians' days after every
// change. Each query those reads make finds its rows through an index.
func TestTheReadsAfterEveryChangeUseIndexes(t *testing.T) {
	s := openTemp(t)
	_, _, _, tech, _, visit := seed(t, s)
	ctx := context.Background()
	s.reads.close() // count only the statements the reads below prepare
	now := time.Now()
	err := s.Read(ctx, func(tx *Tx) error { // what the door reads for the board and the wall, then for a day
		_, err := tx.BoardTickets(ctx)
		errs := []error{err}
		_, err = tx.Policy(ctx)
		errs = append(errs, err)
		_, err = tx.AwaitingSupervisor(ctx)
		errs = append(errs, err)
		_, err = tx.OpenMeetings(ctx)
		errs = append(errs, err)
		_, err = tx.NewClients(ctx, model.NewClientsSince(now))
		errs = append(errs, err)
		_, err = tx.Users(ctx, model.RoleTech)
		errs = append(errs, err)
		_, err = tx.VisitsSteppedSince(ctx, now.Add(-7*24*time.Hour))
		errs = append(errs, err)
		day, err := tx.TechDay(ctx, tech.ID, now.Add(-24*time.Hour), now.Add(24*time.Hour))
		errs = append(errs, err)
		if len(day) == 0 {
			t.Fatal("the seeded visit is not in the technician's day")
		}
		tk, err := tx.TicketByID(ctx, visit.TicketID)
		errs = append(errs, err)
		_, err = tx.ClientByID(ctx, tk.ClientID)
		errs = append(errs, err)
		_, err = tx.SiteByID(ctx, tk.SiteID)
		errs = append(errs, err)
		_, err = tx.Contacts(ctx, tk.ClientID)
		errs = append(errs, err)
		_, err = tx.ScopeForVisit(ctx, visit.ID)
		errs = append(errs, err)
		for _, err := range errs {
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	s.reads.mu.Lock()
	queries := make([]string, 0, len(s.reads.m))
	for q := range s.reads.m {
		queries = append(queries, q)
	}
	s.reads.mu.Unlock()
	if len(queries) < 10 {
		t.Fatalf("only %d statements were prepared: the reads ran as text, and their plans went unchecked", len(queries))
	}
	for _, q := range queries {
		rows, err := s.r.QueryContext(ctx, "EXPLAIN QUERY PLAN "+q, make([]any, strings.Count(q, "?"))...) // a plan needs no values
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		tables := tablesOf(q)
		for _, step := range plan {
			m := scanRE.FindStringSubmatch(step)
			if m == nil || !slices.Contains(growing, tables[m[1]]) || partial(t, s, m[2]) {
				continue // a partial index holds only what is open, however old the office
			}
			t.Errorf("this query scans every row of %s:\n%s\nplan:\n  %s", tables[m[1]], strings.Join(strings.Fields(q), " "), strings.Join(plan, "\n  "))
		}
	}
}

// partial reports whether an index holds only some rows of its table.
func partial(t *testing.T, s *Store, index string) bool {
	if index == "" {
		return false
	}
	var def string
	if err := s.r.QueryRow(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`, index).Scan(&def); err != nil {
		t.Fatal(err)
	}
	return strings.Contains(strings.ToUpper(def), " WHERE ")
}
