package scope

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/tui/draw"
	"dispatch/tui/page"
	"dispatch/tui/theme"
)

// Decision is the prompt after a request is recorded: a new ticket (the
// default, first and highlighted), an add-on to this visit, or declined.
type Decision struct {
	deps    page.Deps
	card    door.VisitCard
	req     model.ScopeRequest
	choices []scopeChoice
	cursor  int
	km      keyMap
}

type scopeChoice struct {
	kind  model.DecisionKind
	key   string
	label string
	about string
}

// NewDecision offers the ways to settle a request already recorded.
func NewDecision(deps page.Deps, card door.VisitCard, r model.ScopeRequest) *Decision {
	p := &Decision{deps: deps, card: card, req: r, km: newKeyMap()}
	addOn := "needs " + model.Approvers(card.Contacts) + " to approve it, knowing the meter is running"
	if r.FirstJob {
		addOn += "; a first job, so the office must approve too"
	}
	all := []scopeChoice{
		{model.DecNewTicket, "n", "New ticket", "the office schedules it; this visit's timer is untouched"},
		{model.DecAddOn, "a", "Add to this visit", addOn},
		{model.DecDeclined, "x", "Decline", "say why; it goes on the client's record"},
	}
	for _, c := range all {
		if r.CheckDecision(c.kind) == nil {
			p.choices = append(p.choices, c)
		}
	}
	return p
}

func (p *Decision) Keys() help.KeyMap  { return p.km }
func (p *Decision) CapturesText() bool { return false }
func (p *Decision) Ticking() bool      { return false }

// refresh follows the request: if someone else settled it meanwhile, the
// prompt says so instead of offering choices that no longer stand.
func (p *Decision) Refresh() {
	if r, err := p.deps.Door.Scope(p.deps.Ctx, p.deps.Actor(), p.req.ID); err == nil {
		p.req = r
		kept := p.choices[:0]
		for _, c := range p.choices {
			if r.CheckDecision(c.kind) == nil {
				kept = append(kept, c)
			}
		}
		p.choices = kept
		p.cursor = min(p.cursor, max(len(kept)-1, 0))
	}
}

func (p *Decision) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return p, nil
	}
	switch {
	case key.Matches(k, p.km.Down):
		p.cursor = min(p.cursor+1, len(p.choices)-1)
	case key.Matches(k, p.km.Up):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(k, p.km.Back):
		return p, p.deps.Close(p.req.Ref() + " is waiting for your decision: press h")
	case key.Matches(k, p.km.Choose) && p.cursor < len(p.choices):
		return p, p.choose(p.choices[p.cursor].kind)
	default:
		for _, c := range p.choices {
			if k.String() == c.key {
				return p, p.choose(c.kind)
			}
		}
	}
	return p, nil
}

func (p *Decision) choose(kind model.DecisionKind) tea.Cmd {
	var f page.Focuser
	switch kind {
	case model.DecNewTicket:
		f = newSpawnForm(p.deps, p.card, &p.req)
	case model.DecAddOn:
		f = newAddOnForm(p.deps, p.card, p.req)
	default:
		f = newDeclineForm(p.deps, p.req)
	}
	return tea.Batch(p.deps.Swap(f), f.FocusCurrent())
}

func (p *Decision) View(width, height int) string {
	inner := max(min(width, 100)-4, 20)
	lines := []string{
		theme.Title.Render("While you're here · "+p.req.Ref()) + theme.Muted.Render("  "+p.card.Ref()+" "+draw.Safe(p.card.Client)),
		"",
		theme.Header.Render(draw.Safe(p.req.What)),
	}
	lines = append(lines, draw.WrapNotice(theme.Muted, "asked by "+draw.Safe(p.req.AskedBy)+" · one job per ticket: extra work is a new ticket unless the client approves it now", inner)...)
	lines = append(lines, "")
	if len(p.choices) == 0 {
		lines = append(lines, theme.OK.Render(fmt.Sprintf("Already decided: %s. Press esc.", p.req.State())))
	}
	for i, c := range p.choices {
		label := fmt.Sprintf(" %s  %s ", c.key, c.label)
		if i == p.cursor {
			lines = append(lines, theme.Selected.Render(draw.Fit("▸"+label, inner)))
		} else {
			lines = append(lines, " "+label)
		}
		for _, l := range draw.WrapNotice(theme.Muted, c.about, inner-5) {
			lines = append(lines, "     "+l)
		}
	}
	for i := range lines {
		lines[i] = draw.Fit(lines[i], inner)
	}
	return draw.PadLines(theme.Box.Render(strings.Join(lines, "\n")), height)
}

type keyMap struct {
	Up, Down, Choose, Back key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", "choose")),
		Down:   key.NewBinding(key.WithKeys("down", "j")),
		Choose: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "decide")),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "decide later")),
	}
}

func (k keyMap) ShortHelp() []key.Binding  { return []key.Binding{k.Up, k.Choose, k.Back} }
func (k keyMap) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }
