package ticket

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/tui/draw"
	"dispatch/tui/form"
	"dispatch/tui/page"
)

// scheduleForm books a technician for a ticket at a time.
type scheduleForm struct {
	*form.Form
	deps   page.Deps
	ticket model.Ticket
	tech   *form.Picker
	start  *form.TextField
	past   *form.CheckField // it already happened: entered after the fact
}

// NewScheduleForm books a visit; the board opens it as well as the ticket page.
func NewScheduleForm(deps page.Deps, t model.Ticket) *scheduleForm {
	f := &scheduleForm{Form: form.New(deps, fmt.Sprintf("Schedule a visit · %s %s", t.Ref(), draw.Safe(t.Title)), "cancel"),
		deps: deps, ticket: t, tech: form.NewPicker("type to find the technician"),
		start: form.NewTextField(`"2026-11-25 14:00", "14:00" (today) or "tomorrow 9:00"`, 40),
		past:  form.NewCheckField("already happened: its steps are entered next, at their real times")}
	f.Add("tech", "Technician", f.tech)
	f.Add("past", "Past", f.past)
	f.Add("start", "Start", f.start)
	// Suggest the next whole hour; the dispatcher types over it.
	now := deps.Door.Now().In(deps.Door.Location())
	f.start.SetValue(now.Truncate(time.Hour).Add(time.Hour).Format(model.TimeLayout))
	f.Refresh()
	return f
}

func (f *scheduleForm) Refresh() {
	techs, err := f.deps.Door.Techs(f.deps.Ctx, f.deps.Actor())
	if err != nil {
		f.SetMessage(err.Error())
		return
	}
	var opts []form.Option
	for _, u := range techs {
		opts = append(opts, form.Option{ID: u.ID, Label: u.Name})
	}
	f.tech.SetOptions(opts)
}

func (f *scheduleForm) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	cmd, _ := f.Handle(msg, f.submit, func() tea.Cmd { return f.deps.Close("") })
	return f, cmd
}

func (f *scheduleForm) submit() tea.Cmd {
	var inv model.Invalid
	if f.tech.Chosen() == 0 {
		inv.Add("tech", model.FieldError{Field: "tech", Msg: "is not chosen; pick who goes"})
	}
	read, did := model.ParseWhen, "Scheduled"
	if f.past.Checked() {
		read, did = model.ParsePast, "Entered after the fact"
	}
	at, err := read("start", f.start.Value(), f.deps.Door.Now(), f.deps.Door.Location())
	inv.Add("start", err)
	if err := inv.Err(); err != nil {
		return f.ShowError(err)
	}
	v, err := f.deps.Door.Book(f.deps.Ctx, f.deps.Actor(), door.Booking{TicketID: f.ticket.ID, TechID: f.tech.Chosen(), At: at,
		AfterTheFact: f.past.Checked(), Anyway: f.Confirming()})
	if err != nil { // a double booking comes back as a warning: a second save books it
		return f.ShowError(err)
	}
	return f.deps.Close(fmt.Sprintf("%s %s: %s for %s at %s", did, v.Ref(), draw.Safe(v.TechName), f.ticket.Ref(),
		v.ScheduledAt.In(f.deps.Door.Location()).Format("Mon 15:04")))
}
