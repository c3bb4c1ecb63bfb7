package client

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/tui/draw"
	"dispatch/tui/page"
	"dispatch/tui/theme"
)

// Meetings is the office's list of meetings: the calls owed first (a
// meeting to confirm, a new client's first meeting to plan), then every
// meeting still to be held, soonest first.
type Meetings struct {
	deps   page.Deps
	km     meetingKeys
	rows   []meetingRow
	calls  int // the first rows are calls
	cursor int
	notice string // why the last key did nothing
	err    error
}

// meetingRow is a call owed, or a meeting to come.
type meetingRow struct {
	call    *model.MeetingCall
	meeting *model.Meeting
}

func (r meetingRow) clientID() int64 {
	if r.call != nil {
		return r.call.ClientID
	}
	return r.meeting.ClientID
}

// NewMeetings opens the list.
func NewMeetings(deps page.Deps) *Meetings {
	m := &Meetings{deps: deps, km: newMeetingKeys()}
	m.Refresh()
	return m
}

func (m *Meetings) Keys() help.KeyMap  { return m.km }
func (m *Meetings) CapturesText() bool { return false }
func (m *Meetings) Ticking() bool      { return false }

func (m *Meetings) Refresh() {
	d, ctx, who := m.deps.Door, m.deps.Ctx, m.deps.Actor()
	calls, err := d.MeetingCalls(ctx, who)
	if err != nil {
		m.err = err
		return
	}
	open, err := d.OpenMeetings(ctx, who)
	if m.err = err; err != nil {
		return
	}
	was := ""
	if m.cursor < len(m.rows) {
		was = m.rows[m.cursor].key()
	}
	m.rows = m.rows[:0]
	for i := range calls {
		m.rows = append(m.rows, meetingRow{call: &calls[i]})
	}
	m.calls = len(m.rows)
	for i := range open {
		m.rows = append(m.rows, meetingRow{meeting: &open[i]})
	}
	m.cursor = min(m.cursor, max(len(m.rows)-1, 0))
	for i, r := range m.rows { // the cursor stays on its meeting when others come and go
		if r.key() == was {
			m.cursor = i
			break
		}
	}
}

// key names a row's meeting, or the client whose first is to plan: the
// same meeting as a call and, once confirmed, as a meeting to come.
func (r meetingRow) key() string {
	switch {
	case r.meeting != nil:
		return r.meeting.Ref()
	case r.call.Meeting != nil:
		return r.call.Meeting.Ref()
	}
	return model.FormatID(model.PrefixClient, r.call.ClientID)
}

// meeting is the meeting the cursor is on, whether as a call or as itself.
func (m *Meetings) meeting() *model.Meeting {
	if m.cursor >= len(m.rows) {
		return nil
	}
	if r := m.rows[m.cursor]; r.call != nil {
		return r.call.Meeting
	} else {
		return r.meeting
	}
}

func (m *Meetings) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	m.notice = ""
	switch {
	case key.Matches(k, m.km.Back):
		return m, m.deps.Close("")
	case key.Matches(k, m.km.Down):
		m.cursor = min(m.cursor+1, max(len(m.rows)-1, 0))
	case key.Matches(k, m.km.Up):
		m.cursor = max(m.cursor-1, 0)
	case m.cursor >= len(m.rows):
	case key.Matches(k, m.km.Open):
		return m, m.deps.Go(page.ToClient{ID: m.rows[m.cursor].clientID()})
	case key.Matches(k, m.km.Plan):
		r, kind := m.rows[m.cursor], model.MeetingRoadmap
		name := ""
		if r.call != nil {
			name = r.call.Client
			if r.call.Meeting == nil {
				kind = model.MeetingFirst
			}
		} else {
			name = r.meeting.Client
		}
		return m, openForm(m.deps, newPlanForm(m.deps, r.clientID(), name, kind))
	case key.Matches(k, m.km.Confirm):
		if mt := m.meeting(); mt != nil {
			return m, openForm(m.deps, newMeetingNoteForm(m.deps, *mt, confirming))
		}
		m.notice = "a new client has no meeting to confirm yet: p plans one"
	case key.Matches(k, m.km.Held):
		if mt := m.meeting(); mt != nil {
			return m, openForm(m.deps, newMeetingNoteForm(m.deps, *mt, holding))
		}
		m.notice = "a new client has no meeting to record held: p plans one"
	case key.Matches(k, m.km.CallOff):
		if mt := m.meeting(); mt != nil {
			return m, openForm(m.deps, newMeetingNoteForm(m.deps, *mt, callingOff))
		}
		m.notice = "a new client has no meeting to call off: p plans one"
	}
	return m, nil
}

func (m *Meetings) View(width, height int) string {
	out := []string{draw.Fit(theme.Header.Render("Meetings")+theme.Muted.Render(
		"  · "+model.Plural(m.calls, "call")+" to make · enter opens the client · p plan · c confirmed · d held · x call off"), width)}
	if m.err != nil {
		return strings.Join(append(out, draw.WrapNotice(theme.Error, m.err.Error(), width)...), "\n")
	}
	if m.notice != "" {
		out = append(out, draw.WrapNotice(theme.Error, m.notice, width)...)
	}
	loc := m.deps.Door.Location()
	var lines []string
	cursorLine := 0
	for i, r := range m.rows {
		if i == 0 && m.calls > 0 {
			lines = append(lines, theme.Section.Render(fmt.Sprintf("CALLS TO MAKE (%d)", m.calls)))
		}
		if i == m.calls {
			lines = append(lines, theme.Section.Render(fmt.Sprintf("MEETINGS TO COME (%d)", len(m.rows)-m.calls)))
		}
		line := meetingLine(r, loc)
		if i == m.cursor {
			cursorLine = len(lines)
			line = theme.Selected.Render(draw.Fit("▸ "+line, width))
		} else {
			line = draw.Fit("  "+line, width)
		}
		lines = append(lines, line)
	}
	if len(m.rows) == 0 {
		lines = append(lines, theme.Muted.Render("  no calls to make and no meeting planned: p on a client's page plans one"))
	}
	room := max(height-len(out), 1)
	start := max(0, min(cursorLine-room/2, len(lines)-room))
	return strings.Join(append(out, lines[start:min(start+room, len(lines))]...), "\n")
}

// meetingLine is a call or a meeting in a line: which, whose, what.
func meetingLine(r meetingRow, loc *time.Location) string {
	if c := r.call; c != nil {
		ref, mark := model.FormatID(model.PrefixClient, c.ClientID), theme.Warn.Render("due    ")
		if c.Meeting != nil {
			ref = c.Meeting.Ref()
		}
		if c.Overdue {
			mark = theme.Error.Render("overdue")
		}
		return fmt.Sprintf("%s %-6s %s · %s", mark, ref, theme.Header.Render(draw.Safe(c.Client)), c.What(loc))
	}
	mt := r.meeting
	state := theme.Warn.Render("not confirmed")
	if !mt.ConfirmedAt.IsZero() {
		state = theme.OK.Render("confirmed")
	}
	return fmt.Sprintf("%-6s %s  %-7s %s · %s · %s", mt.Ref(), mt.At.In(loc).Format("Mon 2 Jan 15:04"), mt.Kind,
		theme.Header.Render(draw.Safe(mt.Client)), state, draw.Safe(strings.Join(mt.Agenda, "; ")))
}

// openForm opens a form page with its first field focused.
func openForm(deps page.Deps, f interface {
	page.Page
	FocusCurrent() tea.Cmd
}) tea.Cmd {
	return tea.Batch(deps.Open(f), f.FocusCurrent())
}

type meetingKeys struct{ Up, Down, Open, Plan, Confirm, Held, CallOff, Back, Help, Quit key.Binding }

func newMeetingKeys() meetingKeys {
	return meetingKeys{
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Open:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "client")),
		Plan:    key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "plan a meeting")),
		Confirm: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "confirmed")),
		Held:    key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "held")),
		CallOff: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "call off")),
		Back:    key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back")),
		Help:    key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Quit:    key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
}

func (k meetingKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.Plan, k.Confirm, k.Held, k.CallOff, k.Back, k.Help}
}
func (k meetingKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Open}, {k.Plan, k.Confirm, k.Held, k.CallOff}, {k.Back, k.Help, k.Quit}}
}
