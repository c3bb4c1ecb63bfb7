package search

import (
	"fmt"
	"strings"

	"dispatch/model/store"
	"dispatch/tui/draw"
	"dispatch/tui/theme"
)

// columns are the result list's widths; the title and the matching words
// share what is left.
type columns struct{ id, state, opened, client, title, match int }

// layout drops the opening date on a narrow window, so the title and the
// matching words keep room to be read.
func layout(width int) columns {
	c := columns{id: 7, state: 11, opened: 10, client: 16}
	if width < 100 {
		c.opened = 0
	}
	if width >= 120 {
		c.client = 22
	}
	rest := max(width-(2+c.id+1+c.state+1+c.opened+1+c.client+1)-1, 16)
	c.title = rest * 2 / 5
	c.match = rest - c.title
	return c
}

func (s *Search) View(width, height int) string {
	var out []string
	if s.editing {
		s.query.SetWidth(width - 12)
		out = append(out, s.query.View())
	} else {
		out = append(out, draw.Fit(theme.Header.Render("Search")+"  "+theme.Muted.Render("for ")+draw.Safe(s.asked)+
			theme.Muted.Render("  · "+s.count()+" · newest first · / to search again"), width))
	}
	if s.err != nil {
		out = append(out, draw.WrapNotice(theme.Error, s.err.Error(), width)...)
	}
	c := layout(width)
	out = append(out, theme.Muted.Render(draw.Fit("  "+strings.Join(cells(c, "ID", "STATE", "OPENED", "CLIENT", "TITLE", "MATCHED"), " "), width)))
	if len(s.hits) == 0 && s.err == nil {
		out = append(out, theme.Muted.Render(draw.Fit("  no ticket has these words; try fewer, or the start of a word", width)))
	}
	room := max(height-len(out)-1, 1)
	start := max(0, min(s.cursor-room/2, len(s.hits)-room))
	for i := start; i < min(start+room, len(s.hits)); i++ {
		out = append(out, s.row(s.hits[i], c, width, i == s.cursor))
	}
	if s.more && start+room >= len(s.hits) {
		out = append(out, theme.Muted.Render(draw.Fit("  … older tickets: ↓ past the last, or pgdn", width)))
	}
	return strings.Join(out, "\n")
}

func (s *Search) count() string {
	if s.more {
		return fmt.Sprintf("%d shown, more", len(s.hits))
	}
	return fmt.Sprintf("%d found", len(s.hits))
}

// cells fits each text to its column, leaving out a column of no width.
func cells(c columns, id, state, opened, client, title, match string) []string {
	out := []string{draw.Fit(id, c.id), draw.Fit(state, c.state)}
	if c.opened > 0 {
		out = append(out, draw.Fit(opened, c.opened))
	}
	return append(out, draw.Fit(client, c.client), draw.Fit(title, c.title), draw.Fit(match, c.match))
}

func (s *Search) row(h store.SearchHit, c columns, width int, selected bool) string {
	line := strings.Join(cells(c, h.Ticket.Ref(), h.State, h.Ticket.CreatedAt.In(s.deps.Door.Location()).Format("2006-01-02"),
		draw.Safe(h.Client), draw.Safe(h.Ticket.Title), around(draw.Safe(h.Snippet), c.match)), " ")
	if selected {
		return theme.Selected.Render(draw.Fit("▸ "+line, width))
	}
	return draw.Fit("  "+line, width)
}

// around cuts the matching words' context from the left when it is too wide
// for its column, so the matched word itself stays in view.
func around(snippet string, width int) string {
	r := []rune(snippet)
	at := strings.Index(snippet, "«")
	if len(r) <= width || at < 0 {
		return snippet
	}
	mark := len([]rune(snippet[:at]))
	if mark < width/3 {
		return snippet
	}
	return "…" + string(r[max(mark-width/4, 0):])
}
