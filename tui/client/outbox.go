package client

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/tui/draw"
	"dispatch/tui/page"
	"dispatch/tui/theme"
)

// Outbox is the letters to clients and technicians, newest first: what waits, what went,
// what failed and why; enter reads one as it is sent, r tries a failed one
// again, x stops one not yet sent.
type Outbox struct {
	deps    page.Deps
	km      outboxKeys
	letters []model.OutboxLetter
	server  string // the mail server letters go through, or "" for none
	cursor  int
	reading bool
	notice  string
	err     error
}

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
	o.letters, o.err = o.deps.Door.Outbox(o.deps.Ctx, o.deps.Actor(), "", 500)
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
	switch {
	case key.Matches(k, o.km.Back):
		if o.reading {
			o.reading = false
			return o, nil
		}
		return o, o.deps.Close("")
	case key.Matches(k, o.km.Down):
		o.cursor = min(o.cursor+1, max(len(o.letters)-1, 0))
	case key.Matches(k, o.km.Up):
		o.cursor = max(o.cursor-1, 0)
	case o.cursor >= len(o.letters):
	case key.Matches(k, o.km.Open):
		o.reading = !o.reading
	case key.Matches(k, o.km.Retry), key.Matches(k, o.km.Cancel):
		id := o.letters[o.cursor].ID
		var l model.OutboxLetter
		var err error
		if key.Matches(k, o.km.Retry) {
			l, err = o.deps.Door.RetryLetter(o.deps.Ctx, o.deps.Actor(), id)
		} else {
			l, err = o.deps.Door.CancelLetter(o.deps.Ctx, o.deps.Actor(), id)
		}
		if err != nil {
			o.notice = err.Error()
			return o, nil
		}
		o.notice = fmt.Sprintf("%s is %s", l.Ref(), l.State)
		o.Refresh()
	}
	return o, nil
}

func (o *Outbox) View(width, height int) string {
	counts := map[model.OutboxState]int{}
	for _, l := range o.letters {
		counts[l.State]++
	}
	out := []string{draw.Fit(theme.Header.Render("Outbox")+theme.Muted.Render(fmt.Sprintf("  · %d waiting · %d sent · %d failed · letters, newest first",
		counts[model.OutboxQueued], counts[model.OutboxSent], counts[model.OutboxFailed])), width)}
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
		return strings.Join(append(out, theme.Muted.Render("  no letters yet: each booking, trip, arrival and departure writes one to the client")), "\n")
	}
	if o.reading {
		return strings.Join(append(out, o.letter(o.letters[o.cursor], width)...), "\n")
	}
	loc := o.deps.Door.Location()
	var lines []string
	for i, l := range o.letters {
		state := map[model.OutboxState]string{model.OutboxQueued: theme.Warn.Render("waiting "), model.OutboxSent: theme.OK.Render("sent    "),
			model.OutboxFailed: theme.Error.Render("FAILED  "), model.OutboxCancelled: theme.Muted.Render("stopped ")}[l.State]
		line := fmt.Sprintf("%-6s %s %s %s · %s", l.Ref(), l.CreatedAt.In(loc).Format("Mon 2 Jan 15:04"), state, draw.Safe(l.To.Email), draw.Safe(l.Subject))
		if i == o.cursor {
			line = theme.Selected.Render(draw.Fit("▸ "+line, width))
		} else {
			line = draw.Fit("  "+line, width)
		}
		lines = append(lines, line)
	}
	room := max(height-len(out), 1)
	start := max(0, min(o.cursor-room/2, len(lines)-room))
	return strings.Join(append(out, lines[start:min(start+room, len(lines))]...), "\n")
}

// letter is one letter as it is sent, with what became of it.
func (o *Outbox) letter(l model.OutboxLetter, width int) []string {
	loc := o.deps.Door.Location()
	out := []string{"", theme.Section.Render(l.Ref()) + theme.Muted.Render(fmt.Sprintf("  %s · %d tries · written %s", l.State, l.Attempts,
		l.CreatedAt.In(loc).Format("Mon 2 Jan 15:04")))}
	if l.LastError != "" {
		out = append(out, draw.WrapNotice(theme.Error, "the mail server said: "+l.LastError, width)...)
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

type outboxKeys struct{ Up, Down, Open, Retry, Cancel, Back, Help, Quit key.Binding }

func newOutboxKeys() outboxKeys {
	return outboxKeys{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Open:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "read it")),
		Retry:  key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "try again")),
		Cancel: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "stop it")),
		Back:   key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back")),
		Help:   key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Quit:   key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
}

func (k outboxKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.Retry, k.Cancel, k.Back, k.Help}
}
func (k outboxKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Open}, {k.Retry, k.Cancel}, {k.Back, k.Help, k.Quit}}
}
