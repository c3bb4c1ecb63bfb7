package draw

import (
	"sync"
	"sync/atomic"
)

// Cache shares what one session drew with every other session that would
// draw the same thing: after a change hundreds of sessions show the same
// rows and parts. K must hold everything the drawing depends on.
type Cache[K comparable, V any] struct {
	mu      sync.Mutex
	m       map[K]V
	drawing map[K]*drawing[V] // drawn now by one session, awaited by the rest
	max     int               // it starts afresh when full, which also lets old drawings go
}

// drawing is one drawing under way.
type drawing[V any] struct {
	done chan struct{}
	v    V
	ok   bool // false if the drawer panicked: each waiter then draws for itself
}

// NewCache keeps up to max drawings.
func NewCache[K comparable, V any](max int) *Cache[K, V] {
	return &Cache[K, V]{m: map[K]V{}, drawing: map[K]*drawing[V]{}, max: max}
}

// Get is the drawing for k, drawn now if no session has drawn it yet. Sessions
// asking together, as they do when a change wakes them all, wait for the
// first one's drawing rather than each drawing it.
func (c *Cache[K, V]) Get(k K, draw func() V) V {
	c.mu.Lock()
	if v, ok := c.m[k]; ok {
		c.mu.Unlock()
		return v
	}
	if d, ok := c.drawing[k]; ok {
		c.mu.Unlock()
		<-d.done
		if d.ok {
			return d.v
		}
		return draw()
	}
	d := &drawing[V]{done: make(chan struct{})}
	c.drawing[k] = d
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		delete(c.drawing, k)
		if d.ok {
			if len(c.m) >= c.max {
				c.m = map[K]V{}
			}
			c.m[k] = d.v
		}
		c.mu.Unlock()
		close(d.done)
	}()
	d.v = draw()
	d.ok = true
	drawings.Add(1)
	return d.v
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
