package ticket

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/tui/draw"
	"dispatch/tui/form"
	"dispatch/tui/page"
)

// rebookable are the ticket's visits that may still be moved or cancelled:
// booked, not started.
func rebookable(t model.Ticket, visits []model.Visit) []model.Visit {
	var out []model.Visit
	for _, v := range visits {
		if model.CheckRebook(v, t, "move") == nil {
			out = append(out, v)
		}
	}
	return out
}

// visitOptions offers visits by who goes when.
func visitOptions(visits []model.Visit, loc *time.Location) []form.Option {
	var opts []form.Option
	for _, v := range visits {
		opts = append(opts, form.Option{ID: v.ID, Label: v.Ref() + " " + v.TechName, Hint: v.ScheduledAt.In(loc).Format("Mon 2 Jan 15:04")})
	}
	return opts
}

// moveForm books a visit that has not started at another start, with
// another technician, or both; the log keeps what it replaced.
type moveForm struct {
	*form.Form
	deps   page.Deps
	ticket model.Ticket
	visits []model.Visit
	visit  *form.Picker
	tech   *form.Picker
	start  *form.TextField
	reason *form.TextField
}

// NewMoveForm moves one of the ticket's booked visits, visitID first; the
// board opens it as well as the ticket page.
func NewMoveForm(deps page.Deps, t model.Ticket, visits []model.Visit, visitID int64) page.Focuser {
	f := &moveForm{deps: deps, ticket: t, visits: rebookable(t, visits),
		Form:   form.New(deps, fmt.Sprintf("Move a visit · %s %s", t.Ref(), draw.Safe(t.Title)), "cancel"),
		visit:  form.NewPicker("which visit"),
		tech:   form.NewPicker("type to find the technician"),
		start:  form.NewTextField(`"2026-11-25 14:00", "14:00" (today) or "tomorrow 9:00"`, 40),
		reason: form.NewTextField("why, for the log (optional)", 300)}
	f.visit.SetOptions(visitOptions(f.visits, deps.Door.Location()))
	f.visit.Choose(visitID)
	if techs, err := deps.Door.Techs(deps.Ctx, deps.Actor()); err == nil {
		var opts []form.Option
		for _, u := range techs {
			opts = append(opts, form.Option{ID: u.ID, Label: u.Name})
		}
		f.tech.SetOptions(opts)
	}
	f.Add("visit", "Visit", f.visit)
	f.Add("tech", "Technician", f.tech)
	f.Add("start", "Start", f.start)
	f.Also("start", "at")
	f.Add("reason", "Reason", f.reason)
	f.fillFromVisit()
	return f
}

// fillFromVisit puts the chosen visit's booking in the form, to type over.
func (f *moveForm) fillFromVisit() {
	for _, v := range f.visits {
		if v.ID == f.visit.Chosen() {
			f.tech.Choose(v.TechID)
			f.start.SetValue(v.ScheduledAt.In(f.deps.Door.Location()).Format(model.TimeLayout))
		}
	}
}

func (f *moveForm) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	field := f.Focused()
	cmd, changed := f.Handle(msg, f.submit, func() tea.Cmd { return f.deps.Close("") })
	if changed && field == "visit" {
		f.fillFromVisit()
	}
	return f, cmd
}

func (f *moveForm) submit() tea.Cmd {
	var inv model.Invalid
	if f.visit.Chosen() == 0 {
		inv.Add("visit", model.FieldError{Field: "visit", Msg: "is not chosen; pick the visit to move"})
	}
	if f.tech.Chosen() == 0 {
		inv.Add("tech", model.FieldError{Field: "tech", Msg: "is not chosen; pick who goes"})
	}
	at, err := model.ParseWhen("start", f.start.Value(), f.deps.Door.Now(), f.deps.Door.Location())
	inv.Add("start", err)
	if err := inv.Err(); err != nil {
		return f.ShowError(err)
	}
	v, err := f.deps.Door.MoveVisit(f.deps.Ctx, f.deps.Actor(), f.visit.Chosen(),
		model.Move{At: at, TechID: f.tech.Chosen(), Reason: f.reason.Value(), Anyway: f.Confirming()})
	if err != nil { // a double booking comes back as a warning: a second save books it
		return f.ShowError(err)
	}
	return f.deps.Close(fmt.Sprintf("Moved %s: %s for %s at %s", v.Ref(), draw.Safe(v.TechName), f.ticket.Ref(),
		v.ScheduledAt.In(f.deps.Door.Location()).Format("Mon 15:04")))
}

// cancelVisitForm takes a booked visit off the schedule with a reason.
type cancelVisitForm struct {
	*form.Form
	deps   page.Deps
	ticket model.Ticket
	visit  *form.Picker
	reason *form.TextField
}

// NewCancelVisitForm cancels one of the ticket's booked visits, visitID first.
func NewCancelVisitForm(deps page.Deps, t model.Ticket, visits []model.Visit, visitID int64) page.Focuser {
	f := &cancelVisitForm{deps: deps, ticket: t,
		Form:   form.New(deps, fmt.Sprintf("Cancel a visit · %s %s", t.Ref(), draw.Safe(t.Title)), "keep the visit"),
		visit:  form.NewPicker("which visit"),
		reason: form.NewTextField("why: client rescheduled, booked by mistake…", 300)}
	f.visit.SetOptions(visitOptions(rebookable(t, visits), deps.Door.Location()))
	f.visit.Choose(visitID)
	f.Add("visit", "Visit", f.visit)
	f.Add("reason", "Reason", f.reason)
	return f
}

func (f *cancelVisitForm) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	return f, f.HandleOrLeave(msg, f.submit)
}

func (f *cancelVisitForm) submit() tea.Cmd {
	if f.visit.Chosen() == 0 {
		return f.ShowError(model.FieldError{Field: "visit", Msg: "is not chosen; pick the visit to cancel"})
	}
	v, err := f.deps.Door.CancelVisit(f.deps.Ctx, f.deps.Actor(), f.visit.Chosen(), strings.TrimSpace(f.reason.Value()))
	if err != nil {
		return f.ShowError(err)
	}
	return f.deps.Close(fmt.Sprintf("Cancelled %s (%s): it stays in %s's log", v.Ref(), draw.Safe(v.TechName), f.ticket.Ref()))
}
