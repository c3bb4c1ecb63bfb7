package cli

import (
	"time"

	"dispatch/model"
	"dispatch/model/door"
)

// JSON shapes: ids in their readable form, instants in RFC 3339 UTC,
// durations in seconds, money in cents.

type ref struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type eventJSON struct {
	ID         string   `json:"id"`
	Kind       string   `json:"kind"`
	At         string   `json:"at"`
	RecordedAt string   `json:"recorded_at"`
	Late       bool     `json:"late"`
	By         string   `json:"by"`
	Contact    *ref     `json:"contact,omitempty"`
	Note       string   `json:"note,omitempty"`
	WorkOn     string   `json:"work_on,omitempty"` // work_on: "main" or the add-on's S-id
	Answer     string   `json:"answer,omitempty"`  // estimate_near, estimate_over
	Fix        *fixJSON `json:"fix,omitempty"`
}

type fixJSON struct {
	OriginalAt string `json:"original_at"`
	Reason     string `json:"reason"`
	By         string `json:"by"`
	RecordedAt string `json:"recorded_at"`
}

type visitJSON struct {
	ID          string `json:"id"`
	Ticket      string `json:"ticket"`
	Tech        string `json:"tech"`
	ScheduledAt string `json:"scheduled_at"`
	Phase       string `json:"phase"`
	PhaseSince  string `json:"phase_since,omitempty"`
	AsOf        string `json:"as_of"` // the instant the durations run to
	Travel      int64  `json:"travel_seconds"`
	OnSite      int64  `json:"on_site_seconds"`
	Paused      int64  `json:"paused_seconds"`
	Shop        int64  `json:"shop_seconds"`
	Total       int64  `json:"total_seconds"`
	// On-site seconds by what was worked on: "main" and each add-on's S-id.
	OnSiteBy map[string]int64 `json:"on_site_seconds_by_work"`
	Events   []eventJSON      `json:"events"`
}

func workRef(scopeID int64) string {
	if scopeID == 0 {
		return "main"
	}
	return model.FormatID(model.PrefixScope, scopeID)
}

func toVisit(v model.Visit, now time.Time) visitJSON {
	t := model.TimesOf(v.Events, now)
	out := visitJSON{ID: v.Ref(), Ticket: model.FormatID(model.PrefixTicket, v.TicketID), Tech: v.TechName,
		ScheduledAt: rfc3339(v.ScheduledAt), Phase: string(v.Phase()), PhaseSince: rfc3339(model.PhaseSince(v.Events)),
		AsOf: rfc3339(now), Travel: seconds(t.Travel), OnSite: seconds(t.OnSite), Paused: seconds(t.Paused),
		Shop: seconds(t.Shop), Total: seconds(t.Total()), Events: []eventJSON{}, OnSiteBy: map[string]int64{}}
	for id, d := range model.AttributeOnSite(v.Events, now) {
		out.OnSiteBy[workRef(id)] = seconds(d)
	}
	for _, e := range v.Events {
		ej := eventJSON{ID: e.Ref(), Kind: string(e.Kind), At: rfc3339(e.At), RecordedAt: rfc3339(e.RecordedAt),
			Late: e.Late(), By: e.By, Note: e.Note, Answer: string(e.Answer)}
		if e.Kind == model.EvWorkOn {
			ej.WorkOn = workRef(e.ScopeID)
		}
		if e.ContactID != 0 {
			ej.Contact = &ref{model.FormatID(model.PrefixContact, e.ContactID), e.ContactName}
		}
		if f := e.Fix; f != nil {
			ej.Fix = &fixJSON{OriginalAt: rfc3339(f.OriginalAt), Reason: f.Reason, By: f.By, RecordedAt: rfc3339(f.RecordedAt)}
		}
		out.Events = append(out.Events, ej)
	}
	return out
}

// visitCardJSON is a visit with its job and place, for visit show.
type visitCardJSON struct {
	visitJSON
	Title           string      `json:"title"`
	Client          string      `json:"client"`
	Site            ref         `json:"site"`
	EstimateSeconds int64       `json:"estimate_seconds"`
	PromptDue       string      `json:"estimate_prompt_due,omitempty"` // "near" or "over": the contact is yet to be told
	Scope           []scopeJSON `json:"scope_requests"`
}

func toVisitCard(c door.VisitCard, now time.Time) visitCardJSON {
	out := visitCardJSON{visitJSON: toVisit(c.Visit, now), Title: c.Ticket.Title, Client: c.Client,
		Site: ref{model.FormatID(model.PrefixSite, c.Site.ID), c.Site.Name}, EstimateSeconds: seconds(c.Ticket.Estimate.Duration),
		PromptDue: levelKey[model.OverrunDue(c.Events, c.Ticket.Estimate.Duration, now)], Scope: []scopeJSON{}}
	for _, r := range c.Requests {
		out.Scope = append(out.Scope, toScope(r))
	}
	return out
}

var levelKey = map[model.EstimateLevel]string{model.EstimateNear: "near", model.EstimateOver: "over"}

type decisionJSON struct {
	Kind             string `json:"kind"`
	At               string `json:"at"`
	By               string `json:"by"`
	ApprovedBy       *ref   `json:"approved_by,omitempty"`
	EstimateSeconds  int64  `json:"estimate_seconds,omitempty"`
	ToldMeterRunning bool   `json:"told_meter_running,omitempty"`
	Ticket           string `json:"ticket,omitempty"`
	Reason           string `json:"reason,omitempty"`
}

type scopeJSON struct {
	ID         string         `json:"id"`
	Visit      string         `json:"visit"`
	Ticket     string         `json:"ticket"`
	Client     string         `json:"client"`
	Tech       string         `json:"tech"`
	AskedBy    string         `json:"asked_by"`
	Contact    string         `json:"asked_by_contact,omitempty"`
	What       string         `json:"what"`
	AskedAt    string         `json:"asked_at"`
	FirstJob   bool           `json:"first_job"`
	State      string         `json:"state"`
	WaitingFor string         `json:"waiting_for,omitempty"` // "technician" or "supervisor"
	Decisions  []decisionJSON `json:"decisions"`
}

func toScope(r model.ScopeRequest) scopeJSON {
	out := scopeJSON{ID: r.Ref(), Visit: model.FormatID(model.PrefixVisit, r.VisitID), Ticket: model.FormatID(model.PrefixTicket, r.TicketID),
		Client: r.Client, Tech: r.Tech, AskedBy: r.AskedBy, What: r.What, AskedAt: rfc3339(r.AskedAt), FirstJob: r.FirstJob,
		State: string(r.State()), Decisions: []decisionJSON{}}
	if r.AskedByID != 0 {
		out.Contact = model.FormatID(model.PrefixContact, r.AskedByID)
	}
	switch r.State() {
	case model.ScopeAsked, model.ScopeRefused:
		out.WaitingFor = "technician"
	case model.ScopeAwaiting:
		out.WaitingFor = "supervisor"
	}
	for _, d := range r.Decisions {
		dj := decisionJSON{Kind: string(d.Kind), At: rfc3339(d.At), By: d.By, EstimateSeconds: seconds(d.Estimate),
			ToldMeterRunning: d.ToldMeterRunning, Reason: d.Reason}
		if d.ContactID != 0 {
			dj.ApprovedBy = &ref{model.FormatID(model.PrefixContact, d.ContactID), d.ContactName}
		}
		if d.TicketID != 0 {
			dj.Ticket = model.FormatID(model.PrefixTicket, d.TicketID)
		}
		out.Decisions = append(out.Decisions, dj)
	}
	return out
}

type ticketJSON struct {
	ID              string      `json:"id"`
	Client          ref         `json:"client"`
	Contact         ref         `json:"contact"`
	Site            ref         `json:"site"`
	Title           string      `json:"title"`
	Scope           string      `json:"scope"`
	Priority        string      `json:"priority"`
	EstimateSeconds int64       `json:"estimate_seconds"`
	QuoteCents      *int64      `json:"quote_cents,omitempty"` // left out for those who may not see amounts
	FixedQuote      bool        `json:"fixed_quote"`
	FirstJob        bool        `json:"first_job"`
	Status          string      `json:"status"`
	CreatedAt       string      `json:"created_at"`
	CreatedBy       string      `json:"created_by"`
	Visits          []visitJSON `json:"visits"`
	Response        clockJSON   `json:"response_clock"`
	Resolution      clockJSON   `json:"resolution_clock"`
	AfterHours      bool        `json:"after_hours_emergency,omitempty"`
	Version         int64       `json:"version"`                // give it to ticket edit --if-version
	RequestedBy     string      `json:"requested_by,omitempty"` // who asked, when not a contact
	MadeFrom        *madeFrom   `json:"made_from,omitempty"`    // the on-site request it came from
	Authorised      *authorised `json:"authorised,omitempty"`   // the latest work authorisation
	Parts           []partJSON  `json:"parts"`
}

type partJSON struct {
	ID         string `json:"id"`
	Desc       string `json:"description"`
	Qty        int    `json:"qty"`
	PriceCents int64  `json:"price_cents,omitempty"` // to those who may see amounts
	ApprovedBy string `json:"approved_by"`
}

// authorised is who accepted the terms for a ticket, when, and how; the
// terms themselves only for those who may see rates.
type authorised struct {
	Contact string `json:"contact"`
	At      string `json:"at"`
	Visit   string `json:"visit,omitempty"` // at check-in on this visit; else by phone
	Terms   string `json:"terms,omitempty"`
}

type madeFrom struct {
	Request string `json:"scope_request"`
	Ticket  string `json:"ticket"`
	Visit   string `json:"visit"`
	AskedBy string `json:"asked_by"`
}

// clockJSON is an SLA clock: seconds of counting time, and instants.
type clockJSON struct {
	State        string `json:"state"` // running, paused, met, breached, not_started
	TargetSecs   int64  `json:"target_seconds"`
	UsedSecs     int64  `json:"used_seconds"`
	RemainingSec int64  `json:"remaining_seconds"` // negative once breached
	Due          string `json:"due,omitempty"`
	BreachedAt   string `json:"breached_at,omitempty"`
	StartsAt     string `json:"starts_at,omitempty"`
	AtRisk       bool   `json:"at_risk"`
}

func toClock(c model.SLAClock) clockJSON {
	state := "running"
	switch {
	case c.Withdrawn:
		state = "withdrawn"
	case c.Breached:
		state = "breached"
	case c.Stopped:
		state = "met"
	case c.Paused:
		state = "paused"
	case !c.StartsAt.IsZero():
		state = "not_started"
	}
	return clockJSON{State: state, TargetSecs: seconds(c.Target), UsedSecs: seconds(c.Used), RemainingSec: seconds(c.Left),
		Due: rfc3339(c.Due), BreachedAt: rfc3339(c.BreachedAt), StartsAt: rfc3339(c.StartsAt), AtRisk: c.AtRisk}
}

func toTicket(c door.TicketCard, now time.Time) ticketJSON {
	out := ticketJSON{ID: c.Ref(),
		Client:  ref{model.FormatID(model.PrefixClient, c.Client.ID), c.Client.Name},
		Contact: ref{model.FormatID(model.PrefixContact, c.Contact.ID), c.Contact.Name},
		Site:    ref{model.FormatID(model.PrefixSite, c.Site.ID), c.Site.Name},
		Title:   c.Title, Scope: c.Scope, Priority: c.Priority.String(),
		EstimateSeconds: seconds(c.Estimate.Duration), QuoteCents: quoteCents(c.Estimate),
		FixedQuote: c.Estimate.Quote > 0 || c.Estimate.QuoteHidden,
		FirstJob:   c.FirstJob, Status: string(c.Status), CreatedAt: rfc3339(c.CreatedAt), CreatedBy: c.CreatedBy,
		Visits: []visitJSON{}, Response: toClock(c.Response), Resolution: toClock(c.Resolution), AfterHours: c.AfterHours,
		Version: c.Version, RequestedBy: c.RequestedBy}
	if r := c.MadeFrom; r != nil {
		out.MadeFrom = &madeFrom{Request: r.Ref(), Ticket: model.FormatID(model.PrefixTicket, r.TicketID),
			Visit: model.FormatID(model.PrefixVisit, r.VisitID), AskedBy: r.AskedBy}
	}
	out.Parts = []partJSON{}
	for _, p := range c.Parts {
		out.Parts = append(out.Parts, partJSON{ID: p.Ref(), Desc: p.Description, Qty: p.Qty, PriceCents: int64(p.Price), ApprovedBy: p.ApprovedBy})
	}
	if a := c.Authorisation; a != nil {
		out.Authorised = &authorised{Contact: a.ContactName, At: rfc3339(a.At), Terms: a.Terms}
		if a.VisitID != 0 {
			out.Authorised.Visit = model.FormatID(model.PrefixVisit, a.VisitID)
		}
	}
	for _, v := range c.Visits {
		out.Visits = append(out.Visits, toVisit(v, now))
	}
	return out
}

type rowJSON struct {
	Ticket       string `json:"ticket"`
	Client       string `json:"client"`
	Title        string `json:"title"`
	Priority     string `json:"priority"`
	Tech         string `json:"tech,omitempty"`
	Visit        string `json:"visit,omitempty"`
	ScheduledAt  string `json:"scheduled_at,omitempty"`
	Phase        string `json:"phase,omitempty"`
	PhaseSince   string `json:"phase_since,omitempty"`
	Late         bool   `json:"late_to_start,omitempty"`
	AgeSeconds   int64  `json:"age_seconds"`
	FirstJob     bool   `json:"first_job"`
	OverEstimate bool   `json:"over_estimate,omitempty"`
	PromptDue    string `json:"estimate_prompt_due,omitempty"`
	// In the waiting section: what the dispatcher is asked to decide.
	Waiting      string `json:"waiting,omitempty"` // "add-on approval" or "contact unreachable"
	ScopeRequest string `json:"scope_request,omitempty"`
	FollowUp     string `json:"follow_up,omitempty"` // needs another visit: what is left
	// SLA: the clock that presses, for open tickets.
	Clock      *clockJSON `json:"clock,omitempty"`
	Watching   string     `json:"watching,omitempty"` // response or resolution
	AfterHours bool       `json:"after_hours_emergency,omitempty"`
}

type sectionJSON struct {
	Name    string    `json:"name"`
	Tickets []rowJSON `json:"tickets"`
}

type boardJSON struct {
	At       string        `json:"at"`
	Sections []sectionJSON `json:"sections"`
}

var sectionKey = map[model.Section]string{
	model.SecUnscheduled: "unscheduled", model.SecToday: "scheduled_today", model.SecInProgress: "in_progress",
	model.SecUpcoming: "upcoming", model.SecDone: "done_to_invoice", model.SecWaiting: "waiting_on_dispatcher",
	model.SecNeedsVisit: "needs_another_visit",
}

func toBoard(b model.Board) boardJSON {
	out := boardJSON{At: rfc3339(b.At)}
	for _, s := range model.Sections {
		sec := sectionJSON{Name: sectionKey[s], Tickets: []rowJSON{}}
		for _, r := range b.Rows[s] {
			row := rowJSON{Ticket: r.Ticket.Ref(), Client: r.Client, Title: r.Ticket.Title, Priority: r.Ticket.Priority.String(),
				Tech: r.Tech, Late: r.Late, AgeSeconds: seconds(r.Age), FirstJob: r.FirstJob, PhaseSince: rfc3339(r.Since)}
			if r.Visit != nil {
				row.Visit, row.ScheduledAt, row.Phase = r.Visit.Ref(), rfc3339(r.Visit.ScheduledAt), string(r.Phase)
			}
			row.OverEstimate, row.PromptDue, row.FollowUp = r.Overrun == model.EstimateOver, levelKey[r.PromptDue], r.FollowUp
			if r.HasClock && r.Scope == nil && !r.Alert {
				clock := toClock(r.Clock)
				row.Clock, row.Watching, row.AfterHours = &clock, string(r.Clock.Kind), r.AfterHours
			}
			switch {
			case r.Scope != nil:
				row.Waiting, row.ScopeRequest, row.Visit = "add-on approval", r.Scope.Ref(), model.FormatID(model.PrefixVisit, r.Scope.VisitID)
			case r.Alert:
				row.Waiting = "contact unreachable"
			}
			sec.Tickets = append(sec.Tickets, row)
		}
		out.Sections = append(out.Sections, sec)
	}
	return out
}

// quoteCents is a ticket's quote for JSON: absent to those who may not see it.
func quoteCents(e model.Estimate) *int64 {
	if e.QuoteHidden {
		return nil
	}
	q := int64(e.Quote)
	return &q
}
