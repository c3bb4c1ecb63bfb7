package ticket

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/tui/form"
	"dispatch/tui/page"
)

// authoriseForm records that the authorised or backup contact accepted the
// terms by phone: the work authorisation, when it was not given at check-in.
type authoriseForm struct {
	*form.Form
	deps    page.Deps
	ticket  model.Ticket
	contact *form.Picker
	names   map[int64]string
	when    *form.TextField
}

func newAuthoriseForm(deps page.Deps, t model.Ticket) *authoriseForm {
	f := &authoriseForm{Form: form.New(deps, "Terms accepted by phone · "+t.Ref(), "cancel"), deps: deps, ticket: t,
		contact: form.NewPicker("type to find who accepted"), names: map[int64]string{},
		when: form.NewTextField("now — or when they accepted: 14:30, yesterday 16:00", 40)}
	contacts, err := deps.Door.ContactsOf(deps.Ctx, deps.Actor(), t.ClientID)
	var opts []form.Option
	for _, c := range contacts {
		if c.Role.MayApprove() {
			opts = append(opts, form.Option{ID: c.ID, Label: c.Name, Hint: string(c.Role)})
			f.names[c.ID] = c.Name
		}
	}
	f.contact.SetOptions(opts)
	if len(opts) > 0 {
		f.contact.Choose(opts[0].ID)
	}
	f.Add("contact", "Accepted by", f.contact)
	f.Add("when", "When", f.when)
	f.Also("when", "at")
	if err != nil {
		f.ShowError(err)
	}
	return f
}

func (f *authoriseForm) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	return f, f.HandleOrLeave(msg, f.submit)
}

func (f *authoriseForm) submit() tea.Cmd {
	name, ok := f.names[f.contact.Chosen()]
	if !ok {
		return f.ShowError(model.FieldError{Field: "contact", Msg: "is not chosen; pick the authorised or backup contact who accepted"})
	}
	var at = f.deps.Door.Now()
	if when := strings.TrimSpace(f.when.Value()); when != "" {
		var err error
		if at, err = model.ParsePast("when", when, f.deps.Door.Now(), f.deps.Door.Location()); err != nil {
			return f.ShowError(err)
		}
	}
	a, err := f.deps.Door.Authorise(f.deps.Ctx, f.deps.Actor(), f.ticket.ID, name, at)
	if err != nil {
		return f.ShowError(err)
	}
	return f.deps.Close(fmt.Sprintf("%s: %s accepted the terms at %s", f.ticket.Ref(), a.ContactName, a.At.In(f.deps.Door.Location()).Format("Mon 15:04")))
}
