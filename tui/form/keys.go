package form

import "charm.land/bubbles/v2/key"

// Keys are the keys every form shares.
type Keys struct {
	Next, Prev, Submit, Cancel, Help key.Binding
}

func newKeys() Keys {
	return Keys{
		Next:   key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field")),
		Prev:   key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous")),
		Submit: key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		Cancel: key.NewBinding(key.WithKeys("esc")), // its help is the form's own: New
		Help:   key.NewBinding(key.WithKeys("f1"), key.WithHelp("f1", "all keys")),
	}
}

func (k Keys) ShortHelp() []key.Binding { return []key.Binding{k.Next, k.Submit, k.Cancel, k.Help} }

func (k Keys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Next, k.Prev}, {k.Submit, k.Cancel, k.Help}, {
		key.NewBinding(key.WithKeys("up"), key.WithHelp("↑/↓", "choose in a list")),
		key.NewBinding(key.WithKeys("left"), key.WithHelp("←/→", "change priority")),
	}}
}
