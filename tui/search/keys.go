package search

import "charm.land/bubbles/v2/key"

// keyMap is the search page's keys.
type keyMap struct {
	Up, Down, Top, Bottom, Open, Client, More, Edit, Back, Help, Quit key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Open:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open ticket")),
		Client: key.NewBinding(key.WithKeys("K"), key.WithHelp("K", "client")),
		Top:    key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "newest")),
		Bottom: key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "oldest loaded")),
		More:   key.NewBinding(key.WithKeys("pgdown", "space"), key.WithHelp("pgdn", "older")),
		Edit:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search again")),
		Back:   key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back")),
		Help:   key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Quit:   key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
}

func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.Edit, k.More, k.Back, k.Help, k.Quit}
}

func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom, k.More}, {k.Open, k.Client, k.Edit, k.Back}, {k.Help, k.Quit}}
}
