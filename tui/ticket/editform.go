package ticket

import (
	"errors"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/tui/draw"
	"dispatch/tui/form"
	"dispatch/tui/page"
)

// editForm changes what a ticket says. It remembers the version it was
// opened on: if someone saves a change first, saving is refused, the form
// keeps what you typed, says who changed what, and the next save (made
// knowing theirs) replaces it.
type editForm struct {
	*form.Form
	deps     page.Deps
	ticket   model.Ticket // as it was read, or as the last refusal showed it
	title    *form.TextField
	scope    *form.AreaField
	estimate *form.TextField
}

func newEditForm(deps page.Deps, t model.Ticket) *editForm {
	f := &editForm{deps: deps, ticket: t, Form: form.New(deps, "Edit "+t.Ref(), "cancel"),
		title:    form.NewTextField("the job in a few words", 120),
		scope:    form.NewAreaField("the defined job, and how we know it is done", 2000),
		estimate: form.NewTextField("hours like 2h or 45m, or a fixed quote like $450", 20)}
	f.title.SetValue(t.Title)
	f.scope.SetValue(t.Scope)
	f.estimate.SetValue(estimateText(t.Estimate))
	f.Add("title", "Title", f.title)
	f.Add("scope", "Scope", f.scope)
	f.Add("estimate", "Estimate", f.estimate)
	return f
}

// estimateText is an estimate as it would be typed.
func estimateText(e model.Estimate) string {
	if e.Quote > 0 {
		return e.Quote.String()
	}
	return model.FormatDuration(e.Duration)
}

func (f *editForm) Update(msg tea.Msg) (page.Page, tea.Cmd) { return f, f.HandleOrLeave(msg, f.submit) }

func (f *editForm) submit() tea.Cmd {
	est, err := model.ParseEstimate(f.estimate.Value())
	if err != nil {
		return f.ShowError(err)
	}
	edit := model.TicketEdit{Version: f.ticket.Version, Title: f.title.Value(), Scope: f.scope.Value(), Estimate: est}
	saved, err := f.deps.Door.EditTicket(f.deps.Ctx, f.deps.Actor(), f.ticket.ID, edit)
	var conflict model.EditConflict
	if errors.As(err, &conflict) {
		f.merge(conflict)
		return nil
	}
	if err != nil {
		return f.ShowError(err)
	}
	return f.deps.Close(fmt.Sprintf("%s saved", saved.Ref()))
}

// merge takes their change into the fields you left alone, keeps the ones
// you changed, and says which is which; the next save is made knowing
// theirs.
func (f *editForm) merge(c model.EditConflict) {
	was, now := f.ticket, c.Now
	var took []string
	if f.title.Value() == was.Title && now.Title != was.Title {
		f.title.SetValue(now.Title)
		took = append(took, fmt.Sprintf("title %q", draw.Safe(now.Title)))
	}
	if f.scope.Value() == was.Scope && now.Scope != was.Scope {
		f.scope.SetValue(now.Scope)
		took = append(took, "scope")
	}
	if f.estimate.Value() == estimateText(was.Estimate) && now.Estimate != was.Estimate {
		f.estimate.SetValue(estimateText(now.Estimate))
		took = append(took, "estimate "+now.Estimate.String())
	}
	f.ticket = now
	who := c.By
	if who == "" {
		who = "someone"
	}
	msg := fmt.Sprintf("%s changed %s while you edited.", draw.Safe(who), now.Ref())
	if len(took) > 0 {
		msg += " Their " + strings.Join(took, ", ") + " is now in the form."
	}
	f.SetMessage(msg + " Your own changes are kept: ctrl+s saves them over theirs, esc leaves the ticket as they left it.")
}
