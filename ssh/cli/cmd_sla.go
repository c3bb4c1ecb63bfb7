package cli

import (
	"fmt"
	"io"
	"strings"

	"dispatch/model"
	"dispatch/model/door"
)

func init() {
	register(
		command{path: "ticket wait", args: `T-12 --reason "…"`, about: "waiting on the client: the resolution clock pauses", run: ticketTrack(model.TkWaiting)},
		command{path: "ticket resume", args: "T-12", about: "the client answered: the resolution clock runs again", run: ticketTrack(model.TkResumed)},
		command{path: "ticket priority", args: "T-12 P1 [--reason …]", about: "re-prioritise: the clocks are recomputed from the opening", run: ticketTrack(model.TkPriority)},
		command{path: "ticket contacted", args: `T-12 --note "…"`, about: "the requester was contacted: a response", run: ticketTrack(model.TkContacted)},
		command{path: "ticket done", args: "T-12", about: "the job is finished: the resolution clock stops", run: ticketTrack(model.TkDone)},
		command{path: "sla list", args: "[--at-risk] [--breached]", about: "open tickets by the time left on their clocks", run: slaList},
	)
}

// ticketTrack records one kind of ticket event.
func ticketTrack(kind model.TicketEventKind) func(c *call) error {
	return func(c *call) error {
		note := new(string)
		switch kind {
		case model.TkWaiting:
			note = c.fs.String("reason", "", "what the client owes us")
		case model.TkPriority:
			note = c.fs.String("reason", "", "why the priority changed")
		case model.TkContacted:
			note = c.fs.String("note", "", "what you told them or agreed")
		}
		positionals := 1
		if kind == model.TkPriority {
			positionals = 2
		}
		if err := c.parse(positionals); err != nil {
			return err
		}
		who := c.actor()
		if err := who.Role.Check(model.ActTrackTicket); err != nil {
			return err
		}
		switch kind {
		case model.TkWaiting:
			if err := required(map[string]*string{"reason": note}); err != nil {
				return err
			}
		case model.TkContacted:
			if err := required(map[string]*string{"note": note}); err != nil {
				return err
			}
		}
		id, err := model.ParseID(model.PrefixTicket, c.args[0])
		if err != nil {
			return err
		}
		in := door.Track{Kind: kind, Note: *note}
		if kind == model.TkPriority {
			if in.Priority, err = model.ParsePriority(c.args[1]); err != nil {
				return err
			}
		}
		if _, err := c.env.Door.TrackTicket(c.ctx, who, id, in); err != nil {
			return err
		}
		return c.showTicket(id, "")
	}
}

func ticketEventText(e model.TicketEvent) string {
	s := ""
	if e.Kind == model.TkPriority {
		s = fmt.Sprintf("%s → %s", e.From, e.To)
	}
	if e.Note != "" {
		s = strings.TrimSpace(s + " " + e.Note)
	}
	return s
}

// clockText is a clock as a line of a ticket card: "2h 10m left (due
// 14:20)", "breached 35m ago", "met".
func (c *call) clockText(k model.SLAClock) string {
	now, loc := c.env.Door.Now(), c.env.Door.Location()
	s := k.Describe(now, loc)
	if k.Withdrawn {
		return s
	}
	if !k.Due.IsZero() {
		s += " (due " + c.clock(k.Due) + ")"
	}
	if k.AtRisk {
		s += " — at risk"
	}
	return s + fmt.Sprintf(" · target %s", model.FormatDuration(k.Target))
}

type slaJSON struct {
	Ticket     string    `json:"ticket"`
	Client     string    `json:"client"`
	Title      string    `json:"title"`
	Priority   string    `json:"priority"`
	Watching   string    `json:"watching"` // the clock that presses: response or resolution
	Clock      clockJSON `json:"clock"`
	Response   clockJSON `json:"response_clock"`
	Resolution clockJSON `json:"resolution_clock"`
	Waiting    bool      `json:"waiting_on_client"`
	AfterHours bool      `json:"after_hours_emergency"`
}

func slaList(c *call) error {
	atRisk := c.fs.Bool("at-risk", false, "only clocks running low (at_risk in the JSON); with --breached, those too")
	breached := c.fs.Bool("breached", false, "only clocks already broken (state breached in the JSON)")
	if err := c.parse(0); err != nil {
		return err
	}
	items, err := c.env.Door.SLA(c.ctx, c.actor(), door.SLAFilter{AtRisk: *atRisk, Breached: *breached})
	if err != nil {
		return err
	}
	out := []slaJSON{}
	for _, it := range items {
		out = append(out, slaJSON{Ticket: it.Ticket.Ref(), Client: it.Client, Title: it.Ticket.Title, Priority: it.Ticket.Priority.String(),
			Watching: string(it.Clock.Kind), Clock: toClock(it.Clock), Response: toClock(it.Response), Resolution: toClock(it.Resolution),
			Waiting: it.Waiting, AfterHours: it.AfterHours})
	}
	return c.print(out, func(w io.Writer) {
		if len(items) == 0 {
			fmt.Fprintln(w, "no open tickets"+map[bool]string{true: " matching", false: ""}[*atRisk || *breached])
			return
		}
		now, loc := c.env.Door.Now(), c.env.Door.Location()
		var rows [][]string
		for _, it := range items {
			due := ""
			switch {
			case !it.Clock.Due.IsZero():
				due = c.clock(it.Clock.Due)
			case it.Clock.Breached:
				due = "was " + c.clock(it.Clock.BreachedAt)
			}
			flag := ""
			switch {
			case it.AfterHours:
				flag = "after-hours emergency"
			case it.Clock.AtRisk:
				flag = "at risk"
			}
			rows = append(rows, []string{it.Ticket.Ref(), it.Ticket.Priority.String(), it.Client, it.Ticket.Title,
				string(it.Clock.Kind), it.Clock.Describe(now, loc), due, flag})
		}
		table(w, "", []string{"TICKET", "P", "CLIENT", "TITLE", "CLOCK", "STANDS", "DUE", ""}, rows)
	})
}
