// Package scope is the "while you're here" prompts on a visit: a request
// recorded, then settled as a new ticket, an add-on the contact approved,
// or declined; and the follow-up when work stops at the estimate.
package scope

import (
	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/tui/draw"
	"dispatch/tui/form"
	"dispatch/tui/page"
)

// scopeAskForm records a "while you're here": who asked (a contact, or
// anyone, typed in) and what. Saved, it gives way to the decision.
type scopeAskForm struct {
	*form.Form
	deps  page.Deps
	card  door.VisitCard
	asker *form.Picker
	what  *form.TextField
}

// NewAskForm records a request made on the visit, then asks how it is settled.
func NewAskForm(deps page.Deps, card door.VisitCard) *scopeAskForm {
	f := &scopeAskForm{Form: form.New(deps, "While you're here · "+card.Ref()+" "+draw.Safe(card.Client), "cancel"),
		deps: deps, card: card, asker: form.NewPicker("type a contact, or anyone's name"), what: form.NewTextField("what they asked for, in a few words", 120)}
	f.asker.AllowOther()
	var opts []form.Option
	for _, c := range card.Contacts {
		opts = append(opts, form.Option{ID: c.ID, Label: c.Name, Hint: string(c.Role)})
	}
	f.asker.SetOptions(opts)
	f.asker.Choose(0) // nobody is presumed to have asked
	f.Add("asked by", "Asked by", f.asker)
	f.Add("what", "What", f.what)
	return f
}

func (f *scopeAskForm) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	return f, f.HandleOrLeave(msg, f.submit)
}

func (f *scopeAskForm) submit() tea.Cmd {
	in := door.Ask{What: f.what.Value()}
	switch f.asker.Chosen() {
	case form.OtherID:
		in.AskedBy = f.asker.OtherText()
	case 0:
		return f.ShowError(model.FieldError{Field: "asked by", Msg: "is not chosen; pick the contact, or type the name of whoever asked"})
	default:
		in.AskedByID = f.asker.Chosen()
	}
	r, err := f.deps.Door.AskScope(f.deps.Ctx, f.deps.Actor(), f.card.ID, in)
	if err != nil {
		return f.ShowError(err)
	}
	return f.deps.Swap(NewDecision(f.deps, f.card, r))
}
