package tui

import "charm.land/bubbles/v2/key"

// Key bindings are built per session (never a shared mutable keymap), so a
// binding can be disabled for one user's role without touching another's.
type boardKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom, NextSection key.Binding
	Open, Filter, ClearFilter, New, Schedule, Help, Quit key.Binding
}

func newBoardKeys(canWrite bool) boardKeys {
	k := boardKeys{
		Up:          key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:        key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:      key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup", "page up")),
		PageDown:    key.NewBinding(key.WithKeys("pgdown", "ctrl+d"), key.WithHelp("pgdn", "page down")),
		Top:         key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "top")),
		Bottom:      key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "bottom")),
		NextSection: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next section")),
		Open:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Filter:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		ClearFilter: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
		New:         key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new ticket")),
		Schedule:    key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "schedule")),
		Help:        key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Quit:        key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
	k.New.SetEnabled(canWrite)
	k.Schedule.SetEnabled(canWrite)
	return k
}

func (k boardKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.Filter, k.New, k.Schedule, k.Help, k.Quit}
}

func (k boardKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.NextSection},
		{k.Open, k.Filter, k.ClearFilter, k.New, k.Schedule},
		{k.Help, k.Quit},
	}
}

type detailKeys struct {
	Up, Down, Schedule, Back, Help, Quit key.Binding
}

func newDetailKeys(canWrite bool) detailKeys {
	k := detailKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		Schedule: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "schedule visit")),
		Back:     key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back")),
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Quit:     key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
	k.Schedule.SetEnabled(canWrite)
	return k
}

func (k detailKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Schedule, k.Back, k.Help, k.Quit}
}

func (k detailKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down}, {k.Schedule, k.Back}, {k.Help, k.Quit}}
}

type formKeys struct {
	Next, Prev, Submit, Cancel, Help key.Binding
}

func newFormKeys() formKeys {
	return formKeys{
		Next:   key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field")),
		Prev:   key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous")),
		Submit: key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel (keeps a draft)")),
		Help:   key.NewBinding(key.WithKeys("f1"), key.WithHelp("f1", "all keys")),
	}
}

func (k formKeys) ShortHelp() []key.Binding { return []key.Binding{k.Next, k.Submit, k.Cancel, k.Help} }

func (k formKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Next, k.Prev}, {k.Submit, k.Cancel, k.Help}, {
		key.NewBinding(key.WithKeys("up"), key.WithHelp("↑/↓", "choose in a list")),
		key.NewBinding(key.WithKeys("left"), key.WithHelp("←/→", "change priority")),
	}}
}
