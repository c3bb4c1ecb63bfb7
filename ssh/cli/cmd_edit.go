package cli

import (
	"strconv"
	"strings"

	"dispatch/model"
)

func init() {
	register(command{path: "ticket edit", args: "T-12 [--client C] [--contact NAME] [--site NAME] [--priority P2] [--title T] [--scope S] [--estimate 2h] [--if-version N]",
		about: "change what a ticket says; --if-version refuses it if the ticket changed since you read it", run: ticketEdit})
}

// ticketEdit changes the fields given and keeps the rest. Without
// --if-version the edit is made from the version it reads now; a script
// that read the ticket earlier passes the version it read, and is told if
// someone changed it since.
func ticketEdit(c *call) error {
	title := c.fs.String("title", "", "the job in a few words")
	scope := c.fs.String("scope", "", "the defined job and how we know it is done")
	estimate := c.fs.String("estimate", "", "hours like 2h or 45m, or a fixed quote like $450")
	client := c.fs.String("client", "", "another client, while no visit has been recorded")
	contact := c.fs.String("contact", "", "the requester: one of the client's contacts")
	site := c.fs.String("site", "", "where the work happens: one of the client's sites")
	priority := c.fs.String("priority", "", "P1 (emergency) to P4 (can wait)")
	ifVersion := c.fs.String("if-version", "", "the version you read (ticket show --json): refuse if it has changed")
	if err := c.parse(1); err != nil {
		return err
	}
	who := model.ActorOf(c.env.User)
	if err := who.Role.Check(model.ActEditTicket); err != nil {
		return err
	}
	id, err := model.ParseID(model.PrefixTicket, c.args[0])
	if err != nil {
		return err
	}
	if *title == "" && *scope == "" && *estimate == "" && *client == "" && *contact == "" && *site == "" && *priority == "" {
		return usageError{"give at least one of --client, --contact, --site, --priority, --title, --scope, --estimate"}
	}
	card, err := c.env.Door.Ticket(c.ctx, who, id)
	if err != nil {
		return err
	}
	edit := model.EditOf(card.Ticket)
	var inv model.Invalid
	if *ifVersion != "" {
		v, err := strconv.ParseInt(strings.TrimSpace(*ifVersion), 10, 64)
		if err != nil || v < 1 {
			inv.Add("if-version", model.FieldError{Field: "if-version", Msg: "is not a version; give the number ticket show --json printed, like 3"})
		}
		edit.Version = v
	}
	if *title != "" {
		edit.Title = *title
	}
	if *scope != "" {
		edit.Scope = *scope
	}
	if *estimate != "" {
		edit.Estimate, err = model.ParseEstimate(*estimate)
		inv.Add("estimate", err)
	}
	if *priority != "" {
		edit.Priority, err = model.ParsePriority(*priority)
		inv.Add("priority", err)
	}
	if *client != "" {
		cl, err := c.env.Door.FindClient(c.ctx, who, *client)
		inv.Add("client", err)
		edit.ClientID = cl.ID
	}
	if *contact != "" {
		ct, err := c.env.Door.FindContact(c.ctx, who, edit.ClientID, *contact)
		inv.Add("contact", err)
		edit.ContactID = ct.ID
	}
	if *site != "" {
		st, err := c.env.Door.FindSite(c.ctx, who, edit.ClientID, *site)
		inv.Add("site", err)
		edit.SiteID = st.ID
	}
	if err := inv.Err(); err != nil {
		return err
	}
	if _, err := c.env.Door.EditTicket(c.ctx, who, id, edit); err != nil {
		return err
	}
	return c.showTicket(id, "edited ")
}
