// Package search is every ticket ever opened, found by the words typed:
// newest first, a page at a time, each with the words that matched.
package search

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"dispatch/model/door"
	"dispatch/model/store"
	"dispatch/tui/page"
	"dispatch/tui/theme"
)

// Search is the results of one search, and the field to change it.
type Search struct {
	deps    page.Deps
	km      keyMap
	query   textinput.Model
	editing bool
	asked   string // the words the results are for
	hits    []store.SearchHit
	more    bool // another page follows the last loaded
	cursor  int
	err     error
}

// New searches for what was typed.
func New(deps page.Deps, typed string) *Search {
	q := textinput.New()
	q.Prompt = "search: "
	q.Placeholder = "words of a title, client, name, note, or a ticket number"
	q.SetStyles(theme.Input())
	q.SetValue(typed)
	s := &Search{deps: deps, km: newKeyMap(), query: q}
	s.run(typed)
	return s
}

// run searches afresh: the first page of what was typed.
func (s *Search) run(typed string) {
	s.asked, s.cursor = strings.TrimSpace(typed), 0
	p, err := s.deps.Door.Search(s.deps.Ctx, s.deps.Actor(), s.asked, 0)
	s.hits, s.more, s.err = p.Hits, p.More, err
}

// loadMore appends the next page, when there is one.
func (s *Search) loadMore() {
	if !s.more {
		return
	}
	p, err := s.deps.Door.Search(s.deps.Ctx, s.deps.Actor(), s.asked, len(s.hits)/door.SearchPageSize)
	if err != nil {
		s.err = err
		return
	}
	s.hits, s.more = append(s.hits, p.Hits...), p.More
}

func (s *Search) Keys() help.KeyMap  { return s.km }
func (s *Search) CapturesText() bool { return s.editing }
func (s *Search) Ticking() bool      { return false }

// Refresh keeps the results as they are: a search is a look at a moment,
// and rows moving under the cursor while reading would be worse.
func (s *Search) Refresh() {}

func (s *Search) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	if s.editing {
		return s, s.updateQuery(msg)
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return s, nil
	}
	switch {
	case key.Matches(k, s.km.Back):
		return s, s.deps.Close("")
	case key.Matches(k, s.km.Down):
		if s.cursor == len(s.hits)-1 {
			s.loadMore()
		}
		s.cursor = min(s.cursor+1, max(len(s.hits)-1, 0))
	case key.Matches(k, s.km.Up):
		s.cursor = max(s.cursor-1, 0)
	case key.Matches(k, s.km.More):
		before := len(s.hits)
		s.loadMore()
		s.cursor = min(before, max(len(s.hits)-1, 0)) // onto the first of the older ones
	case key.Matches(k, s.km.Top):
		s.cursor = 0
	case key.Matches(k, s.km.Bottom):
		s.cursor = max(len(s.hits)-1, 0)
	case key.Matches(k, s.km.Edit):
		s.editing = true
		return s, s.query.Focus()
	case key.Matches(k, s.km.Open) && s.cursor < len(s.hits):
		return s, s.deps.Go(page.ToTicket{ID: s.hits[s.cursor].Ticket.ID})
	case key.Matches(k, s.km.Client) && s.cursor < len(s.hits):
		return s, s.deps.Go(page.ToClient{ID: s.hits[s.cursor].Ticket.ClientID})
	}
	return s, nil
}

// updateQuery edits the words; enter searches for them, esc keeps the
// results as they were.
func (s *Search) updateQuery(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "enter":
			s.editing = false
			s.query.Blur()
			s.run(s.query.Value())
			return nil
		case "esc":
			s.editing = false
			s.query.Blur()
			s.query.SetValue(s.asked)
			return nil
		}
	}
	var cmd tea.Cmd
	s.query, cmd = s.query.Update(msg)
	return cmd
}
