package tui

import (
	"errors"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"dispatch/model"
)

// editForm changes what a ticket says. It remembers the version it was
// opened on: if someone saves a change first, saving is refused, the form
// keeps what you typed, says who changed what, and the next save (made
// knowing theirs) replaces it.
type editForm struct {
	*form
	deps     Deps
	ticket   model.Ticket // as it was read, or as the last refusal showed it
	title    *textField
	scope    *areaField
	estimate *textField
}

func newEditForm(deps Deps, t model.Ticket) *editForm {
	f := &editForm{deps: deps, ticket: t, form: &form{title: "Edit " + t.Ref(), km: newFormKeys(), nav: deps.nav},
		title:    newTextField("the job in a few words", 120),
		scope:    newAreaField("the defined job, and how we know it is done", 2000),
		estimate: newTextField("hours like 2h or 45m, or a fixed quote like $450", 20)}
	f.km.Cancel.SetHelp("esc", "cancel")
	f.title.in.SetValue(t.Title)
	f.scope.in.SetValue(t.Scope)
	f.estimate.in.SetValue(estimateText(t.Estimate))
	f.add("title", "Title", f.title)
	f.add("scope", "Scope", f.scope)
	f.add("estimate", "Estimate", f.estimate)
	return f
}

// estimateText is an estimate as it would be typed.
func estimateText(e model.Estimate) string {
	if e.Quote > 0 {
		return e.Quote.String()
	}
	return model.FormatDuration(e.Duration)
}

func (f *editForm) update(msg tea.Msg) (page, tea.Cmd) { return f, f.handleOrLeave(msg, f.submit) }

func (f *editForm) submit() tea.Cmd {
	est, err := model.ParseEstimate(f.estimate.value())
	if err != nil {
		return f.showError(err)
	}
	edit := model.TicketEdit{Version: f.ticket.Version, Title: f.title.value(), Scope: f.scope.value(), Estimate: est}
	saved, err := f.deps.Door.EditTicket(f.deps.Ctx, f.deps.actor(), f.ticket.ID, edit)
	var conflict model.EditConflict
	if errors.As(err, &conflict) {
		f.merge(conflict)
		return nil
	}
	if err != nil {
		return f.showError(err)
	}
	return f.deps.close(fmt.Sprintf("%s saved", saved.Ref()))
}

// merge takes their change into the fields you left alone, keeps the ones
// you changed, and says which is which; the next save is made knowing
// theirs.
func (f *editForm) merge(c model.EditConflict) {
	was, now := f.ticket, c.Now
	var took []string
	if f.title.value() == was.Title && now.Title != was.Title {
		f.title.in.SetValue(now.Title)
		took = append(took, fmt.Sprintf("title %q", safe(now.Title)))
	}
	if f.scope.value() == was.Scope && now.Scope != was.Scope {
		f.scope.in.SetValue(now.Scope)
		took = append(took, "scope")
	}
	if f.estimate.value() == estimateText(was.Estimate) && now.Estimate != was.Estimate {
		f.estimate.in.SetValue(estimateText(now.Estimate))
		took = append(took, "estimate "+now.Estimate.String())
	}
	f.ticket = now
	who := c.By
	if who == "" {
		who = "someone"
	}
	msg := fmt.Sprintf("%s changed %s while you edited.", safe(who), now.Ref())
	if len(took) > 0 {
		msg += " Their " + strings.Join(took, ", ") + " is now in the form."
	}
	f.general = msg + " Your own changes are kept: ctrl+s saves them over theirs, esc leaves the ticket as they left it."
}
