package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// BackupReport says what a backup holds.
type BackupReport struct {
	Path                    string
	Bytes                   int64
	Tickets, Visits, Events int64
	Took                    time.Duration
}

// Backup writes a consistent copy of the database at src to dst while
// writes go on. VACUUM INTO copies one read snapshot (the online backup API
// would restart on every write and might never finish under load) into a
// temporary file beside dst; the copy is synced, checked whole, and only
// then renamed over dst, so dst is always either the old backup or a good
// new one.
func Backup(ctx context.Context, src, dst string) (BackupReport, error) {
	start := time.Now()
	rep := BackupReport{Path: dst}
	if _, err := os.Stat(src); err != nil {
		return rep, fmt.Errorf("no office at %s: %w", src, err)
	}
	if same, _ := sameFile(src, dst); same {
		return rep, fmt.Errorf("%s is the office itself; back it up to another file", dst)
	}
	tmp := filepath.Join(filepath.Dir(dst), "."+filepath.Base(dst)+".partial")
	_ = os.Remove(tmp) // a leftover of an interrupted backup
	defer os.Remove(tmp)

	db, err := sql.Open("sqlite", "file:"+src+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return rep, err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		return rep, fmt.Errorf("copy %s: %w", src, err)
	}
	if err := syncFile(tmp); err != nil {
		return rep, err
	}
	if rep, err = check(ctx, tmp, rep); err != nil {
		return rep, fmt.Errorf("the copy failed its check, so %s was left as it was: %w", dst, err)
	}
	if err := os.Rename(tmp, dst); err != nil {
		return rep, err
	}
	if err := syncFile(filepath.Dir(dst)); err != nil { // the rename itself survives a power cut
		return rep, err
	}
	rep.Took = time.Since(start)
	return rep, nil
}

// Check opens a database file read-only and runs SQLite's own checks: every
// page and index is sound and every reference resolves. It is what a backup
// must pass before it replaces the last one, and what to run on a file
// before restoring it.
func Check(ctx context.Context, path string) (BackupReport, error) {
	if info, err := os.Stat(path); err != nil {
		return BackupReport{Path: path}, fmt.Errorf("%s: no such file; give the path of a copy made with dispatch backup", path)
	} else if info.IsDir() {
		return BackupReport{Path: path}, fmt.Errorf("%s is a folder; give the path of a copy made with dispatch backup", path)
	}
	return check(ctx, path, BackupReport{Path: path})
}

func check(ctx context.Context, path string, rep BackupReport) (BackupReport, error) {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return rep, err
	}
	defer db.Close()
	var result string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&result); err != nil {
		return rep, fmt.Errorf("integrity check: %w", err)
	}
	if result != "ok" {
		return rep, fmt.Errorf("integrity check: %s", result)
	}
	var table string
	var rowid sql.NullInt64
	var parent string
	var fk int
	switch err := db.QueryRowContext(ctx, "PRAGMA foreign_key_check").Scan(&table, &rowid, &parent, &fk); {
	case err == nil:
		return rep, fmt.Errorf("foreign key check: a row of %s refers to a missing %s", table, parent)
	case !errors.Is(err, sql.ErrNoRows):
		return rep, fmt.Errorf("foreign key check: %w", err)
	}
	for _, c := range []struct {
		n     *int64
		table string
	}{{&rep.Tickets, "tickets"}, {&rep.Visits, "visits"}, {&rep.Events, "visit_events"}} {
		if err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+c.table).Scan(c.n); err != nil {
			return rep, fmt.Errorf("%s is not a Dispatch office: %w", path, err)
		}
	}
	info, err := os.Stat(path)
	if err != nil {
		return rep, err
	}
	rep.Bytes = info.Size()
	return rep, nil
}

// syncFile flushes a file, or a directory's entries, to disk.
func syncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

func sameFile(a, b string) (bool, error) {
	ia, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	ib, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(ia, ib), nil
}
