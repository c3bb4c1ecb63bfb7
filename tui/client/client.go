// Package client is the client's page: who they are and how to reach them,
// what is open and owed, what to know before calling, and the timeline of
// everything that happened with them.
package client

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/tui/page"
	"dispatch/tui/theme"
)

// timelinePage is how many timeline entries a page of it shows.
const timelinePage = 50

// Page is one client's record.
type Page struct {
	deps    page.Deps
	km      keyMap
	id      int64
	rec     door.ClientPage
	err     error
	scroll  int
	kind    int // 0: every kind; else model.EntryKinds[kind-1]
	older   int // pages of the timeline skipped, newest first
	search  textinput.Model
	finding bool
	// G asks the next drawing to start at the timeline; so does another
	// kind, search or page of it, which are for reading the timeline (and
	// change how long the page is). pgdn moves a screen of the height last
	// drawn.
	toTimeline bool
	height     int
}

// New opens the client with this id.
func New(deps page.Deps, id int64) *Page {
	in := textinput.New()
	in.Prompt = "find in the timeline: "
	in.Placeholder = "words, a ref (V-311), a name"
	in.SetStyles(theme.Input())
	p := &Page{deps: deps, km: newKeyMap(deps.User.Role), id: id, search: in}
	p.Refresh()
	return p
}

func (p *Page) Keys() help.KeyMap  { return p.km }
func (p *Page) CapturesText() bool { return p.finding }
func (p *Page) Ticking() bool      { return false }

// reread reads the timeline again for another kind, search or page, and
// shows it from its heading.
func (p *Page) reread() {
	p.toTimeline = true
	p.Refresh()
}

func (p *Page) Refresh() {
	q := door.TimelineQuery{Search: p.search.Value(), Skip: p.older * timelinePage, Limit: timelinePage}
	if k := p.filter(); k != "" {
		q.Kinds = []model.EntryKind{k}
	}
	p.rec, p.err = p.deps.Door.ClientRecord(p.deps.Ctx, p.deps.Actor(), p.id, q)
	if p.err == nil && p.older > 0 && len(p.rec.Timeline) == 0 { // the timeline shrank under the page shown
		p.older = 0
		p.Refresh()
	}
	p.km.Older.SetEnabled(p.rec.More)
	p.km.Newer.SetEnabled(p.older > 0)
}

// filter is the kind the timeline shows, or "" for all.
func (p *Page) filter() model.EntryKind {
	if p.kind == 0 {
		return ""
	}
	return model.EntryKinds[p.kind-1]
}

func (p *Page) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	if p.finding {
		return p, p.find(msg)
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return p, nil
	}
	c := p.rec.Client
	switch {
	case key.Matches(k, p.km.Back):
		if p.search.Value() != "" { // esc takes the search away first
			p.search.SetValue("")
			p.older = 0
			p.reread()
			return p, nil
		}
		return p, p.deps.Close("")
	case key.Matches(k, p.km.Down):
		p.scroll++
	case key.Matches(k, p.km.Up):
		p.scroll = max(p.scroll-1, 0)
	case key.Matches(k, p.km.Top):
		p.scroll = 0
	case key.Matches(k, p.km.Timeline):
		p.toTimeline = true // where it is, the next drawing knows
	case key.Matches(k, p.km.PageDown):
		p.scroll += max(p.height-2, 1)
	case key.Matches(k, p.km.PageUp):
		p.scroll = max(p.scroll-max(p.height-2, 1), 0)
	case key.Matches(k, p.km.Kind):
		p.kind = (p.kind + 1) % (len(model.EntryKinds) + 1)
		if p.filter() == model.EntryInvoice && !p.deps.User.Role.Can(model.ActSeeRates) {
			p.kind = (p.kind + 1) % (len(model.EntryKinds) + 1) // none they may see
		}
		p.older = 0
		p.reread()
	case key.Matches(k, p.km.Find): // a new search, not more words on the last
		p.finding = true
		if p.search.Value() != "" {
			p.search.SetValue("")
			p.older = 0
			p.reread()
		}
		return p, p.search.Focus()
	case key.Matches(k, p.km.Older) && p.rec.More:
		p.older++
		p.reread()
	case key.Matches(k, p.km.Newer) && p.older > 0:
		p.older--
		p.reread()
	case p.err != nil:
	case key.Matches(k, p.km.Answer) && p.rec.AskAbout != nil:
		return p, openForm(p.deps, newFollowUpForm(p.deps, c, *p.rec.AskAbout))
	case key.Matches(k, p.km.Touch):
		return p, openForm(p.deps, newTouchForm(p.deps, c, p.rec.Contacts))
	case key.Matches(k, p.km.Meeting):
		kind := model.MeetingRoadmap
		if !p.rec.NeedsFirst.IsZero() {
			kind = model.MeetingFirst
		}
		return p, openForm(p.deps, newPlanForm(p.deps, c.ID, c.Name, kind))
	case key.Matches(k, p.km.Edit):
		return p, openForm(p.deps, newEditClientForm(p.deps, c))
	case key.Matches(k, p.km.Terms) && p.rec.Terms != nil:
		return p, openForm(p.deps, newTermsForm(p.deps, c, *p.rec.Terms))
	case key.Matches(k, p.km.Contact):
		return p, openForm(p.deps, newContactForm(p.deps, c, p.rec.Contacts))
	case key.Matches(k, p.km.Site):
		return p, openForm(p.deps, newSiteForm(p.deps, c, p.rec.Sites))
	case key.Matches(k, p.km.Letters):
		return p, openForm(p.deps, newNotifyForm(p.deps, c, p.rec.Notify))
	}
	return p, nil
}

// find types the timeline's search: each key narrows it at once; enter
// keeps it, esc takes it away.
func (p *Page) find(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "enter", "down":
			p.finding = false
			p.search.Blur()
			return nil
		case "esc":
			p.finding = false
			p.search.Blur()
			p.search.SetValue("")
			p.older = 0
			p.reread()
			return nil
		}
	}
	before := p.search.Value()
	var cmd tea.Cmd
	p.search, cmd = p.search.Update(msg)
	if p.search.Value() != before {
		p.older = 0
		p.reread()
	}
	return cmd
}

type keyMap struct {
	Up, Down, PageUp, PageDown, Top, Timeline key.Binding
	Kind, Find, Older, Newer, Touch, Answer   key.Binding
	Meeting, Edit, Terms, Contact, Site       key.Binding // the office's
	Letters                                   key.Binding // managers
	Back, Help, Quit                          key.Binding
}

func newKeyMap(role model.Role) keyMap {
	k := keyMap{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "space", "ctrl+d"), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "top")),
		Timeline: key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "timeline")),
		Kind:     key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "kind")),
		Find:     key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "find")),
		Older:    key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "older")),
		Newer:    key.NewBinding(key.WithKeys("["), key.WithHelp("[", "newer")),
		Touch:    key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "log a call")),
		Answer:   key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "answer: is it working well?")),
		Meeting:  key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "plan a meeting")),
		Edit:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "rename / contract")),
		Terms:    key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "rate and terms")),
		Contact:  key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "edit a contact")),
		Site:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "edit a site")),
		Letters:  key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "letters: what they hear of")),
		Back:     key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back")),
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Quit:     key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
	office := role.Can(model.ActManageClients)
	k.Touch.SetEnabled(role.Can(model.ActLogTouch))
	k.Answer.SetEnabled(role.Can(model.ActLogTouch))
	k.Meeting.SetEnabled(office)
	k.Edit.SetEnabled(office)
	k.Contact.SetEnabled(office)
	k.Site.SetEnabled(office)
	k.Terms.SetEnabled(role.Can(model.ActSetTerms))
	k.Letters.SetEnabled(role.Can(model.ActTellClients))
	return k
}

func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Timeline, k.Touch, k.Kind, k.Find, k.Older, k.Back, k.Help}
}
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Timeline}, {k.Kind, k.Find, k.Older, k.Newer, k.Touch, k.Answer},
		{k.Meeting, k.Edit, k.Terms, k.Contact, k.Site, k.Letters}, {k.Back, k.Help, k.Quit}}
}
