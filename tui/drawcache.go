package tui

import "sync"

// drawCache shares what one session drew with every other session that
// would draw the same thing: after a change hundreds of sessions show the
// same rows and parts. K must hold everything the drawing depends on.
type drawCache[K comparable, V any] struct {
	mu  sync.Mutex
	m   map[K]V
	max int // it starts afresh when full, which also lets old drawings go
}

func newDrawCache[K comparable, V any](max int) *drawCache[K, V] {
	return &drawCache[K, V]{m: map[K]V{}, max: max}
}

func (c *drawCache[K, V]) get(k K, draw func() V) V {
	c.mu.Lock()
	v, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return v
	}
	v = draw()
	c.mu.Lock()
	if len(c.m) >= c.max {
		c.m = map[K]V{}
	}
	c.m[k] = v
	c.mu.Unlock()
	return v
}

// forget empties the cache, for benchmarks of the first drawing.
func (c *drawCache[K, V]) forget() {
	c.mu.Lock()
	c.m = map[K]V{}
	c.mu.Unlock()
}
