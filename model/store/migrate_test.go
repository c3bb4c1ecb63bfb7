package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
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
		if err != nil {
			return err
		}
		// The users table was rebuilt to admit viewers: Sam kept his id, so
		// his visits are still his, and the next user gets a fresh one.
		if sam, err := tx.UserByID(ctx, 1); err != nil || sam.Name != "Sam" || sam.Role != model.RoleTech {
			t.Errorf("Sam after the rebuild: %+v %v", sam, err)
		}
		wall, err := tx.UpsertUser(ctx, model.User{Name: "Lobby TV", Role: model.RoleViewer}, time.Unix(at("11:00"), 0))
		if err == nil && wall.ID <= 1 {
			t.Errorf("a new user reused id %d", wall.ID)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}
}

// A rebuild that would leave a reference dangling is rolled back whole, and
// the connection keeps enforcing foreign keys afterwards.
func TestATableRebuildThatBreaksReferencesIsRefused(t *testing.T) {
	ctx := context.Background()
	db, err := sql.Open("sqlite", dsn(filepath.Join(t.TempDir(), "r.db"), true))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // the same connection runs the migration and the check after it
	for _, q := range []string{
		"CREATE TABLE parent (id INTEGER PRIMARY KEY)",
		"CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id))",
		"INSERT INTO parent VALUES (1)", "INSERT INTO child VALUES (10, 1)",
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	bad := migration{version: 9, name: "0009_bad.sql", rebuildsTables: true, sql: rebuildMarker + `
		CREATE TABLE parent_new (id INTEGER PRIMARY KEY);
		DROP TABLE parent;
		ALTER TABLE parent_new RENAME TO parent;`}
	err = apply(ctx, db, bad)
	if err == nil || !strings.Contains(err.Error(), "would break references from child") {
		t.Fatalf("got %v", err)
	}
	var parents int
	if err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM parent").Scan(&parents); err != nil || parents != 1 {
		t.Errorf("the old table is gone: %d rows, %v", parents, err)
	}
	if _, err := db.ExecContext(ctx, "INSERT INTO child VALUES (11, 99)"); err == nil {
		t.Error("foreign keys were left off after the migration")
	}
}

// Migration 0008 carries each client's travel into its policy: billed at a
// rate of its own, billed at the client's rate, or (the old default) the
// office's; and drops the old columns.
func TestClientsTravelBecomesAPolicy(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, 7, `INSERT INTO clients (id, name, hourly_rate, travel_billed, travel_rate, created_at) VALUES
		(11, 'Own rate', 12500, 1, 6000, 0), (12, 'Client rate', 9000, 1, 0, 0), (13, 'Not billed', 0, 0, 0, 0)`)
	want := map[int64]model.OwnTerms{
		11: {Rate: 125_00, Travel: model.TravelPolicy{Kind: model.TravelRate, Amount: 60_00}},
		12: {Rate: 90_00, Travel: model.TravelPolicy{Kind: model.TravelHourly}},
		13: {},
	}
	err := s.Read(ctx, func(tx *Tx) error {
		for id, w := range want {
			c, err := tx.ClientByID(ctx, id)
			if err != nil {
				return err
			}
			if c.Own.Rate != w.Rate || c.Own.Travel != w.Travel {
				t.Errorf("client %d: %+v, want %+v", id, c.Own, w)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// openAt makes an office at schema version v holding rows, then opens it,
// migrating it to the present.
func openAt(t *testing.T, v int, rows ...string) *Store {
	t.Helper()
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
	var steps []string
	for _, m := range all[:v] {
		steps = append(steps, m.sql)
	}
	for _, q := range append(append(steps, fmt.Sprintf("PRAGMA user_version = %d", v)), rows...) {
		if _, err := old.ExecContext(ctx, q); err != nil {
			t.Fatalf("%.60s: %v", q, err)
		}
	}
	old.Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("migrating: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
