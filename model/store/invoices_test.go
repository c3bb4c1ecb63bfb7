package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"dispatch/model"
)

// The database keeps a sent invoice's lines as they went, whatever code
// would write them: a correction is a credit note.
func TestASentInvoicesLinesCannotChange(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	at := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	var inv model.Invoice
	err := s.Write(ctx, func(tx *Tx) error {
		c, err := tx.InsertClient(ctx, model.Client{Name: "Acme", CreatedAt: at})
		if err != nil {
			return err
		}
		inv, err = tx.InsertInvoice(ctx, model.Invoice{ClientID: c.ID, State: model.InvoiceDraft, DraftedAt: at, DraftedBy: "rita",
			Lines: []model.InvoiceLine{{N: 1, Kind: model.LineWork, Group: model.GroupJob, Description: "on site", Amount: 120_00, Sources: []string{"E-1"}}}})
		if err != nil {
			return err
		}
		inv.State, inv.SentAt = model.InvoiceSent, at
		return tx.SaveInvoice(ctx, inv) // sending: the lines are written while it is still approved
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.Write(ctx, func(tx *Tx) error {
		inv.Lines[0].Amount = 1_00
		return tx.SaveInvoice(ctx, inv)
	})
	if err == nil || !strings.Contains(err.Error(), "a sent invoice never changes") {
		t.Fatalf("a sent invoice's line was rewritten: %v", err)
	}
	err = s.Read(ctx, func(tx *Tx) error {
		got, err := tx.InvoiceByID(ctx, inv.ID)
		if err == nil && (got.Total() != 120_00 || got.State != model.InvoiceSent) {
			t.Errorf("stored: %s %s", got.State, got.Total())
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
