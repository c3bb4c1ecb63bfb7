package tui

import "dispatch/model"

// drawnRows shares drawn board rows among every session. The board is built
// once per change and shared, so after a change hundreds of sessions would
// draw the same rows at the same widths; the first draws each, the rest
// reuse it. A row is keyed by the row itself (rows of a built board never
// change), whether it is under the cursor, the width, and the time-dependent
// cell as it reads now (a ticking stopwatch, a clock's minutes).
var drawnRows = newDrawCache[rowKey, string](20000)

type rowKey struct {
	row      *model.BoardRow
	selected bool
	width    int
	when     string
}
