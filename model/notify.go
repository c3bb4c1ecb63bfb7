package model

import (
	"fmt"
	"slices"
	"strings"
)

// Audience is whom of a client's contacts its messages go to.
type Audience string

const (
	ToAuthorised Audience = "authorised"
	ToBackup     Audience = "backup"
	ToRequester  Audience = "requester" // whoever asked for the job
)

// MessageKinds are the moments a client may hear of, in the order of a visit.
var MessageKinds = []MessageKind{MsgBooked, MsgTravel, MsgArrived, MsgAddOn, MsgOverrun, MsgDeparted, MsgInvoice}

// Audiences are the contacts a client's messages may go to.
var Audiences = []Audience{ToAuthorised, ToBackup, ToRequester}

// NotifyPolicy is what a client hears of and who hears it. The zero policy
// is the default: every kind, to the authorised contact.
type NotifyPolicy struct {
	Send  []MessageKind `json:",omitempty"` // none: every kind
	To    []Audience    `json:",omitempty"` // none: the authorised contact
	Muted bool          `json:",omitempty"`
}

// Sends reports whether the client hears of this kind of moment. A move or
// a cancellation goes wherever a booking goes: a calendar that holds the
// visit must hear it changed.
func (p NotifyPolicy) Sends(k MessageKind) bool {
	if p.Muted {
		return false
	}
	if k == MsgMoved || k == MsgCancelled {
		k = MsgBooked
	}
	return len(p.Send) == 0 || slices.Contains(p.Send, k)
}

// Recipients are the contacts a message goes to: each once, and only
// those with an email address.
func (p NotifyPolicy) Recipients(contacts []Contact, requester Contact) []Mailbox {
	to := p.To
	if len(to) == 0 {
		to = []Audience{ToAuthorised}
	}
	var out []Mailbox
	seen := map[string]bool{}
	add := func(c Contact) {
		email := strings.ToLower(strings.TrimSpace(c.Email))
		if email == "" || seen[email] || c.Archived {
			return
		}
		seen[email] = true
		out = append(out, Mailbox{Name: c.Name, Email: strings.TrimSpace(c.Email)})
	}
	for _, a := range to {
		switch a {
		case ToRequester:
			add(requester)
		default:
			for _, c := range contacts {
				if string(c.Role) == string(a) {
					add(c)
				}
			}
		}
	}
	return out
}

// Describe says the policy in a line: "muted", or what is sent to whom.
func (p NotifyPolicy) Describe() string {
	if p.Muted {
		return "muted: nothing is sent"
	}
	kinds := "every step (booked, travel, arrived, add-on, overrun, departed, invoice)"
	if len(p.Send) > 0 {
		var ks []string
		for _, k := range p.Send {
			ks = append(ks, string(k))
		}
		kinds = strings.Join(ks, ", ")
	}
	to := "the authorised contact"
	if len(p.To) > 0 {
		var as []string
		for _, a := range p.To {
			as = append(as, string(a))
		}
		to = strings.Join(as, ", ")
	}
	return kinds + " — to " + to
}

// Normal is the policy as it is kept: every kind is the default (so a kind
// added later is sent too), as is the authorised contact alone.
func (p NotifyPolicy) Normal() NotifyPolicy {
	if len(p.Send) == len(MessageKinds) {
		p.Send = nil
	}
	if len(p.To) == 1 && p.To[0] == ToAuthorised {
		p.To = nil
	}
	return p
}

// ParseMessageKinds reads "booked,travel,arrived", or "all": the kinds a
// client hears of.
func ParseMessageKinds(s string) ([]MessageKind, error) {
	if k := strings.ToLower(strings.TrimSpace(s)); k == "all" || k == "every" {
		return slices.Clone(MessageKinds), nil
	}
	var out []MessageKind
	for _, part := range strings.Split(s, ",") {
		k := MessageKind(strings.ToLower(strings.TrimSpace(part)))
		if k == "" {
			continue
		}
		if !slices.Contains(MessageKinds, k) {
			return nil, FieldError{Field: "send", Msg: fmt.Sprintf("%q is not a kind of message; use booked, travel, arrived, add-on, overrun, departed, invoice, or all", CleanLine(part))}
		}
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	if len(out) == 0 {
		return nil, FieldError{Field: "send", Msg: "names no kind; say which, like booked,arrived,departed (or --mute to send nothing)"}
	}
	return out, nil
}

// ParseAudiences reads "authorised,backup": whom a client's messages go to.
func ParseAudiences(s string) ([]Audience, error) {
	var out []Audience
	for _, part := range strings.Split(s, ",") {
		a := Audience(strings.ToLower(strings.TrimSpace(part)))
		if a == "" {
			continue
		}
		if !slices.Contains(Audiences, a) {
			return nil, FieldError{Field: "to", Msg: fmt.Sprintf("%q is not whom a message goes to; use authorised, backup or requester", CleanLine(part))}
		}
		if !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		return nil, FieldError{Field: "to", Msg: "names no one; say whom, like authorised,requester"}
	}
	return out, nil
}

// MailStatus says how letters leave the office: through which mail server,
// or that none is set and they wait.
func MailStatus(server string) string {
	if server == "" {
		return "no mail server is set, so letters wait here unsent; start the server with --smtp URL --mail-from ADDRESS to send them"
	}
	return "letters go out through " + server + " within seconds of being written"
}

// LetterExtras says what goes with a letter beside its text.
func LetterExtras(l OutboxLetter) []string {
	var out []string
	if l.UserID != 0 {
		out = append(out, "(to the office: the technician's calendar entry, not a touch on the client's timeline)")
	}
	if l.HTML != "" {
		out = append(out, "(with the invoice's printable page)")
	}
	if l.ICS != "" {
		out = append(out, "(with a calendar invitation)")
	}
	return out
}

// InvoiceLettersLine says whom a sent invoice's letters went to, or that
// none was written and what to do.
func InvoiceLettersLine(inv Invoice, letters []OutboxLetter, p NotifyPolicy) string {
	if len(letters) == 0 {
		why := "no contact it goes to has an email address"
		switch {
		case p.Muted:
			why = "the client is muted"
		case !p.Sends(MsgInvoice):
			why = "the client is not sent invoices by email"
		}
		return fmt.Sprintf("no letter was written: %s (see client notify); send it yourself from: invoice show %s --format html", why, inv.Ref())
	}
	var to []string
	for _, l := range letters {
		to = append(to, fmt.Sprintf("%s <%s> (%s)", CleanLine(l.To.Name), CleanLine(l.To.Email), l.Ref()))
	}
	return "its letter is in the outbox for " + strings.Join(to, ", ")
}

// Reach says who a client's letters reach as its contacts stand: their
// names and addresses, or that they reach no one and what to do. Whoever
// asked for a job is known only job by job.
func (p NotifyPolicy) Reach(contacts []Contact) (string, bool) {
	if p.Muted {
		return "", true
	}
	var to []string
	for _, m := range p.Recipients(contacts, Contact{}) {
		to = append(to, fmt.Sprintf("%s <%s>", CleanLine(m.Name), CleanLine(m.Email)))
	}
	requester := slices.Contains(p.To, ToRequester)
	switch {
	case len(to) == 0 && requester:
		return "reaches whoever asked for each job, if they have an email address", true
	case len(to) == 0:
		return "reaches no one: no contact it goes to has an email address; give one an address, or send to others", false
	case requester:
		return "reaches " + strings.Join(to, ", ") + ", and whoever asked for each job", true
	}
	return "reaches " + strings.Join(to, ", "), true
}
