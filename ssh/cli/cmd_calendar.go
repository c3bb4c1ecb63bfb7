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
		command{path: "calendar", args: "[--tech NAME] [--days 14]", about: "a technician's visits to come as an .ics file, for a calendar to import (yours, for a technician)", run: calendarShow},
		command{path: "user calendar-token", args: "NAME [--rotate]", about: "the secret address a phone's calendar subscribes to; --rotate makes a new one and ends the old (yours, or anyone's for managers and admins)", run: userCalendarToken},
		command{path: "user email", args: "NAME ADDRESS|none", about: "where someone's calendar invitations go (yours, or anyone's for managers and admins)", run: userEmail},
	)
}

// maxCalendarDays bounds a printed calendar: two years, as the feed holds.
const maxCalendarDays = 731

func calendarShow(c *call) error {
	tech := c.fs.String("tech", "", "whose visits (a technician's own by default)")
	days := c.fs.Int("days", 14, fmt.Sprintf("how many days from today, 1 to %d", maxCalendarDays))
	if err := c.parse(0); err != nil {
		return err
	}
	if *days < 1 || *days > maxCalendarDays {
		return usageError{msg: fmt.Sprintf("--days is %d; give 1 to %d days", *days, maxCalendarDays)}
	}
	if c.json {
		return usageError{msg: "calendar prints an iCalendar (.ics) file, which has no JSON form"}
	}
	name := strings.TrimSpace(*tech)
	if name == "" {
		if c.env.User.Role != model.RoleTech {
			return usageError{msg: "name the technician with --tech NAME (the board lists them)"}
		}
		name = c.env.User.Name
	}
	from := model.StartOfDay(c.env.Door.Now(), c.env.Door.Location())
	ics, err := c.env.Door.TechCalendar(c.ctx, c.actor(), name, from, from.AddDate(0, 0, *days))
	if err != nil {
		return err
	}
	_, err = io.WriteString(c.env.Out, ics)
	return err
}

func userCalendarToken(c *call) error {
	rotate := c.fs.Bool("rotate", false, "make a new secret; the old address stops working at once")
	if err := c.parseAny(1); err != nil {
		return err
	}
	name := strings.Join(c.args, " ")
	if name == "" {
		return usageError{msg: "name the user: " + c.cmd.args}
	}
	token, since, err := c.env.Door.CalendarToken(c.ctx, c.actor(), name, *rotate)
	if err != nil {
		return err
	}
	url := ""
	if token != "" {
		if url, err = c.env.Door.CalendarURL(c.ctx, token); err != nil {
			return err
		}
	}
	out := map[string]any{"name": name, "since": rfc3339(since), "token": token, "url": url}
	return c.print(out, func(w io.Writer) {
		switch {
		case token == "":
			fmt.Fprintf(w, "%s has had a calendar address since %s; only its digest is kept, so it cannot be shown again.\n"+
				"To get a new one (the old stops working): user calendar-token %s --rotate\n",
				model.CleanLine(name), since.In(c.env.Door.Location()).Format("Mon 2 Jan 2006 15:04"), model.CleanLine(name))
		case url == "":
			fmt.Fprintf(w, "calendar secret for %s: %s\nThe feed is not served yet: start the server with --calendar-listen ADDR; "+
				"the address is then http://HOST:PORT%sSECRET.ics. Keep the secret private; it is shown only this once.\n", model.CleanLine(name), token, door.CalendarPath)
		default:
			fmt.Fprintf(w, "Subscribe to this address in %s's phone calendar (it refreshes every hour):\n  %s\n"+
				"Keep it private; it is shown only this once. If it is lost or leaked: user calendar-token %s --rotate\n",
				model.CleanLine(name), url, model.CleanLine(name))
		}
	})
}

func userEmail(c *call) error {
	name, address, err := c.nameAndLast("address (or none)")
	if err != nil {
		return err
	}
	if strings.EqualFold(address, "none") {
		address = ""
	}
	u, err := c.env.Door.SetUserEmail(c.ctx, c.actor(), name, address)
	if err != nil {
		return err
	}
	return c.print(map[string]any{"name": u.Name, "email": u.Email}, func(w io.Writer) {
		if u.Email == "" {
			fmt.Fprintf(w, "%s gets no calendar invitations by email\n", model.CleanLine(u.Name))
			return
		}
		fmt.Fprintf(w, "%s's calendar invitations go to %s\n", model.CleanLine(u.Name), model.CleanLine(u.Email))
	})
}
