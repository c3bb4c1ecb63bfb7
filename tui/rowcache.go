package tui

import (
	"sync"

	"dispatch/model"
)

// drawnRows shares drawn board rows among every session. The board is built
// once per change and shared, so after a change hundreds of sessions would
// draw the same rows at the same widths; the first draws each, the rest
// reuse it. A row is keyed by the row itself (rows of a built board never
// change), whether it is under the cursor, the width, and the time-dependent
// cell as it reads now (a ticking stopwatch, a clock's minutes).
var drawnRows = rowCache{m: map[rowKey]string{}}

type rowKey struct {
	row      *model.BoardRow
	selected bool
	width    int
	when     string
}

type rowCache struct {
	mu sync.Mutex
	m  map[rowKey]string
}

// maxDrawnRows bounds the cache: it starts afresh when full, which also lets
// old boards' rows go.
const maxDrawnRows = 20000

func (c *rowCache) get(k rowKey, draw func() string) string {
	c.mu.Lock()
	s, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return s
	}
	s = draw()
	c.mu.Lock()
	if len(c.m) >= maxDrawnRows {
		c.m = map[rowKey]string{}
	}
	c.m[k] = s
	c.mu.Unlock()
	return s
}
