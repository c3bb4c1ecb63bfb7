package board

import (
	"charm.land/bubbles/v2/key"

	"dispatch/model"
)

// Key bindings are built per session (never a shared mutable keymap), so a
// binding can be disabled for one user's role without touching another's.
type keyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom, NextSection key.Binding
	Open, Filter, ClearFilter, New, Schedule, Help, Quit key.Binding
	Invoices                                             key.Binding // the invoices desk, for those who see money
	Client                                               key.Binding // the client of the row
	Clients                                              key.Binding // every client, to find one
	Meetings                                             key.Binding // the calls owed about meetings, and meetings to come
	Outbox                                               key.Binding // letters to clients, for managers
	Approve, Refuse                                      key.Binding // on a waiting row
	Move, CancelVisit                                    key.Binding // on a row with a booked visit
	Back                                                 key.Binding // when opened over another page
	typing                                               bool        // in the filter: letters are words, enter searches
}

func newKeyMap(canWrite bool) keyMap {
	k := keyMap{
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
		Approve:     key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "approve")),
		Refuse:      key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "refuse")),
		Move:        key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "move visit")),
		CancelVisit: key.NewBinding(key.WithKeys("X"), key.WithHelp("X", "cancel visit")),
		Back:        key.NewBinding(key.WithKeys("esc", "b"), key.WithHelp("esc", "back")),
		Invoices:    key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "invoices")),
		Client:      key.NewBinding(key.WithKeys("K"), key.WithHelp("K", "client")),
		Clients:     key.NewBinding(key.WithKeys("C"), key.WithHelp("C", "clients")),
		Meetings:    key.NewBinding(key.WithKeys("M"), key.WithHelp("M", "meetings")),
		Outbox:      key.NewBinding(key.WithKeys("O"), key.WithHelp("O", "outbox")),
	}
	k.Meetings.SetEnabled(canWrite)
	k.Back.SetEnabled(false)
	k.Invoices.SetEnabled(canWrite)
	k.New.SetEnabled(canWrite)
	k.Schedule.SetEnabled(canWrite)
	k.Approve.SetEnabled(false)
	k.Refuse.SetEnabled(false)
	return k
}

// forRow offers a and x on a waiting row to those who may decide it: an
// add-on to approve or refuse, or an unreachable contact the office has
// since reached; m and X on a row whose visit is booked, not started.
func (k *keyMap) forRow(r model.BoardRow, canSupervise, canSchedule bool) {
	booked := r.Visit != nil && r.Scope == nil && !r.Alert && r.Visit.Phase() == model.PhaseScheduled
	k.Move.SetEnabled(canSchedule && booked)
	k.CancelVisit.SetEnabled(canSchedule && booked)
	k.Approve.SetEnabled(canSupervise && (r.Scope != nil || r.Alert))
	k.Refuse.SetEnabled(canSupervise && (r.Scope != nil || r.Alert))
	if r.Alert {
		k.Approve.SetHelp("a", "reached them: carry on")
		k.Refuse.SetHelp("x", "reached them: stop")
	} else {
		k.Approve.SetHelp("a", "approve add-on")
		k.Refuse.SetHelp("x", "refuse")
	}
}

func (k keyMap) ShortHelp() []key.Binding {
	if k.typing {
		rows := key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", "to the rows"))
		return []key.Binding{k.Open, rows, k.ClearFilter}
	}
	if k.Approve.Enabled() { // on a waiting row, its decision is what matters
		return []key.Binding{k.Approve, k.Refuse, k.Open, k.Back, k.Help, k.Quit}
	}
	return []key.Binding{k.Back, k.Open, k.Filter, k.New, k.Schedule, k.Move, k.CancelVisit, k.Invoices, k.Help, k.Quit}
}

func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.NextSection},
		{k.Open, k.Filter, k.ClearFilter, k.New, k.Schedule, k.Move, k.CancelVisit},
		{k.Approve, k.Refuse, k.Invoices, k.Client, k.Clients, k.Meetings, k.Outbox, k.Back, k.Help, k.Quit},
	}
}
