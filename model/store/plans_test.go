package store

import (
	"context"
	"errors"
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
// change, and every change made from a script prints its ticket. Each query
// those reads make finds its rows through an index.
func TestTheReadsAfterEveryChangeUseIndexes(t *testing.T) {
	s := openTemp(t)
	_, _, _, tech, ticket, visit := seed(t, s)
	ctx := context.Background()
	s.reads.close() // count only the statements the reads below prepare
	now := time.Now()
	reads := map[string]func(tx *Tx) error{
		"the board and the wall": func(tx *Tx) error {
			return all(
				ignore(tx.BoardTickets(ctx)), ignore(tx.Policy(ctx)), ignore(tx.AwaitingSupervisor(ctx)), ignore(tx.OpenMeetings(ctx)),
				ignore(tx.NewClients(ctx, model.NewClientsSince(now))), ignore(tx.Users(ctx, model.RoleTech)),
				ignore(tx.VisitsSteppedSince(ctx, now.Add(-7*24*time.Hour))))
		},
		"a technician's day": func(tx *Tx) error {
			day, err := tx.TechDay(ctx, tech.ID, now.Add(-24*time.Hour), now.Add(24*time.Hour))
			if len(day) == 0 {
				t.Fatal("the seeded visit is not in the technician's day")
			}
			return all(err, ignore(tx.TicketByID(ctx, visit.TicketID)), ignore(tx.ClientByID(ctx, ticket.ClientID)),
				ignore(tx.SiteByID(ctx, ticket.SiteID)), ignore(tx.Contacts(ctx, ticket.ClientID)), ignore(tx.ScopeForVisit(ctx, visit.ID)))
		},
		"a ticket's page": func(tx *Tx) error {
			return all(ignore(tx.ContactByID(ctx, ticket.ContactID)), ignore(tx.VisitsForTicket(ctx, ticket.ID)),
				ignore(tx.ScopeForTicket(ctx, ticket.ID)), ignore(tx.LatestAuthorisation(ctx, ticket.ID)), ignore(tx.PartsFor(ctx, ticket.ID)),
				ignore(tx.ScopeMadeTicket(ctx, ticket.ID)), ignore(tx.TicketEvents(ctx, ticket.ID)))
		},
	}
	for name, read := range reads {
		if err := s.Read(ctx, read); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
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

func ignore[T any](_ T, err error) error { return err }

func all(errs ...error) error { return errors.Join(errs...) }
