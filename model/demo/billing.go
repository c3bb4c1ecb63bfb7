package demo

import (
	"context"
	"fmt"
	"time"

	"dispatch/model"
	"dispatch/model/door"
)

// noAuthorisation is the done ticket whose contact never accepted the
// terms, so a newcomer drafting it sees the warning.
const noAuthorisation = "Time clock terminal network move"

// seedBilling sets the office's terms, records the work authorisations the
// contacts gave at check-in, and sends the invoiced history on invoices:
// paid, one disputed, one past due.
func seedBilling(ctx context.Context, at func(time.Time) *door.Door, earliest, now time.Time, ordered []demoTicket, visits map[string]model.Visit) error {
	_, err := at(earliest).SetOfficeTerms(ctx, seeder, func(o *model.OfficeTerms) error {
		o.Rate, o.Travel = 120_00, model.TravelPolicy{Kind: model.TravelHourly}
		return nil
	}, false)
	if err != nil {
		return err
	}
	for _, dt := range ordered {
		v, ok := visits[dt.title]
		if !ok || (dt.state != done && dt.state != invoiced) || dt.title == noAuthorisation {
			continue
		}
		if _, err := at(v.ScheduledAt).Authorise(ctx, seeder, v.TicketID, approverOf(dt.client), v.ScheduledAt); err != nil {
			return fmt.Errorf("demo authorisation %q: %w", dt.title, err)
		}
	}
	for _, dt := range ordered {
		if dt.state != invoiced {
			continue
		}
		if err := sendInvoice(ctx, at, now, dt, visits[dt.title]); err != nil {
			return fmt.Errorf("demo invoice %q: %w", dt.title, err)
		}
	}
	return nil
}

// approverOf is a demo client's authorised contact.
func approverOf(client string) string {
	for _, c := range clients {
		if c.name != client {
			continue
		}
		for _, p := range c.contacts {
			if p.role == string(model.ContactAuthorised) {
				return p.name
			}
		}
	}
	return ""
}

// What became of each invoice after it went out.
var afterSending = map[string]func(ctx context.Context, d *door.Door, id int64) error{
	"Scanner driver update": func(ctx context.Context, d *door.Door, id int64) error {
		_, err := d.DisputeInvoice(ctx, seeder, id, "we thought driver updates were covered by our contract")
		return err
	},
	"Install classroom printers": func(context.Context, *door.Door, int64) error { return nil }, // unpaid, past due
	"Phone system cutover":       func(context.Context, *door.Door, int64) error { return nil }, // unpaid, due soon
}

// sendInvoice drafts, approves and sends a ticket's invoice the day after
// the work, then records what came of it, ten days on.
func sendInvoice(ctx context.Context, at func(time.Time) *door.Door, now time.Time, dt demoTicket, v model.Visit) error {
	day := now.Add(dt.offset + d).Truncate(time.Hour)
	inv, err := at(day).DraftInvoice(ctx, seeder, []int64{v.TicketID})
	if err != nil {
		return err
	}
	if inv.Held() != "" {
		if _, err := at(day).ExplainInvoice(ctx, seeder, inv.ID, "the contact agreed on site to the time past the estimate"); err != nil {
			return err
		}
	}
	if _, err := at(day.Add(time.Hour)).ApproveInvoice(ctx, seeder, inv.ID, 0); err != nil {
		return err
	}
	if _, err := at(day.Add(2*time.Hour)).SendInvoice(ctx, seeder, inv.ID, 0); err != nil {
		return err
	}
	later := day.Add(10 * d)
	if later.After(now) {
		later = now.Add(-time.Hour)
	}
	if then, ok := afterSending[dt.title]; ok {
		return then(ctx, at(later), inv.ID)
	}
	_, err = at(later).RecordFullPayment(ctx, seeder, inv.ID)
	return err
}
