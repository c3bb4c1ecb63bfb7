package form

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"dispatch/tui/draw"
	"dispatch/tui/page"
	"dispatch/tui/theme"
)

// Confirm asks before an action that cannot be taken back: y does it, n or
// esc leaves it undone. If the action is refused, it says why and stays.
type Confirm struct {
	deps     page.Deps
	question string
	about    string // what doing it means
	do       func() (flash string, err error)
	err      error
	km       confirmKeys
}

// NewConfirm asks question; do is the action, returning what to say once done.
func NewConfirm(deps page.Deps, question, about string, do func() (string, error)) *Confirm {
	return &Confirm{deps: deps, question: question, about: about, do: do, km: confirmKeys{
		Yes: key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", "yes, do it")),
		No:  key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n/esc", "no, leave it")),
	}}
}

func (c *Confirm) Keys() help.KeyMap  { return c.km }
func (c *Confirm) Refresh()           {}
func (c *Confirm) CapturesText() bool { return false }
func (c *Confirm) Ticking() bool      { return false }

func (c *Confirm) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return c, nil
	}
	switch {
	case key.Matches(k, c.km.Yes):
		flash, err := c.do()
		if err != nil {
			c.err = err
			return c, nil
		}
		return c, c.deps.Close(flash)
	case key.Matches(k, c.km.No):
		return c, c.deps.Close("")
	}
	return c, nil
}

func (c *Confirm) View(width, height int) string {
	inner := max(min(width, 100)-4, 20)
	lines := []string{theme.Title.Render(draw.Safe(c.question)), ""}
	lines = append(lines, draw.WrapNotice(theme.Muted, c.about, inner)...)
	if c.err != nil {
		lines = append(lines, "")
		lines = append(lines, draw.WrapNotice(theme.Error, "✗ "+c.err.Error(), inner)...)
	}
	lines = append(lines, "", "y yes · n no")
	for i := range lines {
		lines[i] = draw.Fit(lines[i], inner)
	}
	return draw.PadLines(theme.Box.Render(strings.Join(lines, "\n")), height)
}

type confirmKeys struct{ Yes, No key.Binding }

func (k confirmKeys) ShortHelp() []key.Binding  { return []key.Binding{k.Yes, k.No} }
func (k confirmKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }
