package invoice_test

import (
	"context"
	"testing"

	"dispatch/model"
	"dispatch/model/gen/gentest"
	"dispatch/tui/invoice"
	"dispatch/tui/page"
)

// BenchmarkInvoicesDeskOpensAtScale opens the invoices desk on the
// generated office (years of invoices, the latest still owed) and draws
// it: what a manager waits for after pressing i. Target: 50 ms.
func BenchmarkInvoicesDeskOpensAtScale(b *testing.B) {
	d := gentest.Open(b)
	deps, _ := page.NewDeps(context.Background(), d, model.User{ID: 1, Name: "Bench", Role: model.RoleManager})
	b.ReportAllocs()
	for b.Loop() {
		_ = invoice.NewDesk(deps).View(120, 40)
	}
}

// BenchmarkInvoicePageOpensAtScale opens one paid invoice of the generated
// office and draws it.
func BenchmarkInvoicePageOpensAtScale(b *testing.B) {
	d := gentest.Open(b)
	deps, _ := page.NewDeps(context.Background(), d, model.User{ID: 1, Name: "Bench", Role: model.RoleManager})
	b.ReportAllocs()
	for b.Loop() {
		_ = invoice.New(deps, 1000).View(120, 40)
	}
}
