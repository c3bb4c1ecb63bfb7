package door

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"dispatch/model"
	"dispatch/model/feed"
	"dispatch/model/store"
)

// CreateClient adds a client. Names are unique regardless of case.
func (d *Door) CreateClient(ctx context.Context, who model.Actor, c model.Client) (model.Client, error) {
	if err := c.Validate(); err != nil {
		return c, err
	}
	err := d.write(ctx, who, model.ActManageClients, feed.Clients, func(tx *store.Tx, now time.Time) error {
		if existing, err := tx.ClientByName(ctx, c.Name); err == nil {
			return model.FieldError{Field: "name", Msg: fmt.Sprintf("is taken: %s is already %s", existing.Name, model.FormatID(model.PrefixClient, existing.ID))}
		} else if !errors.Is(err, model.ErrNotFound) {
			return err
		}
		c.CreatedAt = now
		var err error
		if c, err = tx.InsertClient(ctx, c); err != nil {
			return err
		}
		return tx.Audit(ctx, now, who.String(), "client.create", "client", c.ID, nil, c)
	})
	return c, err
}

// AddContact adds a contact to a client, keeping to one authorised contact and
// at most one backup: a second is refused with the name of the first.
func (d *Door) AddContact(ctx context.Context, who model.Actor, c model.Contact) (model.Contact, error) {
	if err := c.Validate(); err != nil {
		return c, err
	}
	err := d.write(ctx, who, model.ActManageClients, feed.Clients, func(tx *store.Tx, now time.Time) error {
		client, err := tx.ClientByID(ctx, c.ClientID)
		if err != nil {
			return err
		}
		if _, err := tx.ContactByName(ctx, c.ClientID, c.Name); err == nil {
			return model.FieldError{Field: "name", Msg: fmt.Sprintf("is taken: %s already has a contact named %s", client.Name, c.Name)}
		}
		removed, err := tx.ArchivedContact(ctx, c.ClientID, c.Name)
		if err != nil && !errors.Is(err, model.ErrNotFound) {
			return err
		}
		if c.Role.MayApprove() {
			if holder, err := tx.ContactWithRole(ctx, c.ClientID, c.Role); err == nil {
				return model.Conflict{Msg: fmt.Sprintf("%s already has an %s contact, %s; a client has only one — add %s without --%s",
					client.Name, c.Role, holder.Name, c.Name, c.Role)}
			}
		}
		if removed.ID != 0 { // someone removed comes back: the same contact old records name
			c.ID = removed.ID
			if err := tx.RestoreContact(ctx, c); err != nil {
				return err
			}
			return tx.Audit(ctx, now, who.String(), "contact.restore", "contact", c.ID, removed, c)
		}
		if c, err = tx.InsertContact(ctx, c); err != nil {
			return err
		}
		return tx.Audit(ctx, now, who.String(), "contact.create", "contact", c.ID, nil, c)
	})
	return c, err
}

// AddSite adds a site to a client.
func (d *Door) AddSite(ctx context.Context, who model.Actor, s model.Site) (model.Site, error) {
	if err := s.Validate(); err != nil {
		return s, err
	}
	err := d.write(ctx, who, model.ActManageClients, feed.Clients, func(tx *store.Tx, now time.Time) error {
		client, err := tx.ClientByID(ctx, s.ClientID)
		if err != nil {
			return err
		}
		if _, err := tx.SiteByName(ctx, s.ClientID, s.Name); err == nil {
			return model.FieldError{Field: "name", Msg: fmt.Sprintf("is taken: %s already has a site named %s", client.Name, s.Name)}
		}
		if s, err = tx.InsertSite(ctx, s); err != nil {
			return err
		}
		return tx.Audit(ctx, now, who.String(), "site.create", "site", s.ID, nil, s)
	})
	return s, err
}

// ClientCard is a client with its contacts and sites.
type ClientCard struct {
	model.Client
	Contacts []model.Contact
	Sites    []model.Site
}

// Clients lists every client with contacts and sites, by name.
func (d *Door) Clients(ctx context.Context, who model.Actor) ([]ClientCard, error) {
	var out []ClientCard
	err := d.read(ctx, who, model.ActViewBoard, func(tx *store.Tx) error {
		clients, err := tx.Clients(ctx)
		if err != nil {
			return err
		}
		for _, c := range clients {
			card := ClientCard{Client: c.SeenBy(who.Role)}
			if card.Contacts, err = tx.Contacts(ctx, c.ID); err != nil {
				return err
			}
			if card.Sites, err = tx.Sites(ctx, c.ID); err != nil {
				return err
			}
			out = append(out, card)
		}
		return nil
	})
	return out, err
}

// FindClient resolves what a user typed — "C-12", a name, or part of one
// that names one client only — to a client.
func (d *Door) FindClient(ctx context.Context, who model.Actor, key string) (model.Client, error) {
	var c model.Client
	err := d.read(ctx, who, model.ActViewBoard, func(tx *store.Tx) error {
		var err error
		if id, perr := model.ParseID(model.PrefixClient, key); perr == nil {
			c, err = tx.ClientByID(ctx, id)
			return err
		}
		if c, err = tx.ClientByName(ctx, model.CleanLine(key)); !errors.Is(err, model.ErrNotFound) {
			return err
		}
		all, lerr := tx.Clients(ctx) // part of a name, when it names one client only
		if lerr != nil {
			return lerr
		}
		switch found := model.ClientsNamed(all, key); len(found) {
		case 0:
			return err
		case 1:
			c = found[0]
			return nil
		default:
			return model.NotFound{What: "client", Key: model.CleanLine(key), Hint: "could be " + model.Names(found) + "; say which"}
		}
	})
	return c.SeenBy(who.Role), err
}

// FindContact resolves a contact of one client by name.
func (d *Door) FindContact(ctx context.Context, who model.Actor, clientID int64, name string) (model.Contact, error) {
	var c model.Contact
	err := d.read(ctx, who, model.ActViewBoard, func(tx *store.Tx) error {
		var err error
		c, err = tx.ContactByName(ctx, clientID, model.CleanLine(name))
		if !errors.Is(err, model.ErrNotFound) {
			return err
		}
		contacts, lerr := tx.Contacts(ctx, clientID)
		if lerr != nil {
			return lerr
		}
		names := make([]string, len(contacts))
		for i, ct := range contacts {
			names[i] = ct.Name
		}
		return notOneOf("contact", name, "contacts", names)
	})
	return c, err
}

// notOneOf refuses a name that is none of the client's, and lists theirs,
// so the next try can be right.
func notOneOf(field, name, plural string, names []string) error {
	if len(names) == 0 {
		return model.FieldError{Field: field, Msg: fmt.Sprintf("%q is not on file, and this client has no %s yet", model.CleanLine(name), plural)}
	}
	return model.FieldError{Field: field, Msg: fmt.Sprintf("%q is not one of this client's %s: %s", model.CleanLine(name), plural, strings.Join(names, ", "))}
}

// FindSite resolves a site of one client by name; with no name, the client's
// only site, so a one-site client needs no --site.
func (d *Door) FindSite(ctx context.Context, who model.Actor, clientID int64, name string) (model.Site, error) {
	var s model.Site
	err := d.read(ctx, who, model.ActViewBoard, func(tx *store.Tx) error {
		if name != "" {
			var err error
			if s, err = tx.SiteByName(ctx, clientID, model.CleanLine(name)); !errors.Is(err, model.ErrNotFound) {
				return err
			}
		}
		sites, err := tx.Sites(ctx, clientID)
		switch {
		case err != nil:
			return err
		case name != "":
			names := make([]string, len(sites))
			for i, st := range sites {
				names[i] = st.Name
			}
			return notOneOf("site", name, "sites", names)
		case len(sites) == 1:
			s = sites[0]
			return nil
		case len(sites) == 0:
			return model.FieldError{Field: "site", Msg: "is missing: this client has no sites yet; add one with: site add"}
		}
		return model.FieldError{Field: "site", Msg: fmt.Sprintf("is needed: the client has %d sites; name one with --site", len(sites))}
	})
	return s, err
}

// ContactsOf lists a client's contacts by name.
func (d *Door) ContactsOf(ctx context.Context, who model.Actor, clientID int64) ([]model.Contact, error) {
	var out []model.Contact
	err := d.read(ctx, who, model.ActViewBoard, func(tx *store.Tx) error {
		var err error
		out, err = tx.Contacts(ctx, clientID)
		return err
	})
	return out, err
}

// ClientNames lists every client by name, without contacts or sites: what
// a list to pick one from needs, in one read however many there are.
func (d *Door) ClientNames(ctx context.Context, who model.Actor) ([]model.Client, error) {
	var out []model.Client
	err := d.read(ctx, who, model.ActViewBoard, func(tx *store.Tx) error {
		var err error
		out, err = tx.Clients(ctx)
		for i := range out {
			out[i] = out[i].SeenBy(who.Role)
		}
		return err
	})
	return out, err
}
