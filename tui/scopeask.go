package tui

import (
	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/model/door"
)

// scopeAskForm records a "while you're here": who asked (a contact, or
// anyone, typed in) and what. Saved, it gives way to the decision.
type scopeAskForm struct {
	*form
	deps  Deps
	card  door.VisitCard
	asker *picker
	what  *textField
}

func newScopeAskForm(deps Deps, card door.VisitCard) *scopeAskForm {
	f := &scopeAskForm{form: &form{title: "While you're here · " + card.Ref() + " " + safe(card.Client), km: newFormKeys(), nav: deps.nav},
		deps: deps, card: card, asker: newPicker("type a contact, or anyone's name"), what: newTextField("what they asked for, in a few words", 120)}
	f.km.Cancel.SetHelp("esc", "cancel")
	f.asker.allowOther = true
	var opts []option
	for _, c := range card.Contacts {
		opts = append(opts, option{id: c.ID, label: c.Name, hint: string(c.Role)})
	}
	f.asker.setOptions(opts)
	f.asker.chosen = 0 // nobody is presumed to have asked
	f.add("asked by", "Asked by", f.asker)
	f.add("what", "What", f.what)
	return f
}

func (f *scopeAskForm) update(msg tea.Msg) (page, tea.Cmd) { return f, f.handleOrLeave(msg, f.submit) }

func (f *scopeAskForm) submit() tea.Cmd {
	in := door.Ask{What: f.what.value()}
	switch f.asker.chosen {
	case otherID:
		in.AskedBy = f.asker.otherText
	case 0:
		return f.showError(model.FieldError{Field: "asked by", Msg: "is not chosen; pick the contact, or type the name of whoever asked"})
	default:
		in.AskedByID = f.asker.chosen
	}
	r, err := f.deps.Door.AskScope(f.deps.Ctx, f.deps.actor(), f.card.ID, in)
	if err != nil {
		return f.showError(err)
	}
	return f.deps.swap(newScopeDecide(f.deps, f.card, r))
}
