package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"dispatch/model"
	"dispatch/model/door"
)

func init() {
	register(
		command{path: "visit move", args: `V-12 [--at "tomorrow 9:00"] [--tech NAME] [--reason "…"] [--anyway]`,
			about: "book a visit that has not started at another time, with another technician, or both", run: visitMove},
		command{path: "visit cancel", args: `V-12 --reason "…"`, about: "take a visit that has not started off the schedule", run: visitCancel},
		command{path: "ticket cancel", args: `T-12 (--reason "client withdrew" | --duplicate-of T-9)`,
			about: "withdraw a ticket nobody has worked on: off every list and clock", run: ticketCancel},
		command{path: "ticket reopen", args: `T-12 --reason "…"`, about: "open a done or cancelled ticket again; its clock runs on from where it stopped", run: ticketReopen},
	)
}

func visitMove(c *call) error {
	at := c.fs.String("at", "", `the new start, in office time: "2026-11-25 14:00", "14:00" (today) or "tomorrow 9:00"`)
	tech := c.fs.String("tech", "", "the technician who goes instead")
	reason := c.fs.String("reason", "", "why, for the log (optional)")
	anyway := c.fs.Bool("anyway", false, "book it over the technician's other visits, knowingly")
	if err := c.parse(1); err != nil {
		return err
	}
	who := c.actor()
	if err := who.Role.Check(model.ActScheduleVisit); err != nil {
		return err
	}
	if strings.TrimSpace(*at) == "" && strings.TrimSpace(*tech) == "" {
		return usageError{msg: "say what changes: --at for another start, --tech for another technician, or both"}
	}
	id, err := model.ParseID(model.PrefixVisit, c.args[0])
	if err != nil {
		return err
	}
	m := model.Move{Reason: *reason, Anyway: *anyway}
	if strings.TrimSpace(*at) != "" {
		if m.At, err = model.ParseWhen("at", *at, c.env.Door.Now(), c.env.Door.Location()); err != nil {
			return err
		}
	}
	if strings.TrimSpace(*tech) != "" {
		u, err := c.env.Door.FindTech(c.ctx, who, *tech)
		if err != nil {
			return err
		}
		m.TechID = u.ID
	}
	v, err := c.env.Door.MoveVisit(c.ctx, who, id, m)
	if err != nil {
		return withAnyway(err)
	}
	return c.print(toVisit(v, c.env.Door.Now()), func(w io.Writer) {
		fmt.Fprintf(w, "moved %s: %s for %s at %s\n", v.Ref(), model.CleanLine(v.TechName),
			model.FormatID(model.PrefixTicket, v.TicketID), c.local(v.ScheduledAt))
	})
}

func visitCancel(c *call) error {
	reason := c.fs.String("reason", "", "why it is cancelled (kept in the ticket's log)")
	if err := c.parse(1); err != nil {
		return err
	}
	who := c.actor()
	if err := who.Role.Check(model.ActScheduleVisit); err != nil {
		return err
	}
	if err := required(map[string]*string{"reason": reason}); err != nil {
		return err
	}
	id, err := model.ParseID(model.PrefixVisit, c.args[0])
	if err != nil {
		return err
	}
	v, err := c.env.Door.CancelVisit(c.ctx, who, id, *reason)
	if err != nil {
		return err
	}
	return c.print(toVisit(v, c.env.Door.Now()), func(w io.Writer) {
		fmt.Fprintf(w, "cancelled %s (%s, %s at %s): it stays in %s's log\n", v.Ref(), model.CleanLine(v.TechName),
			model.FormatID(model.PrefixTicket, v.TicketID), c.local(v.ScheduledAt), model.FormatID(model.PrefixTicket, v.TicketID))
	})
}

func ticketCancel(c *call) error {
	reason := c.fs.String("reason", "", "why it is withdrawn (kept on the record)")
	dup := c.fs.String("duplicate-of", "", "the ticket this one repeats, like T-9")
	if err := c.parse(1); err != nil {
		return err
	}
	who := c.actor()
	if err := who.Role.Check(model.ActTrackTicket); err != nil {
		return err
	}
	if strings.TrimSpace(*reason) == "" && strings.TrimSpace(*dup) == "" {
		return usageError{msg: `say why: --reason "client withdrew", or --duplicate-of T-9`}
	}
	id, err := model.ParseID(model.PrefixTicket, c.args[0])
	if err != nil {
		return err
	}
	in := door.Track{Kind: model.TkCancelled, Note: *reason}
	if strings.TrimSpace(*dup) != "" {
		if in.DuplicateOf, err = model.ParseID(model.PrefixTicket, *dup); err != nil {
			return err
		}
	}
	if _, err := c.env.Door.TrackTicket(c.ctx, who, id, in); err != nil {
		return err
	}
	return c.showTicket(id, "")
}

func ticketReopen(c *call) error {
	reason := c.fs.String("reason", "", "why it is open again (kept on the record)")
	if err := c.parse(1); err != nil {
		return err
	}
	who := c.actor()
	if err := who.Role.Check(model.ActTrackTicket); err != nil {
		return err
	}
	if err := required(map[string]*string{"reason": reason}); err != nil {
		return err
	}
	id, err := model.ParseID(model.PrefixTicket, c.args[0])
	if err != nil {
		return err
	}
	if _, err := c.env.Door.TrackTicket(c.ctx, who, id, door.Track{Kind: model.TkReopened, Note: *reason}); err != nil {
		return err
	}
	return c.showTicket(id, "")
}

// withAnyway says how to book over a clash on the command line.
func withAnyway(err error) error {
	var warning model.Confirmable
	if errors.As(err, &warning) {
		return fmt.Errorf("%w (--anyway)", err)
	}
	return err
}
