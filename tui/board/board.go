// Package board is the dispatch board: every ticket not yet invoiced,
// grouped by where it stands, and the new-ticket form it keeps a draft of.
package board

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/tui/draw"
	"dispatch/tui/page"
	"dispatch/tui/theme"
)

// Board is the dispatch board: every ticket that is not yet invoiced,
// grouped by where it stands.
type Board struct {
	deps      page.Deps
	km        keyMap
	board     model.Board
	rows      []*model.BoardRow // what the filter lets through, in section order; into the shared board, never changed
	cursor    int
	selected  rowID // the row under the cursor, kept across refreshes
	offset    int   // first line shown
	filter    textinput.Model
	filtering bool
	err       error
	draft     *ticketForm // a cancelled new-ticket form, reopened by n
	flash     string      // what a decision on a waiting row did
	flashErr  bool
	fade      page.Fade // the flash goes once read
	layout    layout    // where the rows' lines fall
	// The size of the last draw, for working out what is in view.
	width, height int
}

// NewOver opens the board over another page (a technician's day): esc and
// b go back to it.
func NewOver(deps page.Deps) *Board {
	b := New(deps)
	b.km.Back.SetEnabled(true)
	return b
}

// New reads the board for the signed-in user.
func New(deps page.Deps) *Board {
	f := textinput.New()
	f.Prompt = "/ "
	f.Placeholder = "type to filter the board; enter searches every ticket ever"
	f.SetStyles(theme.Input())
	b := &Board{deps: deps, km: newKeyMap(deps.User.Role.Can(model.ActCreateTicket)), filter: f}
	b.km.Outbox.SetEnabled(deps.User.Role.Can(model.ActTellClients))
	b.Refresh()
	return b
}

func (b *Board) Keys() help.KeyMap  { return b.km }
func (b *Board) CapturesText() bool { return b.filtering }

// Ticking: a visit in progress is in view, so its stopwatch runs. The
// layout is worked out as the next draw will do it, without drawing, so a
// timer scrolled into view ticks at once and one scrolled out stops costing
// a redraw a second.
func (b *Board) Ticking() bool {
	if b.flash != "" {
		return true // the flash goes on the second it has had its time
	}
	from, to := 0, len(b.rows) // not drawn yet: any timer on the board may be in view
	if b.width > 0 {
		from, to = b.visibleRows(b.width, b.height)
	}
	for i := from; i < to; i++ {
		if b.rows[i].Section == model.SecInProgress {
			return true
		}
	}
	return false
}

// refresh re-reads the board and keeps the cursor on the same ticket.
func (b *Board) Refresh() {
	board, err := b.deps.Door.Board(b.deps.Ctx, b.deps.Actor())
	if err != nil {
		b.err = err
		return
	}
	b.board, b.err = board, nil
	b.applyFilter()
}

func (b *Board) applyFilter() {
	q := strings.ToLower(strings.TrimSpace(b.filter.Value()))
	b.rows = b.rows[:0]
	for _, s := range model.Sections {
		for i := range b.board.Rows[s] {
			if r := &b.board.Rows[s][i]; q == "" || strings.Contains(searchText(*r), q) {
				b.rows = append(b.rows, r) // a pointer: a session keeps no copy of the board
			}
		}
	}
	b.layout = layOut(b.rows, len(b.board.Rows[model.SecUnscheduled])+len(b.rows) == 0 && b.filter.Value() == "")
	b.cursor = 0
	for i, r := range b.rows {
		if idOf(r) == b.selected {
			b.cursor = i
		}
	}
	b.remember()
}

func searchText(r model.BoardRow) string {
	words := []string{r.Ticket.Ref(), r.Client, r.Ticket.Title, r.Tech, r.Ticket.Priority.String()}
	if r.Scope != nil {
		words = append(words, r.Scope.Ref(), r.Scope.What)
	}
	return strings.ToLower(strings.Join(words, " "))
}

func (b *Board) remember() {
	if b.cursor < len(b.rows) {
		r := *b.rows[b.cursor]
		b.selected = idOf(&r)
		b.km.forRow(r, b.deps.User.Role.Can(model.ActSuperviseWork), b.deps.User.Role.Can(model.ActScheduleVisit))
		return
	}
	b.km.forRow(model.BoardRow{}, false, false)
}

// rowID tells a row from every other, as BoardRow.Key does, without
// writing its name: every board finds its cursor's row again after every
// change.
type rowID struct{ request, alertVisit, ticket int64 }

func idOf(r *model.BoardRow) rowID {
	switch {
	case r.Scope != nil:
		return rowID{request: r.Scope.ID}
	case r.Alert:
		return rowID{alertVisit: r.Visit.ID}
	}
	return rowID{ticket: r.Ticket.ID}
}

func (b *Board) current() (model.BoardRow, bool) {
	if b.cursor < len(b.rows) {
		return *b.rows[b.cursor], true
	}
	return model.BoardRow{}, false
}

func (b *Board) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	if paste, ok := msg.(tea.PasteMsg); ok && b.filtering {
		var cmd tea.Cmd
		b.filter, cmd = b.filter.Update(paste)
		b.applyFilter()
		return b, cmd
	}
	key, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return b, nil
	}
	if b.filtering {
		return b, b.updateFilter(key)
	}
	return b, b.handleKey(key)
}

// setFiltering starts or ends typing in the filter; while typing, enter
// searches every ticket, and the footer says so.
func (b *Board) setFiltering(on bool) tea.Cmd {
	b.filtering, b.km.typing = on, on
	if on {
		b.km.Open.SetHelp("enter", "search every ticket")
		b.km.ClearFilter.SetHelp("esc", "clear")
		return b.filter.Focus()
	}
	b.km.Open.SetHelp("enter", "open")
	b.km.ClearFilter.SetHelp("esc", "clear filter")
	b.filter.Blur()
	return nil
}

func (b *Board) updateFilter(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		b.setFiltering(false)
		b.filter.SetValue("")
		b.applyFilter()
		return nil
	case "enter", "down", "up":
		b.setFiltering(false) // keep the filter, go back to moving
		if typed := strings.TrimSpace(b.filter.Value()); msg.String() == "enter" && typed != "" {
			return b.deps.Go(page.ToSearch{Typed: typed}) // and look beyond the board: every ticket ever
		}
		return nil
	}
	var cmd tea.Cmd
	b.filter, cmd = b.filter.Update(msg)
	b.applyFilter()
	return cmd
}

func (b *Board) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	step := max(b.pageRows(), 1)
	switch {
	case key.Matches(msg, b.km.Down):
		b.move(1)
	case key.Matches(msg, b.km.Up):
		b.move(-1)
	case key.Matches(msg, b.km.PageDown):
		b.move(step)
	case key.Matches(msg, b.km.PageUp):
		b.move(-step)
	case key.Matches(msg, b.km.Top):
		b.move(-len(b.rows))
	case key.Matches(msg, b.km.Bottom):
		b.move(len(b.rows))
	case key.Matches(msg, b.km.NextSection):
		b.nextSection()
	case key.Matches(msg, b.km.Filter):
		return b.setFiltering(true)
	case key.Matches(msg, b.km.ClearFilter) && b.filter.Value() != "":
		b.filter.SetValue("")
		b.applyFilter()
	case key.Matches(msg, b.km.Back):
		return b.deps.Close("")
	case key.Matches(msg, b.km.Move), key.Matches(msg, b.km.CancelVisit):
		if r, ok := b.current(); ok && r.Visit != nil {
			if key.Matches(msg, b.km.Move) {
				return b.deps.Go(page.ToMoveVisit{Ticket: r.Ticket, Visit: *r.Visit})
			}
			return b.deps.Go(page.ToCancelVisit{Ticket: r.Ticket, Visit: *r.Visit})
		}
	case key.Matches(msg, b.km.Open):
		if r, ok := b.current(); ok {
			return b.deps.Go(page.ToTicket{ID: r.Ticket.ID})
		}
	case key.Matches(msg, b.km.Invoices):
		return b.deps.Go(page.ToInvoices{})
	case key.Matches(msg, b.km.Clients):
		return b.deps.Go(page.ToClients{})
	case key.Matches(msg, b.km.Meetings):
		return b.deps.Go(page.ToMeetings{})
	case key.Matches(msg, b.km.Outbox):
		return b.deps.Go(page.ToOutbox{})
	case key.Matches(msg, b.km.Client):
		if r, ok := b.current(); ok {
			return b.deps.Go(page.ToClient{ID: r.Ticket.ClientID})
		}
	case key.Matches(msg, b.km.New):
		if b.draft == nil {
			b.draft = newTicketForm(b.deps, b)
		}
		b.draft.reload()
		return tea.Batch(b.deps.Open(b.draft), b.draft.FocusCurrent())
	case key.Matches(msg, b.km.Schedule):
		if r, ok := b.current(); ok && r.Ticket.Status == model.TicketOpen {
			return b.deps.Go(page.ToSchedule{Ticket: r.Ticket})
		}
	case key.Matches(msg, b.km.Approve), key.Matches(msg, b.km.Refuse):
		if r, ok := b.current(); ok {
			return b.decide(r, key.Matches(msg, b.km.Approve))
		}
	}
	return nil
}

// decide settles the waiting row under the cursor: approve an add-on with
// one key, refuse it with a reason, or record that the office reached the
// contact the technician could not (carry on, or stop here).
func (b *Board) decide(r model.BoardRow, yes bool) tea.Cmd {
	var err error
	switch {
	case r.Scope != nil && !yes: // refusing asks the reason the technician will see
		return b.deps.Go(page.ToScopeRefusal{Request: *r.Scope})
	case r.Scope != nil:
		var got model.ScopeRequest
		if got, err = b.deps.Door.ScopeSupervise(b.deps.Ctx, b.deps.Actor(), r.Scope.ID, yes, ""); err == nil {
			b.flash = fmt.Sprintf("%s %s: %s can work on it", got.Ref(), got.State(), draw.Safe(got.Tech))
		}
	case r.Alert:
		answer := map[bool]model.OverrunAnswer{true: model.ToldContinue, false: model.ToldStop}[yes]
		if _, _, err = b.deps.Door.AnswerOverrun(b.deps.Ctx, b.deps.Actor(), r.Visit.ID, answer, nil, time.Time{}); err == nil {
			b.flash = fmt.Sprintf("%s: recorded that the office %s", r.Visit.Ref(), answer.Describe())
		}
	default:
		return nil
	}
	if err != nil {
		b.flash, b.flashErr = err.Error(), true
		return nil
	}
	b.flashErr = false
	b.Refresh()
	return nil
}

func (b *Board) move(delta int) {
	b.cursor = min(max(b.cursor+delta, 0), max(len(b.rows)-1, 0))
	b.remember()
}

// nextSection jumps to the first row of the next section that has any.
func (b *Board) nextSection() {
	r, ok := b.current()
	if !ok {
		return
	}
	for i := b.cursor + 1; i < len(b.rows); i++ {
		if b.rows[i].Section != r.Section {
			b.cursor = i
			b.remember()
			return
		}
	}
	b.cursor = 0
	b.remember()
}

// ticketOpened is called by the form after a save, so the new ticket is
// under the cursor when the board shows again.
func (b *Board) ticketOpened(id int64) {
	b.draft = nil
	b.selected = rowID{ticket: id}
	b.filter.SetValue("")
}
