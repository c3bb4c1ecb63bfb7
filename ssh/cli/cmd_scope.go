package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"dispatch/model"
	"dispatch/model/door"
)

func init() {
	register(
		command{path: "scope ask", args: `[V-12] --asked-by "Dana Ruiz" --what "…" [--at 12:45]`, about: `record a "while you're here" request made on site`, run: scopeAsk},
		command{path: "scope new-ticket", args: "S-3 [--title …] [--scope …] [--priority P3] [--estimate 1h] [--at 12:45]", about: "make a request its own ticket, linked to the visit's (the default)", run: scopeNewTicket},
		command{path: "scope add-on", args: `S-3 --approved-by "Dana Ruiz" --estimate 30m --told-meter-running [--at 12:45]`, about: "add a request to this visit, approved by the authorised or backup contact", run: scopeAddOn},
		command{path: "scope decline", args: `S-3 --reason "…" [--at 12:45]`, about: "decline a request, saying why", run: scopeDecline},
		command{path: "scope approve", args: "S-3 [--reason …]", about: "approve an add-on on a first job (dispatchers, managers)", run: scopeSupervise(true)},
		command{path: "scope refuse", args: "S-3 [--reason …]", about: "refuse an add-on on a first job (dispatchers, managers)", run: scopeSupervise(false)},
		command{path: "scope list", args: "[--pending]", about: "requests of the last week, or only those waiting on someone", run: scopeList},
		command{path: "scope show", args: "S-3", about: "a request and every decision on it", run: scopeShow},
		command{path: "visit work-on", args: "[V-12] main|S-3 [--at 12:45]", about: "switch on-site time between the main job and an approved add-on", run: visitWorkOn},
		command{path: "visit overrun", args: "[V-12] told-continue|told-stop|unreachable [--follow-up] [--at 12:45]", about: "answer the prompt to tell the contact the estimate is near or past", run: visitOverrun},
	)
}

func scopeAsk(c *call) error {
	askedBy := c.fs.String("asked-by", "", "who asked: a contact of the client, or anyone's name")
	what := c.fs.String("what", "", "what they asked for, in a few words")
	at := c.fs.String("at", "", atUsage)
	if err := c.parseAny(1); err != nil {
		return err
	}
	if len(c.args) > 1 {
		return usageError{msg: "takes at most one visit id: " + c.cmd.args}
	}
	if err := required(map[string]*string{"asked-by": askedBy, "what": what}); err != nil {
		return err
	}
	id, err := c.visitID(model.EvNote, c.args)
	if err != nil {
		return err
	}
	when, err := c.past(*at)
	if err != nil {
		return err
	}
	r, err := c.env.Door.AskScope(c.ctx, c.actor(), id, door.Ask{AskedBy: *askedBy, What: *what, At: when})
	if err != nil {
		return err
	}
	if err := c.showScope(r); err != nil || c.json {
		return err
	}
	fmt.Fprintf(c.env.Out, "\nnext: scope new-ticket %s (the default) · scope add-on %s --approved-by … · scope decline %s --reason …\n",
		r.Ref(), r.Ref(), r.Ref())
	return nil
}

func scopeNewTicket(c *call) error {
	title := c.fs.String("title", "", "the new ticket's title (default: what was asked)")
	scope := c.fs.String("scope", "", "the defined job and how we know it is done")
	priority := c.fs.String("priority", "P3", "P1 (emergency) to P4 (can wait)")
	estimate := c.fs.String("estimate", "", `hours like 1h, or a quote like $200; empty leaves it to the office`)
	at := c.fs.String("at", "", atUsage)
	id, err := c.scopeID()
	if err != nil {
		return err
	}
	in := door.SpawnTicket{Title: *title, Scope: *scope}
	var inv model.Invalid
	in.At, err = c.past(*at)
	inv.Add("at", err)
	p, err := model.ParsePriority(*priority)
	inv.Add("priority", err)
	in.Priority = p
	if strings.TrimSpace(*estimate) != "" {
		in.Estimate, err = model.ParseEstimate(*estimate)
		inv.Add("estimate", err)
	}
	if err := inv.Err(); err != nil {
		return err
	}
	r, t, err := c.env.Door.ScopeNewTicket(c.ctx, c.actor(), id, in)
	if err != nil {
		return err
	}
	if err := c.showScope(r); err != nil || c.json {
		return err
	}
	fmt.Fprintf(c.env.Out, "\n%s is on the board, unscheduled: %s\n", t.Ref(), model.CleanLine(t.Title))
	return nil
}

func scopeAddOn(c *call) error {
	by := c.fs.String("approved-by", "", "the authorised or backup contact who approved it")
	estimate := c.fs.String("estimate", "", "the rough time you told them, like 30m")
	told := c.fs.Bool("told-meter-running", false, "the contact was told the meter is running")
	at := c.fs.String("at", "", atUsage)
	id, err := c.scopeID()
	if err != nil {
		return err
	}
	if err := required(map[string]*string{"approved-by": by, "estimate": estimate}); err != nil {
		return err
	}
	d, err := model.ParseDuration("estimate", *estimate)
	if err != nil {
		return err
	}
	when, err := c.past(*at)
	if err != nil {
		return err
	}
	r, err := c.env.Door.ScopeAddOn(c.ctx, c.actor(), id, door.AddOn{Contact: *by, Estimate: d, ToldMeterRunning: *told, At: when})
	if err != nil {
		return err
	}
	return c.showScope(r)
}

func scopeDecline(c *call) error {
	reason := c.fs.String("reason", "", "why it will not be done")
	at := c.fs.String("at", "", atUsage)
	id, err := c.scopeID()
	if err != nil {
		return err
	}
	if err := required(map[string]*string{"reason": reason}); err != nil {
		return err
	}
	when, err := c.past(*at)
	if err != nil {
		return err
	}
	r, err := c.env.Door.ScopeDecline(c.ctx, c.actor(), id, *reason, when)
	if err != nil {
		return err
	}
	return c.showScope(r)
}

func scopeSupervise(approve bool) func(c *call) error {
	return func(c *call) error {
		reason := c.fs.String("reason", "", "a word for the technician and the record")
		id, err := c.scopeID()
		if err != nil {
			return err
		}
		r, err := c.env.Door.ScopeSupervise(c.ctx, c.actor(), id, approve, *reason)
		if err != nil {
			return err
		}
		return c.showScope(r)
	}
}

func scopeList(c *call) error {
	pending := c.fs.Bool("pending", false, "only requests waiting on a technician or a supervisor")
	if err := c.parse(0); err != nil {
		return err
	}
	reqs, err := c.env.Door.ScopeList(c.ctx, c.actor(), *pending)
	if err != nil {
		return err
	}
	out := []scopeJSON{}
	for _, r := range reqs {
		out = append(out, toScope(r))
	}
	return c.print(out, func(w io.Writer) {
		if len(reqs) == 0 {
			fmt.Fprintln(w, "no requests")
			return
		}
		var rows [][]string
		for _, r := range reqs {
			rows = append(rows, []string{r.Ref(), c.clock(r.AskedAt), model.FormatID(model.PrefixVisit, r.VisitID), r.Client,
				r.Tech, r.AskedBy, r.What, string(r.State())})
		}
		table(w, "", []string{"ID", "ASKED", "VISIT", "CLIENT", "TECH", "ASKED BY", "WHAT", "STATE"}, rows)
	})
}

func scopeShow(c *call) error {
	id, err := c.scopeID()
	if err != nil {
		return err
	}
	r, err := c.env.Door.Scope(c.ctx, c.actor(), id)
	if err != nil {
		return err
	}
	return c.showScope(r)
}

// scopeID parses the command's flags and its one S-id.
func (c *call) scopeID() (int64, error) {
	if err := c.parse(1); err != nil {
		return 0, err
	}
	return model.ParseID(model.PrefixScope, c.args[0])
}

func (c *call) actor() model.Actor { return model.ActorOf(c.env.User) }

func (c *call) showScope(r model.ScopeRequest) error {
	return c.print(toScope(r), func(w io.Writer) {
		fmt.Fprintf(w, "%s  %s\n", r.Ref(), model.CleanLine(r.What))
		field(w, "asked by", r.AskedBy)
		field(w, "on", fmt.Sprintf("%s (%s) · %s · %s", model.FormatID(model.PrefixVisit, r.VisitID),
			model.FormatID(model.PrefixTicket, r.TicketID), r.Client, r.Tech))
		field(w, "asked", c.clock(r.AskedAt)+" · recorded by "+r.RecordedBy)
		state := string(r.State())
		if r.FirstJob {
			state += " · a first job: an add-on needs a supervisor too"
		}
		field(w, "state", state)
		for _, d := range r.Decisions {
			fmt.Fprintf(w, "  %s  %s\n", c.clock(d.At), model.CleanLine(d.Sentence()))
		}
	})
}

func visitWorkOn(c *call) error {
	at := c.fs.String("at", "", atUsage)
	if err := c.parseAny(0); err != nil {
		return err
	}
	if len(c.args) == 0 || len(c.args) > 2 {
		return usageError{msg: "say what to work on: " + c.cmd.args}
	}
	id, err := c.visitID(model.EvNote, c.args[:len(c.args)-1])
	if err != nil {
		return err
	}
	var scopeID int64
	if target := c.args[len(c.args)-1]; !strings.EqualFold(target, "main") {
		if scopeID, err = model.ParseID(model.PrefixScope, target); err != nil {
			return model.FieldError{Field: "work", Msg: fmt.Sprintf("%q is neither main nor an add-on like S-3", model.CleanLine(target))}
		}
	}
	when, err := c.past(*at)
	if err != nil {
		return err
	}
	if _, err := c.env.Door.WorkOn(c.ctx, c.actor(), id, scopeID, when); err != nil {
		return err
	}
	return c.showVisit(id)
}

func visitOverrun(c *call) error {
	followUp := c.fs.Bool("follow-up", false, "with told-stop: open a follow-up ticket for the rest of the job")
	title := c.fs.String("title", "", "the follow-up ticket's title (default: Follow-up: …)")
	at := c.fs.String("at", "", atUsage)
	if err := c.parseAny(0); err != nil {
		return err
	}
	if len(c.args) == 0 || len(c.args) > 2 {
		return usageError{msg: "give the answer: " + c.cmd.args}
	}
	when, err := c.past(*at)
	if err != nil {
		return err
	}
	answer, err := model.ParseOverrunAnswer(c.args[len(c.args)-1])
	if err != nil {
		return err
	}
	id, err := c.visitID(model.EvNote, c.args[:len(c.args)-1])
	if err != nil {
		return err
	}
	var spawn *door.SpawnTicket
	if *followUp || *title != "" {
		spawn = &door.SpawnTicket{Title: *title}
	}
	_, t, err := c.env.Door.AnswerOverrun(c.ctx, c.actor(), id, answer, spawn, when)
	if err != nil {
		return err
	}
	if err := c.showVisit(id); err != nil || c.json {
		return err
	}
	switch {
	case t.ID != 0:
		fmt.Fprintf(c.env.Out, "\nfollow-up %s is on the board, unscheduled: %s\n", t.Ref(), model.CleanLine(t.Title))
	case answer == model.ToldStop:
		fmt.Fprintf(c.env.Out, "\nfor the rest of the job: visit overrun %s told-stop --follow-up opens a linked ticket\n", model.FormatID(model.PrefixVisit, id))
	case answer == model.Unreachable:
		fmt.Fprintln(c.env.Out, "\nthe dispatcher is alerted on the board")
	}
	return nil
}

// past reads an --at given for something that already happened: zero (now)
// when none was given.
func (c *call) past(at string) (time.Time, error) {
	if strings.TrimSpace(at) == "" {
		return time.Time{}, nil
	}
	return model.ParsePast("at", at, c.env.Door.Now(), c.env.Door.Location())
}
