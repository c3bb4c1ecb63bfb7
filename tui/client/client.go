// Package client is the client's page: who they are and how to reach them,
// what is open and owed, what to know before calling, and the timeline of
// everything that happened with them.
package client

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/tui/page"
)

// timelineShown is how many of the newest entries the page draws.
const timelineShown = 200

// Page is one client's record.
type Page struct {
	deps   page.Deps
	km     keyMap
	id     int64
	rec    door.ClientPage
	err    error
	scroll int
	kind   int // 0: every kind; else model.EntryKinds[kind-1]
}

// New opens the client with this id.
func New(deps page.Deps, id int64) *Page {
	p := &Page{deps: deps, km: newKeyMap(), id: id}
	p.Refresh()
	return p
}

func (p *Page) Keys() help.KeyMap  { return p.km }
func (p *Page) CapturesText() bool { return false }
func (p *Page) Ticking() bool      { return false }

func (p *Page) Refresh() {
	p.rec, p.err = p.deps.Door.ClientRecord(p.deps.Ctx, p.deps.Actor(), p.id, timelineShown)
}

// filter is the kind the timeline shows, or "" for all.
func (p *Page) filter() model.EntryKind {
	if p.kind == 0 {
		return ""
	}
	return model.EntryKinds[p.kind-1]
}

func (p *Page) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return p, nil
	}
	switch {
	case key.Matches(k, p.km.Back):
		return p, p.deps.Close("")
	case key.Matches(k, p.km.Down):
		p.scroll++
	case key.Matches(k, p.km.Up):
		p.scroll = max(p.scroll-1, 0)
	case key.Matches(k, p.km.Kind):
		p.kind = (p.kind + 1) % (len(model.EntryKinds) + 1)
	case key.Matches(k, p.km.Touch) && p.err == nil:
		f := newTouchForm(p.deps, p.rec.Client)
		return p, tea.Batch(p.deps.Open(f), f.FocusCurrent())
	}
	return p, nil
}

type keyMap struct{ Up, Down, Kind, Touch, Back, Help, Quit key.Binding }

func newKeyMap() keyMap {
	return keyMap{
		Up:    key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		Down:  key.NewBinding(key.WithKeys("down", "j", "space", "pgdown"), key.WithHelp("↓/j", "scroll down")),
		Kind:  key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "timeline: next kind")),
		Touch: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "log a call, email or note")),
		Back:  key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back")),
		Help:  key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Quit:  key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
}

func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Kind, k.Down, k.Back, k.Help, k.Quit}
}
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Kind}, {k.Back, k.Help, k.Quit}}
}
