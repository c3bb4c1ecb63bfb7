package door

import (
	"context"
	"sort"
	"time"

	"dispatch/model"
	"dispatch/model/invoicedoc"
	"dispatch/model/store"
)

// InvoiceDoc reads an invoice with what its pages name: its tickets' titles.
func (d *Door) InvoiceDoc(ctx context.Context, who model.Actor, id int64) (invoicedoc.Doc, error) {
	var doc invoicedoc.Doc
	err := d.read(ctx, who, model.ActSeeRates, func(tx *store.Tx) error {
		inv, err := tx.InvoiceByID(ctx, id)
		if err != nil {
			return err
		}
		office, err := tx.OfficeTerms(ctx)
		if err != nil {
			return err
		}
		doc, err = d.docOf(ctx, tx, inv, office.From)
		return err
	})
	return doc, err
}

// docOf is an invoice with its tickets' titles; from is who it is from.
func (d *Door) docOf(ctx context.Context, tx *store.Tx, inv model.Invoice, from string) (invoicedoc.Doc, error) {
	doc := invoicedoc.Doc{Invoice: inv, Titles: map[int64]string{}, Loc: d.Location(), From: from}
	for _, id := range inv.TicketIDs {
		t, err := tx.TicketByID(ctx, id)
		if err != nil {
			return doc, err
		}
		doc.Titles[id] = t.Title
	}
	return doc, nil
}

// Books is what an export to the books reads for a period: every invoice
// sent in it, whole, oldest first, and every credit note issued in it.
type Books struct {
	Invoices []invoicedoc.Doc
	Credits  []store.IssuedCredit
}

// BooksFor reads the invoices sent and the credits issued in [from, to).
func (d *Door) BooksFor(ctx context.Context, who model.Actor, from, to time.Time) (Books, error) {
	var out Books
	err := d.read(ctx, who, model.ActSeeRates, func(tx *store.Tx) error {
		var err error
		if out.Invoices, err = d.sentDocs(ctx, tx, from, to); err != nil {
			return err
		}
		out.Credits, err = tx.CreditsIssued(ctx, from, to)
		return err
	})
	return out, err
}

func (d *Door) sentDocs(ctx context.Context, tx *store.Tx, from, to time.Time) ([]invoicedoc.Doc, error) {
	var out []invoicedoc.Doc
	err := func() error {
		office, err := tx.OfficeTerms(ctx)
		if err != nil {
			return err
		}
		list, err := tx.Invoices(ctx, store.InvoiceFilter{SentFrom: from, SentTo: to,
			States: []model.InvoiceState{model.InvoiceSent, model.InvoicePartPaid, model.InvoicePaid, model.InvoiceDisputed}})
		if err != nil {
			return err
		}
		for i := len(list) - 1; i >= 0; i-- {
			inv, err := tx.InvoiceByID(ctx, list[i].ID)
			if err != nil {
				return err
			}
			doc, err := d.docOf(ctx, tx, inv, office.From)
			if err != nil {
				return err
			}
			out = append(out, doc)
		}
		return nil
	}()
	return out, err
}

// TimeEntries are every stretch of technicians' time that overlaps [from,
// to), derived from the visits' steps, by start.
func (d *Door) TimeEntries(ctx context.Context, who model.Actor, from, to time.Time) ([]model.TimeEntry, error) {
	var out []model.TimeEntry
	err := d.read(ctx, who, model.ActSeeRates, func(tx *store.Tx) error {
		visits, err := tx.VisitsSteppedSince(ctx, from)
		if err != nil {
			return err
		}
		for _, v := range visits {
			for _, e := range model.TimeEntries(v) {
				if e.End.After(from) && e.Start.Before(to) {
					out = append(out, e)
				}
			}
		}
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start) })
	return out, err
}
