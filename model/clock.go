package model

import (
	"sync"
	"time"
)

// Clock is injected everywhere time matters, so tests control it.
type Clock interface{ Now() time.Time }

// SystemClock is the real wall clock.
type SystemClock struct{}

func (SystemClock) Now() time.Time { return time.Now() }

// FixedClock answers the same instant until a test moves it; it may be
// moved while a server's sessions read it.
type FixedClock struct {
	mu sync.Mutex
	T  time.Time
}

func (c *FixedClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.T
}

func (c *FixedClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.T = c.T.Add(d)
}
