package tui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"dispatch/model"
)

// field is one input of a form.
type field interface {
	focus() tea.Cmd
	blur()
	update(tea.Msg) (tea.Cmd, bool) // keys and pastes; bool: the value changed
	view(width int) []string
	multiline() bool // enter belongs to the field, not the form
}

// form is the frame every form shares: labelled fields, tab between them,
// inline errors under the field they concern, and nothing typed ever lost.
type form struct {
	title   string
	names   []string // match model.FieldError.Field
	labels  []string
	fields  []field
	current int
	errs    model.Invalid
	general string
	km      formKeys
	nav     *navigator // esc leaves at once, as saving does
}

func (f *form) add(name, label string, fl field) {
	f.names, f.labels, f.fields = append(f.names, name), append(f.labels, label), append(f.fields, fl)
}

func (f *form) keys() help.KeyMap { return f.km }
func (f *form) refresh()          {} // a form shows what is typed, not what is stored

// handleOrLeave is handle for a form that esc simply leaves: nothing typed
// in it is worth a draft.
func (f *form) handleOrLeave(msg tea.Msg, submit func() tea.Cmd) tea.Cmd {
	cmd, _ := f.handle(msg, submit, func() tea.Cmd { return Deps{nav: f.nav}.close("") })
	return cmd
}
func (f *form) capturesText() bool { return true }
func (f *form) ticking() bool      { return false } // a form shows no timers

func (f *form) focusCurrent() tea.Cmd {
	for i, fl := range f.fields {
		if i != f.current {
			fl.blur()
		}
	}
	return f.fields[f.current].focus()
}

func (f *form) move(delta int) tea.Cmd {
	f.current = (f.current + delta + len(f.fields)) % len(f.fields)
	return f.focusCurrent()
}

// handle deals with the keys every form shares; submit runs on ctrl+s or
// enter in the last field. It reports whether the key was used and whether
// the current field's value changed.
func (f *form) handle(msg tea.Msg, submit func() tea.Cmd, cancel func() tea.Cmd) (tea.Cmd, bool) {
	if paste, ok := msg.(tea.PasteMsg); ok {
		return f.fields[f.current].update(paste)
	}
	key, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, false
	}
	return f.handleKey(key, submit, cancel)
}

func (f *form) handleKey(msg tea.KeyPressMsg, submit func() tea.Cmd, cancel func() tea.Cmd) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, f.km.Cancel):
		return cancel(), false
	case key.Matches(msg, f.km.Submit):
		return submit(), false
	case key.Matches(msg, f.km.Next):
		return f.move(1), false
	case key.Matches(msg, f.km.Prev):
		return f.move(-1), false
	case msg.String() == "enter" && !f.fields[f.current].multiline():
		if f.current == len(f.fields)-1 {
			return submit(), false
		}
		return f.move(1), false
	}
	return f.fields[f.current].update(msg)
}

// showError puts field errors beside their fields and anything else on top,
// then moves to the first field that needs fixing.
func (f *form) showError(err error) tea.Cmd {
	f.errs, f.general = nil, ""
	var inv model.Invalid
	var fe model.FieldError
	switch {
	case errors.As(err, &inv):
		f.errs = inv
	case errors.As(err, &fe):
		f.errs = model.Invalid{fe}
	default:
		f.general = err.Error()
		return nil
	}
	for i, name := range f.names {
		if f.errs.For(name) != "" {
			f.current = i
			return f.focusCurrent()
		}
	}
	// An error for a field this form does not show is still an error.
	f.general = f.errs.Error()
	return nil
}

func (f *form) view(width, height int) string {
	inner := min(width-4, 100)
	var lines []string
	lines = append(lines, styleTitle.Render(f.title), "")
	if f.general != "" {
		lines = append(lines, wrapError("✗ "+safe(f.general), inner, 0)...)
		lines = append(lines, "")
	}
	focusTop, focusEnd := 0, 0
	for i, fl := range f.fields {
		if i == f.current {
			focusTop = len(lines)
		}
		label := styleLabel.Render(f.labels[i])
		if i == f.current {
			label = styleFocus.Width(11).Render(f.labels[i])
		}
		body := fl.view(inner - 12)
		lines = append(lines, label+" "+body[0])
		for _, more := range body[1:] {
			lines = append(lines, spaces(12)+more)
		}
		if msg := f.errs.For(f.names[i]); msg != "" {
			lines = append(lines, wrapError("✗ "+f.names[i]+" "+safe(msg), inner-12, 12)...)
		}
		if i == f.current {
			focusEnd = len(lines)
		}
	}
	lines = scrollToFocus(lines, focusTop, focusEnd, height-2) // the box's borders take two
	for i := range lines {
		lines[i] = fit(lines[i], inner) // a field may draw wider than asked; the box must not
	}
	body := styleBox.Render(strings.Join(lines, "\n"))
	return padLines(body, height)
}

// scrollToFocus shows room lines of a form that does not fit, keeping the
// focused field and its error in view; the title stays on top.
func scrollToFocus(lines []string, top, end, room int) []string {
	if len(lines) <= room || room < 4 {
		return lines
	}
	off := 0
	if end > room {
		off = min(end-room+1, top-1) // keep one line for the title
	}
	shown := append([]string{lines[0]}, lines[1+off:min(len(lines), off+room)]...)
	return shown
}

// wrapError wraps a message to width, indented: an error must be read whole,
// since its second half says what to do.
func wrapError(msg string, width, indent int) []string {
	wrapped := lipgloss.NewStyle().Width(max(width, 10)).Render(msg)
	var out []string
	for _, l := range strings.Split(wrapped, "\n") {
		out = append(out, spaces(indent)+styleError.Render(strings.TrimRight(l, " ")))
	}
	return out
}

// typingCap lets a field take well past its limit: text over the limit is
// kept and refused on saving with its length and the limit, so nothing a
// user typed or pasted is cut silently. The cap only bounds a runaway paste.
func typingCap(limit int) int { return max(4*limit, 500) }

// textField is a one-line input.
type textField struct{ in textinput.Model }

func newTextField(placeholder string, limit int) *textField {
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = placeholder
	in.CharLimit = typingCap(limit)
	in.SetStyles(inputStyles())
	return &textField{in: in}
}

func (t *textField) focus() tea.Cmd  { return t.in.Focus() }
func (t *textField) blur()           { t.in.Blur() }
func (t *textField) multiline() bool { return false }
func (t *textField) value() string   { return t.in.Value() }
func (t *textField) update(msg tea.Msg) (tea.Cmd, bool) {
	before := t.in.Value()
	var cmd tea.Cmd
	t.in, cmd = t.in.Update(msg)
	return cmd, t.in.Value() != before
}
func (t *textField) view(width int) []string {
	t.in.SetWidth(max(width-1, 10)) // the cursor takes one cell past the width
	return []string{t.in.View()}
}

// areaField is a multi-line input; enter starts a new line.
type areaField struct{ in textarea.Model }

func newAreaField(placeholder string, limit int) *areaField {
	in := textarea.New()
	in.Placeholder = placeholder
	in.CharLimit = typingCap(limit)
	in.ShowLineNumbers = false
	in.Prompt = "│ "
	s := textarea.DefaultDarkStyles()
	s.Cursor.Blink = false
	in.SetStyles(s)
	in.SetHeight(3)
	return &areaField{in: in}
}

func (a *areaField) focus() tea.Cmd  { return a.in.Focus() }
func (a *areaField) blur()           { a.in.Blur() }
func (a *areaField) multiline() bool { return true }
func (a *areaField) value() string   { return a.in.Value() }
func (a *areaField) update(msg tea.Msg) (tea.Cmd, bool) {
	before := a.in.Value()
	var cmd tea.Cmd
	a.in, cmd = a.in.Update(msg)
	return cmd, a.in.Value() != before
}
func (a *areaField) view(width int) []string {
	a.in.SetWidth(max(width, 10))
	return strings.Split(a.in.View(), "\n")
}

// priorityField chooses P1–P4 with the arrows or by typing the digit.
type priorityField struct {
	p       model.Priority
	focused bool
}

func (p *priorityField) focus() tea.Cmd  { p.focused = true; return nil }
func (p *priorityField) blur()           { p.focused = false }
func (p *priorityField) multiline() bool { return false }
func (p *priorityField) update(msg tea.Msg) (tea.Cmd, bool) {
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

func (p *priorityField) view(int) []string {
	var parts []string
	for _, q := range []model.Priority{model.P1, model.P2, model.P3, model.P4} {
		label := " " + q.String() + " "
		if q == p.p {
			label = styleSelected.Render(label)
		} else {
			label = priorityStyle[q].Render(label)
		}
		parts = append(parts, label)
	}
	hint := ""
	if p.focused {
		hint = styleMuted.Render("  ←/→ · " + priorityMeaning[p.p])
	}
	return []string{strings.Join(parts, " ") + hint}
}

// checkField is a yes/no the user must state: space or y/n toggles it.
type checkField struct {
	on      bool
	label   string // what saying yes means
	focused bool
}

func (c *checkField) focus() tea.Cmd  { c.focused = true; return nil }
func (c *checkField) blur()           { c.focused = false }
func (c *checkField) multiline() bool { return false }
func (c *checkField) update(msg tea.Msg) (tea.Cmd, bool) {
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

func (c *checkField) view(int) []string {
	box := "[ ] "
	if c.on {
		box = styleOK.Render("[x] ")
	}
	hint := ""
	if c.focused {
		hint = styleMuted.Render("  space or y/n")
	}
	return []string{box + c.label + hint}
}
