package client

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/tui/form"
	"dispatch/tui/page"
)

// touchForm logs a call, an email or a note on the client's timeline: one
// line, what was said or done.
type touchForm struct {
	*form.Form
	deps     page.Deps
	clientID int64
	kind     *form.ChoiceField
	text     *form.TextField
	with     *form.Picker
	names    map[int64]string
}

// nobody is the picker's choice of no contact in particular.
const nobody = -2

func newTouchForm(deps page.Deps, c model.Client, contacts []model.Contact) *touchForm {
	f := &touchForm{Form: form.New(deps, "Log a touch · "+c.Name, "cancel"), deps: deps, clientID: c.ID,
		kind:  form.NewChoiceField(string(model.TouchCall), string(model.TouchEmail), string(model.TouchNote)),
		text:  form.NewTextField("what was said or done, in a line", 500),
		with:  form.NewPicker("type to narrow"),
		names: map[int64]string{}}
	opts := []form.Option{{ID: nobody, Label: "no one in particular"}}
	for _, ct := range contacts {
		opts = append(opts, form.Option{ID: ct.ID, Label: ct.Name, Hint: ct.Phone})
		f.names[ct.ID] = ct.Name
	}
	f.with.SetOptions(opts)
	f.with.Choose(nobody)
	f.Add("kind", "It was a", f.kind)
	f.Add("text", "What", f.text)
	f.Add("contact", "With", f.with)
	return f
}

func (f *touchForm) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	return f, f.HandleOrLeave(msg, f.submit)
}

func (f *touchForm) submit() tea.Cmd {
	kind := f.kind.Chosen()
	if kind == "" {
		return f.ShowError(model.FieldError{Field: "kind", Msg: "is not said; choose call, email or note (c, e or n)"})
	}
	tc, err := f.deps.Door.LogTouch(f.deps.Ctx, f.deps.Actor(), f.clientID, model.TouchKind(kind), f.text.Value(), f.names[f.with.Chosen()])
	if err != nil {
		return f.ShowError(err)
	}
	return f.deps.Close(fmt.Sprintf("on the timeline: %s: %s", tc.Kind, tc.Summary))
}

// followUpForm records what the client said when asked whether a finished
// job works well; the brief stops asking.
type followUpForm struct {
	*form.Form
	deps page.Deps
	v    model.Visit
	text *form.TextField
}

func newFollowUpForm(deps page.Deps, c model.Client, v model.Visit) *followUpForm {
	f := &followUpForm{Form: form.New(deps, "Is it working well? · "+v.Ref()+" · "+c.Name, "cancel"), deps: deps, v: v,
		text: form.NewTextField("what the client said, like \"all good, printing fine\"", 500)}
	f.Add("text", "They said", f.text)
	return f
}

func (f *followUpForm) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	return f, f.HandleOrLeave(msg, f.submit)
}

func (f *followUpForm) submit() tea.Cmd {
	if _, err := f.deps.Door.FollowUpDone(f.deps.Ctx, f.deps.Actor(), f.v.ID, f.text.Value()); err != nil {
		return f.ShowError(err)
	}
	return f.deps.Close("the answer about " + f.v.Ref() + " is on the timeline")
}
