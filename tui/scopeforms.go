package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/model/door"
)

// spawnForm opens a ticket from the visit: a request made its own job, or
// (req nil) the rest of the job after telling the contact it stops at the
// estimate. The title comes filled in; the scope line is the technician's
// to complete.
type spawnForm struct {
	*form
	deps     Deps
	card     door.VisitCard
	req      *model.ScopeRequest
	title    *textField
	scope    *areaField
	priority *priorityField
	estimate *textField
}

func newSpawnForm(deps Deps, card door.VisitCard, req *model.ScopeRequest) *spawnForm {
	f := &spawnForm{deps: deps, card: card, req: req, form: &form{km: newFormKeys(), nav: deps.nav},
		title:    newTextField("the job in a few words", 120),
		scope:    newAreaField("the defined job, and how we know it is done", 2000),
		priority: &priorityField{p: model.P3},
		estimate: newTextField("rough hours like 1h, or leave it to the office", 20)}
	f.km.Cancel.SetHelp("esc", "cancel")
	if req != nil {
		f.title.in.SetValue(req.What)
		f.form.title = fmt.Sprintf("New ticket from %s · asked by %s", req.Ref(), safe(req.AskedBy))
	} else {
		f.title.in.SetValue("Follow-up: " + card.Ticket.Title)
		f.form.title = "Told the contact, stopping here · a follow-up ticket for the rest (empty title: none)"
	}
	f.add("title", "Title", f.title)
	f.add("scope", "Scope", f.scope)
	f.add("priority", "Priority", f.priority)
	f.add("estimate", "Estimate", f.estimate)
	return f
}

func (f *spawnForm) update(msg tea.Msg) (page, tea.Cmd) { return f, f.handleOrLeave(msg, f.submit) }

func (f *spawnForm) submit() tea.Cmd {
	in := door.SpawnTicket{Title: f.title.value(), Scope: f.scope.value(), Priority: f.priority.p}
	if e := strings.TrimSpace(f.estimate.value()); e != "" {
		est, err := model.ParseEstimate(e)
		if err != nil {
			return f.showError(err)
		}
		in.Estimate = est
	}
	if f.req == nil {
		var follow *door.SpawnTicket
		if strings.TrimSpace(in.Title) != "" {
			follow = &in
		}
		_, t, err := f.deps.Door.AnswerOverrun(f.deps.Ctx, f.deps.actor(), f.card.ID, model.ToldStop, follow)
		if err != nil {
			return f.showError(err)
		}
		if t.ID == 0 {
			return f.deps.close("Recorded: told the contact, stopping here")
		}
		return f.deps.close(fmt.Sprintf("Recorded: stopping here · follow-up %s is on the board", t.Ref()))
	}
	if in.Scope == "" {
		return f.showError(model.FieldError{Field: "scope", Msg: "is empty; state the job and how we know it is done"})
	}
	_, t, err := f.deps.Door.ScopeNewTicket(f.deps.Ctx, f.deps.actor(), f.req.ID, in)
	if err != nil {
		return f.showError(err)
	}
	return f.deps.close(fmt.Sprintf("%s → %s, on the board for the office to schedule", f.req.Ref(), t.Ref()))
}

// addOnForm records the contact's approval of a request as work on this
// visit: only the authorised or backup contact is offered, with the rough
// estimate they were given and that they know the meter is running.
type addOnForm struct {
	*form
	deps     Deps
	card     door.VisitCard
	req      model.ScopeRequest
	approver *picker
	estimate *textField
	told     *checkField
}

func newAddOnForm(deps Deps, card door.VisitCard, req model.ScopeRequest) *addOnForm {
	f := &addOnForm{deps: deps, card: card, req: req,
		form:     &form{title: fmt.Sprintf("Add %s to %s · %s", req.Ref(), card.Ref(), safe(req.What)), km: newFormKeys(), nav: deps.nav},
		approver: newPicker("the contact who approved it"),
		estimate: newTextField("the rough time you told them, like 30m", 20),
		told:     &checkField{label: "I told them the meter is running"}}
	f.km.Cancel.SetHelp("esc", "cancel")
	var opts []option
	for _, c := range card.Contacts {
		if c.Role.MayApprove() { // only they may approve: nobody else is offered
			opts = append(opts, option{id: c.ID, label: c.Name, hint: string(c.Role)})
		}
	}
	f.approver.setOptions(opts)
	if len(opts) > 0 {
		f.approver.chosen = opts[0].id
	}
	f.add("approved by", "Approved by", f.approver)
	f.add("estimate", "Estimate", f.estimate)
	f.add("told meter running", "Meter", f.told)
	return f
}

func (f *addOnForm) update(msg tea.Msg) (page, tea.Cmd) { return f, f.handleOrLeave(msg, f.submit) }

func (f *addOnForm) submit() tea.Cmd {
	in := door.AddOn{ContactID: f.approver.chosen, ToldMeterRunning: f.told.on}
	var inv model.Invalid
	if in.ContactID == 0 {
		inv.Add("approved by", model.FieldError{Field: "approved by", Msg: "is not chosen; only " + model.Approvers(f.card.Contacts) + " can approve"})
	}
	if e := strings.TrimSpace(f.estimate.value()); e != "" {
		d, err := model.ParseDuration("estimate", e)
		inv.Add("estimate", err)
		in.Estimate = d
	}
	if err := inv.Err(); err != nil {
		return f.showError(err)
	}
	r, err := f.deps.Door.ScopeAddOn(f.deps.Ctx, f.deps.actor(), f.req.ID, in)
	if err != nil {
		return f.showError(err)
	}
	if r.State() == model.ScopeAwaiting {
		return f.deps.close(r.Ref() + " sent to the office: a first job's add-on needs a supervisor too")
	}
	return f.deps.close(r.Ref() + " added to " + f.card.Ref() + " · press o to work on it")
}

// declineForm declines a request with a short reason for the record.
type declineForm struct {
	*form
	deps   Deps
	req    model.ScopeRequest
	reason *textField
}

func newDeclineForm(deps Deps, req model.ScopeRequest) *declineForm {
	f := &declineForm{deps: deps, req: req, form: &form{title: "Decline " + req.Ref() + " · " + safe(req.What), km: newFormKeys(), nav: deps.nav},
		reason: newTextField("why, in a few words: not the client's equipment, needs a quote…", 300)}
	f.km.Cancel.SetHelp("esc", "cancel")
	f.add("reason", "Reason", f.reason)
	return f
}

func (f *declineForm) update(msg tea.Msg) (page, tea.Cmd) { return f, f.handleOrLeave(msg, f.submit) }

func (f *declineForm) submit() tea.Cmd {
	r, err := f.deps.Door.ScopeDecline(f.deps.Ctx, f.deps.actor(), f.req.ID, f.reason.value())
	if err != nil {
		return f.showError(err)
	}
	return f.deps.close(r.Ref() + " declined; it is on the client's record")
}
