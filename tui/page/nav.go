package page

import tea "charm.land/bubbletea/v2"

// The moves a page makes. The App makes them before it reads the next
// message (a move by command would land only when the command came back,
// and keys typed right after the key that opened a form — "c" then "called
// Sue", arriving together — would reach the page underneath: "e" there
// opens the editor).
type (
	OpenMsg  struct{ Page Page }      // put a page on top
	CloseMsg struct{ Flash string }   // take the top page away, leaving a flash on the one below
	SwapMsg  struct{ Page Page }      // the top page gives way to the next step
	GoMsg    struct{ To Destination } // open a page of another family
)

// Navigator holds the moves pages made while handling one message.
type Navigator struct{ moves []tea.Msg }

// Take hands the App the moves made so far and forgets them.
func (n *Navigator) Take() []tea.Msg {
	moves := n.moves
	n.moves = nil
	return moves
}

// Open puts a page on top at once.
func (d Deps) Open(p Page) tea.Cmd { return d.move(OpenMsg{p}) }

// Close takes the top page away at once, leaving a flash on the one below.
func (d Deps) Close(flash string) tea.Cmd { return d.move(CloseMsg{flash}) }

// Swap puts the next step in the top page's place at once.
func (d Deps) Swap(p Page) tea.Cmd { return d.move(SwapMsg{p}) }

// Go opens a page of another screen family, which the App builds: families
// never import one another, so the client page can open a ticket and the
// ticket page its client.
func (d Deps) Go(to Destination) tea.Cmd { return d.move(GoMsg{to}) }

func (d Deps) move(m tea.Msg) tea.Cmd {
	if d.nav == nil {
		return func() tea.Msg { return m }
	}
	d.nav.moves = append(d.nav.moves, m)
	return nil
}
