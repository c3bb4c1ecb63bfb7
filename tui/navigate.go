package tui

import (
	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/tui/board"
	"dispatch/tui/client"
	"dispatch/tui/invoice"
	"dispatch/tui/page"
	"dispatch/tui/scope"
	"dispatch/tui/search"
	"dispatch/tui/ticket"
)

// navigate makes a move a page asked for: open, swap or close a page of its
// own family, or go to one of another's, which is built here so families
// never import one another.
func (a *App) navigate(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case page.OpenMsg:
		a.stack, a.flash, a.fullHelp = append(a.stack, msg.Page), "", false
	case page.SwapMsg:
		a.stack[len(a.stack)-1], a.flash, a.fullHelp = msg.Page, "", false
	case page.CloseMsg:
		if len(a.stack) > 1 {
			a.stack = a.stack[:len(a.stack)-1]
		}
		a.flash, a.fullHelp = msg.Flash, false // the keys shown were the closed page's
		a.top().Refresh()
	case page.GoMsg:
		p, focus := a.build(msg.To)
		a.stack, a.flash, a.fullHelp = append(a.stack, p), "", false
		return focus
	}
	return nil
}

// build makes the page a destination names, with its first field focused
// when it is a form.
func (a *App) build(to page.Destination) (page.Page, tea.Cmd) {
	var p page.Page
	switch to := to.(type) {
	case page.ToBoard:
		p = board.NewOver(a.pages)
	case page.ToTicket:
		p = ticket.New(a.pages, to.ID)
	case page.ToSchedule:
		p = ticket.NewScheduleForm(a.pages, to.Ticket)
	case page.ToScopeAsk:
		p = scope.NewAskForm(a.pages, to.Card)
	case page.ToScopeDecision:
		p = scope.NewDecision(a.pages, to.Card, to.Request)
	case page.ToStopAtEstimate:
		p = scope.NewStopAtEstimateForm(a.pages, to.Card)
	case page.ToMoveVisit:
		p = ticket.NewMoveForm(a.pages, to.Ticket, []model.Visit{to.Visit}, to.Visit.ID)
	case page.ToCancelVisit:
		p = ticket.NewCancelVisitForm(a.pages, to.Ticket, []model.Visit{to.Visit}, to.Visit.ID)
	case page.ToScopeRefusal:
		p = scope.NewRefuseForm(a.pages, to.Request)
	case page.ToSearch:
		p = search.New(a.pages, to.Typed)
	case page.ToInvoices:
		p = invoice.NewDesk(a.pages)
	case page.ToInvoice:
		p = invoice.New(a.pages, to.ID)
	case page.ToClient:
		p = client.New(a.pages, to.ID)
	case page.ToClients:
		p = client.NewList(a.pages)
	case page.ToMeetings:
		p = client.NewMeetings(a.pages)
	case page.ToOutbox:
		p = client.NewOutbox(a.pages)
	}
	if f, ok := p.(page.Focuser); ok {
		return p, f.FocusCurrent()
	}
	return p, nil
}
