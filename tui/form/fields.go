package form

import (
	"strings"

	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/tui/theme"
)

// Field is one input of a form: the fields of this package.
type Field interface {
	focus() tea.Cmd
	blur()
	update(tea.Msg) (tea.Cmd, bool) // keys and pastes; bool: the value changed
	view(width int) []string
	multiline() bool // enter belongs to the field, not the form
}

// typingCap lets a field take well past its limit: text over the limit is
// kept and refused on saving with its length and the limit, so nothing a
// user typed or pasted is cut silently. The cap only bounds a runaway paste:
// a pasted page (a few thousand characters) fits whole, so its length is told.
func typingCap(limit int) int { return max(20*limit, 20000) }

// TextField is a one-line input.
type TextField struct{ in textinput.Model }

// NewTextField is a one-line input for text of up to limit characters.
func NewTextField(placeholder string, limit int) *TextField {
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = placeholder
	in.CharLimit = typingCap(limit)
	in.SetStyles(theme.Input())
	return &TextField{in: in}
}

func (t *TextField) focus() tea.Cmd    { return t.in.Focus() }
func (t *TextField) blur()             { t.in.Blur() }
func (t *TextField) multiline() bool   { return false }
func (t *TextField) Value() string     { return t.in.Value() }
func (t *TextField) SetValue(s string) { t.in.SetValue(s) }
func (t *TextField) update(msg tea.Msg) (tea.Cmd, bool) {
	before := t.in.Value()
	var cmd tea.Cmd
	t.in, cmd = t.in.Update(msg)
	return cmd, t.in.Value() != before
}
func (t *TextField) view(width int) []string {
	t.in.SetWidth(max(width-1, 10)) // the cursor takes one cell past the width
	return []string{t.in.View()}
}

// AreaField is a multi-line input; enter starts a new line.
type AreaField struct{ in textarea.Model }

// NewAreaField is a multi-line input for text of up to limit characters.
func NewAreaField(placeholder string, limit int) *AreaField {
	in := textarea.New()
	in.Placeholder = placeholder
	in.CharLimit = typingCap(limit)
	in.ShowLineNumbers = false
	in.Prompt = "│ "
	s := textarea.DefaultDarkStyles()
	s.Cursor.Blink = false
	in.SetStyles(s)
	in.SetHeight(3)
	return &AreaField{in: in}
}

func (a *AreaField) focus() tea.Cmd    { return a.in.Focus() }
func (a *AreaField) blur()             { a.in.Blur() }
func (a *AreaField) multiline() bool   { return true }
func (a *AreaField) Value() string     { return a.in.Value() }
func (a *AreaField) SetValue(s string) { a.in.SetValue(s) }
func (a *AreaField) update(msg tea.Msg) (tea.Cmd, bool) {
	before := a.in.Value()
	var cmd tea.Cmd
	a.in, cmd = a.in.Update(msg)
	return cmd, a.in.Value() != before
}
func (a *AreaField) view(width int) []string {
	a.in.SetWidth(max(width, 10))
	return strings.Split(a.in.View(), "\n")
}

// PriorityField chooses P1–P4 with the arrows or by typing the digit.
type PriorityField struct {
	p       model.Priority
	focused bool
}

// NewPriorityField starts on p.
func NewPriorityField(p model.Priority) *PriorityField { return &PriorityField{p: p} }

func (p *PriorityField) Value() model.Priority { return p.p }
func (p *PriorityField) focus() tea.Cmd        { p.focused = true; return nil }
func (p *PriorityField) blur()                 { p.focused = false }
func (p *PriorityField) multiline() bool       { return false }
func (p *PriorityField) update(msg tea.Msg) (tea.Cmd, bool) {
	before := p.p
	key, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, false
	}
	switch s := key.String(); s {
	case "left", "h", "up", "k":
		p.p = max(p.p-1, model.P1)
	case "right", "l", "down", "j":
		p.p = min(p.p+1, model.P4)
	case "1", "2", "3", "4":
		p.p = model.Priority(s[0] - '0')
	}
	return nil, p.p != before
}

var priorityMeaning = map[model.Priority]string{
	model.P1: "emergency", model.P2: "today", model.P3: "this week", model.P4: "can wait",
}

func (p *PriorityField) view(int) []string {
	var parts []string
	for _, q := range []model.Priority{model.P1, model.P2, model.P3, model.P4} {
		label := " " + q.String() + " "
		if q == p.p {
			label = theme.Selected.Render(label)
		} else {
			label = theme.Priority[q].Render(label)
		}
		parts = append(parts, label)
	}
	hint := ""
	if p.focused {
		hint = theme.Muted.Render("  ←/→ · " + priorityMeaning[p.p])
	}
	return []string{strings.Join(parts, " ") + hint}
}

// CheckField is a yes/no the user must state: space or y/n toggles it.
type CheckField struct {
	on      bool
	label   string // what saying yes means
	focused bool
}

// NewCheckField starts unticked; label is what ticking it says.
func NewCheckField(label string) *CheckField { return &CheckField{label: label} }

func (c *CheckField) Checked() bool   { return c.on }
func (c *CheckField) Set(on bool)     { c.on = on }
func (c *CheckField) focus() tea.Cmd  { c.focused = true; return nil }
func (c *CheckField) blur()           { c.focused = false }
func (c *CheckField) multiline() bool { return false }
func (c *CheckField) update(msg tea.Msg) (tea.Cmd, bool) {
	key, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, false
	}
	before := c.on
	switch key.String() {
	case "space", "x":
		c.on = !c.on
	case "y":
		c.on = true
	case "n":
		c.on = false
	}
	return nil, c.on != before
}

func (c *CheckField) view(int) []string {
	box := "[ ] "
	if c.on {
		box = theme.OK.Render("[x] ")
	}
	hint := ""
	if c.focused {
		hint = theme.Muted.Render("  space or y/n")
	}
	return []string{box + c.label + hint}
}
