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
	Fix        *fixJSON `json:"fix,omitempty"`
}

type fixJSON struct {
	OriginalAt string `json:"original_at"`
	Reason     string `json:"reason"`
	By         string `json:"by"`
	RecordedAt string `json:"recorded_at"`
}

type visitJSON struct {
	ID          string      `json:"id"`
	Ticket      string      `json:"ticket"`
	Tech        string      `json:"tech"`
	ScheduledAt string      `json:"scheduled_at"`
	Phase       string      `json:"phase"`
	PhaseSince  string      `json:"phase_since,omitempty"`
	AsOf        string      `json:"as_of"` // the instant the durations run to
	Travel      int64       `json:"travel_seconds"`
	OnSite      int64       `json:"on_site_seconds"`
	Paused      int64       `json:"paused_seconds"`
	Shop        int64       `json:"shop_seconds"`
	Total       int64       `json:"total_seconds"`
	Events      []eventJSON `json:"events"`
}

func toVisit(v model.Visit, now time.Time) visitJSON {
	t := model.TimesOf(v.Events, now)
	out := visitJSON{ID: v.Ref(), Ticket: model.FormatID(model.PrefixTicket, v.TicketID), Tech: v.TechName,
		ScheduledAt: rfc3339(v.ScheduledAt), Phase: string(v.Phase()), PhaseSince: rfc3339(model.PhaseSince(v.Events)),
		AsOf: rfc3339(now), Travel: seconds(t.Travel), OnSite: seconds(t.OnSite), Paused: seconds(t.Paused),
		Shop: seconds(t.Shop), Total: seconds(t.Total()), Events: []eventJSON{}}
	for _, e := range v.Events {
		ej := eventJSON{ID: e.Ref(), Kind: string(e.Kind), At: rfc3339(e.At), RecordedAt: rfc3339(e.RecordedAt),
			Late: e.Late(), By: e.By, Note: e.Note}
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
	Title           string `json:"title"`
	Client          string `json:"client"`
	Site            ref    `json:"site"`
	EstimateSeconds int64  `json:"estimate_seconds"`
}

func toVisitCard(c door.VisitCard, now time.Time) visitCardJSON {
	return visitCardJSON{visitJSON: toVisit(c.Visit, now), Title: c.Ticket.Title, Client: c.Client,
		Site: ref{model.FormatID(model.PrefixSite, c.Site.ID), c.Site.Name}, EstimateSeconds: seconds(c.Ticket.Estimate.Duration)}
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

func toTicket(c door.TicketCard, now time.Time) ticketJSON {
	out := ticketJSON{ID: c.Ref(),
		Client:  ref{model.FormatID(model.PrefixClient, c.Client.ID), c.Client.Name},
		Contact: ref{model.FormatID(model.PrefixContact, c.Contact.ID), c.Contact.Name},
		Site:    ref{model.FormatID(model.PrefixSite, c.Site.ID), c.Site.Name},
		Title:   c.Title, Scope: c.Scope, Priority: c.Priority.String(),
		EstimateSeconds: seconds(c.Estimate.Duration), QuoteCents: int64(c.Estimate.Quote),
		FirstJob: c.FirstJob, Status: string(c.Status), CreatedAt: rfc3339(c.CreatedAt), CreatedBy: c.CreatedBy,
		Visits: []visitJSON{}}
	for _, v := range c.Visits {
		out.Visits = append(out.Visits, toVisit(v, now))
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
