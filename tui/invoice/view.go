package invoice

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"dispatch/model"
	"dispatch/model/invoicedoc"
	"dispatch/tui/draw"
	"dispatch/tui/theme"
)

func (p *Page) View(width, height int) string {
	if p.err != nil {
		return strings.Join(draw.WrapNotice(theme.Error, p.err.Error(), width), "\n")
	}
	var top []string
	inv := p.doc.Invoice
	top = append(top, draw.Fit(theme.Title.Render("Invoice "+inv.Ref())+"  "+theme.Header.Render(draw.Safe(inv.Client))+
		"  "+stateStyle(inv).Render(p.doc.Status()), width))
	if p.notice != "" {
		style := theme.OK
		if p.noticeErr {
			style = theme.Error
		}
		top = append(top, draw.WrapNotice(style, p.notice, width)...)
	}
	if p.stale != "" {
		how := " — r draws it again"
		if !p.km.Redraft.Enabled() {
			how = ""
		}
		top = append(top, draw.WrapNotice(theme.Warn, "⚠ "+p.stale+how, width)...)
	}
	if held := inv.Held(); held != "" {
		how := " — a manager adjusts or explains it"
		if p.km.Adjust.Enabled() {
			how = " — a adjusts it, e explains it"
		}
		top = append(top, draw.WrapNotice(theme.Error, "⚠ SURPRISE: "+held+how, width)...)
	}
	body := p.body(width)
	room := max(height-len(top), 1)
	p.scroll = min(p.scroll, max(len(body)-room, 0))
	end := min(p.scroll+room, len(body))
	return strings.Join(append(top, body[p.scroll:end]...), "\n")
}

func stateStyle(inv model.Invoice) lipgloss.Style {
	switch {
	case inv.State == model.InvoiceDisputed || inv.Held() != "":
		return theme.Error
	case inv.State == model.InvoicePaid:
		return theme.OK
	case inv.State == model.InvoiceApproved:
		return theme.OK
	}
	return theme.Muted
}

// body is everything below the heading, as lines to scroll through.
func (p *Page) body(width int) []string {
	inv, loc := p.doc.Invoice, p.deps.Door.Location()
	var out []string
	meta := fmt.Sprintf("drafted %s by %s", inv.DraftedAt.In(loc).Format("Mon 2 Jan 15:04"), draw.Safe(inv.DraftedBy))
	if !inv.ApprovedAt.IsZero() {
		meta += fmt.Sprintf(" · approved by %s", draw.Safe(inv.ApprovedBy))
	}
	if !inv.SentAt.IsZero() {
		meta += fmt.Sprintf(" · sent %s · due %s", inv.SentAt.In(loc).Format("Mon 2 Jan"), inv.DueAt.In(loc).Format("Mon 2 Jan"))
	}
	out = append(out, draw.WrapNotice(theme.Muted, meta, width)...)
	out = append(out, draw.WrapNotice(theme.Muted, "terms: "+inv.Terms.Describe(), width)...)
	c := lineColumns(width)
	for _, s := range p.doc.Sections() {
		out = append(out, "", theme.Section.Render(draw.Fit(draw.Safe(s.Heading), width)))
		out = append(out, theme.Muted.Render(draw.Fit(c.row("#", "KIND", "ACTUAL", "BILLED", "RATE", "AMOUNT", "DESCRIPTION"), width)))
		for _, l := range s.Lines {
			out = append(out, c.lines(l, width)...)
		}
		out = append(out, draw.Fit(c.row("", "", "", "", "subtotal", s.Subtotal.String(), ""), width))
	}
	out = append(out, "", theme.Header.Render(draw.Fit(fmt.Sprintf("TOTAL %s", inv.Total()), width)))
	out = append(out, p.toldPanel(width)...)
	if len(inv.Warnings) > 0 {
		out = append(out, "", theme.Section.Render("WHAT THE REVIEWER SHOULD KNOW"))
		for _, w := range inv.Warnings {
			out = append(out, draw.WrapNotice(theme.Warn, "! "+w, width)...)
		}
	}
	if inv.Explanation != "" {
		out = append(out, "", theme.Section.Render("EXPLANATION")+theme.Muted.Render(" · "+draw.Safe(inv.ExplainedBy)))
		out = append(out, draw.WrapNotice(lipNone, inv.Explanation, width)...)
	}
	if inv.Dispute != "" {
		out = append(out, "", theme.Section.Render("DISPUTED")+theme.Muted.Render(" · "+inv.DisputedAt.In(loc).Format("Mon 2 Jan 15:04")))
		out = append(out, draw.WrapNotice(theme.Error, "“"+inv.Dispute+"”", width)...)
	}
	if len(inv.Credits) > 0 {
		out = append(out, "", theme.Section.Render("CREDIT NOTES"))
		for _, cn := range inv.Credits {
			out = append(out, draw.WrapNotice(lipNone, fmt.Sprintf("%s  line %d  %s — %s (%s)", cn.Ref(), cn.Line, cn.Amount, cn.Reason, cn.By), width)...)
		}
	}
	if inv.Paid > 0 || inv.State.Frozen() {
		out = append(out, "", draw.Fit(fmt.Sprintf("paid %s · credited %s · still due %s", inv.Paid, -inv.Credited(), max(inv.Due(), 0)), width))
		if r := inv.Refund(); r > 0 {
			out = append(out, theme.Warn.Render(draw.Fit(fmt.Sprintf("a refund of %s is owed to the client: credited after they paid", r), width)))
		}
	}
	return out
}

// toldPanel sets what the client was told beside what is billed, row by row.
func (p *Page) toldPanel(width int) []string {
	inv := p.doc.Invoice
	out := []string{"", theme.Section.Render(draw.Fit("TOLD AGAINST BILLED", width))}
	label := min(22, max(width/4, 12))
	narrow := width < 100 // what was told goes on a line of its own, not cut
	head := fmt.Sprintf("%-*s %11s %11s %11s  %s", label, "", "TOLD", "BILLED", "OVER", "WHAT THE CLIENT WAS TOLD")
	if narrow {
		head = fmt.Sprintf("%-*s %11s %11s %11s", label, "", "TOLD", "BILLED", "OVER")
	}
	out = append(out, theme.Muted.Render(draw.Fit(head, width)))
	for _, c := range model.CompareTold(inv.Lines, inv.Told) {
		told := draw.Safe(strings.Join(c.ToldWhat, "; "))
		line := fmt.Sprintf("%-*s %11s %11s %11s", label, draw.Fit(draw.Safe(invoicedoc.ComparisonLabel(c)), label), c.Told, c.Billed, signed(c.Over()))
		if !narrow {
			line += "  " + told
		}
		style := lipNone
		if c.Over() > inv.Tolerance.Allowed(c.Told) {
			style = theme.Warn
		}
		out = append(out, style.Render(draw.Fit(line, width)))
		if narrow && told != "" {
			for _, l := range wrap(told, width-4) {
				out = append(out, theme.Muted.Render(draw.Fit("    "+l, width)))
			}
		}
	}
	total := fmt.Sprintf("%-*s %11s %11s %11s", label, "total", inv.ToldTotal(), inv.Total(), signed(inv.Over()))
	out = append(out, theme.Header.Render(draw.Fit(total, width)))
	verdict := theme.OK
	if inv.Surprise() {
		verdict = theme.Warn
		if inv.Held() != "" {
			verdict = theme.Error
		}
	}
	return append(out, draw.WrapNotice(verdict, "→ "+p.doc.SurpriseLine(), width)...)
}

// columns are the line table's widths. The description takes the rest,
// wrapped under itself; below 100 columns it goes under the figures,
// the whole width, so it is read rather than cut to a sliver.
type columns struct {
	rate, desc int
	below      bool
}

func lineColumns(width int) columns {
	c := columns{rate: 11, below: width < 100}
	c.desc = max(width-(3+1+10+1+8+1+8+1+c.rate+1+11+2), 16)
	if c.below {
		c.desc = max(width-6, 16)
	}
	return c
}

func (c columns) row(n, kind, actual, billed, rate, amount, desc string) string {
	if c.below {
		desc = ""
	}
	return fmt.Sprintf("%3s %-10s %8s %8s %*s %11s  %s", n, kind, actual, billed, c.rate, rate, amount, desc)
}

// lines is one invoice line: its figures, and its description wrapped in
// its own column, or under them.
func (c columns) lines(l model.InvoiceLine, width int) []string {
	desc := wrap(invoicedoc.Traced(l), c.desc)
	first := c.row(fmt.Sprint(l.N), string(l.Kind), invoicedoc.Hours(l.Actual), invoicedoc.Hours(l.Billed), invoicedoc.Rate(l), l.Amount.String(), desc[0])
	out := []string{draw.Fit(first, width)}
	pad := strings.Repeat(" ", width-c.desc)
	more := desc[1:]
	if c.below {
		pad, more = "      ", desc
	}
	for _, m := range more {
		out = append(out, draw.Fit(pad+m, width))
	}
	return out
}

// wrap breaks text into lines of at most width cells, at spaces.
func wrap(text string, width int) []string {
	var out []string
	line := ""
	for _, w := range strings.Fields(text) {
		switch {
		case line == "":
			line = w
		case len([]rune(line))+1+len([]rune(w)) <= width:
			line += " " + w
		default:
			out = append(out, line)
			line = w
		}
	}
	return append(out, line)
}

// lipNone draws text as it is.
var lipNone = lipgloss.NewStyle()
