package invoicedoc

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"dispatch/model"
)

// Text writes the invoice as a person reads it in a terminal. Every stored
// word passes through model.CleanLine on the way out.
func (d Doc) Text(w io.Writer) {
	inv := d.Invoice
	clean := model.CleanLine
	fmt.Fprintf(w, "%s · %s · %s\n", inv.Ref(), clean(inv.Client), d.Status())
	fmt.Fprintf(w, "drafted %s by %s", d.stamp(inv.DraftedAt), clean(inv.DraftedBy))
	if !inv.ApprovedAt.IsZero() {
		fmt.Fprintf(w, " · approved %s by %s", d.stamp(inv.ApprovedAt), clean(inv.ApprovedBy))
	}
	if !inv.SentAt.IsZero() {
		fmt.Fprintf(w, " · sent %s", d.stamp(inv.SentAt))
	}
	fmt.Fprintf(w, "\nterms: %s\n", inv.Terms.Describe())
	for _, s := range d.Sections() {
		fmt.Fprintf(w, "\n%s\n", clean(s.Heading))
		fmt.Fprintf(w, lineLayout, "#", "KIND", "ACTUAL", "BILLED", "RATE", "AMOUNT", "DESCRIPTION")
		for _, l := range s.Lines {
			fmt.Fprintf(w, lineLayout, strconv.Itoa(l.N), l.Kind, Hours(l.Actual), Hours(l.Billed), Rate(l), l.Amount, Traced(l))
		}
		fmt.Fprintf(w, lineLayout, "", "", "", "", "subtotal", s.Subtotal, "")
	}
	fmt.Fprintf(w, "\nTOTAL %s\n", inv.Total())
	d.textTold(w)
	if len(inv.Warnings) > 0 {
		fmt.Fprintln(w, "\nWARNINGS")
		for _, s := range inv.Warnings {
			fmt.Fprintf(w, "  ! %s\n", clean(s))
		}
	}
	if inv.Explanation != "" {
		fmt.Fprintf(w, "\nEXPLANATION (%s)\n  %s\n", clean(inv.ExplainedBy), clean(inv.Explanation))
	}
	if inv.Dispute != "" {
		fmt.Fprintf(w, "\nDISPUTED %s: %q\n", d.stamp(inv.DisputedAt), clean(inv.Dispute))
	}
	if len(inv.Credits) > 0 {
		fmt.Fprintln(w, "\nCREDIT NOTES")
		for _, c := range inv.Credits {
			fmt.Fprintf(w, "  %s  line %d  %s  %s — %s, %s\n", c.Ref(), c.Line, c.Amount, clean(c.Reason), clean(c.By), d.stamp(c.At))
		}
	}
	if inv.Paid > 0 {
		fmt.Fprintf(w, "\nPAID %s (last %s) · still due %s\n", inv.Paid, d.stamp(inv.PaidAt), max(inv.Due(), 0))
	}
	if r := inv.Refund(); r > 0 {
		fmt.Fprintf(w, "REFUND OWED to the client: %s (credited after they paid)\n", r)
	}
}

// lineLayout sets the figures in columns a person can run down, the
// description last, where it may be as long as it is.
const lineLayout = "%3s  %-10s %8s %8s %12s %11s  %s\n"

func (d Doc) textTold(w io.Writer) {
	inv := d.Invoice
	fmt.Fprintln(w, "\nTOLD AGAINST BILLED")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  \tTOLD\tBILLED\tDIFFERENCE\tWHAT THE CLIENT WAS TOLD")
	for _, c := range model.CompareTold(inv.Lines, inv.Told) {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", model.CleanLine(ComparisonLabel(c)), c.Told, c.Billed, signed(c.Over()),
			model.CleanLine(strings.Join(c.ToldWhat, "; ")))
	}
	fmt.Fprintf(tw, "  total\t%s\t%s\t%s\t\n", inv.ToldTotal(), inv.Total(), signed(inv.Over()))
	tw.Flush()
	fmt.Fprintf(w, "  → %s\n", d.SurpriseLine())
}
