package myday

import (
	"charm.land/bubbles/v2/key"

	"dispatch/model"
)

// keyMap is My day's keys, built per session: which steps are offered
// follows the selected visit.
type keyMap struct {
	Up, Down, Travel, Arrive, Pause, Depart, Return, Shop, Note, Earlier, Open, Board, Help, Quit key.Binding
	Client                                                                                        key.Binding
	Ask, WorkOn                                                                                   key.Binding
	ToldContinue, ToldStop, Unreachable                                                           key.Binding
	shopStops                                                                                     bool // w stops shop work rather than starting it
}

func newKeyMap() keyMap {
	return keyMap{
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
		Client:       key.NewBinding(key.WithKeys("K"), key.WithHelp("K", "client")),
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
func (k *keyMap) forVisit(onSite, addOns, promptDue bool) {
	k.Ask.SetEnabled(onSite)
	k.WorkOn.SetEnabled(onSite && addOns)
	k.ToldContinue.SetEnabled(promptDue)
	k.ToldStop.SetEnabled(promptDue)
	k.Unreachable.SetEnabled(promptDue)
}

// forPhase shows only the steps that make sense for the visit now; the
// others, pressed anyway, say why not.
func (k *keyMap) forPhase(p model.Phase) {
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
	k.shopStops = allowed[model.EvShopStopped]
	k.Note.SetEnabled(p != "")
	k.Earlier.SetEnabled(p != "")
	k.Open.SetEnabled(p != "")
}

// forElsewhere hides the steps the technician's other visits keep them
// from: pressed anyway, they say where they are.
func (k *keyMap) forElsewhere(others []model.Phase) {
	kept := func(kind model.EventKind) bool {
		for _, p := range others {
			if model.KeptElsewhere(kind, p) {
				return true
			}
		}
		return false
	}
	k.Travel.SetEnabled(k.Travel.Enabled() && !kept(model.EvTravelStarted))
	k.Arrive.SetEnabled(k.Arrive.Enabled() && !kept(model.EvArrived))
	if !k.shopStops { // stopping it is never kept
		k.Shop.SetEnabled(k.Shop.Enabled() && !kept(model.EvShopStarted))
	}
}

func (k keyMap) ShortHelp() []key.Binding {
	if k.ToldContinue.Enabled() { // the prompt's answers come first: it is waiting on them
		return []key.Binding{k.ToldContinue, k.ToldStop, k.Unreachable, k.Pause, k.Depart, k.Help, k.Quit}
	}
	return []key.Binding{k.Travel, k.Arrive, k.Pause, k.Depart, k.Return, k.Shop, k.Ask, k.WorkOn, k.Note, k.Board, k.Help, k.Quit}
}

func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Open, k.Client, k.Board},
		{k.Travel, k.Arrive, k.Pause, k.Depart, k.Return, k.Shop},
		{k.Ask, k.WorkOn, k.ToldContinue, k.ToldStop, k.Unreachable},
		{k.Note, k.Earlier, k.Help, k.Quit},
	}
}
