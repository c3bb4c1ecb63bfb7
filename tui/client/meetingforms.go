package client

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/tui/form"
	"dispatch/tui/page"
)

// planForm records the invitation to a meeting: its kind, when it is, and
// the agenda, items separated by semicolons.
type planForm struct {
	*form.Form
	deps     page.Deps
	clientID int64
	kind     *form.ChoiceField
	at       *form.TextField
	agenda   *form.TextField
}

func newPlanForm(deps page.Deps, clientID int64, client string, kind model.MeetingKind) *planForm {
	f := &planForm{Form: form.New(deps, "Plan a meeting · "+client, "cancel"), deps: deps, clientID: clientID,
		kind:   form.NewChoiceField(string(model.MeetingFirst), string(model.MeetingRoadmap)),
		at:     form.NewTextField("like "+deps.Door.Now().In(deps.Door.Location()).AddDate(0, 0, 7).Format("2006-01-02")+" 10:00 or tomorrow 9:00", 40),
		agenda: form.NewTextField("what it is for; items separated by ;", 600)}
	if kind != "" {
		f.kind.Choose(string(kind))
	}
	f.Add("kind", "Kind", f.kind)
	f.Add("when", "When", f.at)
	f.Also("when", "at") // the door and the parser speak of --at
	f.Add("agenda", "Agenda", f.agenda)
	f.Start("when")
	return f
}

func (f *planForm) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	return f, f.HandleOrLeave(msg, f.submit)
}

func (f *planForm) submit() tea.Cmd {
	d := f.deps.Door
	var bad model.Invalid
	m := model.Meeting{ClientID: f.clientID, Agenda: strings.Split(f.agenda.Value(), ";")}
	var err error
	m.Kind, err = model.ParseMeetingKind(f.kind.Chosen())
	bad.Add("kind", err)
	m.At, err = model.ParseWhen("at", f.at.Value(), d.Now(), d.Location())
	bad.Add("at", err)
	if err := bad.Err(); err != nil {
		return f.ShowError(err)
	}
	if m, err = d.PlanMeeting(f.deps.Ctx, f.deps.Actor(), m); err != nil {
		return f.ShowError(err)
	}
	return f.deps.Close(fmt.Sprintf("%s planned: %s meeting %s; call to confirm from the next business day",
		m.Ref(), m.Kind, m.At.In(d.Location()).Format("Mon 2 Jan 15:04")))
}

// noteFor is what a meeting note form records.
type noteFor int

const (
	confirming noteFor = iota // the call that confirmed it
	holding                   // what was said and agreed
	callingOff                // why it will not happen
)

// meetingNoteForm records a meeting confirmed, held or called off, with a
// line of why or what.
type meetingNoteForm struct {
	*form.Form
	deps page.Deps
	m    model.Meeting
	mode noteFor
	note *form.TextField
}

func newMeetingNoteForm(deps page.Deps, m model.Meeting, mode noteFor) *meetingNoteForm {
	t := []struct{ title, name, label, hint string }{
		confirming: {"Confirm", "note", "Note", "who confirmed it, anything changed (may be empty)"},
		holding:    {"Held:", "notes", "Notes", "what was said and agreed"},
		callingOff: {"Call off", "reason", "Why", "why it will not happen, and what next"},
	}[mode]
	f := &meetingNoteForm{Form: form.New(deps, t.title+" "+m.Ref()+" · "+m.Client, "cancel"), deps: deps, m: m, mode: mode,
		note: form.NewTextField(t.hint, 2000)}
	f.Add(t.name, t.label, f.note)
	return f
}

func (f *meetingNoteForm) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	return f, f.HandleOrLeave(msg, f.submit)
}

func (f *meetingNoteForm) submit() tea.Cmd {
	d, ctx, who := f.deps.Door, f.deps.Ctx, f.deps.Actor()
	var m model.Meeting
	var err error
	var done string
	switch f.mode {
	case holding:
		m, err = d.MeetingDone(ctx, who, f.m.ID, f.note.Value())
		done = m.Ref() + " recorded held; its notes are on the timeline"
	case callingOff:
		m, err = d.CancelMeeting(ctx, who, f.m.ID, f.note.Value())
		done = m.Ref() + " called off; the reason is on the timeline"
	default:
		m, err = d.ConfirmMeeting(ctx, who, f.m.ID, f.note.Value())
		done = fmt.Sprintf("%s confirmed for %s", m.Ref(), m.At.In(d.Location()).Format("Mon 2 Jan 15:04"))
	}
	if err != nil {
		return f.ShowError(err)
	}
	return f.deps.Close(done)
}
