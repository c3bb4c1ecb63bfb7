package client

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/tui/form"
	"dispatch/tui/page"
)

// Each edit form opens with the record as it stands and sends the door only
// what was changed: a form saved untouched changes nothing.

// changed is the new value of a field, or nil when it reads as before.
func changed(before, now string) *string {
	if strings.TrimSpace(now) == strings.TrimSpace(before) {
		return nil
	}
	return &now
}

// editClientForm renames a client or changes its contract.
type editClientForm struct {
	*form.Form
	deps     page.Deps
	c        model.Client
	name     *form.TextField
	contract *form.ChoiceField
}

const (
	managed    = "managed-service contract"
	notManaged = "no contract"
)

func newEditClientForm(deps page.Deps, c model.Client) *editClientForm {
	f := &editClientForm{Form: form.New(deps, "Edit "+c.Name, "cancel"), deps: deps, c: c,
		name: form.NewTextField("the client's name", 120), contract: form.NewChoiceField(managed, notManaged)}
	f.name.SetValue(c.Name)
	f.contract.Choose(map[bool]string{true: managed, false: notManaged}[c.Managed])
	f.Add("name", "Name", f.name)
	f.Add("managed", "Contract", f.contract)
	return f
}

func (f *editClientForm) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	return f, f.HandleOrLeave(msg, f.submit)
}

func (f *editClientForm) submit() tea.Cmd {
	name := changed(f.c.Name, f.name.Value())
	var isManaged *bool
	if m := f.contract.Chosen() == managed; m != f.c.Managed {
		isManaged = &m
	}
	if name == nil && isManaged == nil {
		return f.deps.Close("nothing changed")
	}
	c, err := f.deps.Door.EditClient(f.deps.Ctx, f.deps.Actor(), f.c.ID, name, isManaged)
	if err != nil {
		return f.ShowError(err)
	}
	return f.deps.Close(fmt.Sprintf("%s saved", c.Name))
}

// termsForm sets a client's own rate, travel and payment terms; "office"
// in a field gives the setting back to the office's default.
type termsForm struct {
	*form.Form
	deps                  page.Deps
	c                     model.Client
	before                model.TermsChange
	rate, travel, payment *form.TextField
}

func newTermsForm(deps page.Deps, c model.Client, t door.ClientTerms) *termsForm {
	f := &termsForm{Form: form.New(deps, "Rate and terms · "+c.Name, "cancel"), deps: deps, c: c,
		rate:    form.NewTextField(fmt.Sprintf("hourly, like 120; office for the office's (%s)", t.Office.Rate), 20),
		travel:  form.NewTextField("none, hourly, rate:85, flat:45 or office", 20),
		payment: form.NewTextField("delivery, net15, net30 …", 20)}
	own := t.Client.Own
	if own.Rate > 0 {
		f.before.Rate = own.Rate.String()
	}
	if own.Travel.Kind != "" {
		f.before.Travel = own.Travel.String()
	}
	f.before.Payment = t.Effective.Payment.String()
	f.rate.SetValue(f.before.Rate)
	f.travel.SetValue(f.before.Travel)
	f.payment.SetValue(f.before.Payment)
	f.Add("rate", "Rate", f.rate)
	f.Add("travel", "Travel", f.travel)
	f.Add("terms", "Payment", f.payment)
	return f
}

func (f *termsForm) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	return f, f.HandleOrLeave(msg, f.submit)
}

func (f *termsForm) submit() tea.Cmd {
	var ch model.TermsChange
	if v := changed(f.before.Rate, f.rate.Value()); v != nil {
		ch.Rate = orOffice(*v)
	}
	if v := changed(f.before.Travel, f.travel.Value()); v != nil {
		ch.Travel = orOffice(*v)
	}
	if v := changed(f.before.Payment, f.payment.Value()); v != nil {
		ch.Payment = *v
	}
	if ch == (model.TermsChange{}) {
		return f.deps.Close("nothing changed")
	}
	t, err := f.deps.Door.SetClientTerms(f.deps.Ctx, f.deps.Actor(), f.c.ID, ch.Apply, f.Confirming()) // saved again over the notice owed
	if err != nil {
		return f.ShowError(err)
	}
	return f.deps.Close("terms saved: " + t.Effective.Describe())
}

// orOffice reads a field emptied as a return to the office's setting.
func orOffice(s string) string {
	if strings.TrimSpace(s) == "" {
		return "office"
	}
	return s
}

// pickForm asks which contact or site, then gives way to its edit form.
type pickForm struct {
	*form.Form
	picker *form.Picker
	next   func(id int64) page.Page
	deps   page.Deps
}

func newPickForm(deps page.Deps, title, label string, opts []form.Option, next func(int64) page.Page) *pickForm {
	f := &pickForm{Form: form.New(deps, title, "cancel"), picker: form.NewPicker("type to narrow"), next: next, deps: deps}
	f.picker.SetOptions(opts)
	f.Add("which", label, f.picker)
	return f
}

func (f *pickForm) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	return f, f.HandleOrLeave(msg, f.submit)
}

func (f *pickForm) submit() tea.Cmd {
	id := f.picker.Chosen()
	if id == 0 {
		return f.ShowError(model.FieldError{Field: "which", Msg: "is not chosen; type part of a name and pick one"})
	}
	p := f.next(id)
	if fc, ok := p.(page.Focuser); ok {
		return tea.Batch(f.deps.Swap(p), fc.FocusCurrent())
	}
	return f.deps.Swap(p)
}

func newContactForm(deps page.Deps, c model.Client, contacts []model.Contact) *pickForm {
	var opts []form.Option
	byID := map[int64]model.Contact{}
	for _, ct := range contacts {
		opts = append(opts, form.Option{ID: ct.ID, Label: ct.Name, Hint: string(ct.Role)})
		byID[ct.ID] = ct
	}
	return newPickForm(deps, "Edit a contact · "+c.Name, "Contact", opts, func(id int64) page.Page { return newContactEdit(deps, byID[id]) })
}

// contactEdit changes a contact's name, phone, email or role, or removes
// them; making one authorised or backup passes the role on.
type contactEdit struct {
	*form.Form
	deps               page.Deps
	ct                 model.Contact
	name, phone, email *form.TextField
	role               *form.ChoiceField
}

const removeContact = "remove"

func newContactEdit(deps page.Deps, ct model.Contact) *contactEdit {
	f := &contactEdit{Form: form.New(deps, "Contact · "+ct.Name, "cancel"), deps: deps, ct: ct,
		name: form.NewTextField("their name", 120), phone: form.NewTextField("a phone number", 40), email: form.NewTextField("an email address", 120),
		role: form.NewChoiceField(string(model.ContactAuthorised), string(model.ContactBackup), string(model.ContactOther), removeContact)}
	f.name.SetValue(ct.Name)
	f.phone.SetValue(ct.Phone)
	f.email.SetValue(ct.Email)
	f.role.Choose(string(ct.Role))
	f.Add("name", "Name", f.name)
	f.Add("phone", "Phone", f.phone)
	f.Add("email", "Email", f.email)
	f.Add("role", "Role", f.role)
	return f
}

func (f *contactEdit) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	return f, f.HandleOrLeave(msg, f.submit)
}

func (f *contactEdit) submit() tea.Cmd {
	d, ctx, who := f.deps.Door, f.deps.Ctx, f.deps.Actor()
	if f.role.Chosen() == removeContact {
		archived, err := d.RemoveContact(ctx, who, f.ct.ID)
		if err != nil {
			return f.ShowError(model.FieldError{Field: "role", Msg: err.Error()})
		}
		if archived {
			return f.deps.Close(f.ct.Name + " removed; old records still name them")
		}
		return f.deps.Close(f.ct.Name + " removed")
	}
	ch := door.ContactChange{Name: changed(f.ct.Name, f.name.Value()), Phone: changed(f.ct.Phone, f.phone.Value()),
		Email: changed(f.ct.Email, f.email.Value())}
	if r := model.ContactRole(f.role.Chosen()); r != f.ct.Role {
		ch.Role = &r
	}
	if ch == (door.ContactChange{}) {
		return f.deps.Close("nothing changed")
	}
	ct, err := d.EditContact(ctx, who, f.ct.ID, ch)
	if err != nil {
		return f.ShowError(err)
	}
	msg := ct.Name + " saved"
	if ch.Role != nil && ct.Role.MayApprove() {
		msg += fmt.Sprintf("; now the %s contact", ct.Role)
	}
	if ct.StoodDown != "" {
		msg += fmt.Sprintf(" (%s no longer is)", ct.StoodDown)
	}
	return f.deps.Close(msg)
}

func newSiteForm(deps page.Deps, c model.Client, sites []model.Site) *pickForm {
	var opts []form.Option
	byID := map[int64]model.Site{}
	for _, s := range sites {
		opts = append(opts, form.Option{ID: s.ID, Label: s.Name, Hint: s.Address})
		byID[s.ID] = s
	}
	return newPickForm(deps, "Edit a site · "+c.Name, "Site", opts, func(id int64) page.Page { return newSiteEdit(deps, byID[id]) })
}

// siteEdit changes a site's name, address or usual travel time.
type siteEdit struct {
	*form.Form
	deps                  page.Deps
	s                     model.Site
	name, address, travel *form.TextField
}

func newSiteEdit(deps page.Deps, s model.Site) *siteEdit {
	f := &siteEdit{Form: form.New(deps, "Site · "+s.Name, "cancel"), deps: deps, s: s,
		name: form.NewTextField("the site's name", 120), address: form.NewTextField("street, town", 200),
		travel: form.NewTextField("each way, like 30m or 1h15m", 20)}
	f.name.SetValue(s.Name)
	f.address.SetValue(s.Address)
	f.travel.SetValue(model.FormatDuration(s.Travel))
	f.Add("name", "Name", f.name)
	f.Add("address", "Address", f.address)
	f.Add("travel", "Travel", f.travel)
	return f
}

func (f *siteEdit) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	return f, f.HandleOrLeave(msg, f.submit)
}

func (f *siteEdit) submit() tea.Cmd {
	ch := door.SiteChange{Name: changed(f.s.Name, f.name.Value()), Address: changed(f.s.Address, f.address.Value())}
	if v := changed(model.FormatDuration(f.s.Travel), f.travel.Value()); v != nil {
		t, err := model.ParseDuration("travel", *v)
		if err != nil {
			return f.ShowError(err)
		}
		ch.Travel = &t
	}
	if ch == (door.SiteChange{}) {
		return f.deps.Close("nothing changed")
	}
	s, err := f.deps.Door.EditSite(f.deps.Ctx, f.deps.Actor(), f.s.ID, ch)
	if err != nil {
		return f.ShowError(err)
	}
	return f.deps.Close(fmt.Sprintf("%s saved: %s · %s away", s.Name, s.Address, model.FormatDuration(s.Travel)))
}
