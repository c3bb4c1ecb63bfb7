package client

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/tui/draw"
	"dispatch/tui/theme"
)

func (p *Page) View(width, height int) string {
	if p.err != nil {
		return strings.Join(draw.WrapNotice(theme.Error, p.err.Error(), width), "\n")
	}
	body, timelineAt := p.body(width)
	p.height = height
	if p.toTimeline {
		p.scroll, p.toTimeline = timelineAt, false
	}
	p.scroll = min(p.scroll, max(len(body)-height, 0))
	return strings.Join(body[p.scroll:min(p.scroll+height, len(body))], "\n")
}

// body is the whole page, and the line its timeline starts on.
func (p *Page) body(width int) ([]string, int) {
	r, loc, now := p.rec, p.deps.Door.Location(), p.deps.Door.Now()
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
		for _, n := range soonestFirst(r.Notices) {
			if n.Kind == model.NoticePrice && n.Effective.After(now) {
				add(draw.WrapNotice(theme.Warn, fmt.Sprintf("coming on %s (%s): %s", n.Effective.In(loc).Format("2 Jan 2006"), n.Ref(), n.Text), width)...)
			}
		}
	}
	if p.deps.User.Role.Can(model.ActScheduleVisit) {
		reach, reaches := r.Notify.Reach(r.Contacts)
		style := theme.Muted
		if !reaches {
			style = theme.Warn
		}
		add(draw.WrapNotice(style, strings.TrimSuffix("letters: "+r.Notify.Describe()+"; "+reach, "; "), width)...)
	}
	add(brief(r.Brief, width)...)
	add(contacts(r.Contacts, width)...)
	add("", theme.Section.Render(fmt.Sprintf("SITES (%d)", len(r.Sites))))
	for _, s := range r.Sites {
		add(draw.Fit(fmt.Sprintf("  %s%s", draw.Safe(s.Name), theme.Muted.Render(" · "+draw.Safe(s.Address)+" · "+model.FormatDuration(s.Travel)+" away")), width))
	}
	add(meetings(r, loc, width)...)
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
			add(draw.Hang(fmt.Sprintf("  %s %s, effective %s: ", n.Ref(), n.Kind, n.Effective.In(loc).Format("2 Jan 2006")),
				draw.Safe(n.Text)+" · sent "+n.SentAt.In(loc).Format("2 Jan"), width, 4)...)
		}
	}
	at := len(out) + 1 // past the blank line above its heading
	return append(out, p.timeline(width)...), at
}

// soonestFirst orders notices by the day they take effect.
func soonestFirst(ns []model.Notice) []model.Notice {
	out := slices.Clone(ns)
	slices.SortStableFunc(out, func(a, b model.Notice) int { return a.Effective.Compare(b.Effective) })
	return out
}

// brief is what to know before calling, or one line saying there is nothing.
func brief(b model.Brief, width int) []string {
	if len(b) == 0 {
		return []string{"", theme.Muted.Render(draw.Fit("Before you call: nothing to know — no old tickets, disputes, overdue invoices or open questions.", width))}
	}
	out := []string{"", theme.Section.Render("BEFORE YOU CALL")}
	for _, s := range b {
		out = append(out, theme.Warn.Render(draw.Fit("  "+s.Title, width)))
		for _, it := range s.Items {
			out = append(out, draw.Hang("    · ", draw.Safe(it), width, 6)...)
		}
	}
	return out
}

func contacts(cs []model.Contact, width int) []string {
	out := []string{"", theme.Section.Render(fmt.Sprintf("CONTACTS (%d)", len(cs)))}
	for _, c := range cs {
		role := ""
		if c.Role.MayApprove() {
			role = theme.OK.Render(" " + string(c.Role))
		}
		out = append(out, draw.Fit("  "+draw.Safe(c.Name)+role+theme.Muted.Render("  "+draw.Safe(strings.TrimSpace(c.Phone+"  "+c.Email))), width))
	}
	return out
}

// meetings are those still to be held, and a new client's missing first.
func meetings(r door.ClientPage, loc *time.Location, width int) []string {
	if len(r.Meetings) == 0 && r.NeedsFirst.IsZero() {
		return nil
	}
	out := []string{"", theme.Section.Render(fmt.Sprintf("MEETINGS (%d)", len(r.Meetings)))}
	if !r.NeedsFirst.IsZero() {
		out = append(out, theme.Warn.Render(draw.Fit("  no first meeting planned: plan one by "+r.NeedsFirst.In(loc).Format("Mon 2 Jan")+" (m)", width)))
	}
	for _, m := range r.Meetings {
		state := theme.Warn.Render("not confirmed")
		if !m.ConfirmedAt.IsZero() {
			state = theme.OK.Render("confirmed")
		}
		out = append(out, draw.Hang(fmt.Sprintf("  %s %s %s · %s · ", m.Ref(), m.At.In(loc).Format("Mon 2 Jan 15:04"), m.Kind, state),
			draw.Safe(strings.Join(m.Agenda, "; ")), width, 4)...)
	}
	return out
}

// timeline is the page of entries asked for, each whole, with how to find
// more: another kind, words, older pages.
func (p *Page) timeline(width int) []string {
	r, loc := p.rec, p.deps.Door.Location()
	filter := "every kind"
	if k := p.filter(); k != "" {
		filter = string(k)
	}
	from := p.older * timelinePage
	where := fmt.Sprintf("newest first · %s · entries %d–%d", filter, from+1, from+len(r.Timeline))
	if len(r.Timeline) == 0 {
		where = "newest first · " + filter
	}
	out := []string{"", theme.Section.Render("TIMELINE") + theme.Muted.Render(draw.Fit("  "+where, max(width-10, 10)))}
	if p.finding || p.search.Value() != "" {
		p.search.SetWidth(max(width-26, 10))
		out = append(out, p.search.View())
	}
	for _, e := range r.Timeline {
		prefix := fmt.Sprintf("  %s  %-7s %-7s ", e.At.In(loc).Format("2006-01-02 15:04"), e.Kind, e.Ref)
		text := draw.Safe(e.Text)
		if e.By != "" {
			text += " — " + draw.Safe(e.By)
		}
		out = append(out, draw.Hang(prefix, text, width, 4)...)
	}
	if len(r.Timeline) == 0 {
		what := "nothing of this kind"
		if p.search.Value() != "" {
			what = "no entry holds those words; esc takes the search away"
		}
		out = append(out, theme.Muted.Render("  "+what))
	}
	var more []string
	if p.older > 0 {
		more = append(more, "[ newer")
	}
	if r.More {
		more = append(more, "] older")
	}
	if len(more) > 0 {
		out = append(out, theme.Muted.Render("  "+strings.Join(more, " · ")))
	}
	return out
}
