package cli

import (
	"fmt"
	"io"

	"dispatch/model"
)

func init() {
	register(
		command{path: "whoami", about: "who you are signed in as", run: whoami},
		command{path: "board", about: "the dispatch board", run: board},
	)
}

func whoami(c *call) error {
	if err := c.parse(0); err != nil {
		return err
	}
	u := c.env.User
	return c.print(map[string]any{"name": u.Name, "role": u.Role, "key": c.env.Fingerprint, "email": u.Email}, func(w io.Writer) {
		fmt.Fprintf(w, "%s (%s), signed in with %s\n", model.CleanLine(u.Name), u.Role, c.env.Fingerprint)
		if u.Email != "" {
			fmt.Fprintf(w, "calendar invitations go to %s\n", model.CleanLine(u.Email))
		} else if u.Role == model.RoleTech {
			fmt.Fprintf(w, "no calendar invitations by email: set an address with user email %q ADDRESS\n", model.CleanLine(u.Name))
		}
	})
}

func board(c *call) error {
	if err := c.parse(0); err != nil {
		return err
	}
	b, err := c.env.Door.Board(c.ctx, model.ActorOf(c.env.User))
	if err != nil {
		return err
	}
	return c.print(toBoard(b), func(w io.Writer) {
		for i, s := range model.Sections {
			if i > 0 {
				fmt.Fprintln(w)
			}
			fmt.Fprintf(w, "%s (%d)\n", s, b.Count(s))
			var rows [][]string
			for _, r := range b.Rows[s] {
				when := ""
				if r.Visit != nil {
					when = c.local(r.Visit.ScheduledAt)
				}
				state := string(r.Phase)
				switch {
				case r.Late:
					state = "late to start"
				case r.Section == model.SecUnscheduled && r.HasClock:
					state = r.Clock.Describe(c.env.Door.Now(), c.env.Door.Location())
				case r.Section == model.SecNeedsVisit:
					state = "left: " + r.FollowUp
				}
				rows = append(rows, []string{r.Ticket.Ref(), r.Client, r.Ticket.Title, r.Ticket.Priority.String(), r.Tech, when, state, model.FormatAge(r.Age)})
			}
			if len(rows) > 0 {
				table(w, "  ", []string{"TICKET", "CLIENT", "TITLE", "PRI", "TECH", "SCHEDULED", "STATE", "AGE"}, rows)
			}
		}
	})
}
