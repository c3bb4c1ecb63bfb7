package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"dispatch/model"
	"dispatch/model/door"
)

// stepCommands are the steps a technician records, one command each.
var stepCommands = []struct {
	verb  string
	kind  model.EventKind
	about string
}{
	{"travel", model.EvTravelStarted, "start travelling to the visit's site"},
	{"arrive", model.EvArrived, "arrived: checked in with a contact of the client"},
	{"pause", model.EvPaused, "pause work on site"},
	{"resume", model.EvResumed, "resume work on site"},
	{"depart", model.EvDeparted, "leave the site: checked out with a contact"},
	{"return", model.EvTravelEnded, "travel ended: back at the office or at the next site"},
	{"shop-start", model.EvShopStarted, "start work on a device back at the shop"},
	{"shop-stop", model.EvShopStopped, "stop shop work"},
}

func init() {
	for _, s := range stepCommands {
		args := "[V-12] [--at 12:45]"
		switch {
		case s.kind == model.EvDeparted:
			args = `[V-12] --contact "Dana Ruiz" (--done | --follow-up "waiting for the part") [--at 12:45]`
		case s.kind == model.EvArrived:
			args = `[V-12] --contact "Dana Ruiz" [--authorised] [--at 12:45]`
		case s.kind.NeedsContact():
			args = `[V-12] --contact "Dana Ruiz" [--at 12:45]`
		}
		register(command{path: "visit " + s.verb, args: args, about: s.about, run: stepCommand(s.kind)})
	}
	register(
		command{path: "visit note", args: "[V-12] TEXT [--at 12:45]", about: "add a note to a visit's log", run: visitNote},
		command{path: "visit show", args: "[V-12]", about: "a visit's log, phase and times (without an id: your visit under way)", run: visitShow},
		command{path: "visit fix", args: `E-123 --at 12:45 --reason "…"`, about: "correct when a step happened (dispatchers, managers)", run: visitFix},
	)
}

const atUsage = `when it happened, if not now: "12:45", "20m ago", "yesterday 17:30"`

// stepCommand records one kind of step. Without a visit id a technician's
// own visit is meant: the next one to set off for, or the one under way.
func stepCommand(kind model.EventKind) func(c *call) error {
	return func(c *call) error {
		at := c.fs.String("at", "", atUsage)
		contact := new(string)
		if kind.NeedsContact() {
			contact = c.fs.String("contact", "", "the client's contact you checked in or out with")
		}
		done, followUp, authorised := new(bool), new(string), new(bool)
		if kind == model.EvArrived {
			authorised = c.fs.Bool("authorised", false, "the contact accepted the terms (rate, travel, the add-on rule): the work authorisation")
		}
		if kind == model.EvDeparted {
			done = c.fs.Bool("done", false, "the job is finished: the ticket waits to be invoiced")
			followUp = c.fs.String("follow-up", "", "the job needs another visit: what is left")
		}
		if err := c.parseAny(1); err != nil {
			return err
		}
		if len(c.args) > 1 {
			return usageError{msg: fmt.Sprintf("takes at most one visit id: %s", c.cmd.args)}
		}
		if kind.NeedsContact() {
			if err := required(map[string]*string{"contact": contact}); err != nil {
				return err
			}
		}
		if kind == model.EvDeparted && !*done && strings.TrimSpace(*followUp) == "" {
			return usageError{msg: `say how the job ended: --done, or --follow-up "what is left"`}
		}
		step := door.Step{Kind: kind, Contact: *contact, Outcome: model.Outcome{Done: *done, FollowUp: *followUp}, Authorised: *authorised}
		return c.record(kind, step, *at, c.args)
	}
}

func visitNote(c *call) error {
	at := c.fs.String("at", "", atUsage)
	if err := c.parseAny(0); err != nil {
		return err
	}
	words := c.args
	var id []string
	if len(words) > 1 {
		if _, err := model.ParseID(model.PrefixVisit, words[0]); err == nil {
			id, words = words[:1], words[1:]
		}
	}
	if len(words) == 0 {
		return usageError{msg: "the note is missing: " + c.cmd.args}
	}
	return c.record(model.EvNote, door.Step{Kind: model.EvNote, Note: strings.Join(words, " ")}, *at, id)
}

// record resolves the visit and the time, records the step and prints the
// visit as it now stands.
func (c *call) record(kind model.EventKind, step door.Step, at string, args []string) error {
	who := model.ActorOf(c.env.User)
	if err := who.Role.Check(model.ActRecordVisit); err != nil {
		return err
	}
	id, err := c.visitID(kind, args)
	if err != nil {
		return err
	}
	if strings.TrimSpace(at) != "" {
		if step.At, err = model.ParsePast("at", at, c.env.Door.Now(), c.env.Door.Location()); err != nil {
			return err
		}
	}
	if _, err := c.env.Door.Record(c.ctx, who, id, step); err != nil {
		return err
	}
	return c.showVisit(id)
}

// visitID is the visit named on the line, or the technician's own: the one
// where the step makes sense now (the door says which, or why it cannot).
func (c *call) visitID(kind model.EventKind, args []string) (int64, error) {
	if len(args) == 1 {
		return model.ParseID(model.PrefixVisit, args[0])
	}
	if c.env.User.Role != model.RoleTech {
		return 0, usageError{msg: "name the visit, like V-12: only a technician's own visit goes without saying"}
	}
	return c.env.Door.VisitFor(c.ctx, model.ActorOf(c.env.User), kind)
}

func visitShow(c *call) error {
	if err := c.parseAny(1); err != nil {
		return err
	}
	if len(c.args) > 1 {
		return usageError{msg: "takes at most one visit id: " + c.cmd.args}
	}
	id, err := c.visitID(model.EvNote, c.args) // without one, a technician's visit under way
	if err != nil {
		return err
	}
	return c.showVisit(id)
}

func visitFix(c *call) error {
	at := c.fs.String("at", "", "the time it really happened")
	reason := c.fs.String("reason", "", "why the recorded time was wrong (kept in the log)")
	if err := c.parse(1); err != nil {
		return err
	}
	who := model.ActorOf(c.env.User)
	if err := who.Role.Check(model.ActFixVisitTime); err != nil {
		return err
	}
	if err := required(map[string]*string{"at": at, "reason": reason}); err != nil {
		return err
	}
	id, err := model.ParseID(model.PrefixEvent, c.args[0])
	if err != nil {
		return err
	}
	when, err := model.ParsePast("at", *at, c.env.Door.Now(), c.env.Door.Location())
	if err != nil {
		return err
	}
	v, err := c.env.Door.FixTime(c.ctx, who, id, when, *reason)
	if err != nil {
		return err
	}
	return c.showVisit(v.ID)
}

func (c *call) showVisit(id int64) error {
	card, err := c.env.Door.Visit(c.ctx, model.ActorOf(c.env.User), id)
	if err != nil {
		return err
	}
	now := c.env.Door.Now()
	out := toVisitCard(card, now)
	return c.print(out, func(w io.Writer) {
		times := model.TimesOf(card.Events, now)
		fmt.Fprintf(w, "%s  %s %s\n", card.Ref(), card.Ticket.Ref(), model.CleanLine(card.Ticket.Title))
		field(w, "client", card.Client)
		field(w, "site", card.Site.Name+", "+card.Site.Address)
		field(w, "tech", card.TechName)
		field(w, "booked", c.local(card.ScheduledAt))
		phase := string(card.Phase())
		if since := model.PhaseSince(card.Events); card.Phase().Active() {
			phase += fmt.Sprintf(" since %s (%s)", c.clock(since), model.FormatDuration(now.Sub(since)))
		}
		field(w, "phase", phase)
		field(w, "times", fmt.Sprintf("travel %s · on site %s · paused %s · shop %s · total %s",
			model.FormatDuration(times.Travel), model.FormatDuration(times.OnSite), model.FormatDuration(times.Paused),
			model.FormatDuration(times.Shop), model.FormatDuration(times.Total())))
		shares := model.AttributeOnSite(card.Events, now)
		if est := card.Ticket.Estimate.Duration; est > 0 {
			ratio, _ := model.AgainstEstimate(shares[0], est)
			field(w, "estimate", fmt.Sprintf("%s on site (%d%% used on the main job)", model.FormatDuration(est), int(ratio*100)))
		}
		if due := model.OverrunDue(card.Events, card.Ticket.Estimate.Duration, now); due != model.EstimateNone {
			field(w, "prompt", fmt.Sprintf("on-site time is %s the estimate: tell the contact, then visit overrun %s told-continue|told-stop|unreachable",
				map[model.EstimateLevel]string{model.EstimateNear: "near", model.EstimateOver: "past"}[due], card.Ref()))
		}
		for _, r := range card.Requests {
			line := fmt.Sprintf("%s %s — asked by %s, %s", r.Ref(), r.What, r.AskedBy, r.State())
			if d, ok := shares[r.ID]; ok {
				line += fmt.Sprintf(", %s on site", model.FormatDuration(d))
			}
			field(w, "request", line)
		}
		fmt.Fprintln(w, "log:")
		for i, e := range card.Events {
			what := c.eventText(e, card.TechName) + model.MovedFrom(card.Events, i, c.env.Door.Location())
			if e.Kind == model.EvScheduled && card.AfterTheFact {
				what += ", after the fact"
			}
			fmt.Fprintf(w, "  %-7s %s  %s\n", e.Ref(), c.clock(e.At), model.CleanLine(what))
		}
	})
}

// eventText is one log line: what happened, with whom, who entered it, and
// whether it was late or corrected.
func (c *call) eventText(e model.Event, tech string) string {
	s := e.Sentence(tech, c.env.Door.Location())
	if e.Late() {
		s += " — entered late, at " + c.clock(e.RecordedAt)
	}
	if e.Fix != nil {
		s += fmt.Sprintf(" — corrected from %s by %s: %s", c.clock(e.Fix.OriginalAt), e.Fix.By, e.Fix.Reason)
	}
	return s
}

// clock shows an instant as a time of day, with the date when it is not today.
func (c *call) clock(t time.Time) string {
	return model.ClockIn(t, c.env.Door.Now(), c.env.Door.Location())
}
