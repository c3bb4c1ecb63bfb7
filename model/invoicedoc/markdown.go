package invoicedoc

import (
	"fmt"
	"io"
	"strings"

	"dispatch/model"
)

// mdCell makes stored text safe in a Markdown table cell: one line, its
// pipes and markup characters escaped so nobody's words become formatting.
func mdCell(s string) string {
	s = model.CleanLine(s)
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>|#", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Markdown writes the invoice as the client reads it, in Markdown: who it
// is from and to, the lines by ticket, credits and payments, what they were
// told beside what is billed, and the explanation. The reviewer's warnings
// stay in the office (Text).
func (d Doc) Markdown(w io.Writer) {
	inv := d.Invoice
	fmt.Fprintf(w, "# Invoice %s\n\n", inv.Ref())
	if d.From != "" {
		fmt.Fprintf(w, "- **From:** %s\n", mdCell(d.From))
	}
	fmt.Fprintf(w, "- **Bill to:** %s\n", mdCell(inv.Client))
	if !inv.SentAt.IsZero() {
		fmt.Fprintf(w, "- **Invoice date:** %s · **due** %s\n", d.date(inv.SentAt), d.date(inv.DueAt))
	} else {
		fmt.Fprintf(w, "- **Drafted:** %s — not yet sent\n", d.date(inv.DraftedAt))
	}
	fmt.Fprintf(w, "- **Terms:** %s\n", mdCell(inv.Terms.Describe()))
	for _, s := range d.Sections() {
		fmt.Fprintf(w, "\n## %s\n\n| # | Kind | Description | Actual | Billed | Rate | Amount |\n|---:|---|---|---:|---:|---:|---:|\n", mdCell(s.Heading))
		for _, l := range s.Lines {
			fmt.Fprintf(w, "| %d | %s | %s | %s | %s | %s | %s |\n", l.N, l.Kind, mdCell(l.Description), Hours(l.Actual), Hours(l.Billed), mdCell(Rate(l)), l.Amount)
		}
		fmt.Fprintf(w, "| | | **Subtotal** | | | | **%s** |\n", s.Subtotal)
	}
	fmt.Fprintf(w, "\n**Total: %s**\n", inv.Total())
	if len(inv.Credits) > 0 {
		fmt.Fprintln(w, "\n## Credit notes\n\n| Note | Line | Amount | Reason |\n|---|---:|---:|---|")
		for _, c := range inv.Credits {
			fmt.Fprintf(w, "| %s | %d | %s | %s |\n", c.Ref(), c.Line, c.Amount, mdCell(c.Reason))
		}
	}
	if inv.Paid > 0 {
		fmt.Fprintf(w, "\n**Paid:** %s\n", inv.Paid)
	}
	switch {
	case inv.Refund() > 0:
		fmt.Fprintf(w, "\n**Owed back to you: %s**\n", inv.Refund())
	case len(inv.Credits) > 0 || inv.Paid > 0:
		fmt.Fprintf(w, "\n**Still due: %s**\n", inv.Due())
	}
	fmt.Fprintf(w, "\n## What you were told, and what we billed\n\n| | What you were told | Told | Billed |\n|---|---|---:|---:|\n")
	for _, c := range model.CompareTold(inv.Lines, inv.Told) {
		fmt.Fprintf(w, "| %s | %s | %s | %s |\n", mdCell(ComparisonLabel(c)), mdCell(strings.Join(c.ToldWhat, "; ")), c.Told, c.Billed)
	}
	if inv.Explanation != "" {
		fmt.Fprintf(w, "\n## About this invoice\n\n> %s\n", mdCell(inv.Explanation))
	}
}
