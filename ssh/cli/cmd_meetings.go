package cli

import (
	"fmt"
	"io"
	"strings"

	"dispatch/model"
)

func init() {
	register(
		command{path: "meeting plan", args: `CLIENT --kind first|roadmap --at "…" --agenda "…" [--agenda "…"] [--invited-at "…"]`,
			about: "record the invitation to a meeting; the call to confirm it falls due a business day later", run: meetingPlan},
		command{path: "meeting confirm", args: `M-4 [--note "…"]`, about: "record the call that confirmed a meeting", run: meetingConfirm},
		command{path: "meeting prep", args: "M-4", about: "what to go over: the agenda and the client's brief as it stands now", run: meetingPrep},
		command{path: "meeting done", args: `M-4 --notes "…"`, about: "record that a meeting was held, and what was said", run: meetingDone},
		command{path: "meeting cancel", args: `M-4 --reason "…"`, about: "call a meeting off, saying why; its record stays on the timeline", run: meetingCancel},
		command{path: "meeting list", about: "meetings not yet held, soonest first, with the confirmation calls due", run: meetingList},
	)
}

func meetingPlan(c *call) error {
	kind := c.fs.String("kind", "", "first or roadmap")
	at := c.fs.String("at", "", `when, like "2026-12-03 10:00" or "tomorrow 9:00"`)
	invited := c.fs.String("invited-at", "", "when the invitation went, if not now")
	var agenda names
	c.fs.Var(&agenda, "agenda", "an item of the agenda; give it again for another")
	if err := c.parseAny(1); err != nil {
		return err
	}
	if len(c.args) == 0 {
		return usageError{msg: "name the client: " + c.cmd.args}
	}
	if err := required(map[string]*string{"kind": kind, "at": at}); err != nil {
		return err
	}
	now, loc := c.env.Door.Now(), c.env.Door.Location()
	var bad model.Invalid
	m := model.Meeting{Agenda: agenda}
	var err error
	m.Kind, err = model.ParseMeetingKind(*kind)
	bad.Add("kind", err)
	m.At, err = model.ParseWhen("at", *at, now, loc)
	bad.Add("at", err)
	if *invited != "" {
		m.InvitedAt, err = model.ParsePast("invited-at", *invited, now, loc)
		bad.Add("invited-at", err)
	}
	if err := bad.Err(); err != nil {
		return err
	}
	cl, err := c.env.Door.FindClient(c.ctx, c.actor(), strings.Join(c.args, " "))
	if err != nil {
		return err
	}
	m.ClientID = cl.ID
	if m, err = c.env.Door.PlanMeeting(c.ctx, c.actor(), m); err != nil {
		return err
	}
	p, _, _ := c.env.Door.Policy(c.ctx, c.actor())
	from, _ := model.ConfirmationDue(p, loc, m)
	return c.print(meetingOut(m), func(w io.Writer) {
		fmt.Fprintf(w, "%s: %s meeting with %s on %s; call to confirm from %s\n", m.Ref(), m.Kind, model.CleanLine(m.Client),
			c.local(m.At), from.In(loc).Format("Mon 2 Jan"))
	})
}

func meetingOut(m model.Meeting) map[string]any {
	return map[string]any{"id": m.Ref(), "client": m.Client, "kind": string(m.Kind), "at": rfc3339(m.At), "agenda": m.Agenda,
		"invited_at": rfc3339(m.InvitedAt), "confirmed_at": rfc3339(m.ConfirmedAt), "done_at": rfc3339(m.DoneAt), "notes": m.Notes,
		"cancelled_at": rfc3339(m.CancelledAt), "cancel_reason": m.CancelReason}
}

func (c *call) meetingID() (int64, error) {
	if err := c.parse(1); err != nil {
		return 0, err
	}
	return model.ParseID(model.PrefixMeeting, c.args[0])
}

func meetingConfirm(c *call) error {
	note := c.fs.String("note", "", "what was said on the call")
	id, err := c.meetingID()
	if err != nil {
		return err
	}
	m, err := c.env.Door.ConfirmMeeting(c.ctx, c.actor(), id, *note)
	if err != nil {
		return err
	}
	return c.print(meetingOut(m), func(w io.Writer) { fmt.Fprintf(w, "%s confirmed for %s\n", m.Ref(), c.local(m.At)) })
}

func meetingDone(c *call) error {
	notes := c.fs.String("notes", "", "what was said and agreed")
	id, err := c.meetingID()
	if err != nil {
		return err
	}
	m, err := c.env.Door.MeetingDone(c.ctx, c.actor(), id, *notes)
	if err != nil {
		return err
	}
	return c.print(meetingOut(m), func(w io.Writer) { fmt.Fprintf(w, "%s held: on %s's timeline\n", m.Ref(), model.CleanLine(m.Client)) })
}

func meetingCancel(c *call) error {
	reason := c.fs.String("reason", "", "why it is called off")
	id, err := c.meetingID()
	if err != nil {
		return err
	}
	m, err := c.env.Door.CancelMeeting(c.ctx, c.actor(), id, *reason)
	if err != nil {
		return err
	}
	return c.print(meetingOut(m), func(w io.Writer) {
		fmt.Fprintf(w, "%s called off: %s\n", m.Ref(), model.CleanLine(m.CancelReason))
	})
}

func meetingPrep(c *call) error {
	id, err := c.meetingID()
	if err != nil {
		return err
	}
	p, err := c.env.Door.PrepMeeting(c.ctx, c.actor(), id)
	if err != nil {
		return err
	}
	out := meetingOut(p.Meeting)
	var brief []briefJSON
	for _, s := range p.Brief {
		brief = append(brief, briefJSON{Title: s.Title, Items: s.Items})
	}
	out["brief"] = brief
	return c.print(out, func(w io.Writer) {
		m := p.Meeting
		fmt.Fprintf(w, "%s — %s meeting with %s, %s\n\nAGENDA\n", m.Ref(), m.Kind, model.CleanLine(m.Client), c.local(m.At))
		for _, a := range m.Agenda {
			fmt.Fprintf(w, "  [ ] %s\n", model.CleanLine(a))
		}
		for _, s := range p.Brief {
			fmt.Fprintf(w, "\n%s\n", strings.ToUpper(s.Title))
			for _, it := range s.Items {
				fmt.Fprintf(w, "  [ ] %s\n", model.CleanLine(it))
			}
		}
	})
}

func meetingList(c *call) error {
	if err := c.parse(0); err != nil {
		return err
	}
	list, err := c.env.Door.OpenMeetings(c.ctx, c.actor())
	if err != nil {
		return err
	}
	p, _, _ := c.env.Door.Policy(c.ctx, c.actor())
	now, loc := c.env.Door.Now(), c.env.Door.Location()
	out := []map[string]any{}
	var rows [][]string
	for _, m := range list {
		out = append(out, meetingOut(m))
		call := "confirmed"
		if m.ConfirmedAt.IsZero() {
			from, overdue := model.ConfirmationDue(p, loc, m)
			switch {
			case now.After(overdue):
				call = "CALL TO CONFIRM, overdue"
			case !now.Before(from):
				call = "call to confirm, due"
			default:
				call = "call from " + from.In(loc).Format("Mon 2 Jan")
			}
		}
		rows = append(rows, []string{m.Ref(), c.local(m.At), string(m.Kind), m.Client, call})
	}
	return c.print(out, func(w io.Writer) {
		if len(rows) == 0 {
			fmt.Fprintln(w, "no meetings planned")
			return
		}
		table(w, "", []string{"ID", "WHEN", "KIND", "CLIENT", "CONFIRMATION"}, rows)
	})
}
