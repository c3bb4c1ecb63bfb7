package form

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"dispatch/tui/theme"
)

// ChoiceField is one of a few answers the user must say, none chosen at
// first: ←/→ or space move between them, or the first letter picks one.
type ChoiceField struct {
	options []string
	chosen  int // -1: not said yet
	focused bool
}

// NewChoiceField offers the answers in order, none chosen.
func NewChoiceField(options ...string) *ChoiceField {
	return &ChoiceField{options: options, chosen: -1}
}

// Chosen is the answer said, or "" if none yet.
func (c *ChoiceField) Chosen() string {
	if c.chosen < 0 {
		return ""
	}
	return c.options[c.chosen]
}

func (c *ChoiceField) focus() tea.Cmd  { c.focused = true; return nil }
func (c *ChoiceField) blur()           { c.focused = false }
func (c *ChoiceField) multiline() bool { return false }
func (c *ChoiceField) update(msg tea.Msg) (tea.Cmd, bool) {
	key, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, false
	}
	before := c.chosen
	switch s := key.String(); s {
	case "left", "h", "up", "k":
		c.chosen = max(c.chosen-1, 0)
	case "right", "l", "down", "j", "space":
		c.chosen = min(c.chosen+1, len(c.options)-1)
	default:
		for i, o := range c.options {
			if len(s) == 1 && strings.HasPrefix(o, s) {
				c.chosen = i
				break
			}
		}
	}
	return nil, c.chosen != before
}

func (c *ChoiceField) view(int) []string {
	var parts []string
	for i, o := range c.options {
		label := "( ) " + o
		if i == c.chosen { // marked as well as coloured: a chosen answer must not look like a cursor
			label = theme.Selected.Render("(•) " + o)
		}
		parts = append(parts, label)
	}
	hint := ""
	if c.focused {
		hint = theme.Muted.Render("  ←/→ or the first letter")
	}
	return []string{strings.Join(parts, theme.Muted.Render(" · ")) + hint}
}

// Choose says an answer ahead of the user, who may still change it.
func (c *ChoiceField) Choose(option string) {
	for i, o := range c.options {
		if o == option {
			c.chosen = i
		}
	}
}
