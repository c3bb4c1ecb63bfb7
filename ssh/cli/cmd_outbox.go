package cli

import (
	"fmt"
	"io"
	"strings"

	"dispatch/model"
)

func init() {
	register(
		command{path: "client notify", args: "CLIENT [--send booked,travel,arrived,add-on,overrun,departed,invoice|all] [--to authorised,backup,requester] [--mute|--unmute]",
			about: "what a client hears of as it happens, and who hears it; with no flags, says", run: clientNotify},
		command{path: "outbox list", args: "[--state queued|sent|failed|cancelled]", about: "letters to clients, newest first", run: outboxList},
		command{path: "outbox show", args: "O-12", about: "one letter as it is sent, with what became of it", run: outboxShow},
		command{path: "outbox retry", args: "O-12", about: "try a failed or cancelled letter again, now", run: outboxRetry},
		command{path: "outbox cancel", args: "O-12", about: "stop a letter not yet sent", run: outboxCancel},
	)
}

func clientNotify(c *call) error {
	send := c.fs.String("send", "", "the steps told, comma-separated: booked (with moves and cancellations), travel, arrived, add-on, overrun, departed, invoice; or all")
	to := c.fs.String("to", "", "who is told, comma-separated: authorised, backup, requester")
	mute := c.fs.Bool("mute", false, "tell this client nothing")
	unmute := c.fs.Bool("unmute", false, "tell this client again, as chosen")
	if err := c.parseAny(1); err != nil {
		return err
	}
	if len(c.args) == 0 {
		return usageError{msg: "name the client: " + c.cmd.args}
	}
	if *mute && *unmute {
		return usageError{msg: "--mute and --unmute are each other's opposite: give one"}
	}
	var bad model.Invalid
	var kinds []model.MessageKind
	var whom []model.Audience
	var err error
	if *send != "" {
		kinds, err = model.ParseMessageKinds(*send)
		bad.Add("send", err)
	}
	if *to != "" {
		whom, err = model.ParseAudiences(*to)
		bad.Add("to", err)
	}
	if err := bad.Err(); err != nil {
		return usageError{msg: err.Error()}
	}
	cl, err := c.env.Door.FindClient(c.ctx, c.actor(), strings.Join(c.args, " "))
	if err != nil {
		return err
	}
	var p model.NotifyPolicy
	if *send == "" && *to == "" && !*mute && !*unmute {
		p, err = c.env.Door.ClientNotify(c.ctx, c.actor(), cl.ID)
	} else {
		p, err = c.env.Door.SetClientNotify(c.ctx, c.actor(), cl.ID, func(p *model.NotifyPolicy) {
			if kinds != nil {
				p.Send = kinds
			}
			if whom != nil {
				p.To = whom
			}
			p.Muted = *mute || p.Muted && !*unmute
		})
	}
	if err != nil {
		return err
	}
	contacts, err := c.env.Door.ContactsOf(c.ctx, c.actor(), cl.ID)
	if err != nil {
		return err
	}
	reach, reaches := p.Reach(contacts)
	return c.print(map[string]any{"client": cl.Name, "send": p.Send, "to": p.To, "muted": p.Muted, "reaches_someone": reaches}, func(w io.Writer) {
		fmt.Fprintf(w, "%s: %s\n", model.CleanLine(cl.Name), p.Describe())
		if reach != "" {
			fmt.Fprintln(w, reach)
		}
	})
}

func outboxOut(o model.OutboxLetter) map[string]any {
	return map[string]any{"id": o.Ref(), "key": o.Key, "kind": string(o.Kind), "to": o.To.Email, "to_name": o.To.Name, "subject": o.Subject,
		"state": string(o.State), "attempts": o.Attempts, "last_error": o.LastError, "message_id": o.MessageID,
		"created_at": rfc3339(o.CreatedAt), "sent_at": rfc3339(o.SentAt), "next_try_at": rfc3339(o.NextAt)}
}

func outboxList(c *call) error {
	state := c.fs.String("state", "", "queued, sent, failed or cancelled (every state when not given)")
	if err := c.parse(0); err != nil {
		return err
	}
	switch model.OutboxState(*state) {
	case "", model.OutboxQueued, model.OutboxSent, model.OutboxFailed, model.OutboxCancelled:
	default:
		return usageError{msg: fmt.Sprintf("--state %q is not a state of a letter; use queued, sent, failed or cancelled", model.CleanLine(*state))}
	}
	list, err := c.env.Door.Outbox(c.ctx, c.actor(), model.OutboxState(*state), 200)
	if err != nil {
		return err
	}
	var out []map[string]any
	var rows [][]string
	for _, o := range list {
		out = append(out, outboxOut(o))
		rows = append(rows, []string{o.Ref(), c.local(o.CreatedAt), string(o.State), o.To.Email, o.Subject})
	}
	return c.print(out, func(w io.Writer) {
		if len(rows) == 0 && *state != "" {
			fmt.Fprintf(w, "no letter is %s\n", *state)
		} else if len(rows) == 0 {
			fmt.Fprintln(w, "the outbox is empty")
		} else {
			table(w, "", []string{"ID", "WRITTEN", "STATE", "TO", "SUBJECT"}, rows)
		}
		fmt.Fprintln(w, model.MailStatus(c.env.Door.MailServer(c.ctx)))
	})
}

func (c *call) letterID() (int64, error) {
	if err := c.parse(1); err != nil {
		return 0, err
	}
	return model.ParseID(model.PrefixOutbox, c.args[0])
}

func outboxShow(c *call) error {
	id, err := c.letterID()
	if err != nil {
		return err
	}
	o, err := c.env.Door.Letter(c.ctx, c.actor(), id)
	if err != nil {
		return err
	}
	out := outboxOut(o)
	out["text"], out["ics"], out["html"] = o.Text, o.ICS, o.HTML
	return c.print(out, func(w io.Writer) {
		fmt.Fprintf(w, "%s · %s · %s", o.Ref(), o.State, o.Tries())
		if o.State == model.OutboxQueued && o.Attempts > 0 {
			fmt.Fprintf(w, " · next try %s", c.local(o.NextAt))
		}
		if said := o.Said(); said != "" {
			fmt.Fprintf(w, " · %s", model.CleanLine(said))
		}
		fmt.Fprintf(w, "\nTo: %s <%s>\nSubject: %s\nMessage-ID: %s\n\n", model.CleanLine(o.To.Name), model.CleanLine(o.To.Email),
			model.CleanLine(o.Subject), o.MessageID)
		for _, l := range strings.Split(o.Text, "\n") {
			fmt.Fprintln(w, model.CleanLine(l))
		}
		for _, extra := range model.LetterExtras(o) {
			fmt.Fprintln(w, extra)
		}
	})
}

func outboxRetry(c *call) error {
	id, err := c.letterID()
	if err != nil {
		return err
	}
	o, err := c.env.Door.RetryLetter(c.ctx, c.actor(), id)
	if err != nil {
		return err
	}
	server := c.env.Door.MailServer(c.ctx)
	return c.print(outboxOut(o), func(w io.Writer) {
		if server == "" {
			fmt.Fprintf(w, "%s is queued; it goes once the server runs with --smtp\n", o.Ref())
			return
		}
		fmt.Fprintf(w, "%s is queued, to be tried now, to %s\n", o.Ref(), model.CleanLine(o.To.Email))
	})
}

func outboxCancel(c *call) error {
	id, err := c.letterID()
	if err != nil {
		return err
	}
	o, err := c.env.Door.CancelLetter(c.ctx, c.actor(), id)
	if err != nil {
		return err
	}
	return c.print(outboxOut(o), func(w io.Writer) { fmt.Fprintf(w, "%s is cancelled: it will not be sent\n", o.Ref()) })
}
