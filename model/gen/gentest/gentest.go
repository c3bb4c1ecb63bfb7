// Package gentest opens a generated office for benchmarks at scale: the one
// named by DISPATCH_BENCH_DB (make it with `dispatch gen`: ten years), or a
// one-year office generated once into the temporary folder and kept there,
// since the same seed always makes the same office.
package gentest

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/model/feed"
	"dispatch/model/gen"
	"dispatch/model/store"
)

// Now is the instant the generated board is built around.
var Now = time.Date(2026, 11, 25, 15, 0, 0, 0, time.UTC)

// Open returns a door over the generated office, with a clock at Now.
func Open(tb testing.TB) *door.Door {
	tb.Helper()
	s, err := store.Open(context.Background(), pathOf(tb))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return door.New(s, feed.NewHub(), &model.FixedClock{T: Now}, time.UTC)
}

// pathOf is the generated office's file, generated first if need be.
func pathOf(tb testing.TB) string {
	tb.Helper()
	path := os.Getenv("DISPATCH_BENCH_DB")
	if path == "" {
		cfg := gen.Default(Now)
		cfg.Years = 1
		path = filepath.Join(os.TempDir(), fmt.Sprintf("dispatch-bench-%dy-seed%d-v8.db", cfg.Years, cfg.Seed))
		if _, err := os.Stat(path); err != nil {
			if err := generate(path, cfg); err != nil {
				tb.Fatal(err)
			}
		}
	}
	return path
}

// Busiest is the client with the most tickets: the longest timeline.
func Busiest(tb testing.TB) int64 {
	tb.Helper()
	db, err := sql.Open("sqlite", "file:"+pathOf(tb)+"?mode=ro")
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	var id int64
	if err := db.QueryRow(`SELECT client_id FROM tickets GROUP BY client_id ORDER BY COUNT(*) DESC LIMIT 1`).Scan(&id); err != nil {
		tb.Fatal(err)
	}
	return id
}

// generate writes to a temporary name first, so an interrupted run leaves
// no half office behind to be reused.
func generate(path string, cfg gen.Config) error {
	tmp := path + ".partial"
	os.Remove(tmp)
	s, err := store.Open(context.Background(), tmp)
	if err != nil {
		return err
	}
	_, err = gen.Generate(context.Background(), s, cfg)
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(tmp + suffix)
	}
	return os.Rename(tmp, path)
}
