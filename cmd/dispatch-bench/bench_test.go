package main

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dispatch/model/gen"
	"dispatch/model/store"
)

// The load tool end to end on a small generated office: both servers
// start, every session draws its first screen, a fan-out reaches every
// board, and the report carries real figures.
func TestTheLoadToolMeasuresASmallOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two binaries and runs two servers; skipped with -short")
	}
	dir := t.TempDir()
	build := func(name, pkg string) string {
		bin := filepath.Join(dir, name)
		if out, err := exec.Command("go", "build", "-o", bin, pkg).CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", pkg, err, out)
		}
		return bin
	}
	dispatch, bench := build("dispatch", "../dispatch"), build("dispatch-bench", ".")
	db := filepath.Join(dir, "office.db")
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	cfg := gen.Config{Seed: 3, Techs: 4, Clients: 20, Years: 1, TicketsPerYear: 300, Now: time.Now().UTC(), Loc: time.UTC}
	if _, err := gen.Generate(context.Background(), s, cfg); err != nil {
		t.Fatal(err)
	}
	s.Close()
	out := filepath.Join(dir, "bench.json")
	cmd := exec.Command(bench, "--dispatch", dispatch, "--db", db, "--sessions", "5", "--idle", "1s", "--fanouts", "2", "--burst", "3", "--burst-rounds", "2", "--json", out,
		"--server-log", filepath.Join(dir, "server.log"))
	cmd.Dir = dir
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("dispatch-bench: %v\n%s", err, b)
	}
	if log, err := os.ReadFile(filepath.Join(dir, "server.log")); err != nil || !strings.Contains(string(log), "session") {
		t.Errorf("the servers' log is not where it was asked for: %v", err)
	}
	var rep report
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Rows) != 1 {
		t.Fatalf("report %s", b)
	}
	r := rep.Rows[0]
	if r.Sessions != 5 || r.FirstP50 <= 0 || r.Baseline.FirstP50 <= 0 || r.FanoutP50 <= 0 || r.Baseline.FanoutP50 <= 0 || r.ExecBoardP50 <= 0 || r.WritesPerSec <= 0 || r.RSSMiB <= 0 ||
		r.WallBytesPerSec <= 0 {
		t.Errorf("figures missing: %+v", r)
	}
	if b := rep.Burst; b == nil || b.Sessions != 3 || b.Rounds != 2 || b.FirstP50 <= 0 || b.BaselineFirstP50 <= 0 || b.Ratio <= 0 {
		t.Errorf("the burst at start is missing: %+v", b)
	}
}
