package client

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"dispatch/model"
	"dispatch/tui/draw"
	"dispatch/tui/theme"
)

func (p *Page) View(width, height int) string {
	if p.err != nil {
		return strings.Join(draw.WrapNotice(theme.Error, p.err.Error(), width), "\n")
	}
	body := p.body(width)
	p.scroll = min(p.scroll, max(len(body)-height, 0))
	return strings.Join(body[p.scroll:min(p.scroll+height, len(body))], "\n")
}

func (p *Page) body(width int) []string {
	r, loc := p.rec, p.deps.Door.Location()
	var out []string
	add := func(s ...string) { out = append(out, s...) }
	contract := "no managed-service contract"
	if r.Client.Managed {
		contract = "under a managed-service contract"
	}
	add(draw.Fit(theme.Title.Render(model.FormatID(model.PrefixClient, r.Client.ID))+"  "+theme.Header.Render(draw.Safe(r.Client.Name))+
		theme.Muted.Render("  "+contract), width))
	if r.Terms != nil {
		add(draw.WrapNotice(theme.Muted, "terms: "+r.Terms.Effective.Describe(), width)...)
	}
	if len(r.Brief) > 0 {
		add("", theme.Section.Render("BEFORE YOU CALL"))
		for _, s := range r.Brief {
			add(theme.Warn.Render(draw.Fit("  "+s.Title, width)))
			for _, it := range s.Items {
				add(draw.WrapNotice(lipNone, "    · "+it, width)...)
			}
		}
	} else {
		add("", theme.Muted.Render(draw.Fit("Before you call: nothing to know — no old tickets, disputes, overdue invoices or open questions.", width)))
	}
	add("", theme.Section.Render(fmt.Sprintf("CONTACTS (%d)", len(r.Contacts))))
	for _, c := range r.Contacts {
		role := ""
		if c.Role.MayApprove() {
			role = theme.OK.Render(" " + string(c.Role))
		}
		add(draw.Fit("  "+draw.Safe(c.Name)+role+theme.Muted.Render("  "+draw.Safe(strings.TrimSpace(c.Phone+"  "+c.Email))), width))
	}
	add("", theme.Section.Render(fmt.Sprintf("SITES (%d)", len(r.Sites))))
	for _, s := range r.Sites {
		add(draw.Fit(fmt.Sprintf("  %s%s", draw.Safe(s.Name), theme.Muted.Render(" · "+draw.Safe(s.Address)+" · "+model.FormatDuration(s.Travel)+" away")), width))
	}
	if len(r.Open) > 0 {
		add("", theme.Section.Render(fmt.Sprintf("OPEN TICKETS (%d)", len(r.Open))))
		for _, t := range r.Open {
			add(draw.Fit(fmt.Sprintf("  %s %s %s", t.Ref(), theme.Priority[t.Priority].Render(t.Priority.String()), draw.Safe(t.Title))+
				theme.Muted.Render("  opened "+t.CreatedAt.In(loc).Format("2 Jan 2006")), width))
		}
	}
	if len(r.Upcoming) > 0 {
		add("", theme.Section.Render(fmt.Sprintf("VISITS BOOKED (%d)", len(r.Upcoming))))
		for _, v := range r.Upcoming {
			add(draw.Fit(fmt.Sprintf("  %s %s  %s", v.Ref(), v.ScheduledAt.In(loc).Format("Mon 2 Jan 15:04"), draw.Safe(v.TechName)), width))
		}
	}
	if len(r.Owed) > 0 {
		add("", theme.Section.Render(fmt.Sprintf("OWED (%d)", len(r.Owed))))
		for _, s := range r.Owed {
			line := fmt.Sprintf("  %s %s due %s", s.Ref(), s.Due(), s.DueAt.In(loc).Format("2 Jan"))
			if s.State == model.InvoiceDisputed {
				line += theme.Error.Render(" · disputed: “" + draw.Safe(s.Dispute) + "”")
			}
			add(draw.Fit(line, width))
		}
	}
	if len(r.Notices) > 0 {
		add("", theme.Section.Render(fmt.Sprintf("NOTICES SENT (%d)", len(r.Notices))))
		for _, n := range r.Notices {
			add(draw.Fit(fmt.Sprintf("  %s %s, effective %s: %s", n.Ref(), n.Kind, n.Effective.In(loc).Format("2 Jan 2006"), draw.Safe(n.Text))+
				theme.Muted.Render(" · sent "+n.SentAt.In(loc).Format("2 Jan")), width))
		}
	}
	filter := "every kind"
	if k := p.filter(); k != "" {
		filter = string(k)
	}
	add("", theme.Section.Render("TIMELINE")+theme.Muted.Render("  newest first · "+filter+" · f for another kind"))
	shown := 0
	for _, e := range r.Timeline {
		if k := p.filter(); k != "" && e.Kind != k {
			continue
		}
		shown++
		by := ""
		if e.By != "" {
			by = theme.Muted.Render(" — " + draw.Safe(e.By))
		}
		add(draw.Fit(fmt.Sprintf("  %s  %-7s %-7s ", e.At.In(loc).Format("2006-01-02 15:04"), e.Kind, e.Ref)+draw.Safe(e.Text)+by, width))
	}
	if shown == 0 {
		add(theme.Muted.Render("  nothing of this kind"))
	}
	return out
}

// lipNone draws text as it is.
var lipNone = lipgloss.NewStyle()
