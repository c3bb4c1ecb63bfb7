package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/model/door"
)

// scopeDecide is the prompt after a request is recorded: a new ticket (the
// default, first and highlighted), an add-on to this visit, or declined.
type scopeDecide struct {
	deps    Deps
	card    door.VisitCard
	req     model.ScopeRequest
	choices []scopeChoice
	cursor  int
	km      decideKeys
}

type scopeChoice struct {
	kind  model.DecisionKind
	key   string
	label string
	about string
}

func newScopeDecide(deps Deps, card door.VisitCard, r model.ScopeRequest) *scopeDecide {
	p := &scopeDecide{deps: deps, card: card, req: r, km: newDecideKeys()}
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

func (p *scopeDecide) keys() help.KeyMap  { return p.km }
func (p *scopeDecide) capturesText() bool { return false }
func (p *scopeDecide) ticking() bool      { return false }

// refresh follows the request: if someone else settled it meanwhile, the
// prompt says so instead of offering choices that no longer stand.
func (p *scopeDecide) refresh() {
	if r, err := p.deps.Door.Scope(p.deps.Ctx, p.deps.actor(), p.req.ID); err == nil {
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

func (p *scopeDecide) update(msg tea.Msg) (page, tea.Cmd) {
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
		return p, p.deps.close(p.req.Ref() + " is waiting for your decision: press h")
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

func (p *scopeDecide) choose(kind model.DecisionKind) tea.Cmd {
	var f interface {
		page
		focusCurrent() tea.Cmd
	}
	switch kind {
	case model.DecNewTicket:
		f = newSpawnForm(p.deps, p.card, &p.req)
	case model.DecAddOn:
		f = newAddOnForm(p.deps, p.card, p.req)
	default:
		f = newDeclineForm(p.deps, p.req)
	}
	return tea.Batch(p.deps.swap(f), f.focusCurrent())
}

func (p *scopeDecide) view(width, height int) string {
	inner := max(min(width, 100)-4, 20)
	lines := []string{
		styleTitle.Render("While you're here · "+p.req.Ref()) + styleMuted.Render("  "+p.card.Ref()+" "+safe(p.card.Client)),
		"",
		styleHeader.Render(safe(p.req.What)),
	}
	lines = append(lines, wrapNotice(styleMuted, "asked by "+safe(p.req.AskedBy)+" · one job per ticket: extra work is a new ticket unless the client approves it now", inner)...)
	lines = append(lines, "")
	if len(p.choices) == 0 {
		lines = append(lines, styleOK.Render(fmt.Sprintf("Already decided: %s. Press esc.", p.req.State())))
	}
	for i, c := range p.choices {
		label := fmt.Sprintf(" %s  %s ", c.key, c.label)
		if i == p.cursor {
			lines = append(lines, styleSelected.Render(fit("▸"+label, inner)))
		} else {
			lines = append(lines, " "+label)
		}
		for _, l := range wrapNotice(styleMuted, c.about, inner-5) {
			lines = append(lines, "     "+l)
		}
	}
	for i := range lines {
		lines[i] = fit(lines[i], inner)
	}
	return padLines(styleBox.Render(strings.Join(lines, "\n")), height)
}

type decideKeys struct {
	Up, Down, Choose, Back key.Binding
}

func newDecideKeys() decideKeys {
	return decideKeys{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", "choose")),
		Down:   key.NewBinding(key.WithKeys("down", "j")),
		Choose: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "decide")),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "decide later")),
	}
}

func (k decideKeys) ShortHelp() []key.Binding  { return []key.Binding{k.Up, k.Choose, k.Back} }
func (k decideKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }
