package door

import (
	"context"
	netmail "net/mail"
	"strings"

	"dispatch/model"
	"dispatch/model/store"
)

// Settings serve keeps for every process on the office: a command run from
// the console writes its letters as the server would, and says what the
// server does.
const (
	mailFromKey   = "mail.from"   // "Northside IT <office@northside.example>"
	mailServerKey = "mail.server" // smtp://office@mail.example.com:587, never a password
	officeIDKey   = "office.id"   // made once with the office: its calendar entries' identity
)

// letterhead is who a letter is from and the names its ids are made in.
type letterhead struct {
	From     model.Mailbox // the office's name, at the sending address ("" until one is set)
	Domain   string        // Message-IDs: the sending address's domain
	Calendar string        // calendar UIDs: the office's own, whatever address it sends from
}

// letterhead reads who letters are from, in the transaction that writes
// them: the office's name as its invoices head it ("Northside IT · 4 Mill
// St"), or the name given with the sending address.
func (d *Door) letterhead(ctx context.Context, tx *store.Tx) (letterhead, error) {
	var h letterhead
	office, err := tx.OfficeTerms(ctx)
	if err != nil {
		return h, err
	}
	raw, err := tx.Setting(ctx, mailFromKey)
	if err != nil {
		return h, err
	}
	id, err := tx.Setting(ctx, officeIDKey)
	if err != nil {
		return h, err
	}
	name, _, _ := strings.Cut(office.From, " · ")
	h.From.Name = strings.TrimSpace(name)
	if a, err := netmail.ParseAddress(raw); err == nil {
		h.From.Email = a.Address
		if a.Name != "" {
			h.From.Name = a.Name
		}
	}
	if h.From.Name == "" {
		h.From.Name = "Dispatch"
	}
	h.Domain = "dispatch.local"
	if _, domain, ok := strings.Cut(h.From.Email, "@"); ok && domain != "" {
		h.Domain = domain
	}
	h.Calendar = "dispatch"
	if id != "" {
		h.Calendar = id + ".dispatch"
	}
	return h, nil
}

// SetMail keeps who the office's letters are from, for every process on
// it; an empty address keeps the one set before.
func (d *Door) SetMail(ctx context.Context, from model.Mailbox) error {
	if from.Email == "" {
		return nil
	}
	return d.store.Write(ctx, func(tx *store.Tx) error {
		return tx.SetSetting(ctx, mailFromKey, (&netmail.Address{Name: from.Name, Address: from.Email}).String())
	})
}

// SetMailServer keeps which mail server this server sends through ("" as
// it stops), for the outbox to tell the office: its own sessions from
// memory, commands on the console from the office.
func (d *Door) SetMailServer(ctx context.Context, name string) error {
	d.mailVia.Store(&name)
	return d.store.Write(ctx, func(tx *store.Tx) error { return tx.SetSetting(ctx, mailServerKey, name) })
}

// SendsNoMail says this server sends no letters; what another server on
// the office sends through is left as it keeps it.
func (d *Door) SendsNoMail() {
	none := ""
	d.mailVia.Store(&none)
}

// MailServer is the mail server letters go through, or "" when none is
// set: this server's own, or on the console the one a server keeps.
func (d *Door) MailServer(ctx context.Context) string {
	if mine := d.mailVia.Load(); mine != nil {
		return *mine
	}
	name, _ := d.Setting(ctx, mailServerKey)
	return name
}
