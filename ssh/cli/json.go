package cli

import (
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
	Kind       string `json:"kind"`
	At         string `json:"at"`
	RecordedAt string `json:"recorded_at"`
	Late       bool   `json:"late"`
	By         string `json:"by"`
	Contact    string `json:"contact,omitempty"`
	Note       string `json:"note,omitempty"`
}

type visitJSON struct {
	ID          string      `json:"id"`
	Ticket      string      `json:"ticket"`
	Tech        string      `json:"tech"`
	ScheduledAt string      `json:"scheduled_at"`
	Phase       string      `json:"phase"`
	Events      []eventJSON `json:"events"`
}

func toVisit(v model.Visit) visitJSON {
	out := visitJSON{ID: v.Ref(), Ticket: model.FormatID(model.PrefixTicket, v.TicketID), Tech: v.TechName,
		ScheduledAt: rfc3339(v.ScheduledAt), Phase: string(v.Phase()), Events: []eventJSON{}}
	for _, e := range v.Events {
		ej := eventJSON{Kind: string(e.Kind), At: rfc3339(e.At), RecordedAt: rfc3339(e.RecordedAt),
			Late: e.RecordedAt.Sub(e.At) > model.LateEntry, By: e.By, Note: e.Note}
		if e.ContactID != 0 {
			ej.Contact = model.FormatID(model.PrefixContact, e.ContactID)
		}
		out.Events = append(out.Events, ej)
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
	QuoteCents      int64       `json:"quote_cents"`
	FirstJob        bool        `json:"first_job"`
	Status          string      `json:"status"`
	CreatedAt       string      `json:"created_at"`
	CreatedBy       string      `json:"created_by"`
	Visits          []visitJSON `json:"visits"`
}

func toTicket(c door.TicketCard) ticketJSON {
	out := ticketJSON{ID: c.Ref(),
		Client:  ref{model.FormatID(model.PrefixClient, c.Client.ID), c.Client.Name},
		Contact: ref{model.FormatID(model.PrefixContact, c.Contact.ID), c.Contact.Name},
		Site:    ref{model.FormatID(model.PrefixSite, c.Site.ID), c.Site.Name},
		Title:   c.Title, Scope: c.Scope, Priority: c.Priority.String(),
		EstimateSeconds: seconds(c.Estimate.Duration), QuoteCents: int64(c.Estimate.Quote),
		FirstJob: c.FirstJob, Status: string(c.Status), CreatedAt: rfc3339(c.CreatedAt), CreatedBy: c.CreatedBy,
		Visits: []visitJSON{}}
	for _, v := range c.Visits {
		out.Visits = append(out.Visits, toVisit(v))
	}
	return out
}

type rowJSON struct {
	Ticket      string `json:"ticket"`
	Client      string `json:"client"`
	Title       string `json:"title"`
	Priority    string `json:"priority"`
	Tech        string `json:"tech,omitempty"`
	Visit       string `json:"visit,omitempty"`
	ScheduledAt string `json:"scheduled_at,omitempty"`
	Phase       string `json:"phase,omitempty"`
	PhaseSince  string `json:"phase_since,omitempty"`
	Late        bool   `json:"late_to_start,omitempty"`
	AgeSeconds  int64  `json:"age_seconds"`
	FirstJob    bool   `json:"first_job"`
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
	model.SecUpcoming: "upcoming", model.SecDone: "done_to_invoice",
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
			sec.Tickets = append(sec.Tickets, row)
		}
		out.Sections = append(out.Sections, sec)
	}
	return out
}
