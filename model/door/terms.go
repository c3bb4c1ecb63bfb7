package door

import (
	"context"
	"fmt"
	"strings"
	"time"

	"dispatch/model"
	"dispatch/model/feed"
	"dispatch/model/store"
)

// OfficeTerms are the office's billing defaults.
func (d *Door) OfficeTerms(ctx context.Context, who model.Actor) (model.OfficeTerms, error) {
	var o model.OfficeTerms
	err := d.read(ctx, who, model.ActSeeRates, func(tx *store.Tx) error {
		var err error
		o, err = tx.OfficeTerms(ctx)
		return err
	})
	return o, err
}

// SetOfficeTerms changes the office's billing defaults; change says how,
// given the terms as they are. A rise is owed notice by every client it
// reaches without a managed-service contract (see SetClientTerms).
func (d *Door) SetOfficeTerms(ctx context.Context, who model.Actor, change func(*model.OfficeTerms) error, anyway bool) (model.OfficeTerms, error) {
	var o model.OfficeTerms
	err := d.write(ctx, who, model.ActSetTerms, feed.Invoices|feed.Clients, func(tx *store.Tx, now time.Time) error {
		before, err := tx.OfficeTerms(ctx)
		if err != nil {
			return err
		}
		o = before
		if err := change(&o); err != nil {
			return err
		}
		if err := (model.OwnTerms{Rate: o.Rate, Travel: o.Travel, Minimum: &o.Minimum}).Validate(); err != nil {
			return err
		}
		if !anyway {
			if err := officeRiseNoticed(ctx, tx, before, o, now, d.Location()); err != nil {
				return err
			}
		}
		if err := tx.SetOfficeTerms(ctx, o); err != nil {
			return err
		}
		return tx.Audit(ctx, now, who.String(), "terms.office", "office", 0, before, o)
	})
	return o, err
}

// riseNoticed lets a rise through when the client is owed no notice, or
// when a price notice to them has taken effect — which it then uses up.
func riseNoticed(ctx context.Context, tx *store.Tx, c model.Client, rises []string, told bool, notices []model.Notice, now time.Time, loc *time.Location) error {
	if err := model.CheckPriceRise(c, rises, told, notices, now, loc); err != nil {
		return err
	}
	if n, ok := model.NoticeForRise(notices, now, loc); ok && told && !c.Managed {
		return tx.NoticeRaised(ctx, n.ID, c.ID, now)
	}
	return nil
}

// officeRiseNoticed checks a change of the office's defaults against every
// client it raises prices for, uses up the notices that allow it, and names
// the first few clients still owed notice.
func officeRiseNoticed(ctx context.Context, tx *store.Tx, before, after model.OfficeTerms, now time.Time, loc *time.Location) error {
	clients, err := tx.Clients(ctx)
	if err != nil {
		return err
	}
	told, err := tx.ClientsWithAcceptedTerms(ctx)
	if err != nil {
		return err
	}
	notices, err := tx.PriceNoticesByClient(ctx)
	if err != nil {
		return err
	}
	var owed []string
	var allowed []model.Client
	for _, c := range clients {
		rises := model.PriceRises(c.Own.Over(before.BillingTerms, c.Terms), c.Own.Over(after.BillingTerms, c.Terms))
		if len(rises) == 0 || c.Managed || !told[c.ID] {
			continue
		}
		if model.CheckPriceRise(c, rises, true, notices[c.ID], now, loc) != nil {
			owed = append(owed, c.Name)
		} else {
			allowed = append(allowed, c)
		}
	}
	if len(owed) > 0 {
		return model.NoticeOwed{Msg: fmt.Sprintf("raising the office's prices needs %d days' notice to each client it reaches without a managed-service contract, and %s still owed it, or a notice still to take effect (%s): send a price notice (notice add --kind price --all --effective %s --text …) and raise them on that day",
			model.NoticeDays, model.Plural(len(owed), "client")+map[bool]string{true: " is", false: " are"}[len(owed) == 1], strings.Join(owed[:min(len(owed), 5)], ", "),
			model.EarliestEffective(model.NoticePrice, false, now, loc).In(loc).Format("2006-01-02"))}
	}
	for _, c := range allowed {
		n, _ := model.NoticeForRise(notices[c.ID], now, loc)
		if err := tx.NoticeRaised(ctx, n.ID, c.ID, now); err != nil {
			return err
		}
	}
	return nil
}

// ClientTerms is a client's own terms, the office's, and what they make.
type ClientTerms struct {
	Client    model.Client
	Office    model.OfficeTerms
	Effective model.BillingTerms
}

// TermsOf reads a client's terms as an invoice would apply them.
func (d *Door) TermsOf(ctx context.Context, who model.Actor, clientID int64) (ClientTerms, error) {
	var ct ClientTerms
	err := d.read(ctx, who, model.ActSeeRates, func(tx *store.Tx) error {
		var err error
		ct, err = termsOf(ctx, tx, clientID)
		return err
	})
	return ct, err
}

func termsOf(ctx context.Context, tx *store.Tx, clientID int64) (ClientTerms, error) {
	c, err := tx.ClientByID(ctx, clientID)
	if err != nil {
		return ClientTerms{}, err
	}
	o, err := tx.OfficeTerms(ctx)
	return ClientTerms{Client: c, Office: o, Effective: c.Own.Over(o.BillingTerms, c.Terms)}, err
}

// SetClientTerms changes a client's own terms; change says how. A rise in
// what the client pays waits for a price notice to take effect when the
// client has no managed-service contract and has accepted terms before;
// anyway makes it now, the client having agreed another way (the audit
// keeps who did).
func (d *Door) SetClientTerms(ctx context.Context, who model.Actor, clientID int64, change func(*model.OwnTerms, *model.Terms) error, anyway bool) (ClientTerms, error) {
	var ct ClientTerms
	err := d.write(ctx, who, model.ActSetTerms, feed.Invoices|feed.Clients, func(tx *store.Tx, now time.Time) error {
		before, err := termsOf(ctx, tx, clientID)
		if err != nil {
			return err
		}
		own, pay := before.Client.Own, before.Client.Terms
		if err := change(&own, &pay); err != nil {
			return err
		}
		if err := own.Validate(); err != nil {
			return err
		}
		if err := tx.SetClientTerms(ctx, clientID, own, pay); err != nil {
			return err
		}
		if ct, err = termsOf(ctx, tx, clientID); err != nil {
			return err
		}
		if rises := model.PriceRises(before.Effective, ct.Effective); len(rises) > 0 && !anyway {
			told, err := tx.HasAcceptedTerms(ctx, clientID)
			if err != nil {
				return err
			}
			notices, err := tx.NoticesFor(ctx, clientID)
			if err != nil {
				return err
			}
			if err := riseNoticed(ctx, tx, ct.Client, rises, told, notices, now, d.Location()); err != nil {
				return err
			}
		}
		return tx.Audit(ctx, now, who.String(), "terms.client", "client", clientID, before.Effective, ct.Effective)
	})
	return ct, err
}

// Authorise records that a named contact accepted the terms for a ticket:
// by phone to the office, or at check-in (visitID set).
func (d *Door) Authorise(ctx context.Context, who model.Actor, ticketID int64, contact string, at time.Time) (model.WorkAuthorisation, error) {
	var a model.WorkAuthorisation
	err := d.write(ctx, who, model.ActAuthoriseWork, feed.Invoices|feed.Tickets, func(tx *store.Tx, now time.Time) error {
		t, err := tx.TicketByID(ctx, ticketID)
		if err != nil {
			return err
		}
		a, err = authorise(ctx, tx, who, t, 0, Step{Contact: contact}, at, now)
		return err
	})
	return a, err
}

// authorise stores a work authorisation with the terms as they stand: what
// the contact was shown.
func authorise(ctx context.Context, tx *store.Tx, who model.Actor, t model.Ticket, visitID int64, s Step, at, now time.Time) (model.WorkAuthorisation, error) {
	if t.Status == model.TicketCancelled {
		return model.WorkAuthorisation{}, model.Conflict{Msg: fmt.Sprintf("%s is cancelled; nothing to authorise", t.Ref())}
	}
	if at.IsZero() {
		at = now
	}
	if at.After(now.Add(time.Minute)) {
		return model.WorkAuthorisation{}, model.FieldError{Field: "at", Msg: "is still to come; record an authorisation once it is given"}
	}
	if at.Before(t.CreatedAt) {
		return model.WorkAuthorisation{}, model.FieldError{Field: "at", Msg: fmt.Sprintf("is before %s was opened; terms are accepted for a job once it is asked for", t.Ref())}
	}
	contactID, err := contactOf(ctx, tx, t.ClientID, s)
	if err != nil {
		return model.WorkAuthorisation{}, err
	}
	contact, err := tx.ContactByID(ctx, contactID)
	if err != nil {
		return model.WorkAuthorisation{}, err
	}
	if !contact.Role.MayApprove() {
		approvers, _ := approversOf(ctx, tx, t.ClientID)
		return model.WorkAuthorisation{}, model.FieldError{Field: "contact", Msg: fmt.Sprintf("%s may ask for work but not accept its terms; ask %s", contact.Name, approvers)}
	}
	terms, err := termsOf(ctx, tx, t.ClientID)
	if err != nil {
		return model.WorkAuthorisation{}, err
	}
	a := model.WorkAuthorisation{TicketID: t.ID, VisitID: visitID, ContactID: contactID, ContactName: contact.Name, At: at.UTC().Truncate(time.Second),
		RecordedAt: now, By: who.Name, Terms: terms.Effective.Describe() + "; " + model.AddOnRule, Accepted: terms.Effective}
	if a, err = tx.InsertAuthorisation(ctx, a); err != nil {
		return a, err
	}
	return a, tx.Audit(ctx, now, who.String(), "ticket.authorise", "ticket", t.ID, nil, a)
}

// approversOf names the contacts who may approve, for a message.
func approversOf(ctx context.Context, tx *store.Tx, clientID int64) (string, error) {
	contacts, err := tx.Contacts(ctx, clientID)
	var names []string
	for _, c := range contacts {
		if c.Role.MayApprove() {
			names = append(names, fmt.Sprintf("%s (%s)", c.Name, c.Role))
		}
	}
	if len(names) == 0 {
		return "the client to name an authorised contact", err
	}
	return strings.Join(names, " or "), err
}

// AddPart adds a part sold with a ticket; the price must have been approved
// by the authorised or backup contact.
func (d *Door) AddPart(ctx context.Context, who model.Actor, p model.Part, approver string) (model.Part, error) {
	if err := p.Validate(); err != nil {
		return p, err
	}
	err := d.write(ctx, who, model.ActAddPart, feed.Invoices|feed.Tickets, func(tx *store.Tx, now time.Time) error {
		t, err := tx.TicketByID(ctx, p.TicketID)
		if err != nil {
			return err
		}
		if err := notInvoiced(ctx, tx, t); err != nil {
			return err
		}
		if p.ApprovedByID, err = contactOf(ctx, tx, t.ClientID, Step{Contact: approver}); err != nil {
			return model.FieldError{Field: "approved-by", Msg: strings.TrimPrefix(err.Error(), "contact ")}
		}
		c, err := tx.ContactByID(ctx, p.ApprovedByID)
		if err != nil {
			return err
		}
		if !c.Role.MayApprove() {
			approvers, _ := approversOf(ctx, tx, t.ClientID)
			return model.FieldError{Field: "approved-by", Msg: fmt.Sprintf("%s may not approve a price; ask %s", c.Name, approvers)}
		}
		p.ApprovedBy, p.AddedAt, p.AddedBy = c.Name, now, who.Name
		if p, err = tx.InsertPart(ctx, p); err != nil {
			return err
		}
		return tx.Audit(ctx, now, who.String(), "part.add", "ticket", t.ID, nil, p)
	})
	return p, err
}

// notInvoiced refuses a change to a ticket whose invoice has gone out.
func notInvoiced(ctx context.Context, tx *store.Tx, t model.Ticket) error {
	id, state, err := tx.LiveInvoiceOf(ctx, t.ID)
	if err != nil || id == 0 || !state.Frozen() {
		return err
	}
	return model.Conflict{Msg: fmt.Sprintf("%s is on %s, already %s; a change now is a credit note (invoice credit %s --line N --amount … --reason …)",
		t.Ref(), model.FormatID(model.PrefixInvoice, id), state, model.FormatID(model.PrefixInvoice, id))}
}

// RemovePart takes a part added by mistake off a ticket whose invoice has
// not gone out; a draft drawn again leaves it out.
func (d *Door) RemovePart(ctx context.Context, who model.Actor, id int64, reason string) (model.Part, error) {
	var p model.Part
	reason, err := needText("reason", reason, "say why it comes off: added twice, returned unused…")
	if err != nil {
		return p, err
	}
	err = d.write(ctx, who, model.ActAddPart, feed.Invoices|feed.Tickets, func(tx *store.Tx, now time.Time) error {
		var err error
		if p, err = tx.PartByID(ctx, id); err != nil {
			return err
		}
		t, err := tx.TicketByID(ctx, p.TicketID)
		if err != nil {
			return err
		}
		if err := notInvoiced(ctx, tx, t); err != nil {
			return err
		}
		if err := tx.DeletePart(ctx, id); err != nil {
			return err
		}
		return tx.Audit(ctx, now, who.String(), "part.remove", "ticket", t.ID, p, map[string]string{"reason": reason})
	})
	return p, err
}
