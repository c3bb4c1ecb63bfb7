package invoice

import "charm.land/bubbles/v2/key"

// deskKeys are the invoices desk's keys.
type deskKeys struct {
	Up, Down, Top, Bottom, Open, Draft, DraftClient, Client, Back, Help, Quit key.Binding
}

func newDeskKeys() deskKeys {
	return deskKeys{
		Up:          key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:        key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Top:         key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "top")),
		Bottom:      key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "bottom")),
		Open:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Draft:       key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "draft invoice")),
		DraftClient: key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "draft all the client's")),
		Client:      key.NewBinding(key.WithKeys("K"), key.WithHelp("K", "client")),
		Back:        key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back")),
		Help:        key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Quit:        key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
}

func (k deskKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.Draft, k.DraftClient, k.Back, k.Help, k.Quit}
}

func (k deskKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, {k.Open, k.Draft, k.DraftClient, k.Client, k.Back}, {k.Help, k.Quit}}
}

// pageKeys are an invoice's keys; each is enabled only where its state and
// the user's role allow it.
type pageKeys struct {
	Up, Down, Adjust, Explain, Approve, Send, Void, Redraft, Paid, Dispute, Credit, Refund, Ticket, Client, Back, Help, Quit key.Binding
}

func newPageKeys() pageKeys {
	return pageKeys{
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		Down:    key.NewBinding(key.WithKeys("down", "j", "space", "pgdown"), key.WithHelp("↓/j", "scroll down")),
		Adjust:  key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "adjust")),
		Explain: key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "explain")),
		Approve: key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "approve")),
		Send:    key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "send")),
		Void:    key.NewBinding(key.WithKeys("V"), key.WithHelp("V", "void")),
		Redraft: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "draw again")),
		Paid:    key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "payment")),
		Dispute: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "dispute")),
		Credit:  key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "credit note")),
		Refund:  key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "refund paid")),
		Ticket:  key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "its ticket")),
		Client:  key.NewBinding(key.WithKeys("K"), key.WithHelp("K", "client")),
		Back:    key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back")),
		Help:    key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Quit:    key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
}

func (k pageKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Adjust, k.Explain, k.Redraft, k.Approve, k.Send, k.Paid, k.Dispute, k.Credit, k.Refund, k.Back, k.Help}
}

func (k pageKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Ticket, k.Client, k.Back}, {k.Adjust, k.Explain, k.Redraft, k.Approve, k.Send, k.Void},
		{k.Paid, k.Dispute, k.Credit, k.Refund}, {k.Help, k.Quit}}
}
