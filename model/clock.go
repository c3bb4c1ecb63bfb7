package model

import "time"

// Clock is injected everywhere time matters, so tests control it.
type Clock interface{ Now() time.Time }

// SystemClock is the real wall clock.
type SystemClock struct{}

func (SystemClock) Now() time.Time { return time.Now() }

// FixedClock always answers the same instant; tests move it by hand.
type FixedClock struct{ T time.Time }

func (c *FixedClock) Now() time.Time          { return c.T }
func (c *FixedClock) Advance(d time.Duration) { c.T = c.T.Add(d) }
