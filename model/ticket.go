package model

import (
	"fmt"
	"strings"
	"time"
)

// Priority orders work: P1 is an emergency, P4 can wait.
type Priority int

const (
	P1 Priority = iota + 1
	P2
	P3
	P4
)

func (p Priority) String() string { return fmt.Sprintf("P%d", int(p)) }

// ParsePriority reads "P2", "p2" or "2".
func ParsePriority(s string) (Priority, error) {
	in := strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(s)), "P")
	if len(in) == 1 && in[0] >= '1' && in[0] <= '4' {
		return Priority(in[0] - '0'), nil
	}
	return 0, FieldError{Field: "priority", Msg: fmt.Sprintf("%q is not a priority; use P1 (emergency) to P4 (can wait)", s)}
}

// TicketStatus is where a ticket stands in its life. Whether it is scheduled
// or in progress is derived from its visits, not stored.
type TicketStatus string

const (
	TicketOpen      TicketStatus = "open"
	TicketDone      TicketStatus = "done" // work finished, waiting to be invoiced
	TicketInvoiced  TicketStatus = "invoiced"
	TicketCancelled TicketStatus = "cancelled" // withdrawn before any work: off every list and clock
)

// Ticket is one job, clearly defined, with a clear end.
type Ticket struct {
	ID        int64
	ClientID  int64
	ContactID int64 // the requester
	SiteID    int64
	ParentID  int64 // the ticket this one was spawned from on site, or 0
	Title     string
	Scope     string // the defined job and how we know it is finished
	Priority  Priority
	Estimate  Estimate
	FirstJob  bool // the client's first ticket: invoiced at no more than its quote
	Status    TicketStatus
	CreatedAt time.Time
	CreatedBy string
	DoneAt    time.Time // when it was done or cancelled; zero while open
	Version   int64     // moves on with every change: an edit made from an older one is refused
	// RequestedBy is who asked when it was not one of the client's contacts
	// (the receptionist, on site); ContactID is then whom the office reaches.
	RequestedBy string
}

// Limits on ticket text: a title is a line on the board, a scope a paragraph.
var (
	titleLimit = TextLimit{Field: "title", Max: 120}
	scopeLimit = TextLimit{Field: "scope", Max: 2000}
)

// Validate cleans and checks a new ticket's own fields; that the client,
// contact and site exist and belong together is the door's job.
func (t *Ticket) Validate() error {
	t.Title, t.Scope = CleanLine(t.Title), CleanText(t.Scope)
	var inv Invalid
	if t.ClientID == 0 {
		inv.Add("client", FieldError{Field: "client", Msg: "is not chosen; pick the client the work is for"})
	}
	if t.ContactID == 0 {
		inv.Add("contact", FieldError{Field: "contact", Msg: "is not chosen; pick who asked for the work"})
	}
	if t.SiteID == 0 {
		inv.Add("site", FieldError{Field: "site", Msg: "is not chosen; pick where the work happens"})
	}
	switch {
	case t.Title == "":
		inv.Add("title", FieldError{Field: "title", Msg: "is empty; say the job in a few words, like \"Replace wireless router\""})
	default:
		inv.Add("title", titleLimit.Check(t.Title))
	}
	switch {
	case t.Scope == "":
		inv.Add("scope", FieldError{Field: "scope", Msg: "is empty; state the job and how we know it is done"})
	default:
		inv.Add("scope", scopeLimit.Check(t.Scope))
	}
	if t.Priority < P1 || t.Priority > P4 {
		inv.Add("priority", FieldError{Field: "priority", Msg: "is not set; choose P1 to P4"})
	}
	switch {
	case t.Estimate.Duration > 0 && t.Estimate.Quote > 0:
		inv.Add("estimate", FieldError{Field: "estimate", Msg: "has both hours and a quote; give hours like 2h or a fixed quote like $450, not both"})
	case t.Estimate.Duration == 0 && t.Estimate.Quote == 0 && t.ParentID == 0:
		// A ticket spawned on site may wait for the office to estimate it.
		inv.Add("estimate", FieldError{Field: "estimate", Msg: "is missing; give hours like 2h or a fixed quote like $450"})
	}
	if t.Status == "" {
		t.Status = TicketOpen
	}
	return inv.Err()
}

// Ref is the ticket's readable id, T-1042.
func (t Ticket) Ref() string { return FormatID(PrefixTicket, t.ID) }

// SeenBy is the ticket as a role may see it: a fixed quote's amount is for
// those who see what clients pay.
func (t Ticket) SeenBy(r Role) Ticket {
	if t.Estimate.Quote > 0 && !r.Can(ActSeeRates) {
		t.Estimate.Quote, t.Estimate.QuoteHidden = 0, true
	}
	return t
}

// TicketEdit is a change to what a ticket says, made from the version the
// editor read: every field a dispatcher can get wrong.
type TicketEdit struct {
	Version   int64
	ClientID  int64 // only while no visit has been recorded
	ContactID int64 // the requester
	SiteID    int64
	Priority  Priority
	Title     string
	Scope     string
	Estimate  Estimate
}

// EditOf is an edit that keeps everything as the ticket says it now.
func EditOf(t Ticket) TicketEdit {
	return TicketEdit{Version: t.Version, ClientID: t.ClientID, ContactID: t.ContactID, SiteID: t.SiteID,
		Priority: t.Priority, Title: t.Title, Scope: t.Scope, Estimate: t.Estimate}
}

// Apply is the ticket with the edit made, cleaned and checked, and the
// names of the fields it changes. Whether the client may change, and
// whether the requester and site are the client's, is the door's to check.
func (e TicketEdit) Apply(t Ticket) (Ticket, []string, error) {
	next := t
	next.ClientID, next.ContactID, next.SiteID, next.Priority = e.ClientID, e.ContactID, e.SiteID, e.Priority
	next.Title, next.Scope, next.Estimate = e.Title, e.Scope, e.Estimate
	if err := next.Validate(); err != nil {
		return t, nil, err
	}
	var changed []string
	for _, f := range []struct {
		name string
		diff bool
	}{
		{"client", next.ClientID != t.ClientID}, {"requester", next.ContactID != t.ContactID}, {"site", next.SiteID != t.SiteID},
		{"priority", next.Priority != t.Priority}, {"title", next.Title != t.Title}, {"scope", next.Scope != t.Scope},
		{"estimate", next.Estimate != t.Estimate},
	} {
		if f.diff {
			changed = append(changed, f.name)
		}
	}
	if next.ContactID != t.ContactID {
		next.RequestedBy = "" // a contact chosen now is who asked
	}
	return next, changed, nil
}

// CheckClientChange says whether a ticket may move to another client: only
// while no visit has been recorded on it (a visit's time is the first
// client's, billable to them).
func CheckClientChange(t Ticket, visits []Visit) error {
	for _, v := range visits {
		if p := v.Phase(); p != PhaseScheduled && p != PhaseCancelled {
			return FieldError{Field: "client", Msg: fmt.Sprintf("cannot change: %s was worked on for this client (%s); "+
				"open a new ticket for the other client", v.Ref(), p)}
		}
	}
	return nil
}

// EditConflict refuses an edit made from a version someone else has since
// changed: saving it would silently overwrite their change.
type EditConflict struct {
	Now Ticket    // the ticket as it is now
	By  string    // who changed it last, if known
	At  time.Time // and when
}

func (e EditConflict) Error() string {
	who := "someone"
	if e.By != "" {
		who = e.By
	}
	return fmt.Sprintf("%s was changed by %s while you edited it; it now reads %q, estimate %s. Your edit was not saved: look at theirs, then save yours again if it still stands",
		e.Now.Ref(), who, e.Now.Title, e.Now.Estimate)
}
