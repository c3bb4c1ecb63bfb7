package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/model/store"
)

func init() {
	register(command{path: "ticket list",
		args:  `[--client C] [--tech NAME] [--state open|needs-visit|done|cancelled|invoiced] [--since DATE] [--until DATE] [--search "words"] [--limit 50]`,
		about: "find tickets, ever: by client, technician, state, when opened, and words of anything written on them", run: ticketList})
}

func ticketList(c *call) error {
	client := c.fs.String("client", "", "the client, by name or id (C-12)")
	tech := c.fs.String("tech", "", "a technician who had a visit on it")
	state := c.fs.String("state", "", "open, needs-visit, done, cancelled or invoiced")
	since := c.fs.String("since", "", `opened on or after this day: "2025-03-01", today, yesterday`)
	until := c.fs.String("until", "", `opened on or before this day`)
	search := c.fs.String("search", "", "words of its id, client, title, scope, requester, technicians, notes or on-site requests")
	limit := c.fs.Int("limit", 50, "at most this many, newest first")
	if err := c.parse(0); err != nil {
		return err
	}
	who := c.actor()
	if err := who.Role.Check(model.ActViewBoard); err != nil {
		return err
	}
	q := door.TicketQuery{Client: *client, Tech: *tech, State: *state, Search: *search, Limit: *limit}
	now, loc := c.env.Door.Now(), c.env.Door.Location()
	var inv model.Invalid
	var err error
	if strings.TrimSpace(*since) != "" {
		q.Since, err = model.ParseDate("since", *since, now, loc)
		inv.Add("since", err)
	}
	if strings.TrimSpace(*until) != "" {
		var day time.Time
		day, err = model.ParseDate("until", *until, now, loc)
		inv.Add("until", err)
		q.Until = day.AddDate(0, 0, 1) // the whole of that day
	}
	if inv.Err() == nil && !q.Since.IsZero() && !q.Until.IsZero() && !q.Since.Before(q.Until) {
		inv.Add("until", model.FieldError{Field: "until", Msg: fmt.Sprintf("%s is before --since %s; swap them", *until, *since)})
	}
	if err := inv.Err(); err != nil {
		return err
	}
	hits, err := c.env.Door.ListTickets(c.ctx, who, q)
	if err != nil {
		return err
	}
	out := make([]listJSON, len(hits))
	for i, h := range hits {
		out[i] = toListed(h)
	}
	return c.print(out, func(w io.Writer) {
		if len(hits) == 0 {
			fmt.Fprintln(w, "no ticket matches; loosen a filter or try other words")
			return
		}
		var rows [][]string
		for _, h := range hits {
			row := []string{h.Ticket.Ref(), h.State, h.Ticket.CreatedAt.In(loc).Format("2006-01-02"), h.Client, h.Ticket.Title}
			if q.Search != "" {
				row = append(row, h.Snippet)
			}
			rows = append(rows, row)
		}
		header := []string{"TICKET", "STATE", "OPENED", "CLIENT", "TITLE"}
		if q.Search != "" {
			header = append(header, "MATCHED")
		}
		table(w, "", header, rows)
		if len(hits) == q.Limit {
			fmt.Fprintln(w, "… the newest "+strconv.Itoa(q.Limit)+" shown; narrow it, or raise --limit")
		}
	})
}

type listJSON struct {
	Ticket  string `json:"ticket"`
	State   string `json:"state"` // open, needs-visit, done, cancelled, invoiced
	Opened  string `json:"opened"`
	Client  string `json:"client"`
	Title   string `json:"title"`
	Matched string `json:"matched,omitempty"` // with --search: the words matched, marked «so»
}

func toListed(h store.SearchHit) listJSON {
	return listJSON{Ticket: h.Ticket.Ref(), State: h.State, Opened: rfc3339(h.Ticket.CreatedAt), Client: h.Client, Title: h.Ticket.Title,
		Matched: h.Snippet}
}
