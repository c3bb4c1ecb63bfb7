package model

import (
	"fmt"
	"strings"
	"time"
)

// ScopeRequest is a "while you're here, can you…" asked of a technician on
// site. It is recorded with who asked, then decided: a new ticket (the
// default), an add-on to this visit approved by the client's authorised or
// backup contact, or declined. Its decisions are append-only; its state is
// derived from them.
type ScopeRequest struct {
	ID         int64
	VisitID    int64
	TicketID   int64 // the visit's ticket: the job the technician came for
	ClientID   int64
	AskedByID  int64  // the client's contact who asked, or 0 for someone else
	AskedBy    string // their name, as a contact or as given
	What       string
	AskedAt    time.Time
	RecordedBy string
	FirstJob   bool // the visit's ticket is the client's first job: an add-on needs a supervisor too
	Decisions  []ScopeDecision
	// For showing it without another lookup.
	Client string
	Tech   string
	TechID int64
}

// Ref is the request's readable id, S-3.
func (r ScopeRequest) Ref() string { return FormatID(PrefixScope, r.ID) }

// ScopeState is where a request stands.
type ScopeState string

const (
	ScopeAsked     ScopeState = "asked"               // recorded; the technician has yet to decide
	ScopeNewTicket ScopeState = "new ticket"          // became a ticket of its own
	ScopeAwaiting  ScopeState = "awaiting supervisor" // an add-on on a first job the contact agreed to
	ScopeApproved  ScopeState = "approved"            // an add-on, worked on this visit
	ScopeRefused   ScopeState = "refused"             // the supervisor said no; it may still become a ticket
	ScopeDeclined  ScopeState = "declined"
)

// Open reports whether the request still needs someone to decide.
func (s ScopeState) Open() bool { return s == ScopeAsked || s == ScopeAwaiting || s == ScopeRefused }

// DecisionKind is one step in deciding a request.
type DecisionKind string

const (
	DecNewTicket DecisionKind = "new_ticket" // made into a ticket, linked to the visit's
	DecAddOn     DecisionKind = "add_on"     // the authorised or backup contact approved it
	DecDeclined  DecisionKind = "declined"
	DecApproved  DecisionKind = "approved" // a supervisor approved an add-on on a first job
	DecRefused   DecisionKind = "refused"  // a supervisor refused it
)

// ScopeDecision is one decision on a request, by name and time.
type ScopeDecision struct {
	ID               int64
	Kind             DecisionKind
	At               time.Time
	By               string // who entered it
	ContactID        int64  // add-on: the contact who approved it
	ContactName      string
	Estimate         time.Duration // add-on: the rough estimate the contact was given
	ToldMeterRunning bool          // add-on: the contact knows the meter is running
	TicketID         int64         // new ticket: the ticket it became
	Reason           string        // declined, refused
}

// State derives where the request stands from its decisions.
func (r ScopeRequest) State() ScopeState {
	state := ScopeAsked
	for _, d := range r.Decisions {
		state = stateAfter(state, d.Kind, r.FirstJob)
	}
	return state
}

func stateAfter(s ScopeState, k DecisionKind, firstJob bool) ScopeState {
	switch k {
	case DecNewTicket:
		return ScopeNewTicket
	case DecAddOn:
		if firstJob {
			return ScopeAwaiting
		}
		return ScopeApproved
	case DecDeclined:
		return ScopeDeclined
	case DecApproved:
		return ScopeApproved
	case DecRefused:
		return ScopeRefused
	}
	return s
}

// nextDecision is what may be decided in each state: a refused add-on may
// still become a ticket or be declined; a settled request is settled.
var nextDecision = map[ScopeState][]DecisionKind{
	ScopeAsked:    {DecNewTicket, DecAddOn, DecDeclined},
	ScopeAwaiting: {DecApproved, DecRefused},
	ScopeRefused:  {DecNewTicket, DecDeclined},
}

// CheckDecision says whether kind may be decided on the request now.
func (r ScopeRequest) CheckDecision(k DecisionKind) error {
	state := r.State()
	for _, ok := range nextDecision[state] {
		if ok == k {
			return nil
		}
	}
	var can []string
	for _, ok := range nextDecision[state] {
		can = append(can, ok.Offer())
	}
	what := "it is settled"
	if len(can) > 0 {
		what = "now it can be: " + strings.Join(can, ", or ")
	}
	if (k == DecApproved || k == DecRefused) && state == ScopeAsked {
		what = "nothing is waiting for a supervisor yet: the technician decides first"
	}
	return Conflict{Msg: fmt.Sprintf("cannot %s %s: it is %s; %s", k.Verb(), r.Ref(), state.Describe(), what)}
}

// Describe is the state as the end of a sentence: "it is refused already".
func (s ScopeState) Describe() string {
	return map[ScopeState]string{
		ScopeAsked: "undecided", ScopeNewTicket: "a ticket of its own now", ScopeAwaiting: "waiting for a supervisor",
		ScopeApproved: "an approved add-on", ScopeRefused: "refused already", ScopeDeclined: "declined",
	}[s]
}

// Offer is what a decision does to the request, as a choice: "made a new ticket".
func (k DecisionKind) Offer() string {
	return map[DecisionKind]string{
		DecNewTicket: "made a new ticket", DecAddOn: "added to the visit", DecDeclined: "declined",
		DecApproved: "approved", DecRefused: "refused",
	}[k]
}

// Verb is the decision as a user says it.
func (k DecisionKind) Verb() string {
	return map[DecisionKind]string{
		DecNewTicket: "make a new ticket of", DecAddOn: "add to the visit", DecDeclined: "decline",
		DecApproved: "approve", DecRefused: "refuse",
	}[k]
}

// AddOn is the contact's approval of the request as an add-on, if any.
func (r ScopeRequest) AddOn() (ScopeDecision, bool) {
	for _, d := range r.Decisions {
		if d.Kind == DecAddOn {
			return d, true
		}
	}
	return ScopeDecision{}, false
}

// Last is the latest decision, if any.
func (r ScopeRequest) Last() (ScopeDecision, bool) {
	if len(r.Decisions) == 0 {
		return ScopeDecision{}, false
	}
	return r.Decisions[len(r.Decisions)-1], true
}

// Limits on a request's text: what was asked is a line on a ticket title.
var (
	scopeWhatLimit   = TextLimit{Field: "what", Max: 120}
	scopeAskerLimit  = TextLimit{Field: "asked by", Max: 80}
	scopeReasonLimit = TextLimit{Field: "reason", Max: 300}
)

// ValidateAsk cleans and checks what a technician records when asked.
func ValidateAsk(askedByID int64, askedBy, what string) (string, string, error) {
	askedBy, what = CleanLine(askedBy), CleanLine(what)
	var inv Invalid
	if askedByID == 0 && askedBy == "" {
		inv.Add("asked by", FieldError{Field: "asked by", Msg: "is empty; name who asked (a contact, or anyone at the client)"})
	} else {
		inv.Add("asked by", scopeAskerLimit.Check(askedBy))
	}
	if what == "" {
		inv.Add("what", FieldError{Field: "what", Msg: "is empty; say what they asked for, like \"Set up the lobby printer\""})
	} else {
		inv.Add("what", scopeWhatLimit.Check(what))
	}
	return askedBy, what, inv.Err()
}

// ValidateReason cleans and checks the reason a request is declined; a
// decline without a reason is no record at all.
func ValidateReason(reason string, required bool) (string, error) {
	reason = CleanLine(reason)
	if required && reason == "" {
		return reason, FieldError{Field: "reason", Msg: "is empty; say why in a few words, like \"needs a quote first\""}
	}
	return reason, scopeReasonLimit.Check(reason)
}

// CheckApprover says whether contact may approve an add-on for a client
// whose contacts are given: only the authorised or backup contact may, and
// the refusal names who can. An add-on also needs the contact told that the
// meter is running, and a rough estimate of what it will cost.
func CheckApprover(contact Contact, contacts []Contact, estimate time.Duration, toldMeter bool) error {
	var inv Invalid
	if !contact.Role.MayApprove() {
		inv.Add("approved by", FieldError{Field: "approved by", Msg: fmt.Sprintf("%s may ask, not approve work; only %s can approve an add-on",
			contact.Name, Approvers(contacts))})
	}
	switch {
	case estimate <= 0:
		inv.Add("estimate", FieldError{Field: "estimate", Msg: "is missing; give the rough time you told them, like 30m"})
	case estimate > MaxEstimate:
		inv.Add("estimate", FieldError{Field: "estimate", Msg: "is over " + FormatDuration(MaxEstimate) + "; that is a ticket of its own"})
	}
	if !toldMeter {
		inv.Add("told meter running", FieldError{Field: "told meter running", Msg: "is not confirmed; tell the contact the meter is running before adding work"})
	}
	return inv.Err()
}

// Approvers names the contacts who may approve work: "Dana Ruiz (authorised)
// or Lee Park (backup)".
func Approvers(contacts []Contact) string {
	var names []string
	for _, c := range contacts {
		if c.Role.MayApprove() {
			names = append(names, fmt.Sprintf("%s (%s)", c.Name, c.Role))
		}
	}
	if len(names) == 0 {
		return "the client's authorised contact, and none is on file"
	}
	return strings.Join(names, " or ")
}

// Sentence is the decision as the record reads it, without its time.
func (d ScopeDecision) Sentence() string {
	switch d.Kind {
	case DecNewTicket:
		return fmt.Sprintf("made ticket %s — by %s", FormatID(PrefixTicket, d.TicketID), d.By)
	case DecAddOn:
		return fmt.Sprintf("add-on approved by %s, about %s, told the meter is running — entered by %s",
			d.ContactName, FormatDuration(d.Estimate), d.By)
	case DecDeclined:
		return fmt.Sprintf("declined by %s: %s", d.By, d.Reason)
	}
	s := fmt.Sprintf("%s by %s (supervisor)", d.Kind, d.By)
	if d.Reason != "" {
		s += ": " + d.Reason
	}
	return s
}
