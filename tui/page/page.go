// Package page is the contract between the App and the screens it stacks:
// what a page must answer, what it is given, and how it opens, closes or
// swaps pages without knowing the App.
package page

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
)

// Page is one screen on the App's stack: the board, a ticket, a form.
type Page interface {
	Update(msg tea.Msg) (Page, tea.Cmd)
	View(width, height int) string
	Keys() help.KeyMap
	Refresh()           // re-read what it shows after a change
	CapturesText() bool // true while typing, so q and ? are text
	Ticking() bool      // a running timer is on screen: redraw every second
}

// Focuser is a page with a field to focus when it opens: a form.
type Focuser interface {
	Page
	FocusCurrent() tea.Cmd
}
