package door

import (
	"context"
	"strings"
	"time"

	"dispatch/model"
	"dispatch/model/store"
)

// SetMail says who the office's letters are from: the address they are
// sent from, and so the domain their Message-IDs are made in. Without it
// letters still wait in the outbox, from the office's name.
func (d *Door) SetMail(from model.Mailbox) { d.mail = from }

// mailDomain is the domain of the sending address, or one that says no
// mail is set up yet.
func (d *Door) mailDomain() string {
	if _, domain, ok := strings.Cut(d.mail.Email, "@"); ok && domain != "" {
		return domain
	}
	return "dispatch.invalid"
}

// tell writes the letters a step of a visit owes the client into the
// outbox, in the step's own transaction: the step and its letters are
// kept together or not at all, and a step retried writes none twice. A
// visit entered after the fact tells no one. edit adds what the kind of
// message needs (the start a move came from, the add-on).
func (d *Door) tell(ctx context.Context, tx *store.Tx, kind model.MessageKind, v model.Visit, t model.Ticket, step model.Event, now time.Time,
	edit func(*model.VisitNews)) error {
	if v.AfterTheFact {
		return nil
	}
	policy, err := tx.ClientNotify(ctx, t.ClientID)
	if err != nil || !policy.Sends(kind) {
		return err
	}
	contacts, err := tx.Contacts(ctx, t.ClientID)
	if err != nil {
		return err
	}
	var requester model.Contact
	for _, c := range contacts {
		if c.ID == t.ContactID {
			requester = c
		}
		if c.ID == step.ContactID && step.ContactName == "" {
			step.ContactName = c.Name
		}
	}
	to := policy.Recipients(contacts, requester)
	if len(to) == 0 {
		return nil
	}
	client, err := tx.ClientByID(ctx, t.ClientID)
	if err != nil {
		return err
	}
	site, err := tx.SiteByID(ctx, t.SiteID)
	if err != nil {
		return err
	}
	office, err := tx.OfficeTerms(ctx)
	if err != nil {
		return err
	}
	n := model.VisitNews{Office: d.sender(office), Client: client.Name, Ticket: t, Visit: v, Site: site, Step: step,
		Domain: d.mailDomain(), Sent: now}
	if a, err := tx.LatestAuthorisation(ctx, t.ID); err != nil {
		return err
	} else if a != nil {
		n.Terms = &a.Accepted
	}
	if edit != nil {
		edit(&n)
	}
	for _, m := range to {
		n.To = m
		if _, err := tx.QueueLetter(ctx, model.VisitLetter(kind, n, d.Location()), t.ClientID, v.ID, now); err != nil {
			return err
		}
	}
	return nil
}

// sender is who the letters are from: the office's name as its invoices
// head it ("Northside IT · 4 Mill St"), at the sending address.
func (d *Door) sender(o model.OfficeTerms) model.Mailbox {
	name, _, _ := strings.Cut(o.From, " · ")
	if name = strings.TrimSpace(name); name == "" {
		name = "Dispatch"
	}
	if d.mail.Name != "" {
		name = d.mail.Name
	}
	return model.Mailbox{Name: name, Email: d.mail.Email}
}
