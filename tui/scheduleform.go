package tui

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"dispatch/model"
)

// scheduleForm books a technician for a ticket at a time.
type scheduleForm struct {
	*form
	deps   Deps
	ticket model.Ticket
	tech   *picker
	start  *textField
}

func newScheduleForm(deps Deps, t model.Ticket) *scheduleForm {
	f := &scheduleForm{form: &form{title: fmt.Sprintf("Schedule a visit · %s %s", t.Ref(), safe(t.Title)), km: newFormKeys(), nav: deps.nav},
		deps: deps, ticket: t, tech: newPicker("type to find the technician"),
		start: newTextField(`"2026-11-25 14:00", "14:00" (today) or "tomorrow 9:00"`, 40)}
	f.add("tech", "Technician", f.tech)
	f.add("start", "Start", f.start)
	// Suggest the next whole hour; the dispatcher types over it.
	now := deps.Door.Now().In(deps.Door.Location())
	f.start.in.SetValue(now.Truncate(time.Hour).Add(time.Hour).Format(model.TimeLayout))
	f.refresh()
	return f
}

func (f *scheduleForm) refresh() {
	techs, err := f.deps.Door.Techs(f.deps.Ctx, f.deps.actor())
	if err != nil {
		f.general = err.Error()
		return
	}
	var opts []option
	for _, u := range techs {
		opts = append(opts, option{id: u.ID, label: u.Name})
	}
	f.tech.setOptions(opts)
}

func (f *scheduleForm) update(msg tea.Msg) (page, tea.Cmd) {
	cmd, _ := f.handle(msg, f.submit, func() tea.Cmd { return f.deps.close("") })
	return f, cmd
}

func (f *scheduleForm) submit() tea.Cmd {
	var inv model.Invalid
	if f.tech.chosen == 0 {
		inv.Add("tech", model.FieldError{Field: "tech", Msg: "is not chosen; pick who goes"})
	}
	at, err := model.ParseWhen("start", f.start.value(), f.deps.Door.Now(), f.deps.Door.Location())
	inv.Add("start", err)
	if err := inv.Err(); err != nil {
		return f.showError(err)
	}
	v, err := f.deps.Door.ScheduleVisit(f.deps.Ctx, f.deps.actor(), f.ticket.ID, f.tech.chosen, at)
	if err != nil {
		return f.showError(err)
	}
	return f.deps.close(fmt.Sprintf("Scheduled %s: %s for %s at %s", v.Ref(), safe(v.TechName), f.ticket.Ref(),
		v.ScheduledAt.In(f.deps.Door.Location()).Format("Mon 15:04")))
}
