// Package form is the frame every form shares — labelled fields, tab
// between them, inline errors under the field they concern, and nothing
// typed ever lost — with the fields and the picker it is built from.
package form

import (
	"errors"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/tui/page"
)

// Form is embedded by each form page, which adds its fields and its save.
type Form struct {
	title   string
	names   []string // match model.FieldError.Field
	labels  []string
	fields  []Field
	current int
	errs    model.Invalid
	general string
	km      Keys
	deps    page.Deps         // esc leaves at once, as saving does
	aliases map[string]string // the door's name for a field → the form's
	warned  bool              // a warning was shown: the next save confirms it
}

// New starts a form with its title; cancelHelp says what esc does to it.
func New(deps page.Deps, title, cancelHelp string) *Form {
	f := &Form{title: title, km: newKeys(), deps: deps}
	f.km.Cancel.SetHelp("esc", cancelHelp)
	return f
}

// Add puts a field at the end; name is what the door's errors call it.
func (f *Form) Add(name, label string, fl Field) {
	f.names, f.labels, f.fields = append(f.names, name), append(f.labels, label), append(f.fields, fl)
}

// Start makes the named field the one typed in first.
func (f *Form) Start(name string) {
	for i, n := range f.names {
		if n == name {
			f.current = i
		}
	}
}

// Replace puts a new field in the place of the one named.
func (f *Form) Replace(name string, fl Field) {
	for i, n := range f.names {
		if n == name {
			f.fields[i] = fl
		}
	}
}

// Also shows the door's errors about field (its name in commands, "at")
// on the form's own field name ("when"), as the label reads.
func (f *Form) Also(name, doorName string) {
	if f.aliases == nil {
		f.aliases = map[string]string{}
	}
	f.aliases[doorName] = name
}

// Confirming reports whether the user is saving again after being warned
// (a booking over another): the form's next save goes ahead. A change to
// any field takes the warning back.
func (f *Form) Confirming() bool { return f.warned }

// Warn shows why saving waits for a second save, and arms it.
func (f *Form) Warn(msg string) {
	f.errs, f.general, f.warned = nil, msg+" — save again to go ahead", true
}

// SetMessage shows a message on top of the form, about no one field.
func (f *Form) SetMessage(msg string) { f.general = msg }

// Focused is the name of the field being typed in.
func (f *Form) Focused() string { return f.names[f.current] }

func (f *Form) Keys() help.KeyMap { return f.km }
func (f *Form) Refresh()          {} // a form shows what is typed, not what is stored

// HandleOrLeave is Handle for a form that esc simply leaves: nothing typed
// in it is worth a draft.
func (f *Form) HandleOrLeave(msg tea.Msg, submit func() tea.Cmd) tea.Cmd {
	cmd, _ := f.Handle(msg, submit, func() tea.Cmd { return f.deps.Close("") })
	return cmd
}
func (f *Form) CapturesText() bool { return true }
func (f *Form) Ticking() bool      { return false } // a form shows no timers

// FocusCurrent puts the cursor in the current field.
func (f *Form) FocusCurrent() tea.Cmd {
	for i, fl := range f.fields {
		if i != f.current {
			fl.blur()
		}
	}
	return f.fields[f.current].focus()
}

// move leaves the current field for another, committing what was typed in
// it; it reports whether that changed the field's value.
func (f *Form) move(delta int) (tea.Cmd, bool) {
	changed := f.commit()
	f.unwarn(changed)
	f.current = (f.current + delta + len(f.fields)) % len(f.fields)
	return f.FocusCurrent(), changed
}

// commit settles the current field's value as the user leaves it or saves.
func (f *Form) commit() bool {
	c, ok := f.fields[f.current].(interface{ commit() bool })
	if !ok || !c.commit() {
		return false
	}
	f.clearError(f.current)
	return true
}

// clearError drops a field's error once its value changes: the error was
// about what it said before.
func (f *Form) clearError(i int) {
	var kept model.Invalid
	for _, e := range f.errs {
		if e.Field != f.names[i] {
			kept = append(kept, e)
		}
	}
	f.errs = kept
}

// Handle deals with the keys every form shares; submit runs on ctrl+s or
// enter in the last field. It reports whether the key was used and whether
// the current field's value changed.
func (f *Form) Handle(msg tea.Msg, submit func() tea.Cmd, cancel func() tea.Cmd) (tea.Cmd, bool) {
	if paste, ok := msg.(tea.PasteMsg); ok {
		return f.edit(paste)
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, false
	}
	switch {
	case key.Matches(k, f.km.Cancel):
		return cancel(), false
	case key.Matches(k, f.km.Submit):
		return f.save(submit)
	case key.Matches(k, f.km.Next):
		return f.move(1)
	case key.Matches(k, f.km.Prev):
		return f.move(-1)
	case k.String() == "enter" && !f.fields[f.current].multiline():
		if f.current == len(f.fields)-1 {
			return f.save(submit)
		}
		return f.move(1)
	}
	return f.edit(k)
}

// edit passes a key or a paste to the current field; a change takes that
// field's error, and any warning, back.
func (f *Form) edit(msg tea.Msg) (tea.Cmd, bool) {
	cmd, changed := f.fields[f.current].update(msg)
	if changed {
		f.clearError(f.current)
	}
	f.unwarn(changed)
	return cmd, changed
}

// save commits what was typed in the current field, then saves: a
// warning stands only if nothing changed since it was given.
func (f *Form) save(submit func() tea.Cmd) (tea.Cmd, bool) {
	changed := f.commit()
	f.unwarn(changed)
	return submit(), changed
}

// unwarn takes a warning back once what it warned of has changed.
func (f *Form) unwarn(changed bool) {
	if changed && f.warned {
		f.warned, f.general = false, ""
	}
}

// ShowError puts field errors beside their fields and anything else on top,
// then moves to the first field that needs fixing.
func (f *Form) ShowError(err error) tea.Cmd {
	f.errs, f.general = nil, ""
	var inv model.Invalid
	var fe model.FieldError
	var warning model.Confirmable
	switch {
	case errors.As(err, &warning):
		f.Warn(err.Error())
		return nil
	case errors.As(err, &inv):
		f.errs = inv
	case errors.As(err, &fe):
		f.errs = model.Invalid{fe}
	default:
		f.general = err.Error()
		return nil
	}
	for i, e := range f.errs {
		if name, ok := f.aliases[e.Field]; ok {
			f.errs[i].Field = name
		}
	}
	for i, name := range f.names {
		if f.errs.For(name) != "" {
			f.current = i
			return f.FocusCurrent()
		}
	}
	// An error for a field this form does not show is still an error.
	f.general = f.errs.Error()
	return nil
}
