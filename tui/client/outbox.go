package client

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/tui/draw"
	"dispatch/tui/form"
	"dispatch/tui/page"
	"dispatch/tui/theme"
)

// Outbox is the letters to clients and technicians, newest written first:
// what waits, what went, what failed and why; f shows one state, enter
// reads a letter as it is sent, r tries one again, x stops one not yet
// sent.
type Outbox struct {
	deps    page.Deps
	km      outboxKeys
	letters []model.OutboxLetter
	counts  map[model.OutboxState]int
	state   model.OutboxState // the state shown, "" for every one
	server  string            // the mail server letters go through, or "" for none
	cursor  int
	reading bool
	scroll  int // of the letter read
	height  int
	notice  string
	err     error
}

// outboxStates are the states f steps through, every one first.
var outboxStates = []model.OutboxState{"", model.OutboxQueued, model.OutboxFailed, model.OutboxSent, model.OutboxCancelled}

// NewOutbox opens the outbox.
func NewOutbox(deps page.Deps) *Outbox {
	o := &Outbox{deps: deps, km: newOutboxKeys()}
	o.Refresh()
	return o
}

func (o *Outbox) Keys() help.KeyMap  { return o.km }
func (o *Outbox) CapturesText() bool { return false }
func (o *Outbox) Ticking() bool      { return false }

func (o *Outbox) Refresh() {
	was := int64(0)
	if o.cursor < len(o.letters) {
		was = o.letters[o.cursor].ID
	}
	all, err := o.deps.Door.Outbox(o.deps.Ctx, o.deps.Actor(), "", 500)
	o.letters, o.err, o.counts = nil, err, map[model.OutboxState]int{}
	for _, l := range all {
		o.counts[l.State]++
		if o.state == "" || l.State == o.state {
			o.letters = append(o.letters, l)
		}
	}
	o.server = o.deps.Door.MailServer(o.deps.Ctx)
	o.cursor = min(o.cursor, max(len(o.letters)-1, 0))
	for i, l := range o.letters { // the cursor stays on its letter as others arrive
		if l.ID == was {
			o.cursor = i
		}
	}
}

func (o *Outbox) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return o, nil
	}
	o.notice = ""
	page := max(o.height-3, 1)
	if o.reading {
		return o, o.read(k, page)
	}
	switch {
	case key.Matches(k, o.km.Back):
		return o, o.deps.Close("")
	case key.Matches(k, o.km.Down):
		o.cursor++
	case key.Matches(k, o.km.Up):
		o.cursor--
	case key.Matches(k, o.km.PageDown):
		o.cursor += page
	case key.Matches(k, o.km.PageUp):
		o.cursor -= page
	case key.Matches(k, o.km.Top):
		o.cursor = 0
	case key.Matches(k, o.km.Bottom):
		o.cursor = len(o.letters)
	case key.Matches(k, o.km.Filter):
		for i, s := range outboxStates {
			if s == o.state {
				o.state = outboxStates[(i+1)%len(outboxStates)]
				break
			}
		}
		o.cursor = 0
		o.Refresh()
	case o.cursor >= len(o.letters):
	case key.Matches(k, o.km.Open):
		o.reading, o.scroll = true, 0
	case key.Matches(k, o.km.Retry), key.Matches(k, o.km.Cancel):
		return o, o.act(key.Matches(k, o.km.Retry))
	}
	o.cursor = max(min(o.cursor, len(o.letters)-1), 0)
	return o, nil
}

// read is the keys of a letter being read: scroll it, act on it, leave it.
func (o *Outbox) read(k tea.KeyPressMsg, page int) tea.Cmd {
	switch {
	case key.Matches(k, o.km.Back), key.Matches(k, o.km.Open):
		o.reading = false
	case key.Matches(k, o.km.Down):
		o.scroll++
	case key.Matches(k, o.km.Up):
		o.scroll = max(o.scroll-1, 0)
	case key.Matches(k, o.km.PageDown):
		o.scroll += page
	case key.Matches(k, o.km.PageUp):
		o.scroll = max(o.scroll-page, 0)
	case key.Matches(k, o.km.Top):
		o.scroll = 0
	case key.Matches(k, o.km.Retry), key.Matches(k, o.km.Cancel):
		return o.act(key.Matches(k, o.km.Retry))
	}
	return nil
}

// act tries the letter under the cursor again, or asks before stopping it.
func (o *Outbox) act(retry bool) tea.Cmd {
	if o.cursor >= len(o.letters) {
		return nil
	}
	l := o.letters[o.cursor]
	if !retry {
		return o.deps.Open(form.NewConfirm(o.deps, fmt.Sprintf("Stop %s to %s?", l.Ref(), l.To.Email), "It will not be sent; r on it sends it later.",
			func() (string, error) {
				stopped, err := o.deps.Door.CancelLetter(o.deps.Ctx, o.deps.Actor(), l.ID)
				return fmt.Sprintf("%s is %s: it will not be sent", stopped.Ref(), stopped.State), err
			}))
	}
	again, err := o.deps.Door.RetryLetter(o.deps.Ctx, o.deps.Actor(), l.ID)
	if err != nil {
		o.notice = err.Error()
		return nil
	}
	o.notice = fmt.Sprintf("%s is %s, to %s", again.Ref(), again.State, again.To.Email)
	if o.server == "" {
		o.notice += "; it goes once the server runs with --smtp"
	}
	o.Refresh()
	return nil
}

func (o *Outbox) View(width, height int) string {
	o.height = height
	shown := "every state"
	if o.state != "" {
		shown = string(o.state) + " only"
	}
	out := []string{draw.Fit(theme.Header.Render("Outbox")+theme.Muted.Render(fmt.Sprintf("  · %d queued · %d sent · %d failed · %d cancelled · showing %s, newest first",
		o.counts[model.OutboxQueued], o.counts[model.OutboxSent], o.counts[model.OutboxFailed], o.counts[model.OutboxCancelled], shown)), width)}
	if o.server == "" {
		out = append(out, draw.WrapNotice(theme.Warn, model.MailStatus(o.server)+"; enter reads each as it would be sent", width)...)
	} else {
		out = append(out, draw.Fit(theme.Muted.Render(model.MailStatus(o.server)), width))
	}
	if o.err != nil {
		return strings.Join(append(out, draw.WrapNotice(theme.Error, o.err.Error(), width)...), "\n")
	}
	if o.notice != "" {
		out = append(out, draw.WrapNotice(theme.Warn, o.notice, width)...)
	}
	if len(o.letters) == 0 {
		empty := "  no letters yet: each booking, trip, arrival and departure writes one to the client"
		if o.state != "" {
			empty = fmt.Sprintf("  no letter is %s (f shows another state)", o.state)
		}
		return strings.Join(append(out, theme.Muted.Render(empty)), "\n")
	}
	room := max(height-len(out), 1)
	if o.reading {
		body := o.letter(o.letters[o.cursor], width)
		o.scroll = min(o.scroll, max(len(body)-room, 0))
		return strings.Join(append(out, body[o.scroll:min(o.scroll+room, len(body))]...), "\n")
	}
	loc := o.deps.Door.Location()
	var lines []string
	for i, l := range o.letters {
		line := fmt.Sprintf("%-6s %s %s %s · %s", l.Ref(), l.CreatedAt.In(loc).Format("Mon 2 Jan 15:04"), stateLabel(l.State), draw.Safe(l.To.Email),
			draw.Safe(l.Subject))
		if i == o.cursor {
			line = theme.Selected.Render(draw.Fit("▸ "+line, width))
		} else {
			line = draw.Fit("  "+line, width)
		}
		lines = append(lines, line)
	}
	start := max(0, min(o.cursor-room/2, len(lines)-room))
	return strings.Join(append(out, lines[start:min(start+room, len(lines))]...), "\n")
}

// stateLabel is a letter's state as the list shows it, in the words the
// outbox commands use.
func stateLabel(s model.OutboxState) string {
	label := fmt.Sprintf("%-9s", s)
	switch s {
	case model.OutboxQueued:
		return theme.Warn.Render(label)
	case model.OutboxSent:
		return theme.OK.Render(label)
	case model.OutboxFailed:
		return theme.Error.Render(label)
	}
	return theme.Muted.Render(label)
}

// letter is one letter as it is sent, with what became of it.
func (o *Outbox) letter(l model.OutboxLetter, width int) []string {
	loc := o.deps.Door.Location()
	status := fmt.Sprintf("  %s · %s · written %s", l.State, l.Tries(), l.CreatedAt.In(loc).Format("Mon 2 Jan 15:04"))
	if l.State == model.OutboxQueued && l.Attempts > 0 {
		status += " · next try " + l.NextAt.In(loc).Format("15:04")
	}
	out := []string{"", theme.Section.Render(l.Ref()) + theme.Muted.Render(status)}
	if said := l.Said(); said != "" {
		out = append(out, draw.WrapNotice(theme.Error, said, width)...)
	}
	out = append(out, draw.Fit("To: "+draw.Safe(l.To.Name)+" <"+draw.Safe(l.To.Email)+">", width), draw.Fit("Subject: "+draw.Safe(l.Subject), width), "")
	for _, line := range strings.Split(l.Text, "\n") {
		out = append(out, draw.Hang("", draw.Safe(line), width, 0)...)
	}
	for _, extra := range model.LetterExtras(l) {
		out = append(out, draw.Fit(theme.Muted.Render(extra), width))
	}
	return out
}

type outboxKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Filter, Open, Retry, Cancel             key.Binding
	Back, Help, Quit                        key.Binding
}

func newOutboxKeys() outboxKeys {
	return outboxKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "space", "ctrl+d"), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "newest")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "oldest")),
		Filter:   key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "state")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "read it")),
		Retry:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "try again")),
		Cancel:   key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "stop it")),
		Back:     key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back")),
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Quit:     key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
}

func (k outboxKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.Filter, k.Retry, k.Cancel, k.Back, k.Help}
}
func (k outboxKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Open, k.Filter, k.Retry, k.Cancel}, {k.Back, k.Help, k.Quit}}
}
