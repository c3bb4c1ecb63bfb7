package ticket

import "charm.land/bubbles/v2/key"

// keyMap is the ticket page's keys, built per session so a binding can be
// disabled for one user's role or ticket without touching another's.
type keyMap struct {
	Up, Down, Schedule, Back, Help, Quit key.Binding
	Wait, Contacted, Priority, Done      key.Binding
	Edit                                 key.Binding
	Move, CancelVisit, Cancel, Reopen    key.Binding
	Invoice                              key.Binding // the invoice the ticket is on
	Authorise                            key.Binding // terms accepted by phone
	Client                               key.Binding // the client's record
}

func newKeyMap(canWrite bool) keyMap {
	k := keyMap{
		Up:          key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		Down:        key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		Schedule:    key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "schedule visit")),
		Back:        key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back")),
		Help:        key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Quit:        key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Wait:        key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "waiting on client")),
		Contacted:   key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "contacted")),
		Priority:    key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "priority")),
		Done:        key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "done")),
		Edit:        key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
		Move:        key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "move visit")),
		CancelVisit: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "cancel visit")),
		Cancel:      key.NewBinding(key.WithKeys("C"), key.WithHelp("C", "cancel ticket")),
		Reopen:      key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "reopen")),
		Invoice:     key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "its invoice")),
		Authorise:   key.NewBinding(key.WithKeys("T"), key.WithHelp("T", "terms accepted by phone")),
		Client:      key.NewBinding(key.WithKeys("K"), key.WithHelp("K", "client")),
	}
	k.Schedule.SetEnabled(canWrite)
	return k
}

// forVisits offers moving and cancelling visits when one is still booked.
func (k *keyMap) forVisits(canSchedule, anyBooked bool) {
	k.Move.SetEnabled(canSchedule && anyBooked)
	k.CancelVisit.SetEnabled(canSchedule && anyBooked)
}

// forTicket offers what can be recorded on the ticket now, to those who may.
func (k *keyMap) forTicket(canTrack, open, closed, waiting bool) {
	for _, b := range []*key.Binding{&k.Wait, &k.Contacted, &k.Priority, &k.Done, &k.Cancel} {
		b.SetEnabled(canTrack && open)
	}
	k.Reopen.SetEnabled(canTrack && closed)
	k.Wait.SetHelp("w", map[bool]string{true: "client answered", false: "waiting on client"}[waiting])
}

func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Client, k.Invoice, k.Reopen, k.Edit, k.Schedule, k.Move, k.CancelVisit, k.Wait, k.Contacted, k.Priority, k.Done, k.Back, k.Help, k.Quit}
}

func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down}, {k.Edit, k.Schedule, k.Move, k.CancelVisit}, {k.Wait, k.Contacted, k.Priority},
		{k.Done, k.Cancel, k.Reopen, k.Invoice, k.Authorise, k.Client}, {k.Back, k.Help, k.Quit}}
}
