package cli

import (
	"fmt"
	"io"
	"strings"

	"dispatch/model"
)

func init() {
	register(
		command{path: "client new", args: "NAME [--rate 125] [--terms net30] [--travel none|hourly|rate:85|flat:45]", about: "add a client", run: clientNew},
		command{path: "client list", about: "list clients with their contacts and sites", run: clientList},
		command{path: "contact add", args: "NAME --client CLIENT [--authorised|--backup]", about: "add a contact to a client", run: contactAdd},
		command{path: "site add", args: "NAME --client CLIENT --address ADDR --travel 45m", about: "add a site to a client", run: siteAdd},
	)
}

type clientJSON struct {
	ID              string        `json:"id"`
	Name            string        `json:"name"`
	Terms           string        `json:"terms,omitempty"`
	HourlyRateCents int64         `json:"hourly_rate_cents,omitempty"` // its own; 0 follows the office's
	Travel          string        `json:"travel,omitempty"`            // its own policy; empty follows the office's
	RatesHidden     bool          `json:"rates_hidden,omitempty"`      // rates and terms are for the office`
	Managed         bool          `json:"managed"`
	Contacts        []contactJSON `json:"contacts"`
	Sites           []siteJSON    `json:"sites"`
}

type contactJSON struct {
	ID     string `json:"id"`
	Client string `json:"client"`
	Name   string `json:"name"`
	Role   string `json:"role"`
	Phone  string `json:"phone,omitempty"`
	Email  string `json:"email,omitempty"`
	// StoodDown is who held the role this contact was given, on an edit.
	StoodDown string `json:"stood_down,omitempty"`
}

type siteJSON struct {
	ID            string `json:"id"`
	Client        string `json:"client"`
	Name          string `json:"name"`
	Address       string `json:"address"`
	TravelSeconds int64  `json:"travel_seconds"`
}

func toClient(c model.Client) clientJSON {
	j := clientJSON{ID: model.FormatID(model.PrefixClient, c.ID), Name: c.Name, Managed: c.Managed, RatesHidden: c.RatesHidden,
		Contacts: []contactJSON{}, Sites: []siteJSON{}}
	if !c.RatesHidden {
		j.Terms, j.HourlyRateCents, j.Travel = c.Terms.String(), int64(c.Own.Rate), c.Own.Travel.String()
	}
	return j
}

func toContact(c model.Contact) contactJSON {
	return contactJSON{ID: model.FormatID(model.PrefixContact, c.ID), Client: model.FormatID(model.PrefixClient, c.ClientID),
		Name: c.Name, Role: string(c.Role), Phone: c.Phone, Email: c.Email}
}

func toSite(s model.Site) siteJSON {
	return siteJSON{ID: model.FormatID(model.PrefixSite, s.ID), Client: model.FormatID(model.PrefixClient, s.ClientID),
		Name: s.Name, Address: s.Address, TravelSeconds: seconds(s.Travel)}
}

func clientNew(c *call) error {
	rate := c.fs.String("rate", "", "hourly rate, like 125 or $125.50 (default: the office's)")
	terms := c.fs.String("terms", "delivery", "payment terms: delivery (new clients) or net10, net30 …")
	travel := c.fs.String("travel", "", "travel policy: none, hourly, rate:85 or flat:45 (default: the office's)")
	managed := c.fs.Bool("managed", false, "under a managed-service contract")
	if err := c.parse(1); err != nil {
		return err
	}
	var inv model.Invalid
	cl := model.Client{Name: c.args[0], Managed: *managed}
	var err error
	if *rate != "" {
		cl.Own.Rate, err = model.ParseMoney("rate", *rate)
		inv.Add("rate", err)
	}
	if *travel != "" {
		cl.Own.Travel, err = model.ParseTravelPolicy(*travel)
		inv.Add("travel", err)
	}
	cl.Terms, err = model.ParseTerms(*terms)
	inv.Add("terms", err)
	if err := inv.Err(); err != nil {
		return err
	}
	cl, err = c.env.Door.CreateClient(c.ctx, model.ActorOf(c.env.User), cl)
	if err != nil {
		return err
	}
	return c.print(toClient(cl), func(w io.Writer) {
		fmt.Fprintf(w, "added client %s %s (%s, %s)\n", model.FormatID(model.PrefixClient, cl.ID), model.CleanLine(cl.Name), ownRate(cl.Own), cl.Terms)
	})
}

func clientList(c *call) error {
	if err := c.parse(0); err != nil {
		return err
	}
	cards, err := c.env.Door.Clients(c.ctx, model.ActorOf(c.env.User))
	if err != nil {
		return err
	}
	out := []clientJSON{}
	for _, card := range cards {
		j := toClient(card.Client)
		for _, ct := range card.Contacts {
			j.Contacts = append(j.Contacts, toContact(ct))
		}
		for _, s := range card.Sites {
			j.Sites = append(j.Sites, toSite(s))
		}
		out = append(out, j)
	}
	return c.print(out, func(w io.Writer) {
		var rows [][]string
		for _, card := range cards {
			var approvers, sites []string
			for _, ct := range card.Contacts {
				if ct.Role.MayApprove() {
					approvers = append(approvers, ct.Name+" ("+string(ct.Role)+")")
				}
			}
			for _, s := range card.Sites {
				sites = append(sites, s.Name)
			}
			row := []string{model.FormatID(model.PrefixClient, card.ID), card.Name}
			if !card.RatesHidden {
				row = append(row, ownRate(card.Own), card.Terms.String())
			}
			rows = append(rows, append(row, strings.Join(approvers, ", "), strings.Join(sites, ", ")))
		}
		head := []string{"ID", "CLIENT", "RATE/H", "TERMS", "MAY APPROVE", "SITES"}
		if len(cards) > 0 && cards[0].RatesHidden {
			head = []string{"ID", "CLIENT", "MAY APPROVE", "SITES"}
		}
		table(w, "", head, rows)
	})
}

func contactAdd(c *call) error {
	client := c.fs.String("client", "", "the client, by name or id (C-12)")
	authorised := c.fs.Bool("authorised", false, "the one contact who approves work")
	backup := c.fs.Bool("backup", false, "approves work when the authorised contact is away")
	phone := c.fs.String("phone", "", "phone number")
	email := c.fs.String("email", "", "email address")
	if err := c.parse(1); err != nil {
		return err
	}
	if err := required(map[string]*string{"client": client}); err != nil {
		return err
	}
	if *authorised && *backup {
		return usageError{msg: "--authorised and --backup are exclusive: a contact is one or the other"}
	}
	who := model.ActorOf(c.env.User)
	cl, err := c.env.Door.FindClient(c.ctx, who, *client)
	if err != nil {
		return err
	}
	ct := model.Contact{ClientID: cl.ID, Name: c.args[0], Phone: *phone, Email: *email, Role: model.ContactOther}
	if *authorised {
		ct.Role = model.ContactAuthorised
	} else if *backup {
		ct.Role = model.ContactBackup
	}
	if ct, err = c.env.Door.AddContact(c.ctx, who, ct); err != nil {
		return err
	}
	return c.print(toContact(ct), func(w io.Writer) {
		fmt.Fprintf(w, "added %s contact %s to %s\n", ct.Role, model.CleanLine(ct.Name), model.CleanLine(cl.Name))
	})
}

func siteAdd(c *call) error {
	client := c.fs.String("client", "", "the client, by name or id (C-12)")
	address := c.fs.String("address", "", "street address")
	travel := c.fs.String("travel", "", "typical travel time from the office, like 45m")
	if err := c.parse(1); err != nil {
		return err
	}
	if err := required(map[string]*string{"client": client, "travel": travel}); err != nil {
		return err
	}
	who := model.ActorOf(c.env.User)
	cl, err := c.env.Door.FindClient(c.ctx, who, *client)
	if err != nil {
		return err
	}
	d, err := model.ParseDuration("travel", *travel)
	if err != nil {
		return err
	}
	s, err := c.env.Door.AddSite(c.ctx, who, model.Site{ClientID: cl.ID, Name: c.args[0], Address: *address, Travel: d})
	if err != nil {
		return err
	}
	return c.print(toSite(s), func(w io.Writer) {
		fmt.Fprintf(w, "added site %s to %s (%s away)\n", model.CleanLine(s.Name), model.CleanLine(cl.Name), model.FormatDuration(s.Travel))
	})
}

// ownRate is a client's own rate, or that it follows the office's.
func ownRate(o model.OwnTerms) string {
	if o.Rate == 0 {
		return "office rate"
	}
	return o.Rate.String() + "/h"
}
