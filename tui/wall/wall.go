// Package wall is the read-only display a manager leaves in a tmux pane or
// on a TV: who is where, what needs someone, today's progress and hours,
// laid out for whatever size it has.
package wall

import (
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/tui/page"
)

// highlightFor is how long something new that needs attention stands out,
// so a glance at the wall between two jobs catches it.
const highlightFor = 3 * time.Minute

// Wall is the read-only display a manager leaves in a tmux pane or on a
// TV: it takes no keys but q, and lays itself out for whatever size it has.
type Wall struct {
	deps page.Deps
	wall *model.Wall // shared with every other wall: never modified
	err  error
	// firstSeen is when each item needing attention first appeared on this
	// wall; those present when it opened count as old news.
	firstSeen map[string]time.Time
	loaded    bool
	drawKey   wallPartKey // the parts this frame draws, but for its part name
	frameAt   time.Time   // when this frame is drawn, to the second: highlights end then
}

// New reads the wall for the session.
func New(deps page.Deps) *Wall {
	w := &Wall{deps: deps, wall: &model.Wall{}, firstSeen: map[string]time.Time{}}
	w.Refresh()
	return w
}

func (w *Wall) Refresh() {
	wall, err := w.deps.Door.Wall(w.deps.Ctx, w.deps.Actor())
	if err != nil {
		w.err = err // keep showing the last good wall under the error
		return
	}
	w.wall, w.err = wall, nil
	w.remember(w.deps.Door.Now())
}

// remember notes when each item first appeared, and forgets those gone, so
// a ticket breached again later is new again.
func (w *Wall) remember(now time.Time) {
	present := map[string]bool{}
	for _, it := range attentionItems(w.wall) {
		present[it.key] = true
		if _, ok := w.firstSeen[it.key]; !ok {
			at := now
			if !w.loaded {
				at = time.Time{}
			}
			w.firstSeen[it.key] = at
		}
	}
	for k := range w.firstSeen {
		if !present[k] {
			delete(w.firstSeen, k)
		}
	}
	w.loaded = true
}

// isNew reports whether an item appeared while the wall was up, less than
// highlightFor before this frame. The rest of the frame is drawn as of the
// minute; a highlight ends to the second.
func (w *Wall) isNew(key string) bool {
	at, ok := w.firstSeen[key]
	return ok && !at.IsZero() && w.frameAt.Sub(at) < highlightFor
}

// Ticking: the wall's clock shows seconds, so a glance can tell it is live.
func (w *Wall) Ticking() bool      { return true }
func (w *Wall) CapturesText() bool { return false }

func (w *Wall) Update(msg tea.Msg) (page.Page, tea.Cmd) { return w, nil }

func (w *Wall) Keys() help.KeyMap { return wallKeys{} }

type wallKeys struct{}

var wallQuit = key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit"))

func (wallKeys) ShortHelp() []key.Binding  { return []key.Binding{wallQuit} }
func (wallKeys) FullHelp() [][]key.Binding { return [][]key.Binding{{wallQuit}} }
