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

// Markdown writes the invoice as a Markdown document.
func (d Doc) Markdown(w io.Writer) {
	inv := d.Invoice
	fmt.Fprintf(w, "# Invoice %s — %s\n\n", inv.Ref(), mdCell(inv.Client))
	fmt.Fprintf(w, "- **Status:** %s\n- **Drafted:** %s by %s\n", mdCell(d.Status()), d.stamp(inv.DraftedAt), mdCell(inv.DraftedBy))
	if !inv.SentAt.IsZero() {
		fmt.Fprintf(w, "- **Sent:** %s · **due** %s\n", d.date(inv.SentAt), d.date(inv.DueAt))
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
	fmt.Fprintf(w, "\n## Told against billed\n\n| | Told | Billed | Difference | What the client was told |\n|---|---:|---:|---:|---|\n")
	for _, c := range model.CompareTold(inv.Lines, inv.Told) {
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", mdCell(ComparisonLabel(c)), c.Told, c.Billed, signed(c.Over()), mdCell(strings.Join(c.ToldWhat, "; ")))
	}
	fmt.Fprintf(w, "| **total** | **%s** | **%s** | **%s** | |\n\n%s\n", inv.ToldTotal(), inv.Total(), signed(inv.Over()), mdCell(d.SurpriseLine()))
	if len(inv.Warnings) > 0 {
		fmt.Fprintln(w, "\n## Warnings")
		for _, s := range inv.Warnings {
			fmt.Fprintf(w, "\n- %s", mdCell(s))
		}
		fmt.Fprintln(w)
	}
	if inv.Explanation != "" {
		fmt.Fprintf(w, "\n## Explanation\n\n> %s\n>\n> — %s\n", mdCell(inv.Explanation), mdCell(inv.ExplainedBy))
	}
	if inv.Dispute != "" {
		fmt.Fprintf(w, "\n## Disputed %s\n\n> %s\n", d.stamp(inv.DisputedAt), mdCell(inv.Dispute))
	}
	if len(inv.Credits) > 0 {
		fmt.Fprintln(w, "\n## Credit notes\n\n| Note | Line | Amount | Reason |\n|---|---:|---:|---|")
		for _, c := range inv.Credits {
			fmt.Fprintf(w, "| %s | %d | %s | %s |\n", c.Ref(), c.Line, c.Amount, mdCell(c.Reason))
		}
	}
}
