package client

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/tui/draw"
	"dispatch/tui/page"
	"dispatch/tui/theme"
)

// List is every client by name; / narrows it as you type, enter opens one.
type List struct {
	deps    page.Deps
	km      listKeys
	all     []model.Client
	shown   []model.Client
	cursor  int
	find    textinput.Model
	finding bool
	err     error
}

// NewList opens the client list.
func NewList(deps page.Deps) *List {
	in := textinput.New()
	in.Prompt = "find: "
	in.Placeholder = "part of a client's name"
	in.SetStyles(theme.Input())
	l := &List{deps: deps, km: newListKeys(), find: in}
	l.Refresh()
	return l
}

func (l *List) Keys() help.KeyMap  { return l.km }
func (l *List) CapturesText() bool { return l.finding }
func (l *List) Ticking() bool      { return false }

func (l *List) Refresh() {
	l.all, l.err = l.deps.Door.ClientNames(l.deps.Ctx, l.deps.Actor())
	l.narrow()
}

// narrow keeps the clients whose names hold every word typed.
func (l *List) narrow() {
	words := strings.Fields(strings.ToLower(l.find.Value()))
	l.shown = l.shown[:0]
	for _, c := range l.all {
		name, ok := strings.ToLower(c.Name), true
		for _, w := range words {
			ok = ok && strings.Contains(name, w)
		}
		if ok {
			l.shown = append(l.shown, c)
		}
	}
	l.cursor = min(l.cursor, max(len(l.shown)-1, 0))
}

func (l *List) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	if l.finding {
		if k, ok := msg.(tea.KeyPressMsg); ok {
			switch k.String() {
			case "enter", "down":
				l.finding = false
				l.find.Blur()
				return l, nil
			case "esc":
				l.finding = false
				l.find.Blur()
				l.find.SetValue("")
				l.narrow()
				return l, nil
			}
		}
		var cmd tea.Cmd
		l.find, cmd = l.find.Update(msg)
		l.narrow()
		return l, cmd
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return l, nil
	}
	switch {
	case key.Matches(k, l.km.Back):
		return l, l.deps.Close("")
	case key.Matches(k, l.km.Down):
		l.cursor = min(l.cursor+1, max(len(l.shown)-1, 0))
	case key.Matches(k, l.km.Up):
		l.cursor = max(l.cursor-1, 0)
	case key.Matches(k, l.km.Find): // a new search, not more words on the last
		l.finding = true
		l.find.SetValue("")
		l.narrow()
		return l, l.find.Focus()
	case key.Matches(k, l.km.Open) && l.cursor < len(l.shown):
		return l, l.deps.Go(page.ToClient{ID: l.shown[l.cursor].ID})
	}
	return l, nil
}

func (l *List) View(width, height int) string {
	head := draw.Fit(theme.Header.Render("Clients")+theme.Muted.Render(fmt.Sprintf("  · %d of %d · / to find one · enter opens", len(l.shown), len(l.all))), width)
	if l.finding || l.find.Value() != "" {
		l.find.SetWidth(max(width-10, 10))
		head = l.find.View()
	}
	out := []string{head}
	if l.err != nil {
		out = append(out, draw.WrapNotice(theme.Error, l.err.Error(), width)...)
	}
	room := max(height-len(out), 1)
	start := max(0, min(l.cursor-room/2, len(l.shown)-room))
	for i := start; i < min(start+room, len(l.shown)); i++ {
		c := l.shown[i]
		line := fmt.Sprintf("%-7s %s", model.FormatID(model.PrefixClient, c.ID), draw.Safe(c.Name))
		if c.Managed {
			line += theme.Muted.Render("  managed")
		}
		if i == l.cursor {
			out = append(out, theme.Selected.Render(draw.Fit("▸ "+line, width)))
		} else {
			out = append(out, draw.Fit("  "+line, width))
		}
	}
	if len(l.shown) == 0 {
		out = append(out, theme.Muted.Render("  no client's name holds those words"))
	}
	return strings.Join(out, "\n")
}

type listKeys struct{ Up, Down, Find, Open, Back, Help, Quit key.Binding }

func newListKeys() listKeys {
	return listKeys{
		Up:   key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down: key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Find: key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "find")),
		Open: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Back: key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back")),
		Help: key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Quit: key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
}

func (k listKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Find, k.Open, k.Back, k.Help, k.Quit}
}
func (k listKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Find, k.Open}, {k.Back, k.Help, k.Quit}}
}
