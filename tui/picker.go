package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// option is one choice in a picker.
type option struct {
	id    int64
	label string
	hint  string // shown muted after the label: "authorised", "45m away"
}

// picker chooses one option from a list by typing to narrow it and moving
// with the arrows. The highlighted option is the choice, so tab moves on
// with it.
type picker struct {
	options []option
	query   textinput.Model
	cursor  int
	chosen  int64
	focused bool
	visible int
	// allowOther offers what was typed as a choice of its own ("someone
	// else: the receptionist"), chosen as otherID and kept in otherText.
	allowOther bool
	otherText  string
}

// otherID is the id of the typed-in choice.
const otherID = -1

func newPicker(placeholder string) *picker {
	q := textinput.New()
	q.Prompt = "› "
	q.Placeholder = placeholder
	q.SetStyles(inputStyles())
	return &picker{query: q, visible: 5}
}

// setOptions replaces the list and keeps the choice if it is still there.
func (p *picker) setOptions(opts []option) {
	p.options = opts
	if _, ok := p.find(p.chosen); !ok {
		p.chosen = 0
	}
	if len(opts) == 1 {
		p.chosen = opts[0].id // one site, one choice: nothing to ask
	}
	p.syncCursor()
}

func (p *picker) find(id int64) (option, bool) {
	if id == otherID && p.otherText != "" {
		return option{id: otherID, label: p.otherText, hint: "not a contact"}, true
	}
	for _, o := range p.options {
		if o.id == id && id != 0 {
			return o, true
		}
	}
	return option{}, false
}

func (p *picker) matches() []option {
	typed := strings.TrimSpace(p.query.Value())
	q := strings.ToLower(typed)
	if q == "" {
		if p.allowOther && p.otherText != "" {
			return append(append([]option(nil), p.options...), option{id: otherID, label: p.otherText, hint: "not a contact"})
		}
		return p.options
	}
	var out []option
	exact := false
	for _, o := range p.options {
		if strings.Contains(strings.ToLower(o.label), q) {
			out = append(out, o)
			exact = exact || strings.EqualFold(o.label, typed)
		}
	}
	if p.allowOther && !exact {
		out = append(out, option{id: otherID, label: typed, hint: "someone else: not a contact"})
	}
	return out
}

func (p *picker) syncCursor() {
	p.cursor = 0
	for i, o := range p.matches() {
		if o.id == p.chosen {
			p.cursor = i
		}
	}
}

func (p *picker) focus() tea.Cmd {
	p.focused = true
	p.syncCursor()
	return p.query.Focus()
}

func (p *picker) blur() {
	p.focused = false
	p.query.Blur()
	p.query.SetValue("")
}

// update handles a key or a paste while focused; it reports whether the
// choice changed.
func (p *picker) update(msg tea.Msg) (tea.Cmd, bool) {
	before := p.chosen
	m := p.matches()
	name := ""
	if key, ok := msg.(tea.KeyPressMsg); ok {
		name = key.String()
	}
	switch name {
	case "down", "ctrl+n":
		p.cursor = min(p.cursor+1, max(len(m)-1, 0))
	case "up", "ctrl+p":
		p.cursor = max(p.cursor-1, 0)
	default:
		var cmd tea.Cmd
		p.query, cmd = p.query.Update(msg)
		p.cursor = 0
		m = p.matches()
		p.pick(m)
		return cmd, p.chosen != before
	}
	p.pick(m)
	return nil, p.chosen != before
}

func (p *picker) pick(m []option) {
	if p.cursor < len(m) {
		p.chosen = m[p.cursor].id
		if p.chosen == otherID {
			p.otherText = m[p.cursor].label
		}
	} else if p.query.Value() != "" {
		p.chosen = 0 // typed something that matches nothing
	}
}

func (p *picker) view(width int) []string {
	if !p.focused {
		if o, ok := p.find(p.chosen); ok {
			return []string{fit(safe(o.label)+styleMuted.Render("  "+safe(o.hint)), width)}
		}
		return []string{styleMuted.Render("— not chosen —")}
	}
	p.query.SetWidth(max(width-4, 10))
	lines := []string{p.query.View()}
	m := p.matches()
	if len(m) == 0 {
		return append(lines, styleWarn.Render("  no match — keep typing or erase"))
	}
	start := max(0, min(p.cursor-p.visible/2, len(m)-p.visible))
	for i := start; i < min(start+p.visible, len(m)); i++ {
		text := fit("  "+safe(m[i].label)+"  "+styleMuted.Render(safe(m[i].hint)), width)
		if i == p.cursor {
			text = styleSelected.Render(fit("▸ "+safe(m[i].label)+"  "+safe(m[i].hint), width))
		}
		lines = append(lines, text)
	}
	if len(m) > p.visible {
		lines = append(lines, styleMuted.Render(fit("  … "+strconv.Itoa(len(m))+" in all; type to narrow", width)))
	}
	return lines
}

func (p *picker) multiline() bool { return false }
