// Package store keeps the office in one SQLite file: schema and migrations,
// queries, and the transactions the door runs its actions in.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"

	_ "modernc.org/sqlite" // pure-Go driver, no cgo
)

// Store holds two pools on one file: a single writer connection, so writes
// queue in Go rather than fighting over SQLite's lock, and a read-only pool
// for the many sessions that only look.
type Store struct {
	w     *sql.DB
	r     *sql.DB
	reads *stmtCache // prepared on the read pool; writes are few and run as text
	Path  string
}

// dsn puts the pragmas in the connection string so every pooled connection
// gets them, not just the first.
func dsn(path string, write bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)") // other processes (the CLI) wait, not fail
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(FULL)") // an acknowledged action survives a power cut
	q.Add("_pragma", "foreign_keys(1)")
	if write {
		q.Set("_txlock", "immediate") // take the write lock at BEGIN, never mid-transaction
	} else {
		q.Add("_pragma", "query_only(1)")
		// A client's ten years lie scattered through the file: 8 MB of pages
		// per reader (2 MB is the default) keeps a record read twice off the
		// disk; the busiest client's timeline went from 20–22 to 15–16 ms.
		q.Add("_pragma", "cache_size(-8192)")
	}
	return "file:" + url.PathEscape(path) + "?" + q.Encode()
}

// Open opens (creating if needed) the database at path and migrates it.
func Open(ctx context.Context, path string) (*Store, error) {
	w, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return nil, err
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0) // keep the one connection: data_version is per connection
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := migrate(ctx, w); err != nil {
		w.Close()
		return nil, err
	}
	r, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		w.Close()
		return nil, err
	}
	r.SetMaxOpenConns(8)
	r.SetMaxIdleConns(8)
	return &Store{w: w, r: r, reads: newStmtCache(r), Path: path}, nil
}

// Close closes both pools.
func (s *Store) Close() error {
	s.reads.close()
	return errors.Join(s.r.Close(), s.w.Close())
}

// Write runs fn in one BEGIN IMMEDIATE transaction on the writer connection
// and commits it; an error from fn rolls everything back.
func (s *Store) Write(ctx context.Context, fn func(*Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin write: %w", err)
	}
	if err := fn(&Tx{tx: tx}); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// Read runs fn in one short read transaction, so everything it reads is
// from one consistent snapshot.
func (s *Store) Read(ctx context.Context, fn func(*Tx) error) error {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("begin read: %w", err)
	}
	defer func() { _ = tx.Rollback() }()
	return fn(&Tx{tx: tx, stmts: s.reads})
}

// DataVersion reads PRAGMA data_version on the writer connection. Every
// in-process write goes through that one connection, so the number changes
// only when another process (the CLI on the same file) commits.
func (s *Store) DataVersion(ctx context.Context) (int64, error) {
	var v int64
	err := s.w.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v)
	return v, err
}

// Check runs SQLite's own integrity and foreign-key checks.
func (s *Store) Check(ctx context.Context) error {
	var res string
	if err := s.r.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&res); err != nil {
		return err
	}
	if res != "ok" {
		return fmt.Errorf("integrity_check: %s", res)
	}
	rows, err := s.r.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return err
	}
	defer rows.Close()
	if rows.Next() {
		return errors.New("foreign_key_check found dangling references")
	}
	return rows.Err()
}

// Tx is one transaction; every query method hangs off it so the door decides
// where transactions begin and end.
type Tx struct {
	tx    *sql.Tx
	stmts *stmtCache // nil in a write: it holds the writer's only connection
}
