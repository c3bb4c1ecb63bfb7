package door

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"dispatch/model"
	"dispatch/model/feed"
	"dispatch/model/store"
)

// tell writes the letters a step of a visit owes into the outbox — to the
// client as its policy says, and of a booking to the technician — in the
// step's own transaction: the step and its letters are
// kept together or not at all, and a step retried writes none twice. A
// visit entered after the fact tells no one. edit adds what the kind of
// message needs (the start a move came from, the add-on).
func (d *Door) tell(ctx context.Context, tx *store.Tx, kind model.MessageKind, v model.Visit, t model.Ticket, step model.Event, now time.Time,
	edit func(*model.VisitNews)) error {
	if v.AfterTheFact {
		return nil
	}
	contacts, err := tx.Contacts(ctx, t.ClientID)
	if err != nil {
		return err
	}
	for _, c := range contacts {
		if c.ID == step.ContactID && step.ContactName == "" {
			step.ContactName = c.Name
		}
	}
	to, err := recipients(ctx, tx, kind, t.ClientID, contacts, t.ContactID)
	if err != nil {
		return err
	}
	if len(to) == 0 && !kind.Booking() {
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
	head, err := d.letterhead(ctx, tx)
	if err != nil {
		return err
	}
	n := model.VisitNews{Office: head.From, Client: client.Name, Ticket: t, Visit: v, Site: site, Step: step,
		Domain: head.Domain, Calendar: head.Calendar, Sent: now}
	if a, err := tx.LatestAuthorisation(ctx, t.ID); err != nil {
		return err
	} else if a != nil {
		n.Terms = &a.Accepted
	}
	if edit != nil {
		edit(&n)
	}
	told := map[string]bool{}
	if kind == model.MsgMoved || kind == model.MsgCancelled {
		if told, err = tx.ToldOfBooking(ctx, v.ID); err != nil {
			return err
		}
	}
	for _, m := range to {
		contact := contactAt(contacts, m)
		k, ok := bookingNews(kind, told, m, "contact", contact)
		if !ok {
			continue
		}
		n.To = m
		l := model.OutboxLetter{Letter: model.VisitLetter(k, n, d.Location()), ClientID: t.ClientID, VisitID: v.ID, ContactID: contact}
		if _, err := tx.QueueLetter(ctx, l, now); err != nil {
			return err
		}
	}
	if !kind.Booking() {
		return nil
	}
	return d.tellTechs(ctx, tx, kind, n, told, now)
}

// bookingNews is what a change to a booking is to one person: a move is
// news of the booking itself to someone never told of it (a contact added
// to the letters since, a technician who set an address since), and a
// cancellation is nothing to them.
func bookingNews(kind model.MessageKind, told map[string]bool, to model.Mailbox, who string, id int64) (model.MessageKind, bool) {
	known := told[strings.ToLower(to.Email)] || id != 0 && told[fmt.Sprintf("%s:%d", who, id)]
	switch {
	case kind == model.MsgMoved && !known:
		return model.MsgBooked, true
	case kind == model.MsgCancelled && !known:
		return kind, false
	}
	return kind, true
}

// contactAt is the contact a letter's address belongs to.
func contactAt(contacts []model.Contact, m model.Mailbox) int64 {
	for _, c := range contacts {
		if strings.EqualFold(strings.TrimSpace(c.Email), m.Email) {
			return c.ID
		}
	}
	return 0
}

// tellTechs sends the technician the calendar entry of a booking, a move
// or a cancellation, whatever the client hears; on a move to another
// technician, the one who had the visit has it withdrawn. A technician
// with no email set is told nothing.
func (d *Door) tellTechs(ctx context.Context, tx *store.Tx, kind model.MessageKind, n model.VisitNews, told map[string]bool, now time.Time) error {
	type letter struct {
		kind   model.MessageKind
		techID int64
	}
	letters := []letter{{kind, n.Visit.TechID}}
	if n.PreviousTech != 0 && n.PreviousTech != n.Visit.TechID {
		letters = []letter{{model.MsgBooked, n.Visit.TechID}, {model.MsgCancelled, n.PreviousTech}}
	}
	for _, l := range letters {
		tech, err := tx.UserByID(ctx, l.techID)
		if errors.Is(err, model.ErrNotFound) || err == nil && tech.Email == "" {
			continue
		} else if err != nil {
			return err
		}
		n.To = model.Mailbox{Name: tech.Name, Email: tech.Email}
		k, ok := bookingNews(l.kind, told, n.To, "user", tech.ID)
		if !ok {
			continue
		}
		letter := model.OutboxLetter{Letter: model.TechLetter(k, n, d.Location()), ClientID: n.Ticket.ClientID, VisitID: n.Visit.ID, UserID: tech.ID}
		if _, err := tx.QueueLetter(ctx, letter, now); err != nil {
			return err
		}
	}
	return nil
}

// recipients are whom a client's letter of this kind goes to, as the
// client's policy says: none when the client does not hear of it. The
// requesters are the contacts who asked for the work it is about.
func recipients(ctx context.Context, tx *store.Tx, kind model.MessageKind, clientID int64, contacts []model.Contact,
	requesters ...int64) ([]model.Mailbox, error) {
	policy, err := tx.ClientNotify(ctx, clientID)
	if err != nil || !policy.Sends(kind) {
		return nil, err
	}
	var to []model.Mailbox
	seen := map[string]bool{}
	if len(requesters) == 0 {
		requesters = []int64{0} // nobody asked: the other audiences still hear
	}
	for _, id := range requesters {
		var requester model.Contact
		for _, c := range contacts {
			if c.ID == id {
				requester = c
			}
		}
		for _, m := range policy.Recipients(contacts, requester) {
			if key := strings.ToLower(m.Email); !seen[key] {
				seen[key] = true
				to = append(to, m)
			}
		}
	}
	return to, nil
}

// ClientNotify reads what a client hears of and who hears it.
func (d *Door) ClientNotify(ctx context.Context, who model.Actor, clientID int64) (model.NotifyPolicy, error) {
	var p model.NotifyPolicy
	err := d.read(ctx, who, model.ActViewBoard, func(tx *store.Tx) error {
		var err error
		p, err = tx.ClientNotify(ctx, clientID)
		return err
	})
	return p, err
}

// SetClientNotify changes what a client hears of and who hears it; the
// change says how, given the policy as it stands.
func (d *Door) SetClientNotify(ctx context.Context, who model.Actor, clientID int64, change func(*model.NotifyPolicy)) (model.NotifyPolicy, error) {
	var p model.NotifyPolicy
	err := d.write(ctx, who, model.ActTellClients, feed.Clients, func(tx *store.Tx, now time.Time) error {
		before, err := tx.ClientNotify(ctx, clientID)
		if err != nil {
			return err
		}
		p = before
		change(&p)
		p = p.Normal()
		if err := tx.SetClientNotify(ctx, clientID, p); err != nil {
			return err
		}
		return tx.Audit(ctx, now, who.String(), "client.notify", "client", clientID, before, p)
	})
	return p, err
}

// Outbox lists the letters of one state, or all (""), newest first.
func (d *Door) Outbox(ctx context.Context, who model.Actor, state model.OutboxState, limit int) ([]model.OutboxLetter, error) {
	var out []model.OutboxLetter
	err := d.read(ctx, who, model.ActTellClients, func(tx *store.Tx) error {
		var err error
		out, err = tx.Outbox(ctx, state, limit)
		return err
	})
	return out, err
}

// Letter reads one letter of the outbox, whole.
func (d *Door) Letter(ctx context.Context, who model.Actor, id int64) (model.OutboxLetter, error) {
	var o model.OutboxLetter
	err := d.read(ctx, who, model.ActTellClients, func(tx *store.Tx) error {
		var err error
		o, err = tx.LetterByID(ctx, id)
		return err
	})
	return o, err
}

// RetryLetter puts a failed or cancelled letter back in the queue, to be
// tried at once; a letter sent stays sent.
func (d *Door) RetryLetter(ctx context.Context, who model.Actor, id int64) (model.OutboxLetter, error) {
	return d.changeLetter(ctx, who, id, "outbox.retry", func(tx *store.Tx, o *model.OutboxLetter, now time.Time) error {
		if o.State == model.OutboxSent {
			return model.Conflict{Msg: fmt.Sprintf("%s was sent on %s; it is not sent twice", o.Ref(), o.SentAt.In(d.Location()).Format("Mon 2 Jan 15:04"))}
		}
		if err := readdress(ctx, tx, o); err != nil {
			return err
		}
		o.State, o.NextAt = model.OutboxQueued, now
		return nil
	})
}

// readdress points a letter at its recipient's address as it stands now:
// a retry after the address was corrected goes to the corrected one.
func readdress(ctx context.Context, tx *store.Tx, o *model.OutboxLetter) error {
	var to model.Mailbox
	switch {
	case o.ContactID != 0:
		c, err := tx.ContactByID(ctx, o.ContactID)
		if err != nil {
			return err
		}
		if c.Archived {
			return model.Conflict{Msg: fmt.Sprintf("%s was removed from the client's contacts; the letter has no one to go to", c.Name)}
		}
		to = model.Mailbox{Name: c.Name, Email: strings.TrimSpace(c.Email)}
	case o.UserID != 0:
		u, err := tx.UserByID(ctx, o.UserID)
		if err != nil {
			return err
		}
		to = model.Mailbox{Name: u.Name, Email: u.Email}
	default:
		return nil
	}
	if to.Email == "" {
		return model.Conflict{Msg: fmt.Sprintf("%s has no email address now; give them one, then retry", to.Name)}
	}
	if strings.EqualFold(to.Email, o.To.Email) {
		return nil
	}
	_, domain, _ := strings.Cut(strings.Trim(o.MessageID, "<>"), "@")
	o.ICS = model.ReaddressICS(o.ICS, o.To, to)
	o.To, o.MessageID = to, model.LetterMessageID(o.Key, to, domain)
	return tx.ReaddressLetter(ctx, *o)
}

// CancelLetter stops a letter not yet sent.
func (d *Door) CancelLetter(ctx context.Context, who model.Actor, id int64) (model.OutboxLetter, error) {
	return d.changeLetter(ctx, who, id, "outbox.cancel", func(_ *store.Tx, o *model.OutboxLetter, now time.Time) error {
		if o.State == model.OutboxSent {
			return model.Conflict{Msg: fmt.Sprintf("%s was sent on %s; a letter sent cannot be called back", o.Ref(), o.SentAt.In(d.Location()).Format("Mon 2 Jan 15:04"))}
		}
		o.State = model.OutboxCancelled
		o.LastError = fmt.Sprintf("stopped by %s on %s", who.Name, now.In(d.Location()).Format("Mon 2 Jan 15:04"))
		return nil
	})
}

func (d *Door) changeLetter(ctx context.Context, who model.Actor, id int64, action string,
	fn func(*store.Tx, *model.OutboxLetter, time.Time) error) (model.OutboxLetter, error) {
	var o model.OutboxLetter
	err := d.write(ctx, who, model.ActTellClients, feed.Clients, func(tx *store.Tx, now time.Time) error {
		var err error
		if o, err = tx.LetterByID(ctx, id); err != nil {
			return err
		}
		before := o.State
		if err := fn(tx, &o, now); err != nil {
			return err
		}
		if err := tx.SaveLetterState(ctx, o); err != nil {
			return err
		}
		return tx.Audit(ctx, now, who.String(), action, "outbox", id, before, o.State)
	})
	return o, err
}

// tellInvoice writes the letters that send an invoice, in the transaction
// that marks it sent: to the client's contacts as its policy says, the
// requesters being those who asked for the invoice's tickets.
func (d *Door) tellInvoice(ctx context.Context, tx *store.Tx, inv model.Invoice, now time.Time) error {
	contacts, err := tx.Contacts(ctx, inv.ClientID)
	if err != nil {
		return err
	}
	var requesters []int64
	for _, id := range inv.TicketIDs {
		t, err := tx.TicketByID(ctx, id)
		if err != nil {
			return err
		}
		requesters = append(requesters, t.ContactID)
	}
	to, err := recipients(ctx, tx, model.MsgInvoice, inv.ClientID, contacts, requesters...)
	if err != nil || len(to) == 0 {
		return err
	}
	office, err := tx.OfficeTerms(ctx)
	if err != nil {
		return err
	}
	head, err := d.letterhead(ctx, tx)
	if err != nil {
		return err
	}
	from := office.From
	if from == "" { // the page names its sender, as the letter does
		from = head.From.Name
	}
	doc, err := d.docOf(ctx, tx, inv, from)
	if err != nil {
		return err
	}
	for _, m := range to {
		l, err := doc.Letter(head.From, m, head.Domain)
		if err != nil {
			return err
		}
		if _, err := tx.QueueLetter(ctx, model.OutboxLetter{Letter: l, ClientID: inv.ClientID, InvoiceID: inv.ID, ContactID: contactAt(contacts, m)}, now); err != nil {
			return err
		}
	}
	return nil
}

// InvoiceLetters are the letters that send an invoice to the client.
func (d *Door) InvoiceLetters(ctx context.Context, who model.Actor, invoiceID int64) ([]model.OutboxLetter, error) {
	var out []model.OutboxLetter
	err := d.read(ctx, who, model.ActSeeRates, func(tx *store.Tx) error {
		var err error
		out, err = tx.LettersOfInvoice(ctx, invoiceID)
		return err
	})
	return out, err
}
