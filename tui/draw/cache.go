package draw

import (
	"sync"
	"sync/atomic"
)

// Cache shares what one session drew with every other session that would
// draw the same thing: after a change hundreds of sessions show the same
// rows and parts. K must hold everything the drawing depends on.
type Cache[K comparable, V any] struct {
	mu  sync.Mutex
	m   map[K]V
	max int // it starts afresh when full, which also lets old drawings go
}

// NewCache keeps up to max drawings.
func NewCache[K comparable, V any](max int) *Cache[K, V] {
	return &Cache[K, V]{m: map[K]V{}, max: max}
}

// Get is the drawing for k, drawn now if no session has drawn it yet.
func (c *Cache[K, V]) Get(k K, draw func() V) V {
	c.mu.Lock()
	v, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return v
	}
	v = draw()
	drawings.Add(1)
	c.mu.Lock()
	if len(c.m) >= c.max {
		c.m = map[K]V{}
	}
	c.m[k] = v
	c.mu.Unlock()
	return v
}

// Forget empties the cache, for benchmarks of the first drawing.
func (c *Cache[K, V]) Forget() {
	c.mu.Lock()
	c.m = map[K]V{}
	c.mu.Unlock()
}

// drawings counts what every cache has drawn.
var drawings atomic.Int64

// Drawings is how many drawings every cache has made: a test reads it to
// see that a second session drew nothing the first had drawn.
func Drawings() int64 { return drawings.Load() }
