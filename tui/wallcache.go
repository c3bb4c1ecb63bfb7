package tui

import (
	"slices"
	"strings"
	"sync"
	"time"

	"dispatch/model"
)

// drawnWalls shares the wall's drawn parts among every wall session: walls
// of one size show the same parts in the same minute after the same change,
// unless something is new on one and not another, which the fresh key
// tells apart. Only the header's clock is drawn by each wall each second.
var drawnWalls = wallPartCache{m: map[wallPartKey][]string{}}

// wallPartKey is everything a drawn part depends on.
type wallPartKey struct {
	wall          *model.Wall // one per change and minute, shared by the door
	part          string
	width, height int
	minute        time.Time
	fresh         string // the items highlighted on this wall
}

type wallPartCache struct {
	mu sync.Mutex
	m  map[wallPartKey][]string
}

// maxDrawnWallParts bounds the cache: it starts afresh when full, which
// also lets old walls' parts go.
const maxDrawnWallParts = 2000

func (c *wallPartCache) get(k wallPartKey, draw func() []string) []string {
	c.mu.Lock()
	lines, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return lines
	}
	lines = draw()
	c.mu.Lock()
	if len(c.m) >= maxDrawnWallParts {
		c.m = map[wallPartKey][]string{}
	}
	c.m[k] = lines
	c.mu.Unlock()
	return lines
}

// memo draws a part of this frame once among all walls.
func (w *wallPage) memo(part string, draw func() []string) []string {
	k := w.drawKey
	k.part = part
	return drawnWalls.get(k, draw)
}

// freshKeys names the items highlighted on this wall now, in order.
func (w *wallPage) freshKeys(now time.Time) string {
	var fresh []string
	for key := range w.firstSeen {
		if w.isNew(key, now) {
			fresh = append(fresh, key)
		}
	}
	slices.Sort(fresh)
	return strings.Join(fresh, "\n")
}
