package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/model/invoicedoc"
	"dispatch/model/store"
)

func init() {
	register(
		command{path: "invoice draft", args: "T-12 [T-13 …]", about: "draw a draft invoice from the visits of one client's done tickets, or refresh the draft they are on", run: invoiceDraft},
		command{path: "invoice show", args: "I-7 [--format text|markdown|html]", about: "an invoice: its lines, what the client was told, warnings", run: invoiceShow},
		command{path: "invoice list", args: "[--client C] [--state S] [--limit 50]", about: "invoices, newest first (void ones only with --state void)", run: invoiceList},
		command{path: "invoice ready", args: "[--client C]", about: "done tickets on no invoice yet", run: invoiceReady},
		command{path: "invoice adjust", args: `I-7 --amount -200 --reason "…"`, about: "add a line of money with a reason to a draft (managers)", run: invoiceAdjust},
		command{path: "invoice explain", args: `I-7 --text "…"`, about: "keep on the invoice why a surprise is right (managers)", run: invoiceExplain},
		command{path: "invoice approve", args: "I-7", about: "pass a draft for sending (managers)", run: invoiceState(approve)},
		command{path: "invoice send", args: "I-7", about: "mark an approved invoice sent: frozen, falling due, its tickets invoiced (managers)", run: invoiceState(send)},
		command{path: "invoice void", args: "I-7", about: "drop an invoice not yet sent; its tickets are ready to invoice again (managers)", run: invoiceState(void)},
		command{path: "invoice paid", args: "I-7 [--amount 400]", about: "record a payment: all that is due, or part", run: invoicePaid},
		command{path: "invoice dispute", args: `I-7 --words "…"`, about: "record that the client disputes a sent invoice, in their words", run: invoiceDispute},
		command{path: "invoice refund", args: "I-7", about: "record that a refund owed (a credit after the client paid) went back (managers)", run: invoiceRefund},
		command{path: "invoice credit", args: `I-7 --line 3 --amount -75 --reason "…"`, about: "a credit note against a line of a sent invoice (managers)", run: invoiceCredit},
		command{path: "invoice export", args: "--from DATE --to DATE --format xero|quickbooks|csv", about: "sent invoices as CSV for the books, one row per line", run: invoiceExport},
		command{path: "time export", args: "--from DATE --to DATE [--format csv]", about: "every stretch of technicians' time, derived from the visits' steps", run: timeExport},
	)
}

type invoiceLineJSON struct {
	N             int      `json:"n"`
	Ticket        string   `json:"ticket,omitempty"`
	Visit         string   `json:"visit,omitempty"`
	Kind          string   `json:"kind"`
	Group         string   `json:"group"`
	Description   string   `json:"description"`
	ActualSeconds int64    `json:"actual_seconds"`
	BilledSeconds int64    `json:"billed_seconds"`
	RateCents     int64    `json:"rate_cents"`
	Qty           int      `json:"qty,omitempty"`
	AmountCents   int64    `json:"amount_cents"`
	Sources       []string `json:"sources"`
	Reason        string   `json:"reason,omitempty"`
	By            string   `json:"by,omitempty"`
}

type toldJSON struct {
	Ticket      string   `json:"ticket,omitempty"`
	Group       string   `json:"group"`
	Description string   `json:"description"`
	AmountCents int64    `json:"amount_cents"`
	Sources     []string `json:"sources,omitempty"`
}

type creditJSON struct {
	ID          string `json:"id"`
	Line        int    `json:"line"`
	AmountCents int64  `json:"amount_cents"`
	Reason      string `json:"reason"`
	At          string `json:"at"`
	By          string `json:"by"`
}

type invoiceJSON struct {
	ID            string            `json:"id"`
	State         string            `json:"state"`
	Client        string            `json:"client"`
	Tickets       []string          `json:"tickets"`
	TotalCents    int64             `json:"total_cents"`
	ToldCents     int64             `json:"told_cents"`
	Surprise      bool              `json:"surprise"`
	Held          bool              `json:"held"`                   // a surprise neither adjusted away nor explained
	HeldBecause   string            `json:"held_because,omitempty"` // and why, in words
	Explanation   string            `json:"explanation,omitempty"`
	Lines         []invoiceLineJSON `json:"lines"`
	Told          []toldJSON        `json:"told"`
	Warnings      []string          `json:"warnings"`
	Credits       []creditJSON      `json:"credits"`
	PaidCents     int64             `json:"paid_cents"`
	DueCents      int64             `json:"due_cents"`
	Terms         string            `json:"terms"`
	DraftedAt     string            `json:"drafted_at"`
	SentAt        string            `json:"sent_at,omitempty"`
	DueAt         string            `json:"due_at,omitempty"`
	Dispute       string            `json:"dispute,omitempty"`
	ToleranceCent int64             `json:"tolerance_cents"`
}

func toInvoice(inv model.Invoice) invoiceJSON {
	j := invoiceJSON{ID: inv.Ref(), State: string(inv.State), Client: inv.Client, TotalCents: int64(inv.Total()), ToldCents: int64(inv.ToldTotal()),
		Surprise: inv.Surprise(), Held: inv.Held() != "", HeldBecause: inv.Held(), Explanation: inv.Explanation, Lines: []invoiceLineJSON{},
		Told: []toldJSON{}, Credits: []creditJSON{},
		Warnings: append([]string{}, inv.Warnings...), PaidCents: int64(inv.Paid), DueCents: int64(inv.Due()), Terms: inv.Terms.Describe(),
		DraftedAt: rfc3339(inv.DraftedAt), SentAt: rfc3339(inv.SentAt), DueAt: rfc3339(inv.DueAt), Dispute: inv.Dispute,
		ToleranceCent: int64(inv.Tolerance.Allowed(inv.ToldTotal()))}
	for _, id := range inv.TicketIDs {
		j.Tickets = append(j.Tickets, model.FormatID(model.PrefixTicket, id))
	}
	for _, l := range inv.Lines {
		j.Lines = append(j.Lines, invoiceLineJSON{N: l.N, Ticket: refOf(model.PrefixTicket, l.TicketID), Visit: refOf(model.PrefixVisit, l.VisitID),
			Kind: string(l.Kind), Group: l.Group, Description: l.Description, ActualSeconds: seconds(l.Actual), BilledSeconds: seconds(l.Billed),
			RateCents: int64(l.Rate), Qty: l.Qty, AmountCents: int64(l.Amount), Sources: append([]string{}, l.Sources...), Reason: l.Reason, By: l.By})
	}
	for _, t := range inv.Told {
		j.Told = append(j.Told, toldJSON{Ticket: refOf(model.PrefixTicket, t.TicketID), Group: t.Group, Description: t.Description,
			AmountCents: int64(t.Amount), Sources: t.Sources})
	}
	for _, c := range inv.Credits {
		j.Credits = append(j.Credits, creditJSON{ID: c.Ref(), Line: c.Line, AmountCents: int64(c.Amount), Reason: c.Reason, At: rfc3339(c.At), By: c.By})
	}
	return j
}

func refOf(prefix string, id int64) string {
	if id == 0 {
		return ""
	}
	return model.FormatID(prefix, id)
}

// invoiceID reads the one positional, an invoice id.
func (c *call) invoiceID() (int64, error) {
	if err := c.parse(1); err != nil {
		return 0, err
	}
	return model.ParseID(model.PrefixInvoice, c.args[0])
}

// showInvoice prints an invoice as it now stands, in the format asked.
func (c *call) showInvoice(id int64, format string) error {
	doc, err := c.env.Door.InvoiceDoc(c.ctx, c.actor(), id)
	if err != nil {
		return err
	}
	if c.json {
		return c.print(toInvoice(doc.Invoice), nil)
	}
	switch strings.ToLower(strings.TrimSpace(format)) {
	case "", "text":
		doc.Text(c.env.Out)
	case "markdown", "md":
		doc.Markdown(c.env.Out)
	case "html":
		return doc.HTML(c.env.Out)
	default:
		return model.FieldError{Field: "format", Msg: fmt.Sprintf("%q is not a format; use text, markdown or html", model.CleanLine(format))}
	}
	return nil
}

func invoiceDraft(c *call) error {
	if err := c.parseAny(0); err != nil {
		return err
	}
	if len(c.args) == 0 {
		return usageError{msg: "name the done tickets to invoice: " + c.cmd.args}
	}
	var ids []int64
	var inv model.Invalid
	for _, a := range c.args {
		id, err := model.ParseID(model.PrefixTicket, a)
		inv.Add("ticket", err)
		ids = append(ids, id)
	}
	if err := inv.Err(); err != nil {
		return err
	}
	drafted, err := c.env.Door.DraftInvoice(c.ctx, c.actor(), ids)
	if err != nil {
		return err
	}
	return c.showInvoice(drafted.ID, "")
}

func invoiceShow(c *call) error {
	format := c.fs.String("format", "text", "text, markdown or html (one printable page)")
	id, err := c.invoiceID()
	if err != nil {
		return err
	}
	return c.showInvoice(id, *format)
}

func invoiceList(c *call) error {
	client := c.fs.String("client", "", "only this client's, by name or id")
	state := c.fs.String("state", "", "only invoices in this state: draft, approved, sent, part-paid, paid, disputed or void")
	limit := c.fs.Int("limit", 50, "at most this many, newest first (0 for all)")
	if err := c.parse(0); err != nil {
		return err
	}
	if *limit < 0 {
		return usageError{msg: "--limit is a count: 50, or 0 for all"}
	}
	f := store.InvoiceFilter{Limit: *limit}
	if *client != "" {
		cl, err := c.env.Door.FindClient(c.ctx, c.actor(), *client)
		if err != nil {
			return err
		}
		f.ClientID = cl.ID
	}
	if *state != "" {
		s, err := model.ParseInvoiceState(*state)
		if err != nil {
			return err
		}
		f.States = []model.InvoiceState{s}
	}
	list, err := c.env.Door.Invoices(c.ctx, c.actor(), f)
	if err != nil {
		return err
	}
	now := c.env.Door.Now()
	type rowJSON struct {
		ID         string `json:"id"`
		State      string `json:"state"`
		Client     string `json:"client"`
		TotalCents int64  `json:"total_cents"`
		ToldCents  int64  `json:"told_cents"`
		DueCents   int64  `json:"due_cents"`
		Surprise   bool   `json:"surprise"`
		Held       bool   `json:"held"`
		PastDue    bool   `json:"past_due"`
		SentAt     string `json:"sent_at,omitempty"`
		DueAt      string `json:"due_at,omitempty"`
	}
	out := []rowJSON{}
	for _, s := range list {
		out = append(out, rowJSON{ID: s.Ref(), State: string(s.State), Client: s.Client, TotalCents: int64(s.Total), ToldCents: int64(s.Told),
			DueCents: int64(s.Due()), Surprise: s.Surprise, Held: s.Held(), PastDue: s.PastDue(now), SentAt: rfc3339(s.SentAt), DueAt: rfc3339(s.DueAt)})
	}
	return c.print(out, func(w io.Writer) {
		if len(list) == 0 {
			fmt.Fprintln(w, "no invoices")
			return
		}
		var rows [][]string
		for _, s := range list {
			flag, due := "", ""
			if s.State.Frozen() { // nothing is owed on an invoice not sent
				due = s.Due().String()
			}
			if s.Due() < 0 {
				due = "refund " + (-s.Due()).String()
			}
			switch {
			case s.State == model.InvoiceVoid:
			case s.Held():
				flag = "SURPRISE — adjust or explain"
			case s.Surprise:
				flag = "surprise, explained"
			case s.PastDue(now):
				flag = "PAST DUE"
			}
			rows = append(rows, []string{s.Ref(), string(s.State), s.Client, s.Total.String(), s.Told.String(), due,
				c.local(s.DueAt), flag})
		}
		table(w, "", []string{"ID", "STATE", "CLIENT", "TOTAL", "TOLD", "DUE", "DUE AT", ""}, rows)
	})
}

func invoiceReady(c *call) error {
	client := c.fs.String("client", "", "only this client's, by name or id")
	if err := c.parse(0); err != nil {
		return err
	}
	var clientID int64
	if *client != "" {
		cl, err := c.env.Door.FindClient(c.ctx, c.actor(), *client)
		if err != nil {
			return err
		}
		clientID = cl.ID
	}
	ready, err := c.env.Door.ReadyToInvoice(c.ctx, c.actor(), clientID)
	if err != nil {
		return err
	}
	type readyJSON struct {
		Ticket string `json:"ticket"`
		Client string `json:"client"`
		Title  string `json:"title"`
		DoneAt string `json:"done_at"`
		Going  bool   `json:"trip_back_under_way,omitempty"` // drafts once the technician is back
	}
	out := []readyJSON{}
	var rows [][]string
	for _, r := range ready {
		ref := model.FormatID(model.PrefixTicket, r.ID)
		out = append(out, readyJSON{Ticket: ref, Client: r.Client, Title: r.Title, DoneAt: rfc3339(r.DoneAt), Going: r.Going})
		note := ""
		if r.Going {
			note = "trip back under way: drafts once back"
		}
		rows = append(rows, []string{ref, r.Client, r.Title, c.local(r.DoneAt), note})
	}
	return c.print(out, func(w io.Writer) {
		if len(rows) == 0 {
			fmt.Fprintln(w, "no done tickets wait to be invoiced")
			return
		}
		table(w, "", []string{"TICKET", "CLIENT", "TITLE", "DONE", ""}, rows)
		fmt.Fprintln(w, "\ndraft one client's with: invoice draft T-… [T-…]")
	})
}

func invoiceAdjust(c *call) error {
	amount := c.fs.String("amount", "", "the amount, like -200 to take $200 off or 50 to add $50")
	reason := c.fs.String("reason", "", "why, as the client will read it")
	id, err := c.invoiceID()
	if err != nil {
		return err
	}
	if err := required(map[string]*string{"amount": amount, "reason": reason}); err != nil {
		return err
	}
	cents, err := model.ParseSignedMoney("amount", *amount)
	if err != nil {
		return err
	}
	if _, err := c.env.Door.AdjustInvoice(c.ctx, c.actor(), id, cents, *reason); err != nil {
		return err
	}
	return c.showInvoice(id, "")
}

func invoiceExplain(c *call) error {
	text := c.fs.String("text", "", "why the invoice is right, as the client will be told")
	id, err := c.invoiceID()
	if err != nil {
		return err
	}
	if err := required(map[string]*string{"text": text}); err != nil {
		return err
	}
	if _, err := c.env.Door.ExplainInvoice(c.ctx, c.actor(), id, *text); err != nil {
		return err
	}
	return c.showInvoice(id, "")
}

type stateChange int

const (
	approve stateChange = iota
	send
	void
)

func invoiceState(change stateChange) func(c *call) error {
	return func(c *call) error {
		id, err := c.invoiceID()
		if err != nil {
			return err
		}
		do := map[stateChange]func(*door.Door) error{
			approve: func(d *door.Door) error { _, err := d.ApproveInvoice(c.ctx, c.actor(), id, 0); return err },
			send:    func(d *door.Door) error { _, err := d.SendInvoice(c.ctx, c.actor(), id, 0); return err },
			void:    func(d *door.Door) error { _, err := d.VoidInvoice(c.ctx, c.actor(), id, 0); return err },
		}[change]
		if err := do(c.env.Door); err != nil {
			return err
		}
		if err := c.printState(id); err != nil || change != send || c.json {
			return err
		}
		inv, err := c.env.Door.Invoice(c.ctx, c.actor(), id)
		if err != nil {
			return err
		}
		letters, err := c.env.Door.InvoiceLetters(c.ctx, c.actor(), id)
		if err != nil {
			return err
		}
		policy, err := c.env.Door.ClientNotify(c.ctx, c.actor(), inv.ClientID)
		if err != nil {
			return err
		}
		fmt.Fprintln(c.env.Out, model.InvoiceLettersLine(inv, letters, policy))
		return nil
	}
}

// printState says in a line where an invoice now stands.
func (c *call) printState(id int64) error {
	inv, err := c.env.Door.Invoice(c.ctx, c.actor(), id)
	if err != nil {
		return err
	}
	return c.print(toInvoice(inv), func(w io.Writer) {
		fmt.Fprintf(w, "%s is %s: total %s", inv.Ref(), inv.State, inv.Total())
		if inv.State.Frozen() {
			fmt.Fprintf(w, ", %s due %s", inv.Due(), c.local(inv.DueAt))
		}
		fmt.Fprintln(w)
	})
}

func invoicePaid(c *call) error {
	amount := c.fs.String("amount", "", "the amount received, if not all that is due")
	id, err := c.invoiceID()
	if err != nil {
		return err
	}
	if strings.TrimSpace(*amount) == "" {
		_, err = c.env.Door.RecordFullPayment(c.ctx, c.actor(), id)
	} else {
		var cents model.Cents
		if cents, err = model.ParseMoney("amount", *amount); err != nil {
			return err
		}
		_, err = c.env.Door.RecordPayment(c.ctx, c.actor(), id, cents)
	}
	if err != nil {
		return err
	}
	return c.printState(id)
}

func invoiceDispute(c *call) error {
	words := c.fs.String("words", "", "what the client said, in their words")
	id, err := c.invoiceID()
	if err != nil {
		return err
	}
	if err := required(map[string]*string{"words": words}); err != nil {
		return err
	}
	if _, err := c.env.Door.DisputeInvoice(c.ctx, c.actor(), id, *words); err != nil {
		return err
	}
	return c.printState(id)
}

func invoiceCredit(c *call) error {
	line := c.fs.String("line", "", "the line it corrects, by number")
	amount := c.fs.String("amount", "", "the credit, below zero, like -75")
	reason := c.fs.String("reason", "", "why, as the client will read it")
	id, err := c.invoiceID()
	if err != nil {
		return err
	}
	if err := required(map[string]*string{"line": line, "amount": amount, "reason": reason}); err != nil {
		return err
	}
	n, err := strconv.Atoi(strings.TrimSpace(*line))
	if err != nil {
		return model.FieldError{Field: "line", Msg: fmt.Sprintf("%q is not a line number; see the # column of invoice show", model.CleanLine(*line))}
	}
	cents, err := model.ParseSignedMoney("amount", *amount)
	if err != nil {
		return err
	}
	note, err := c.env.Door.CreditInvoice(c.ctx, c.actor(), id, n, cents, *reason)
	if err != nil {
		return err
	}
	return c.print(creditJSON{ID: note.Ref(), Line: note.Line, AmountCents: int64(note.Amount), Reason: note.Reason, At: rfc3339(note.At), By: note.By},
		func(w io.Writer) {
			fmt.Fprintf(w, "credit note %s: %s against line %d of %s — %s\n", note.Ref(), note.Amount, note.Line,
				model.FormatID(model.PrefixInvoice, note.InvoiceID), model.CleanLine(note.Reason))
		})
}

func invoiceExport(c *call) error {
	from := c.fs.String("from", "", "first day, like 2026-11-01")
	to := c.fs.String("to", "", "last day, included, like 2026-11-30")
	format := c.fs.String("format", "", "xero, quickbooks or csv")
	account := c.fs.String("account", "200", "Xero: the sales account code")
	tax := c.fs.String("tax-type", "Tax Exempt", "Xero: the tax type of every line")
	if err := c.parse(0); err != nil {
		return err
	}
	if err := required(map[string]*string{"from": from, "to": to, "format": format}); err != nil {
		return err
	}
	if c.json {
		return usageError{msg: "invoice export writes CSV for the books; for JSON use invoice list --json and invoice show I-… --json"}
	}
	f, err := invoicedoc.ParseFormat(*format)
	if err != nil {
		return err
	}
	start, end, err := c.days(*from, *to)
	if err != nil {
		return err
	}
	books, err := c.env.Door.BooksFor(c.ctx, c.actor(), start, end)
	if err != nil {
		return err
	}
	credits := make([]invoicedoc.Credit, len(books.Credits))
	for i, cr := range books.Credits {
		credits[i] = invoicedoc.Credit{CreditNote: cr.CreditNote, Client: cr.Client}
	}
	return invoicedoc.Export(c.env.Out, f, books.Invoices, credits, invoicedoc.Books{AccountCode: *account, TaxType: *tax, Loc: c.env.Door.Location()})
}

func timeExport(c *call) error {
	from := c.fs.String("from", "", "first day, like 2026-11-01")
	to := c.fs.String("to", "", "last day, included, like 2026-11-30")
	format := c.fs.String("format", "csv", "csv")
	if err := c.parse(0); err != nil {
		return err
	}
	if err := required(map[string]*string{"from": from, "to": to}); err != nil {
		return err
	}
	if *format != "csv" {
		return model.FieldError{Field: "format", Msg: fmt.Sprintf("%q is not a time export format; use csv", model.CleanLine(*format))}
	}
	start, end, err := c.days(*from, *to)
	if err != nil {
		return err
	}
	entries, err := c.env.Door.TimeEntries(c.ctx, c.actor(), start, end)
	if err != nil {
		return err
	}
	if c.json {
		type entryJSON struct {
			Technician string `json:"technician"`
			Visit      string `json:"visit"`
			Kind       string `json:"kind"`
			Start      string `json:"start"`
			End        string `json:"end"`
			Seconds    int64  `json:"seconds"`
		}
		out := []entryJSON{}
		for _, e := range entries {
			out = append(out, entryJSON{e.Tech, model.FormatID(model.PrefixVisit, e.VisitID), string(e.Kind), rfc3339(e.Start), rfc3339(e.End), seconds(e.End.Sub(e.Start))})
		}
		return c.print(out, nil)
	}
	return invoicedoc.ExportTime(c.env.Out, entries, c.env.Door.Location())
}

// days reads --from and --to as whole days in the office's zone: [from, the
// day after to).
func (c *call) days(from, to string) (startAt, endAt time.Time, err error) {
	now, loc := c.env.Door.Now(), c.env.Door.Location()
	var inv model.Invalid
	start, err := model.ParseDate("from", from, now, loc)
	inv.Add("from", err)
	end, err := model.ParseDate("to", to, now, loc)
	inv.Add("to", err)
	if err := inv.Err(); err != nil {
		return start, end, err
	}
	end = end.AddDate(0, 0, 1)
	if !end.After(start) {
		return start, end, model.FieldError{Field: "--to", Msg: "is before --from; give the last day on or after the first"}
	}
	return start, end, nil
}

func invoiceRefund(c *call) error {
	id, err := c.invoiceID()
	if err != nil {
		return err
	}
	if _, err := c.env.Door.RecordRefund(c.ctx, c.actor(), id); err != nil {
		return err
	}
	return c.printState(id)
}
