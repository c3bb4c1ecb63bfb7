package form

import (
	"dispatch/model"
	"dispatch/model/door"
)

// Parties chooses who a ticket is for: the client, the requester and the
// site, the last two narrowed to the client's own. The new-ticket form and
// the edit form share it.
type Parties struct {
	Client, Contact, Site *Picker
	clients               []door.ClientCard
}

// NewParties starts with nothing chosen.
func NewParties() *Parties {
	return &Parties{Client: NewPicker("type to find the client"), Contact: NewPicker("who asked for the work"),
		Site: NewPicker("where the work happens")}
}

// Choose starts from a ticket's own client, requester and site.
func (p *Parties) Choose(t model.Ticket) {
	p.Client.Choose(t.ClientID)
	p.Contact.Choose(t.ContactID)
	p.Site.Choose(t.SiteID)
}

// Load takes the clients as read now, keeping every choice that still
// stands.
func (p *Parties) Load(clients []door.ClientCard) {
	p.clients = clients
	var opts []Option
	for _, c := range clients {
		hint := c.Terms.String()
		if c.Managed {
			hint += " · managed"
		}
		opts = append(opts, Option{ID: c.ID, Label: c.Name, Hint: hint})
	}
	p.Client.SetOptions(opts)
	p.ClientChanged()
}

// ClientChanged narrows requester and site to the chosen client's own.
func (p *Parties) ClientChanged() {
	var contacts, sites []Option
	for _, c := range p.clients {
		if c.ID != p.Client.Chosen() {
			continue
		}
		for _, ct := range c.Contacts {
			hint := string(ct.Role)
			if ct.Role == model.ContactOther {
				hint = "may ask, not approve"
			}
			contacts = append(contacts, Option{ID: ct.ID, Label: ct.Name, Hint: hint})
		}
		for _, s := range c.Sites {
			sites = append(sites, Option{ID: s.ID, Label: s.Name, Hint: model.FormatDuration(s.Travel) + " away"})
		}
	}
	p.Contact.SetOptions(contacts)
	p.Site.SetOptions(sites)
}
