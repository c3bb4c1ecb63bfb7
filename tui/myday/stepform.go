package myday

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/tui/draw"
	"dispatch/tui/form"
	"dispatch/tui/page"
)

// stepForm records a step that needs more than a key: the contact checked in
// or out with, a note, or a time other than now for a forgotten tap.
type stepForm struct {
	*form.Form
	deps    page.Deps
	card    door.VisitCard
	kind    model.EventKind
	contact *form.Picker
	note    *form.AreaField
	when    *form.TextField
	// Departed: how the visit ended.
	outcome  *form.ChoiceField
	followUp *form.TextField
	// Arrived: the contact accepted the terms (the work authorisation).
	terms *form.CheckField
}

// The answers to how a visit ended.
const (
	endedDone   = "done"
	endedNotYet = "needs another visit"
)

func newStepForm(deps page.Deps, card door.VisitCard, kind model.EventKind) *stepForm {
	title := fmt.Sprintf("%s · %s %s", stepTitle[kind], card.Ref(), draw.Safe(card.Client))
	f := &stepForm{Form: form.New(deps, title, "cancel"), deps: deps, card: card, kind: kind,
		when: form.NewTextField("now — or when it happened: 12:45, 20m ago", 40)}
	if kind.NeedsContact() {
		f.contact = form.NewPicker("type to find the contact")
		var opts []form.Option
		for _, c := range card.Contacts {
			opts = append(opts, form.Option{ID: c.ID, Label: c.Name, Hint: string(c.Role)})
		}
		f.contact.SetOptions(opts)
		f.contact.Choose(likelyContact(card))
		f.Add("contact", map[bool]string{true: "Checked in", false: "Checked out"}[kind == model.EvArrived], f.contact)
	}
	if kind == model.EvArrived {
		f.terms = form.NewCheckField("the contact accepted our terms (work authorisation)")
		f.Add("terms", "Terms", f.terms)
	}
	if kind == model.EvNote {
		f.note = form.NewAreaField("what happened, what you found, what the client said", 1000)
		f.Add("note", "Note", f.note)
	}
	if kind == model.EvDeparted {
		f.outcome = form.NewChoiceField(endedDone, endedNotYet)
		f.followUp = form.NewTextField("what is left, if not done: waiting for the part…", 300)
		f.Add("outcome", "The job is", f.outcome)
		f.Add("follow-up", "Left to do", f.followUp)
	}
	f.Add("when", "When", f.when)
	f.Also("when", "at")
	return f
}

// likelyContact is who the technician most likely checks in or out with:
// the one they checked in with, else the client's authorised contact.
func likelyContact(card door.VisitCard) int64 {
	for i := len(card.Events) - 1; i >= 0; i-- {
		if card.Events[i].Kind == model.EvArrived {
			return card.Events[i].ContactID
		}
	}
	for _, c := range card.Contacts {
		if c.Role == model.ContactAuthorised {
			return c.ID
		}
	}
	return 0
}

var stepTitle = map[model.EventKind]string{
	model.EvTravelStarted: "Start travel", model.EvArrived: "Arrived", model.EvPaused: "Pause work",
	model.EvResumed: "Resume work", model.EvDeparted: "Departed", model.EvTravelEnded: "Travel ended",
	model.EvShopStarted: "Shop work started", model.EvShopStopped: "Shop work stopped", model.EvNote: "Note",
}

func (f *stepForm) Update(msg tea.Msg) (page.Page, tea.Cmd) { return f, f.HandleOrLeave(msg, f.submit) }

func (f *stepForm) submit() tea.Cmd {
	step := door.Step{Kind: f.kind}
	var inv model.Invalid
	if f.contact != nil {
		if step.ContactID = f.contact.Chosen(); step.ContactID == 0 {
			inv.Add("contact", model.FieldError{Field: "contact", Msg: "is not chosen; pick who you checked in or out with"})
		}
	}
	if f.note != nil {
		step.Note = f.note.Value()
	}
	if f.terms != nil {
		step.Authorised = f.terms.Checked()
	}
	if f.outcome != nil {
		switch f.outcome.Chosen() {
		case endedDone:
			step.Outcome.Done = true
			if strings.TrimSpace(f.followUp.Value()) != "" { // the likelier slip is the choice, not the words
				inv.Add("outcome", model.FieldError{Field: "outcome", Msg: "is done, but something is left to do; choose needs another visit, or clear Left to do"})
			}
		case endedNotYet:
			if step.Outcome.FollowUp = strings.TrimSpace(f.followUp.Value()); step.Outcome.FollowUp == "" {
				inv.Add("follow-up", model.FieldError{Field: "follow-up", Msg: "is empty; say what is left, like \"waiting for the part\""})
			}
		default:
			inv.Add("outcome", model.FieldError{Field: "outcome", Msg: "is not said; choose done, or needs another visit and say what is left"})
		}
	}
	if when := strings.TrimSpace(f.when.Value()); when != "" {
		at, err := model.ParsePast("when", when, f.deps.Door.Now(), f.deps.Door.Location())
		inv.Add("when", err)
		step.At = at
	}
	if err := inv.Err(); err != nil {
		return f.ShowError(err)
	}
	v, err := f.deps.Door.Record(f.deps.Ctx, f.deps.Actor(), f.card.ID, step)
	if err != nil {
		return f.ShowError(err)
	}
	flash := recordedFlash(v, f.kind, f.deps)
	switch {
	case step.Authorised:
		flash += " · terms accepted"
	case step.Outcome.Done:
		flash += " · the job is done"
	case step.Outcome.FollowUp != "":
		flash += " · needs another visit"
	}
	return f.deps.Close(flash)
}

// recordedFlash confirms a step in words a technician can repeat to the
// client: "Arrived 12:45, checked in with Dana Ruiz".
func recordedFlash(v model.Visit, kind model.EventKind, deps page.Deps) string {
	var e model.Event
	for _, ev := range v.Events {
		if ev.Kind == kind && !ev.RecordedAt.Before(e.RecordedAt) {
			e = ev
		}
	}
	s := fmt.Sprintf("%s %s · %s", stepTitle[kind], e.At.In(deps.Door.Location()).Format("15:04"), v.Ref())
	switch kind {
	case model.EvArrived:
		s += ", checked in with " + draw.Safe(e.ContactName)
	case model.EvDeparted:
		s += ", checked out with " + draw.Safe(e.ContactName)
	}
	return s
}
