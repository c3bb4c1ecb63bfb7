package client

import (
	"fmt"
	"slices"

	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/tui/form"
	"dispatch/tui/page"
)

// notifyForm chooses what a client hears of as it happens and who hears
// it, or mutes the client: the page's side of client notify.
type notifyForm struct {
	*form.Form
	deps  page.Deps
	c     model.Client
	kinds map[model.MessageKind]*form.CheckField
	whom  map[model.Audience]*form.CheckField
	mute  *form.CheckField
}

// kindWords says what each kind of letter tells, as the form lists it.
var kindWords = map[model.MessageKind]string{
	model.MsgBooked:   "a visit booked, moved or cancelled, with the invitation",
	model.MsgTravel:   "the technician set off, and how far away they are",
	model.MsgArrived:  "the technician arrived, and whom they checked in with",
	model.MsgAddOn:    "an add-on approved: the meter is running on it",
	model.MsgOverrun:  "the estimate nearing or passed, as the contact was told",
	model.MsgDeparted: "the visit summary, as the invoice will count it",
	model.MsgInvoice:  "an invoice sent, with its printable page",
}

var whomWords = map[model.Audience]string{
	model.ToAuthorised: "the authorised contact",
	model.ToBackup:     "the backup contact",
	model.ToRequester:  "whoever asked for the job",
}

func newNotifyForm(deps page.Deps, c model.Client, p model.NotifyPolicy) *notifyForm {
	f := &notifyForm{Form: form.New(deps, "Letters · "+c.Name, "cancel"), deps: deps, c: c,
		kinds: map[model.MessageKind]*form.CheckField{}, whom: map[model.Audience]*form.CheckField{}}
	label := "Tell of" // the first of a group is labelled, the rest line up under it
	for _, k := range model.MessageKinds {
		field := form.NewCheckField(kindWords[k])
		field.Set(len(p.Send) == 0 || slices.Contains(p.Send, k))
		f.kinds[k] = field
		f.Add(string(k), label, field)
		label = ""
	}
	label = "Send to"
	for _, a := range model.Audiences {
		field := form.NewCheckField(whomWords[a])
		field.Set(slices.Contains(p.To, a) || len(p.To) == 0 && a == model.ToAuthorised)
		f.whom[a] = field
		f.Add(string(a), label, field)
		label = ""
	}
	f.mute = form.NewCheckField("mute: tell this client nothing, whatever is ticked")
	f.mute.Set(p.Muted)
	f.Add("mute", "Mute", f.mute)
	return f
}

func (f *notifyForm) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	return f, f.HandleOrLeave(msg, f.submit)
}

func (f *notifyForm) submit() tea.Cmd {
	var next model.NotifyPolicy
	for _, k := range model.MessageKinds {
		if f.kinds[k].Checked() {
			next.Send = append(next.Send, k)
		}
	}
	for _, a := range model.Audiences {
		if f.whom[a].Checked() {
			next.To = append(next.To, a)
		}
	}
	next.Muted = f.mute.Checked()
	if !next.Muted && len(next.Send) == 0 {
		return f.ShowError(model.Conflict{Msg: "tick at least one kind of letter, or tick mute to tell this client nothing"})
	}
	if len(next.To) == 0 && !next.Muted {
		return f.ShowError(model.Conflict{Msg: "tick whom the letters go to, or tick mute to tell this client nothing"})
	}
	p, err := f.deps.Door.SetClientNotify(f.deps.Ctx, f.deps.Actor(), f.c.ID, func(p *model.NotifyPolicy) { *p = next })
	if err != nil {
		return f.ShowError(err)
	}
	return f.deps.Close(fmt.Sprintf("%s: %s", f.c.Name, p.Describe()))
}
