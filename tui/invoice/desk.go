// Package invoice is the invoices desk — drafts with surprises first, what
// waits to be sent, what is owed, the done tickets ready to invoice — and
// the invoice page: its lines beside what the client was told.
package invoice

import (
	"fmt"
	"sort"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/model/store"
	"dispatch/tui/page"
)

// Desk lists invoices by what they need next, and the tickets ready for one.
type Desk struct {
	deps      page.Deps
	km        deskKeys
	rows      []row
	cursor    int
	err       error
	notice    string
	noticeErr bool
}

// row is a section's heading, an invoice, or a ticket ready to invoice.
type row struct {
	heading string
	inv     *model.InvoiceSummary
	ready   *store.ReadyTicket
}

// paidShown is how many of the latest paid invoices the desk lists.
const paidShown = 10

// NewDesk opens the invoices desk.
func NewDesk(deps page.Deps) *Desk {
	d := &Desk{deps: deps, km: newDeskKeys()}
	d.Refresh()
	return d
}

func (d *Desk) Keys() help.KeyMap  { return d.km }
func (d *Desk) CapturesText() bool { return false }
func (d *Desk) Ticking() bool      { return false }

// Refresh reads the desk again, keeping the cursor on the same invoice or
// ticket where it can.
func (d *Desk) Refresh() {
	var was row
	if d.cursor < len(d.rows) {
		was = d.rows[d.cursor]
	}
	d.rows, d.err = d.load()
	d.cursor = d.first()
	for i, r := range d.rows {
		if r.inv != nil && was.inv != nil && r.inv.ID == was.inv.ID || r.ready != nil && was.ready != nil && r.ready.ID == was.ready.ID {
			d.cursor = i
		}
	}
	d.keysFor()
}

// load reads the open invoices, the latest paid ones and the ready tickets,
// and sorts them into the desk's sections.
func (d *Desk) load() ([]row, error) {
	ctx, who := d.deps.Ctx, d.deps.Actor()
	open, err := d.deps.Door.Invoices(ctx, who, store.InvoiceFilter{States: []model.InvoiceState{
		model.InvoiceDraft, model.InvoiceApproved, model.InvoiceSent, model.InvoicePartPaid, model.InvoiceDisputed}})
	if err != nil {
		return nil, err
	}
	paid, err := d.deps.Door.Invoices(ctx, who, store.InvoiceFilter{States: []model.InvoiceState{model.InvoicePaid}, Limit: paidShown})
	if err != nil {
		return nil, err
	}
	ready, err := d.deps.Door.ReadyToInvoice(ctx, who, 0)
	if err != nil {
		return nil, err
	}
	now := d.deps.Door.Now()
	sections := []struct {
		heading string
		keep    func(s model.InvoiceSummary) bool
	}{
		{"DRAFTS — SURPRISES FIRST", func(s model.InvoiceSummary) bool { return s.State == model.InvoiceDraft }},
		{"APPROVED — TO SEND", func(s model.InvoiceSummary) bool { return s.State == model.InvoiceApproved }},
		{"PAST DUE", func(s model.InvoiceSummary) bool { return s.PastDue(now) && s.State != model.InvoiceDisputed }},
		{"DISPUTED", func(s model.InvoiceSummary) bool { return s.State == model.InvoiceDisputed }},
		{"SENT — NOT YET DUE", func(s model.InvoiceSummary) bool {
			return (s.State == model.InvoiceSent || s.State == model.InvoicePartPaid) && !s.PastDue(now)
		}},
	}
	var rows []row
	for _, sec := range sections {
		var in []model.InvoiceSummary
		for _, s := range open {
			if sec.keep(s) {
				in = append(in, s)
			}
		}
		sort.SliceStable(in, func(i, j int) bool { return in[i].Held() && !in[j].Held() })
		rows = appendSection(rows, fmt.Sprintf("%s (%d)", sec.heading, len(in)), len(in), func(i int) row { return row{inv: &in[i]} })
	}
	rows = appendSection(rows, fmt.Sprintf("READY TO INVOICE (%d)", len(ready)), len(ready), func(i int) row { return row{ready: &ready[i]} })
	rows = appendSection(rows, "PAID LATELY", len(paid), func(i int) row { return row{inv: &paid[i]} })
	return rows, nil
}

// appendSection adds a heading and its n rows; an empty section keeps its
// heading, so the desk always reads the same way down.
func appendSection(rows []row, heading string, n int, at func(int) row) []row {
	rows = append(rows, row{heading: heading})
	for i := range n {
		rows = append(rows, at(i))
	}
	return rows
}

// first is the first row that is not a heading.
func (d *Desk) first() int {
	for i, r := range d.rows {
		if r.heading == "" {
			return i
		}
	}
	return 0
}

func (d *Desk) selected() row {
	if d.cursor < len(d.rows) {
		return d.rows[d.cursor]
	}
	return row{}
}

func (d *Desk) keysFor() {
	r := d.selected()
	mayDraft := d.deps.User.Role.Can(model.ActDraftInvoice) && r.ready != nil
	d.km.Draft.SetEnabled(mayDraft)
	d.km.DraftClient.SetEnabled(mayDraft)
	d.km.Open.SetEnabled(r.inv != nil || r.ready != nil)
}

func (d *Desk) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return d, nil
	}
	d.notice = ""
	switch {
	case key.Matches(k, d.km.Back):
		return d, d.deps.Close("")
	case key.Matches(k, d.km.Down):
		d.move(1)
	case key.Matches(k, d.km.Up):
		d.move(-1)
	case key.Matches(k, d.km.Top):
		d.cursor = d.first()
	case key.Matches(k, d.km.Bottom):
		d.cursor = len(d.rows) - 1
		d.move(-1)
		d.move(1)
	case key.Matches(k, d.km.Open):
		switch r := d.selected(); {
		case r.inv != nil:
			return d, d.deps.Go(page.ToInvoice{ID: r.inv.ID})
		case r.ready != nil:
			return d, d.deps.Go(page.ToTicket{ID: r.ready.ID})
		}
	case key.Matches(k, d.km.Client):
		switch r := d.selected(); {
		case r.inv != nil:
			return d, d.deps.Go(page.ToClient{ID: r.inv.ClientID})
		case r.ready != nil:
			return d, d.deps.Go(page.ToClient{ID: r.ready.ClientID})
		}
	case key.Matches(k, d.km.Draft):
		return d, d.draft([]int64{d.selected().ready.ID})
	case key.Matches(k, d.km.DraftClient):
		return d, d.draft(d.clientsReady(d.selected().ready.ClientID))
	}
	d.keysFor()
	return d, nil
}

// move steps the cursor over headings.
func (d *Desk) move(delta int) {
	for i := d.cursor + delta; i >= 0 && i < len(d.rows); i += delta {
		if d.rows[i].heading == "" {
			d.cursor = i
			return
		}
	}
}

func (d *Desk) clientsReady(clientID int64) []int64 {
	var ids []int64
	for _, r := range d.rows {
		if r.ready != nil && r.ready.ClientID == clientID {
			ids = append(ids, r.ready.ID)
		}
	}
	return ids
}

// draft draws an invoice for the tickets and opens it.
func (d *Desk) draft(ids []int64) tea.Cmd {
	inv, err := d.deps.Door.DraftInvoice(d.deps.Ctx, d.deps.Actor(), ids)
	if err != nil {
		d.notice, d.noticeErr = err.Error(), true
		return nil
	}
	d.Refresh()
	return d.deps.Go(page.ToInvoice{ID: inv.ID})
}

// ago says how long ago, in calendar days of the office's zone, for a
// list: "today", "yesterday", "3 days ago".
func ago(t, now time.Time, loc *time.Location) string {
	days := int(model.StartOfDay(now, loc).Sub(model.StartOfDay(t, loc)).Hours()+12) / 24
	switch {
	case days < 1:
		return "today"
	case days == 1:
		return "yesterday"
	}
	return fmt.Sprintf("%d days ago", days)
}
