package scope

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/tui/draw"
	"dispatch/tui/form"
	"dispatch/tui/page"
)

// spawnForm opens a ticket from the visit: a request made its own job, or
// (req nil) the rest of the job after telling the contact it stops at the
// estimate. The title comes filled in; the scope line is the technician's
// to complete.
type spawnForm struct {
	*form.Form
	deps     page.Deps
	card     door.VisitCard
	req      *model.ScopeRequest
	title    *form.TextField
	scope    *form.AreaField
	priority *form.PriorityField
	estimate *form.TextField
}

// NewStopAtEstimateForm records that the contact was told the work stops
// at the estimate, with a follow-up ticket for the rest.
func NewStopAtEstimateForm(deps page.Deps, card door.VisitCard) page.Focuser {
	return newSpawnForm(deps, card, nil)
}

func newSpawnForm(deps page.Deps, card door.VisitCard, req *model.ScopeRequest) *spawnForm {
	title := "Told the contact, stopping here · a follow-up ticket for the rest (empty title: none)"
	if req != nil {
		title = fmt.Sprintf("New ticket from %s · asked by %s", req.Ref(), draw.Safe(req.AskedBy))
	}
	f := &spawnForm{deps: deps, card: card, req: req, Form: form.New(deps, title, "cancel"),
		title:    form.NewTextField("the job in a few words", 120),
		scope:    form.NewAreaField("the defined job, and how we know it is done", 2000),
		priority: form.NewPriorityField(model.P3),
		estimate: form.NewTextField("rough hours like 1h, or leave it to the office", 20)}
	if req != nil {
		f.title.SetValue(req.What)
	} else {
		f.title.SetValue("Follow-up: " + card.Ticket.Title)
	}
	f.Add("title", "Title", f.title)
	f.Add("scope", "Scope", f.scope)
	f.Add("priority", "Priority", f.priority)
	f.Add("estimate", "Estimate", f.estimate)
	return f
}

func (f *spawnForm) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	return f, f.HandleOrLeave(msg, f.submit)
}

func (f *spawnForm) submit() tea.Cmd {
	in := door.SpawnTicket{Title: f.title.Value(), Scope: f.scope.Value(), Priority: f.priority.Value()}
	if e := strings.TrimSpace(f.estimate.Value()); e != "" {
		est, err := model.ParseEstimate(e)
		if err != nil {
			return f.ShowError(err)
		}
		in.Estimate = est
	}
	if f.req == nil {
		var follow *door.SpawnTicket
		if strings.TrimSpace(in.Title) != "" {
			follow = &in
		}
		_, t, err := f.deps.Door.AnswerOverrun(f.deps.Ctx, f.deps.Actor(), f.card.ID, model.ToldStop, follow, time.Time{})
		if err != nil {
			return f.ShowError(err)
		}
		if t.ID == 0 {
			return f.deps.Close("Recorded: told the contact, stopping here")
		}
		return f.deps.Close(fmt.Sprintf("Recorded: stopping here · follow-up %s is on the board", t.Ref()))
	}
	if in.Scope == "" {
		return f.ShowError(model.FieldError{Field: "scope", Msg: "is empty; state the job and how we know it is done"})
	}
	_, t, err := f.deps.Door.ScopeNewTicket(f.deps.Ctx, f.deps.Actor(), f.req.ID, in)
	if err != nil {
		return f.ShowError(err)
	}
	return f.deps.Close(fmt.Sprintf("%s → %s, on the board for the office to schedule", f.req.Ref(), t.Ref()))
}

// addOnForm records the contact's approval of a request as work on this
// visit: only the authorised or backup contact is offered, with the rough
// estimate they were given and that they know the meter is running.
type addOnForm struct {
	*form.Form
	deps     page.Deps
	card     door.VisitCard
	req      model.ScopeRequest
	approver *form.Picker
	estimate *form.TextField
	told     *form.CheckField
}

func newAddOnForm(deps page.Deps, card door.VisitCard, req model.ScopeRequest) *addOnForm {
	f := &addOnForm{deps: deps, card: card, req: req,
		Form:     form.New(deps, fmt.Sprintf("Add %s to %s · %s", req.Ref(), card.Ref(), draw.Safe(req.What)), "cancel"),
		approver: form.NewPicker("the contact who approved it"),
		estimate: form.NewTextField("the rough time you told them, like 30m", 20),
		told:     form.NewCheckField("I told them the meter is running")}
	var opts []form.Option
	for _, c := range card.Contacts {
		if c.Role.MayApprove() { // only they may approve: nobody else is offered
			opts = append(opts, form.Option{ID: c.ID, Label: c.Name, Hint: string(c.Role)})
		}
	}
	f.approver.SetOptions(opts)
	if len(opts) > 0 {
		f.approver.Choose(opts[0].ID)
	}
	f.Add("approved by", "Approved by", f.approver)
	f.Add("estimate", "Estimate", f.estimate)
	f.Add("told meter running", "Meter", f.told)
	return f
}

func (f *addOnForm) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	return f, f.HandleOrLeave(msg, f.submit)
}

func (f *addOnForm) submit() tea.Cmd {
	in := door.AddOn{ContactID: f.approver.Chosen(), ToldMeterRunning: f.told.Checked()}
	var inv model.Invalid
	if in.ContactID == 0 {
		inv.Add("approved by", model.FieldError{Field: "approved by", Msg: "is not chosen; only " + model.Approvers(f.card.Contacts) + " can approve"})
	}
	if e := strings.TrimSpace(f.estimate.Value()); e != "" {
		d, err := model.ParseDuration("estimate", e)
		inv.Add("estimate", err)
		in.Estimate = d
	}
	if err := inv.Err(); err != nil {
		return f.ShowError(err)
	}
	r, err := f.deps.Door.ScopeAddOn(f.deps.Ctx, f.deps.Actor(), f.req.ID, in)
	if err != nil {
		return f.ShowError(err)
	}
	if r.State() == model.ScopeAwaiting {
		return f.deps.Close(r.Ref() + " sent to the office: a first job's add-on needs a supervisor too")
	}
	return f.deps.Close(r.Ref() + " added to " + f.card.Ref() + " · press o to work on it")
}

// declineForm declines a request with a short reason for the record.
type declineForm struct {
	*form.Form
	deps   page.Deps
	req    model.ScopeRequest
	reason *form.TextField
}

func newDeclineForm(deps page.Deps, req model.ScopeRequest) *declineForm {
	f := &declineForm{deps: deps, req: req, Form: form.New(deps, "Decline "+req.Ref()+" · "+draw.Safe(req.What), "cancel"),
		reason: form.NewTextField("why, in a few words: not the client's equipment, needs a quote…", 300)}
	f.Add("reason", "Reason", f.reason)
	return f
}

func (f *declineForm) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	return f, f.HandleOrLeave(msg, f.submit)
}

func (f *declineForm) submit() tea.Cmd {
	r, err := f.deps.Door.ScopeDecline(f.deps.Ctx, f.deps.Actor(), f.req.ID, f.reason.Value(), time.Time{})
	if err != nil {
		return f.ShowError(err)
	}
	return f.deps.Close(r.Ref() + " declined; it is on the client's record")
}

// refuseForm refuses an add-on a technician sent for a supervisor's
// approval, with the reason they will see on site.
type refuseForm struct {
	*form.Form
	deps   page.Deps
	req    model.ScopeRequest
	reason *form.TextField
}

// NewRefuseForm asks why before refusing the add-on.
func NewRefuseForm(deps page.Deps, req model.ScopeRequest) page.Focuser {
	f := &refuseForm{deps: deps, req: req,
		Form:   form.New(deps, "Refuse "+req.Ref()+" · "+draw.Safe(req.What), "keep it waiting"),
		reason: form.NewTextField("why, for the technician: needs a quote first, next visit…", 300)}
	f.Add("reason", "Reason", f.reason)
	return f
}

func (f *refuseForm) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	return f, f.HandleOrLeave(msg, f.submit)
}

func (f *refuseForm) submit() tea.Cmd {
	if strings.TrimSpace(f.reason.Value()) == "" {
		return f.ShowError(model.FieldError{Field: "reason", Msg: "is empty; say why, so the technician can tell the client"})
	}
	r, err := f.deps.Door.ScopeSupervise(f.deps.Ctx, f.deps.Actor(), f.req.ID, false, f.reason.Value())
	if err != nil {
		return f.ShowError(err)
	}
	return f.deps.Close(fmt.Sprintf("%s refused: %s will make it a ticket or decline it", r.Ref(), draw.Safe(r.Tech)))
}
