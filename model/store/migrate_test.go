package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"dispatch/model"
)

// An office on the first schema, with a visit under way and a finished one,
// opened by this dispatch: the later migrations fill in each visit's phase
// and last step from its events, and the new tables work beside the old rows.
func TestMigratingAnOfficeWithVisitsUnderWay(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	all, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	old, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		t.Fatal(err)
	}
	at := func(clock string) int64 {
		c, _ := time.Parse("15:04", clock)
		return time.Date(2026, 11, 24, c.Hour(), c.Minute(), 0, 0, time.UTC).Unix()
	}
	for _, q := range []string{
		all[0].sql, "PRAGMA user_version = 1",
		`INSERT INTO users (id, name, role, created_at) VALUES (1, 'Sam', 'tech', 0)`,
		`INSERT INTO clients (id, name, created_at) VALUES (11, 'Acme', 0)`,
		`INSERT INTO contacts (id, client_id, name, role) VALUES (21, 11, 'Dana', 'authorised')`,
		`INSERT INTO sites (id, client_id, name) VALUES (41, 11, 'Main')`,
		`INSERT INTO tickets (id, client_id, contact_id, site_id, title, scope, priority, estimate_seconds, status, created_at, created_by)
			VALUES (1001, 11, 21, 41, 'Router', 'Swap it', 2, 7200, 'open', 0, 'Rita')`,
		`INSERT INTO visits (id, ticket_id, tech_id, scheduled_at, created_at, created_by) VALUES
			(301, 1001, 1, 0, 0, 'Rita'), (302, 1001, 1, 0, 0, 'Rita')`,
	} {
		if _, err := old.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	events := []struct {
		visit int
		kind  string
		at    int64
	}{
		{301, "scheduled", at("08:00")}, {301, "travel_started", at("09:00")}, {301, "arrived", at("09:40")},
		{301, "note", at("10:30")}, // a note after the last step moves nothing
		{302, "scheduled", at("08:00")}, {302, "travel_started", at("06:00")}, {302, "arrived", at("06:30")},
		{302, "departed", at("07:30")}, {302, "travel_ended", at("08:10")},
	}
	for _, e := range events {
		if _, err := old.ExecContext(ctx, `INSERT INTO visit_events (visit_id, kind, at, recorded_at, by) VALUES (?, ?, ?, ?, 'Sam')`,
			e.visit, e.kind, e.at, e.at); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("migrating: %v", err)
	}
	defer s.Close()
	var version int
	var phase301, phase302 string
	var step301 int64
	s.r.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version)
	s.r.QueryRowContext(ctx, "SELECT phase, last_step_at FROM visits WHERE id = 301").Scan(&phase301, &step301)
	s.r.QueryRowContext(ctx, "SELECT phase FROM visits WHERE id = 302").Scan(&phase302)
	if version != all[len(all)-1].version || phase301 != string(model.PhaseOnSite) || step301 != at("09:40") || phase302 != string(model.PhaseFinished) {
		t.Fatalf("after migrating: version %d, V-301 %s at %d, V-302 %s", version, phase301, step301, phase302)
	}
	err = s.Write(ctx, func(tx *Tx) error {
		active, err := tx.ActiveVisits(ctx, 1)
		if err != nil || len(active) != 1 || active[0].ID != 301 {
			t.Errorf("visits under way: %+v %v", active, err)
		}
		r, err := tx.InsertScopeRequest(ctx, model.ScopeRequest{VisitID: 301, AskedAt: time.Unix(at("10:00"), 0), RecordedBy: "Sam",
			AskedBy: "Dana", AskedByID: 21, What: "Printer"})
		if err != nil {
			return err
		}
		_, err = tx.AppendEvent(ctx, model.Event{VisitID: 301, Kind: model.EvWorkOn, At: time.Unix(at("10:40"), 0), RecordedAt: time.Unix(at("10:40"), 0),
			By: "Sam", ScopeID: r.ID})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}
}
