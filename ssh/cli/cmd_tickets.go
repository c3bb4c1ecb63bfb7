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
		command{path: "ticket new", args: "--client C --contact NAME --title T --scope S --priority P2 --estimate 2h", about: "open a ticket", run: ticketNew},
		command{path: "ticket show", args: "T-12", about: "a ticket in full, with its visits", run: ticketShow},
		command{path: "visit schedule", args: `T-12 --tech NAME --at "2026-11-25 14:00" [--past] [--anyway]`, about: "book a technician for a ticket; --past enters a visit that already happened", run: visitSchedule},
	)
}

func ticketNew(c *call) error {
	client := c.fs.String("client", "", "the client, by name or id (C-12)")
	contact := c.fs.String("contact", "", "who asked for the work: one of the client's contacts")
	site := c.fs.String("site", "", "where the work happens (may be left out when the client has one site)")
	title := c.fs.String("title", "", "the job in a few words")
	scope := c.fs.String("scope", "", "the defined job and how we know it is done")
	priority := c.fs.String("priority", "", "P1 (emergency) to P4 (can wait)")
	estimate := c.fs.String("estimate", "", "hours like 2h or 45m, or a fixed quote like $450")
	at := c.fs.String("at", "", `when the client asked, if earlier: "20m ago", "09:15"; the clocks start then`)
	if err := c.parse(0); err != nil {
		return err
	}
	who := model.ActorOf(c.env.User)
	if err := who.Role.Check(model.ActCreateTicket); err != nil {
		return err
	}
	if err := required(map[string]*string{"client": client, "contact": contact, "title": title, "scope": scope,
		"priority": priority, "estimate": estimate}); err != nil {
		return err
	}
	in := door.NewTicket{Title: *title, Scope: *scope}
	var inv model.Invalid
	var err error
	in.Priority, err = model.ParsePriority(*priority)
	inv.Add("priority", err)
	in.Estimate, err = model.ParseEstimate(*estimate)
	inv.Add("estimate", err)
	if strings.TrimSpace(*at) != "" {
		in.OpenedAt, err = model.ParsePast("at", *at, c.env.Door.Now(), c.env.Door.Location())
		inv.Add("at", err)
	}
	cl, err := c.env.Door.FindClient(c.ctx, who, *client)
	if err != nil {
		inv.Add("client", err)
	} else {
		in.ClientID = cl.ID
		ct, err := c.env.Door.FindContact(c.ctx, who, cl.ID, *contact)
		inv.Add("contact", err)
		in.ContactID = ct.ID
		s, err := c.env.Door.FindSite(c.ctx, who, cl.ID, *site)
		inv.Add("site", err)
		in.SiteID = s.ID
	}
	if err := inv.Err(); err != nil {
		return err
	}
	t, err := c.env.Door.CreateTicket(c.ctx, who, in)
	if err != nil {
		return err
	}
	return c.showTicket(t.ID, "opened ")
}

func ticketShow(c *call) error {
	if err := c.parse(1); err != nil {
		return err
	}
	id, err := model.ParseID(model.PrefixTicket, c.args[0])
	if err != nil {
		return err
	}
	return c.showTicket(id, "")
}

func (c *call) showTicket(id int64, verb string) error {
	card, err := c.env.Door.Ticket(c.ctx, model.ActorOf(c.env.User), id)
	if err != nil {
		return err
	}
	return c.print(toTicket(card, c.env.Door.Now()), func(w io.Writer) {
		first := ""
		if card.FirstJob {
			first = " · first job: invoice no more than the quote"
		}
		fmt.Fprintf(w, "%s%s  %s\n", verb, card.Ref(), model.CleanLine(card.Title))
		field(w, "client", card.Client.Name)
		field(w, "requester", requesterText(card))
		if r := card.MadeFrom; r != nil {
			field(w, "made from", fmt.Sprintf("%s on %s, asked by %s during %s", r.Ref(), model.FormatID(model.PrefixTicket, r.TicketID),
				r.AskedBy, model.FormatID(model.PrefixVisit, r.VisitID)))
		}
		field(w, "site", card.Site.Name+", "+card.Site.Address)
		field(w, "priority", card.Priority.String())
		field(w, "estimate", card.Estimate.String()+first)
		field(w, "status", string(card.Status))
		field(w, "opened", c.local(card.CreatedAt)+" by "+card.CreatedBy)
		if a := card.Authorisation; a != nil {
			how := "by phone"
			if a.VisitID != 0 {
				how = "at check-in on " + model.FormatID(model.PrefixVisit, a.VisitID)
			}
			field(w, "terms", fmt.Sprintf("accepted by %s, %s, %s", a.ContactName, c.local(a.At), how))
		} else if card.Status != model.TicketCancelled {
			field(w, "terms", "not yet accepted (ticket authorise, or --authorised on arrival)")
		}
		for _, p := range card.Parts {
			price := ""
			if p.Price > 0 {
				price = " at " + p.Price.String()
			}
			field(w, "part", fmt.Sprintf("%s %s × %d%s, approved by %s", p.Ref(), p.Description, p.Qty, price, p.ApprovedBy))
		}
		if card.AfterHours {
			field(w, "sla", "an after-hours emergency")
		}
		field(w, "response", c.clockText(card.Response))
		field(w, "resolution", c.clockText(card.Resolution))
		for _, e := range card.Events {
			field(w, e.Kind.Label(), c.local(e.At)+" by "+e.By+" "+ticketEventText(e))
		}
		fmt.Fprintln(w, "scope:")
		for _, line := range strings.Split(model.CleanText(card.Scope), "\n") {
			fmt.Fprintf(w, "  %s\n", model.CleanLine(line))
		}
		if len(card.Visits) == 0 {
			fmt.Fprintln(w, "visits:     none yet")
			return
		}
		fmt.Fprintln(w, "visits:")
		for _, v := range card.Visits {
			fmt.Fprintf(w, "  %s  %s  %s  %s\n", v.Ref(), c.local(v.ScheduledAt), model.CleanLine(v.TechName), v.Phase())
		}
	})
}

func visitSchedule(c *call) error {
	tech := c.fs.String("tech", "", "the technician who goes")
	at := c.fs.String("at", "", `start, in office time: "2026-11-25 14:00", "14:00" (today) or "tomorrow 9:00"`)
	past := c.fs.Bool("past", false, "the visit already happened: enter its steps next, at their real times, with --at")
	anyway := c.fs.Bool("anyway", false, "book it over the technician's other visits, knowingly")
	if err := c.parse(1); err != nil {
		return err
	}
	who := model.ActorOf(c.env.User)
	if err := who.Role.Check(model.ActScheduleVisit); err != nil {
		return err
	}
	if err := required(map[string]*string{"tech": tech, "at": at}); err != nil {
		return err
	}
	id, err := model.ParseID(model.PrefixTicket, c.args[0])
	if err != nil {
		return err
	}
	if _, err := c.env.Door.Ticket(c.ctx, who, id); err != nil { // the ticket first: it is what the line is about
		return err
	}
	read := model.ParseWhen
	if *past {
		read = model.ParsePast // "yesterday 17:30", "3h ago" read as what they say
	}
	when, err := read("at", *at, c.env.Door.Now(), c.env.Door.Location())
	if err != nil {
		return err
	}
	u, err := c.env.Door.FindTech(c.ctx, who, *tech)
	if err != nil {
		return err
	}
	v, err := c.env.Door.Book(c.ctx, who, door.Booking{TicketID: id, TechID: u.ID, At: when, AfterTheFact: *past, Anyway: *anyway})
	if err != nil {
		return withAnyway(err)
	}
	return c.print(toVisit(v, c.env.Door.Now()), func(w io.Writer) {
		if *past {
			fmt.Fprintf(w, "entered %s after the fact: %s for %s from %s; now record its steps with --at, in order\n", v.Ref(),
				model.CleanLine(v.TechName), model.FormatID(model.PrefixTicket, v.TicketID), c.local(v.ScheduledAt))
			return
		}
		fmt.Fprintf(w, "scheduled %s: %s for %s at %s\n", v.Ref(), model.CleanLine(v.TechName),
			model.FormatID(model.PrefixTicket, v.TicketID), c.local(v.ScheduledAt))
	})
}

// requesterText is who asked: the contact, or whoever asked on site with
// the contact the office reaches about it.
func requesterText(card door.TicketCard) string {
	contact := card.Contact.Name + " (" + string(card.Contact.Role) + ")"
	if card.RequestedBy != "" {
		return card.RequestedBy + ", not a contact; reach " + contact
	}
	return contact
}
