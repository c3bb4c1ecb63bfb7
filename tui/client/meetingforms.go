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
	f.Add("at", "When", f.at)
	f.Add("agenda", "Agenda", f.agenda)
	f.Start("at")
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

// meetingNoteForm records a meeting confirmed (a note of the call) or held
// (what was said and agreed).
type meetingNoteForm struct {
	*form.Form
	deps page.Deps
	m    model.Meeting
	held bool
	note *form.TextField
}

func newMeetingNoteForm(deps page.Deps, m model.Meeting, held bool) *meetingNoteForm {
	title, label, hint := "Confirm "+m.Ref()+" · "+m.Client, "Note", "who confirmed it, anything changed (may be empty)"
	if held {
		title, label, hint = "Held: "+m.Ref()+" · "+m.Client, "Notes", "what was said and agreed"
	}
	f := &meetingNoteForm{Form: form.New(deps, title, "cancel"), deps: deps, m: m, held: held, note: form.NewTextField(hint, 2000)}
	name := "note"
	if held {
		name = "notes"
	}
	f.Add(name, label, f.note)
	return f
}

func (f *meetingNoteForm) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	return f, f.HandleOrLeave(msg, f.submit)
}

func (f *meetingNoteForm) submit() tea.Cmd {
	d, ctx, who := f.deps.Door, f.deps.Ctx, f.deps.Actor()
	if f.held {
		m, err := d.MeetingDone(ctx, who, f.m.ID, f.note.Value())
		if err != nil {
			return f.ShowError(err)
		}
		return f.deps.Close(m.Ref() + " recorded held; its notes are on the timeline")
	}
	m, err := d.ConfirmMeeting(ctx, who, f.m.ID, f.note.Value())
	if err != nil {
		return f.ShowError(err)
	}
	return f.deps.Close(fmt.Sprintf("%s confirmed for %s", m.Ref(), m.At.In(d.Location()).Format("Mon 2 Jan 15:04")))
}
