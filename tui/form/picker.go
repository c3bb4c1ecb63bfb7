package form

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"dispatch/tui/draw"
	"dispatch/tui/theme"
)

// Option is one choice in a picker.
type Option struct {
	ID    int64
	Label string
	Hint  string // shown muted after the label: "authorised", "45m away"
}

// Picker chooses one option from a list by typing to narrow it and moving
// with the arrows. The highlighted option is the choice, so tab moves on
// with it.
type Picker struct {
	options []Option
	query   textinput.Model
	cursor  int
	chosen  int64
	focused bool
	visible int
	// allowOther offers what was typed as a choice of its own ("someone
	// else: the receptionist"), chosen as OtherID and kept in otherText.
	allowOther bool
	otherText  string
}

// OtherID is the id of the typed-in choice.
const OtherID = -1

func NewPicker(placeholder string) *Picker {
	q := textinput.New()
	q.Prompt = "› "
	q.Placeholder = placeholder
	q.SetStyles(theme.Input())
	return &Picker{query: q, visible: 5}
}

// SetOptions replaces the list and keeps the choice if it is still there.
func (p *Picker) SetOptions(opts []Option) {
	p.options = opts
	if _, ok := p.find(p.chosen); !ok {
		p.chosen = 0
	}
	if len(opts) == 1 {
		p.chosen = opts[0].ID // one site, one choice: nothing to ask
	}
	p.syncCursor()
}

func (p *Picker) find(id int64) (Option, bool) {
	if id == OtherID && p.otherText != "" {
		return Option{ID: OtherID, Label: p.otherText, Hint: "not a contact"}, true
	}
	for _, o := range p.options {
		if o.ID == id && id != 0 {
			return o, true
		}
	}
	return Option{}, false
}

func (p *Picker) matches() []Option {
	typed := strings.TrimSpace(p.query.Value())
	q := strings.ToLower(typed)
	if q == "" {
		if p.allowOther && p.otherText != "" {
			return append(append([]Option(nil), p.options...), Option{ID: OtherID, Label: p.otherText, Hint: "not a contact"})
		}
		return p.options
	}
	var out []Option
	exact := false
	for _, o := range p.options {
		if strings.Contains(strings.ToLower(o.Label), q) {
			out = append(out, o)
			exact = exact || strings.EqualFold(o.Label, typed)
		}
	}
	if p.allowOther && !exact {
		out = append(out, Option{ID: OtherID, Label: typed, Hint: "someone else: not a contact"})
	}
	return out
}

// syncCursor highlights the choice; with none, nothing is highlighted, so
// what the list shows is what leaving the field keeps.
func (p *Picker) syncCursor() {
	p.cursor = -1
	for i, o := range p.matches() {
		if o.ID == p.chosen {
			p.cursor = i
		}
	}
}

func (p *Picker) focus() tea.Cmd {
	p.focused = true
	p.syncCursor()
	return p.query.Focus()
}

func (p *Picker) blur() {
	p.focused = false
	p.query.Blur()
	p.query.SetValue("")
}

// update handles a key or a paste while focused; it reports whether the
// choice changed. The arrows choose; typing only narrows the list, so a
// choice the user did not change is never lost to what they typed.
func (p *Picker) update(msg tea.Msg) (tea.Cmd, bool) {
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
		return cmd, false
	}
	p.pick(m)
	return nil, p.chosen != before
}

// commit takes the highlighted match as the choice when the user leaves
// the field having typed to find it; with nothing typed, the choice stands.
func (p *Picker) commit() bool {
	before := p.chosen
	if strings.TrimSpace(p.query.Value()) != "" {
		p.pick(p.matches())
	}
	return p.chosen != before
}

func (p *Picker) pick(m []Option) {
	if p.cursor >= 0 && p.cursor < len(m) {
		p.chosen = m[p.cursor].ID
		if p.chosen == OtherID {
			p.otherText = m[p.cursor].Label
		}
	}
}

func (p *Picker) view(width int) []string {
	if !p.focused {
		if o, ok := p.find(p.chosen); ok {
			return []string{draw.Fit(draw.Safe(o.Label)+theme.Muted.Render("  "+draw.Safe(o.Hint)), width)}
		}
		return []string{theme.Muted.Render("— not chosen —")}
	}
	p.query.SetWidth(max(width-4, 10))
	lines := []string{p.query.View()}
	m := p.matches()
	if len(m) == 0 {
		return append(lines, theme.Warn.Render("  no match — keep typing or erase"))
	}
	start := max(0, min(p.cursor-p.visible/2, len(m)-p.visible))
	for i := start; i < min(start+p.visible, len(m)); i++ {
		text := draw.Fit("  "+draw.Safe(m[i].Label)+"  "+theme.Muted.Render(draw.Safe(m[i].Hint)), width)
		if i == p.cursor {
			text = theme.Selected.Render(draw.Fit("▸ "+draw.Safe(m[i].Label)+"  "+draw.Safe(m[i].Hint), width))
		}
		lines = append(lines, text)
	}
	if len(m) > p.visible {
		lines = append(lines, theme.Muted.Render(draw.Fit("  … "+strconv.Itoa(len(m))+" in all; type to narrow", width)))
	}
	if p.cursor < 0 {
		lines = append(lines, theme.Muted.Render(draw.Fit("  ↓ to choose, or type to find", width)))
	}
	return lines
}

func (p *Picker) multiline() bool { return false }

// Chosen is the id of the choice: 0 for none, OtherID for the typed-in one.
func (p *Picker) Chosen() int64 { return p.chosen }

// Choose makes id the choice, as a suggestion the user can change.
func (p *Picker) Choose(id int64) { p.chosen = id }

// AllowOther offers whatever is typed as a choice of its own.
func (p *Picker) AllowOther() { p.allowOther = true }

// OtherText is the typed-in choice.
func (p *Picker) OtherText() string { return p.otherText }
