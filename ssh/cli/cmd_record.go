package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"dispatch/model"
	"dispatch/model/door"
)

func init() {
	register(
		command{path: "client edit", args: `CLIENT [--name "…"] [--managed | --not-managed]`, about: "rename a client, or change its contract (rates and terms: client terms)", run: clientEdit},
		command{path: "contact edit", args: `NAME --client CLIENT [--name "…"] [--phone …] [--email …] [--authorised | --backup | --other]`,
			about: "change a contact; making one authorised or backup passes the role from whoever had it", run: contactEdit},
		command{path: "contact remove", args: "NAME --client CLIENT", about: "take a contact off a client (archived if old records name them)", run: contactRemove},
		command{path: "site edit", args: `NAME --client CLIENT [--name "…"] [--address "…"] [--travel 30m]`, about: "change a site's name, address or travel time", run: siteEdit},
		command{path: "site remove", args: "NAME --client CLIENT", about: "take a site off a client (archived if old tickets name it)", run: siteRemove},
	)
}

// given returns the flag's value when it was set on the line, or nil.
func given(fs *flag.FlagSet, name string, v *string) *string {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	if !set {
		return nil
	}
	return v
}

func clientEdit(c *call) error {
	name := c.fs.String("name", "", "its new name")
	managed := c.fs.Bool("managed", false, "now under a managed-service contract")
	notManaged := c.fs.Bool("not-managed", false, "no longer under one")
	if err := c.parseAny(1); err != nil {
		return err
	}
	if len(c.args) == 0 {
		return usageError{msg: "name the client: " + c.cmd.args}
	}
	if *managed && *notManaged {
		return usageError{msg: "--managed and --not-managed are exclusive"}
	}
	cl, err := c.env.Door.FindClient(c.ctx, c.actor(), strings.Join(c.args, " "))
	if err != nil {
		return err
	}
	var m *bool
	if *managed || *notManaged {
		m = managed
	}
	newName := given(c.fs, "name", name)
	if newName == nil && m == nil {
		return usageError{msg: "say what changes: --name, --managed or --not-managed (rates and terms: client terms)"}
	}
	edited, err := c.env.Door.EditClient(c.ctx, c.actor(), cl.ID, newName, m)
	if err != nil {
		return err
	}
	return c.print(toClient(edited), func(w io.Writer) {
		contract := "no managed-service contract"
		if edited.Managed {
			contract = "under a managed-service contract"
		}
		fmt.Fprintf(w, "%s is %s, %s\n", model.FormatID(model.PrefixClient, edited.ID), model.CleanLine(edited.Name), contract)
	})
}

// contactOf finds a contact of the client named by --client.
func (c *call) contactNamed(client, name string) (model.Contact, error) {
	cl, err := c.env.Door.FindClient(c.ctx, c.actor(), client)
	if err != nil {
		return model.Contact{}, err
	}
	return c.env.Door.FindContact(c.ctx, c.actor(), cl.ID, name)
}

func contactEdit(c *call) error {
	client := c.fs.String("client", "", "the client, by name or id (C-12)")
	name := c.fs.String("name", "", "their new name")
	phone := c.fs.String("phone", "", "phone number (empty to clear)")
	email := c.fs.String("email", "", "email address (empty to clear)")
	authorised := c.fs.Bool("authorised", false, "the one contact who approves work: the old one may ask, no more")
	backup := c.fs.Bool("backup", false, "approves work when the authorised contact is away")
	other := c.fs.Bool("other", false, "may ask for work, not approve it")
	if err := c.parseAny(1); err != nil {
		return err
	}
	if len(c.args) == 0 {
		return usageError{msg: "name the contact: " + c.cmd.args}
	}
	if err := required(map[string]*string{"client": client}); err != nil {
		return err
	}
	var role *model.ContactRole
	for _, r := range []struct {
		on   bool
		role model.ContactRole
	}{{*authorised, model.ContactAuthorised}, {*backup, model.ContactBackup}, {*other, model.ContactOther}} {
		if r.on && role != nil {
			return usageError{msg: "--authorised, --backup and --other are exclusive: a contact is one of them"}
		}
		if r.on {
			role = &r.role
		}
	}
	ch := door.ContactChange{Name: given(c.fs, "name", name), Phone: given(c.fs, "phone", phone), Email: given(c.fs, "email", email), Role: role}
	if ch == (door.ContactChange{}) {
		return usageError{msg: "say what changes: --name, --phone, --email, --authorised, --backup or --other"}
	}
	ct, err := c.contactNamed(*client, strings.Join(c.args, " "))
	if err != nil {
		return err
	}
	ed, err := c.env.Door.EditContact(c.ctx, c.actor(), ct.ID, ch)
	if err != nil {
		return err
	}
	out := toContact(ed.Contact)
	out.StoodDown = ed.StoodDown
	return c.print(out, func(w io.Writer) {
		fmt.Fprintf(w, "%s: %s (%s)", model.FormatID(model.PrefixContact, ed.ID), model.CleanLine(ed.Name), ed.Role)
		if ed.Phone != "" || ed.Email != "" {
			fmt.Fprintf(w, " · %s", model.CleanLine(strings.TrimSpace(ed.Phone+" "+ed.Email)))
		}
		fmt.Fprintln(w)
		if ed.StoodDown != "" {
			fmt.Fprintf(w, "%s is no longer the %s contact, and may still ask for work\n", model.CleanLine(ed.StoodDown), ed.Role)
		}
	})
}

func contactRemove(c *call) error {
	client, name, err := c.ofClient("contact")
	if err != nil {
		return err
	}
	ct, err := c.contactNamed(client, name)
	if err != nil {
		return err
	}
	archived, err := c.env.Door.RemoveContact(c.ctx, c.actor(), ct.ID)
	if err != nil {
		return err
	}
	return c.printRemoved(model.FormatID(model.PrefixContact, ct.ID), ct.Name, archived, "old records still name them")
}

// ofClient reads what names a contact or site: its name, and --client.
func (c *call) ofClient(what string) (client, name string, err error) {
	flag := c.fs.String("client", "", "the client, by name or id (C-12)")
	if err := c.parseAny(1); err != nil {
		return "", "", err
	}
	if len(c.args) == 0 {
		return "", "", usageError{msg: "name the " + what + ": " + c.cmd.args}
	}
	if err := required(map[string]*string{"client": flag}); err != nil {
		return "", "", err
	}
	return *flag, strings.Join(c.args, " "), nil
}

// printRemoved says what a remove did: archived (old records still name it)
// or deleted.
func (c *call) printRemoved(ref, name string, archived bool, still string) error {
	return c.print(map[string]any{"id": ref, "archived": archived}, func(w io.Writer) {
		if archived {
			fmt.Fprintf(w, "%s removed: %s\n", model.CleanLine(name), still)
		} else {
			fmt.Fprintf(w, "%s removed\n", model.CleanLine(name))
		}
	})
}

// siteNamed finds a site of the client named by --client.
func (c *call) siteNamed(client, name string) (model.Site, error) {
	cl, err := c.env.Door.FindClient(c.ctx, c.actor(), client)
	if err != nil {
		return model.Site{}, err
	}
	return c.env.Door.FindSite(c.ctx, c.actor(), cl.ID, name)
}

func siteEdit(c *call) error {
	client := c.fs.String("client", "", "the client, by name or id (C-12)")
	name := c.fs.String("name", "", "its new name")
	address := c.fs.String("address", "", "its address")
	travel := c.fs.String("travel", "", "usual travel time each way, like 30m")
	if err := c.parseAny(1); err != nil {
		return err
	}
	if len(c.args) == 0 {
		return usageError{msg: "name the site: " + c.cmd.args}
	}
	if err := required(map[string]*string{"client": client}); err != nil {
		return err
	}
	ch := door.SiteChange{Name: given(c.fs, "name", name), Address: given(c.fs, "address", address)}
	if t := given(c.fs, "travel", travel); t != nil {
		d, err := model.ParseDuration("travel", *t)
		if err != nil {
			return err
		}
		ch.Travel = &d
	}
	if ch == (door.SiteChange{}) {
		return usageError{msg: "say what changes: --name, --address or --travel"}
	}
	s, err := c.siteNamed(*client, strings.Join(c.args, " "))
	if err != nil {
		return err
	}
	if s, err = c.env.Door.EditSite(c.ctx, c.actor(), s.ID, ch); err != nil {
		return err
	}
	return c.print(toSite(s), func(w io.Writer) {
		fmt.Fprintf(w, "%s: %s, %s, %s away\n", model.FormatID(model.PrefixSite, s.ID), model.CleanLine(s.Name), model.CleanLine(s.Address),
			model.FormatDuration(s.Travel))
	})
}

func siteRemove(c *call) error {
	client, name, err := c.ofClient("site")
	if err != nil {
		return err
	}
	st, err := c.siteNamed(client, name)
	if err != nil {
		return err
	}
	archived, err := c.env.Door.RemoveSite(c.ctx, c.actor(), st.ID)
	if err != nil {
		return err
	}
	return c.printRemoved(model.FormatID(model.PrefixSite, st.ID), st.Name, archived, "old tickets still name it")
}

func init() {
	register(command{path: "notice add", args: `--kind price|policy --text "…" --effective DATE (--client C [--client C …] | --all)`,
		about: "tell clients of a change of price or policy (a price change needs 30 days' notice without a managed-service contract)", run: noticeAdd})
}

// names is a flag given more than once: --client A --client B.
type names []string

func (n *names) String() string     { return strings.Join(*n, ", ") }
func (n *names) Set(v string) error { *n = append(*n, v); return nil }

func noticeAdd(c *call) error {
	kind := c.fs.String("kind", "", "price or policy")
	text := c.fs.String("text", "", "what changes, as the client will read it")
	effective := c.fs.String("effective", "", "the day it takes effect, like 2027-01-01")
	all := c.fs.Bool("all", false, "every client")
	var clients names
	c.fs.Var(&clients, "client", "a client it goes to, by name or id; give it again for another")
	if err := c.parse(0); err != nil {
		return err
	}
	if err := required(map[string]*string{"kind": kind, "text": text, "effective": effective}); err != nil {
		return err
	}
	if *all == (len(clients) > 0) {
		return usageError{msg: "say who is told: --client C (again for another) or --all"}
	}
	var bad model.Invalid
	k, err := model.ParseNoticeKind(*kind)
	bad.Add("kind", err)
	day, err := model.ParseDate("effective", *effective, c.env.Door.Now(), c.env.Door.Location())
	bad.Add("effective", err)
	var ids []int64
	for _, name := range clients {
		cl, err := c.env.Door.FindClient(c.ctx, c.actor(), name)
		bad.Add("client", err)
		ids = append(ids, cl.ID)
	}
	if err := bad.Err(); err != nil {
		return err
	}
	n, err := c.env.Door.SendNotice(c.ctx, c.actor(), model.Notice{Kind: k, Text: *text, Effective: day}, ids)
	if err != nil {
		return err
	}
	return c.print(map[string]any{"id": n.Ref(), "kind": string(n.Kind), "effective": n.Effective.Format("2006-01-02"), "clients": len(n.Clients)},
		func(w io.Writer) {
			fmt.Fprintf(w, "%s: %s notice, effective %s, sent to %d client(s)\n", n.Ref(), n.Kind, n.Effective.In(c.env.Door.Location()).Format("2006-01-02"), len(n.Clients))
		})
}

func init() {
	register(command{path: "notice list", about: "every notice sent, newest first, with whom it went to", run: noticeList})
}

func noticeList(c *call) error {
	if err := c.parse(0); err != nil {
		return err
	}
	notices, err := c.env.Door.Notices(c.ctx, c.actor())
	if err != nil {
		return err
	}
	names := map[int64]string{}
	clients, err := c.env.Door.ClientNames(c.ctx, c.actor())
	if err != nil {
		return err
	}
	for _, cl := range clients {
		names[cl.ID] = cl.Name
	}
	loc := c.env.Door.Location()
	var out []map[string]any
	for _, n := range notices {
		to := make([]string, len(n.Clients))
		for i, id := range n.Clients {
			to[i] = names[id]
		}
		out = append(out, map[string]any{"id": n.Ref(), "kind": string(n.Kind), "text": n.Text, "effective": n.Effective.In(loc).Format("2006-01-02"),
			"sent_at": rfc3339(n.SentAt), "by": n.By, "clients": to})
	}
	return c.print(out, func(w io.Writer) {
		if len(notices) == 0 {
			fmt.Fprintln(w, "no notice sent yet (notice add --kind price|policy …)")
		}
		for i, n := range notices {
			to := out[i]["clients"].([]string)
			whom := strings.Join(to, ", ")
			if len(to) > 3 {
				whom = fmt.Sprintf("%s and %d more", strings.Join(to[:3], ", "), len(to)-3)
			}
			fmt.Fprintf(w, "%s %s, effective %s: %s\n    sent %s by %s to %s\n", n.Ref(), n.Kind, n.Effective.In(loc).Format("2006-01-02"),
				model.CleanLine(n.Text), n.SentAt.In(loc).Format("2 Jan 2006"), model.CleanLine(n.By), model.CleanLine(whom))
		}
	})
}

func init() {
	register(
		command{path: "client import", args: "--csv FILE|-", about: "bring a client list in from CSV (over SSH: --csv - < clients.csv); a file with a bad row imports nothing", run: clientImport},
		command{path: "client export", args: "--csv", about: "every client with its contacts and sites as CSV, in the columns client import reads", run: clientExport},
	)
}

func clientImport(c *call) error {
	file := c.fs.String("csv", "", "the file, or - for what is piped in; columns: "+strings.Join(model.ClientCSVColumns, ","))
	if err := c.parse(0); err != nil {
		return err
	}
	if err := required(map[string]*string{"csv": file}); err != nil {
		return err
	}
	var in io.Reader
	switch {
	case *file == "-" && c.env.In != nil:
		in = c.env.In
	case *file == "-":
		return usageError{msg: "nothing is piped in here"}
	case c.env.ReadFile == nil:
		return usageError{msg: "over SSH the server cannot read your files: pipe it in, client import --csv - < " + model.CleanLine(*file)}
	default:
		b, err := c.env.ReadFile(*file)
		if err != nil {
			return err
		}
		in = strings.NewReader(string(b))
	}
	rows, err := model.ReadClientCSV(in)
	if err != nil {
		return fmt.Errorf("nothing was imported:\n%w", err)
	}
	n, err := c.env.Door.ImportClients(c.ctx, c.actor(), rows)
	if err != nil {
		return fmt.Errorf("nothing was imported:\n%w", err)
	}
	return c.print(map[string]any{"created": n.Created, "updated": n.Updated, "unchanged": n.Unchanged, "stood_down": n.StoodDown}, func(w io.Writer) {
		fmt.Fprintf(w, "imported %s: %d created, %d updated, %d unchanged\n", model.Plural(len(rows), "row"), n.Created, n.Updated, n.Unchanged)
		for _, s := range n.StoodDown {
			fmt.Fprintln(w, "  "+model.CleanLine(s))
		}
	})
}

func clientExport(c *call) error {
	asCSV := c.fs.Bool("csv", false, "as CSV (the only way, for now)")
	if err := c.parse(0); err != nil {
		return err
	}
	if !*asCSV {
		return usageError{msg: "say --csv: client export --csv > clients.csv"}
	}
	clients, contacts, sites, err := c.env.Door.ClientList(c.ctx, c.actor())
	if err != nil {
		return err
	}
	return model.WriteClientCSV(c.env.Out, clients, contacts, sites)
}
