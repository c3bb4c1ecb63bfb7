package tui

import (
	"charm.land/bubbles/v2/key"

	"dispatch/model"
)

// Key bindings are built per session (never a shared mutable keymap), so a
// binding can be disabled for one user's role without touching another's.
type boardKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom, NextSection key.Binding
	Open, Filter, ClearFilter, New, Schedule, Help, Quit key.Binding
	Approve, Refuse                                      key.Binding // on a waiting row
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
		Approve:     key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "approve")),
		Refuse:      key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "refuse")),
	}
	k.New.SetEnabled(canWrite)
	k.Schedule.SetEnabled(canWrite)
	k.Approve.SetEnabled(false)
	k.Refuse.SetEnabled(false)
	return k
}

// forRow offers a and x on a waiting row to those who may decide it: an
// add-on to approve or refuse, or an unreachable contact the office has
// since reached.
func (k *boardKeys) forRow(r model.BoardRow, canSupervise bool) {
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

func (k boardKeys) ShortHelp() []key.Binding {
	if k.Approve.Enabled() { // on a waiting row, its decision is what matters
		return []key.Binding{k.Approve, k.Refuse, k.Open, k.Help, k.Quit}
	}
	return []key.Binding{k.Open, k.Filter, k.New, k.Schedule, k.Help, k.Quit}
}

func (k boardKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.NextSection},
		{k.Open, k.Filter, k.ClearFilter, k.New, k.Schedule},
		{k.Approve, k.Refuse, k.Help, k.Quit},
	}
}

type detailKeys struct {
	Up, Down, Schedule, Back, Help, Quit key.Binding
	Wait, Contacted, Priority, Done      key.Binding
	Edit                                 key.Binding
}

func newDetailKeys(canWrite bool) detailKeys {
	k := detailKeys{
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		Schedule:  key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "schedule visit")),
		Back:      key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Quit:      key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Wait:      key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "waiting on client")),
		Contacted: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "contacted")),
		Priority:  key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "priority")),
		Done:      key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "done")),
		Edit:      key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
	}
	k.Schedule.SetEnabled(canWrite)
	return k
}

// forTicket offers what can be recorded on the ticket now, to those who may.
func (k *detailKeys) forTicket(canTrack, open, waiting bool) {
	for _, b := range []*key.Binding{&k.Wait, &k.Contacted, &k.Priority, &k.Done} {
		b.SetEnabled(canTrack && open)
	}
	k.Wait.SetHelp("w", map[bool]string{true: "client answered", false: "waiting on client"}[waiting])
}

func (k detailKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Edit, k.Schedule, k.Wait, k.Contacted, k.Priority, k.Done, k.Back, k.Help, k.Quit}
}

func (k detailKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down}, {k.Edit, k.Schedule, k.Wait, k.Contacted, k.Priority, k.Done}, {k.Back, k.Help, k.Quit}}
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

type myDayKeys struct {
	Up, Down, Travel, Arrive, Pause, Depart, Return, Shop, Note, Earlier, Open, Board, Help, Quit key.Binding
	Ask, WorkOn                                                                                   key.Binding
	ToldContinue, ToldStop, Unreachable                                                           key.Binding
}

func newMyDayKeys() myDayKeys {
	return myDayKeys{
		Up:           key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous visit")),
		Down:         key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next visit")),
		Travel:       key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "start travel")),
		Arrive:       key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "arrived")),
		Pause:        key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "pause")),
		Depart:       key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "departed")),
		Return:       key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "travel ended")),
		Shop:         key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "shop work")),
		Note:         key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "note")),
		Earlier:      key.NewBinding(key.WithKeys("T", "P", "R", "W"), key.WithHelp("T P R W", "same, at an earlier time")),
		Open:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "ticket and log")),
		Board:        key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "board")),
		Help:         key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Quit:         key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Ask:          key.NewBinding(key.WithKeys("h"), key.WithHelp("h", "while you're here")),
		WorkOn:       key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "switch work")),
		ToldContinue: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "told them, carrying on")),
		ToldStop:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "told them, stopping")),
		Unreachable:  key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "couldn't reach anyone")),
	}
}

// forVisit shows the keys for what can be done on the visit beside its
// steps: a request while on site, switching work once an add-on is
// approved, and the answers while a prompt about the estimate is due.
func (k *myDayKeys) forVisit(onSite, addOns, promptDue bool) {
	k.Ask.SetEnabled(onSite)
	k.WorkOn.SetEnabled(onSite && addOns)
	k.ToldContinue.SetEnabled(promptDue)
	k.ToldStop.SetEnabled(promptDue)
	k.Unreachable.SetEnabled(promptDue)
}

// forPhase shows only the steps that make sense for the visit now; the
// others, pressed anyway, say why not.
func (k *myDayKeys) forPhase(p model.Phase) {
	allowed := map[model.EventKind]bool{}
	for _, kind := range model.Allowed(p) {
		allowed[kind] = true
	}
	k.Travel.SetEnabled(allowed[model.EvTravelStarted])
	k.Arrive.SetEnabled(allowed[model.EvArrived])
	k.Pause.SetEnabled(allowed[model.EvPaused] || allowed[model.EvResumed])
	k.Pause.SetHelp("p", map[bool]string{true: "resume", false: "pause"}[allowed[model.EvResumed]])
	k.Depart.SetEnabled(allowed[model.EvDeparted])
	k.Return.SetEnabled(allowed[model.EvTravelEnded])
	k.Shop.SetEnabled(allowed[model.EvShopStarted] || allowed[model.EvShopStopped])
	k.Shop.SetHelp("w", map[bool]string{true: "stop shop work", false: "shop work"}[allowed[model.EvShopStopped]])
	k.Note.SetEnabled(p != "")
	k.Earlier.SetEnabled(p != "")
	k.Open.SetEnabled(p != "")
}

func (k myDayKeys) ShortHelp() []key.Binding {
	if k.ToldContinue.Enabled() { // the prompt's answers come first: it is waiting on them
		return []key.Binding{k.ToldContinue, k.ToldStop, k.Unreachable, k.Pause, k.Depart, k.Help, k.Quit}
	}
	return []key.Binding{k.Travel, k.Arrive, k.Pause, k.Depart, k.Return, k.Shop, k.Ask, k.WorkOn, k.Note, k.Board, k.Help, k.Quit}
}

func (k myDayKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Open, k.Board},
		{k.Travel, k.Arrive, k.Pause, k.Depart, k.Return, k.Shop},
		{k.Ask, k.WorkOn, k.ToldContinue, k.ToldStop, k.Unreachable},
		{k.Note, k.Earlier, k.Help, k.Quit},
	}
}
