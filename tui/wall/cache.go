package wall

import (
	"slices"
	"strings"
	"time"

	"dispatch/model"
	"dispatch/tui/draw"
)

// drawnWalls shares the wall's drawn parts among every wall session: walls
// of one size show the same parts in the same minute after the same change,
// unless something is new on one and not another, which the fresh key
// tells apart. Only the header's clock is drawn by each wall each second.
var drawnWalls = draw.NewCache[wallPartKey, []string](2000)

// wallPartKey is everything a drawn part depends on.
type wallPartKey struct {
	wall          *model.Wall // one per change and minute, shared by the door
	part          string
	width, height int
	minute        time.Time
	fresh         string // the items highlighted on this wall
}

// memo draws a part of this frame once among all walls.
func (w *Wall) memo(part string, drawPart func() []string) []string {
	k := w.drawKey
	k.part = part
	return drawnWalls.Get(k, drawPart)
}

// freshKeys names the items highlighted on this wall now, in order.
func (w *Wall) freshKeys() string {
	var fresh []string
	for key := range w.firstSeen {
		if w.isNew(key) {
			fresh = append(fresh, key)
		}
	}
	slices.Sort(fresh)
	return strings.Join(fresh, "\n")
}
