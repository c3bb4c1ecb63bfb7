package store

import (
	"context"
	"database/sql"
	"sync"
	"time"
)

// stmtCache keeps each read query prepared once per pool. SQLite parses a
// statement every time it is prepared, and with hundreds of sessions
// reading after each change, parsing was 8% of the server's CPU (a
// dispatch-bench profile at 500 sessions). database/sql prepares a pooled
// statement once per connection and reuses it in every transaction there.
type stmtCache struct {
	db *sql.DB
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

// maxStmts bounds the cache; the store's queries are a fixed set, so it is
// never reached unless a query is built with a varying text by mistake.
const maxStmts = 256

func newStmtCache(db *sql.DB) *stmtCache { return &stmtCache{db: db, m: map[string]*sql.Stmt{}} }

// prepareWait bounds the wait for a free connection to prepare on. The
// transaction asking holds a connection of the pool already, so waiting for
// another could deadlock a full pool; a statement not prepared now is run
// as text and prepared another time.
const prepareWait = 5 * time.Millisecond

// stmt returns the transaction's handle on the pooled statement for query,
// or nil when there is none (the caller then runs the text itself).
func (t *Tx) stmt(ctx context.Context, query string) *sql.Stmt {
	c := t.stmts
	if c == nil {
		return nil
	}
	c.mu.Lock()
	st, ok := c.m[query]
	full := len(c.m) >= maxStmts
	c.mu.Unlock()
	if !ok {
		if full {
			return nil
		}
		pctx, cancel := context.WithTimeout(ctx, prepareWait)
		prepared, err := c.db.PrepareContext(pctx, query)
		cancel()
		if err != nil {
			return nil // busy, or the query is wrong: its own run says so
		}
		c.mu.Lock()
		if st, ok = c.m[query]; ok {
			prepared.Close() // another session prepared it meanwhile
		} else {
			st = prepared
			c.m[query] = st
		}
		c.mu.Unlock()
	}
	return t.tx.StmtContext(ctx, st)
}

func (t *Tx) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := t.stmt(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return t.tx.QueryContext(ctx, query, args...)
}

func (t *Tx) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	if st := t.stmt(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return t.tx.QueryRowContext(ctx, query, args...)
}

func (t *Tx) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if st := t.stmt(ctx, query); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return t.tx.ExecContext(ctx, query, args...)
}

func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.m {
		st.Close()
	}
	c.m = map[string]*sql.Stmt{}
}
