package page

import (
	"dispatch/model"
	"dispatch/model/door"
)

// Destination names a page one family opens in another.
type Destination interface{ destination() }

type (
	// ToBoard is the dispatch board.
	ToBoard struct{}
	// ToTicket is one ticket in full, with its visits and history.
	ToTicket struct{ ID int64 }
	// ToSchedule books a visit for a ticket.
	ToSchedule struct{ Ticket model.Ticket }
	// ToScopeAsk records a "while you're here" on a visit.
	ToScopeAsk struct{ Card door.VisitCard }
	// ToScopeDecision settles a request already recorded on a visit.
	ToScopeDecision struct {
		Card    door.VisitCard
		Request model.ScopeRequest
	}
	// ToStopAtEstimate records that the contact was told the work stops at
	// the estimate, with a follow-up ticket for the rest.
	ToStopAtEstimate struct{ Card door.VisitCard }
	// ToMoveVisit books one of a ticket's visits at another start or with
	// another technician; ToCancelVisit takes it off the schedule.
	ToMoveVisit struct {
		Ticket model.Ticket
		Visit  model.Visit
	}
	ToCancelVisit struct {
		Ticket model.Ticket
		Visit  model.Visit
	}
	// ToScopeRefusal refuses an add-on sent for a supervisor's approval,
	// with the reason the technician will see.
	ToScopeRefusal struct{ Request model.ScopeRequest }
	// ToSearch finds every ticket ever by the words typed.
	ToSearch struct{ Typed string }
	// ToInvoices is the invoices desk: drafts, what is due, what is ready.
	ToInvoices struct{}
	// ToInvoice is one invoice with its lines and what the client was told.
	ToInvoice struct{ ID int64 }
	// ToClient is a client's record: the brief, contacts, sites, what is
	// open and owed, the timeline.
	ToClient struct{ ID int64 }
	// ToClients is every client by name, to find one.
	ToClients struct{}
	// ToMeetings is the calls owed about meetings and every meeting to come.
	ToMeetings struct{}
	// ToOutbox is the letters to clients: waiting, sent, failed.
	ToOutbox struct{}
)

func (ToBoard) destination()          {}
func (ToTicket) destination()         {}
func (ToSchedule) destination()       {}
func (ToScopeAsk) destination()       {}
func (ToScopeDecision) destination()  {}
func (ToStopAtEstimate) destination() {}
func (ToMoveVisit) destination()      {}
func (ToCancelVisit) destination()    {}
func (ToScopeRefusal) destination()   {}
func (ToSearch) destination()         {}
func (ToInvoices) destination()       {}
func (ToInvoice) destination()        {}
func (ToClient) destination()         {}
func (ToClients) destination()        {}
func (ToMeetings) destination()       {}
func (ToOutbox) destination()         {}
