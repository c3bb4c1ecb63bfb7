package door

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"dispatch/model"
	"dispatch/model/feed"
	"dispatch/model/store"
)

// EditClient renames a client or changes whether it is under a managed-service
// contract; nil leaves a field as it is.
func (d *Door) EditClient(ctx context.Context, who model.Actor, id int64, name *string, managed *bool) (model.Client, error) {
	var c model.Client
	err := d.write(ctx, who, model.ActManageClients, feed.Clients|feed.Tickets, func(tx *store.Tx, now time.Time) error {
		before, err := tx.ClientByID(ctx, id)
		if err != nil {
			return err
		}
		c = before
		if name != nil {
			c.Name = *name
		}
		if managed != nil {
			c.Managed = *managed
		}
		if err := c.Validate(); err != nil {
			return err
		}
		if other, err := tx.ClientByName(ctx, c.Name); err == nil && other.ID != c.ID {
			return model.FieldError{Field: "name", Msg: fmt.Sprintf("is taken: %s is already %s", other.Name, model.FormatID(model.PrefixClient, other.ID))}
		} else if err != nil && !errors.Is(err, model.ErrNotFound) {
			return err
		}
		if err := tx.UpdateClient(ctx, c); err != nil {
			return err
		}
		return tx.Audit(ctx, now, who.String(), "client.edit", "client", id, before, c)
	})
	return c.SeenBy(who.Role), err
}

// ContactChange is what a contact edit sets; nil leaves a field as it is.
type ContactChange struct {
	Name, Phone, Email *string
	Role               *model.ContactRole
}

// ContactEdited is a contact as saved, and who stood down from the role
// they were given, if anyone did.
type ContactEdited struct {
	model.Contact
	StoodDown string
}

// EditContact changes a contact. Making one the authorised contact or the
// backup passes the role from whoever held it, who becomes a contact who
// may ask, in the same transaction; the record says who changed it.
func (d *Door) EditContact(ctx context.Context, who model.Actor, id int64, ch ContactChange) (ContactEdited, error) {
	var c model.Contact
	var stoodDown string
	err := d.write(ctx, who, model.ActManageClients, feed.Clients, func(tx *store.Tx, now time.Time) error {
		before, err := tx.ContactByID(ctx, id)
		if err != nil {
			return err
		}
		if before.Archived {
			return model.Conflict{Msg: fmt.Sprintf("%s was removed; old records still name them, but they are not edited", before.Name)}
		}
		c = before
		for _, f := range []struct{ to, from *string }{{&c.Name, ch.Name}, {&c.Phone, ch.Phone}, {&c.Email, ch.Email}} {
			if f.from != nil {
				*f.to = *f.from
			}
		}
		if ch.Role != nil {
			c.Role = *ch.Role
		}
		if err := c.Validate(); err != nil {
			return err
		}
		if other, err := tx.ContactByName(ctx, c.ClientID, c.Name); err == nil && other.ID != c.ID {
			return model.FieldError{Field: "name", Msg: fmt.Sprintf("is taken: the client already has a contact named %s", other.Name)}
		}
		if before.Role == model.ContactAuthorised && c.Role != model.ContactAuthorised {
			return model.Conflict{Msg: fmt.Sprintf("%s is the authorised contact, and a client always has one: make another contact the authorised one (contact edit NAME --authorised), and %s becomes one who may ask", before.Name, before.Name)}
		}
		if c.Role.MayApprove() && c.Role != before.Role {
			if stoodDown, err = passRole(ctx, tx, who, c, now); err != nil {
				return err
			}
		}
		if err := tx.UpdateContact(ctx, c); err != nil {
			return err
		}
		return tx.Audit(ctx, now, who.String(), "contact.edit", "contact", id, before, c)
	})
	return ContactEdited{Contact: c, StoodDown: stoodDown}, err
}

// passRole takes the role c is given from whoever holds it now, and says
// who that was.
func passRole(ctx context.Context, tx *store.Tx, who model.Actor, c model.Contact, now time.Time) (string, error) {
	holder, err := tx.ContactWithRole(ctx, c.ClientID, c.Role)
	if errors.Is(err, model.ErrNotFound) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	was := holder
	holder.Role = model.ContactOther
	if err := tx.UpdateContact(ctx, holder); err != nil {
		return "", err
	}
	return holder.Name, tx.Audit(ctx, now, who.String(), "contact.role", "contact", holder.ID, was, holder)
}

// RemoveContact takes a contact off a client: archived if any record names
// them (old records still do), deleted if none does. The authorised contact
// is not removed until another holds the role.
func (d *Door) RemoveContact(ctx context.Context, who model.Actor, id int64) (archived bool, err error) {
	err = d.write(ctx, who, model.ActManageClients, feed.Clients, func(tx *store.Tx, now time.Time) error {
		c, err := tx.ContactByID(ctx, id)
		if err != nil {
			return err
		}
		if c.Archived {
			return model.Conflict{Msg: fmt.Sprintf("%s was removed already", c.Name)}
		}
		if c.Role == model.ContactAuthorised {
			return model.Conflict{Msg: fmt.Sprintf("%s is the authorised contact: make another contact the authorised one first (contact edit NAME --authorised)", c.Name)}
		}
		if open, err := tx.RequesterOfOpenWork(ctx, c); err != nil || open {
			if err == nil {
				err = model.Conflict{Msg: fmt.Sprintf("%s asked for work still open; finish it, or give it another requester (ticket edit T-… --contact …), first", c.Name)}
			}
			return err
		}
		if archived, err = tx.ContactInHistory(ctx, c); err != nil {
			return err
		}
		if err := tx.RemoveContact(ctx, id, archived, now); err != nil {
			return err
		}
		return tx.Audit(ctx, now, who.String(), "contact.remove", "contact", id, c, map[string]bool{"archived": archived})
	})
	return archived, err
}

// SiteChange is what a site edit sets; nil leaves a field as it is.
type SiteChange struct {
	Name, Address *string
	Travel        *time.Duration
}

// EditSite changes a site's name, address or usual travel time.
func (d *Door) EditSite(ctx context.Context, who model.Actor, id int64, ch SiteChange) (model.Site, error) {
	var s model.Site
	err := d.write(ctx, who, model.ActManageClients, feed.Clients|feed.Tickets, func(tx *store.Tx, now time.Time) error {
		before, err := tx.SiteByID(ctx, id)
		if err != nil {
			return err
		}
		if before.Archived {
			return model.Conflict{Msg: fmt.Sprintf("%s was removed; old records still name it, but it is not edited", before.Name)}
		}
		s = before
		if ch.Name != nil {
			s.Name = *ch.Name
		}
		if ch.Address != nil {
			s.Address = *ch.Address
		}
		if ch.Travel != nil {
			s.Travel = *ch.Travel
		}
		if err := s.Validate(); err != nil {
			return err
		}
		if other, err := tx.SiteByName(ctx, s.ClientID, s.Name); err == nil && other.ID != s.ID {
			return model.FieldError{Field: "name", Msg: fmt.Sprintf("is taken: the client already has a site named %s", other.Name)}
		}
		if err := tx.UpdateSite(ctx, s); err != nil {
			return err
		}
		return tx.Audit(ctx, now, who.String(), "site.edit", "site", id, before, s)
	})
	return s, err
}

// RemoveSite takes a site off a client: archived if a ticket names it,
// deleted if none does; refused while work is open there.
func (d *Door) RemoveSite(ctx context.Context, who model.Actor, id int64) (archived bool, err error) {
	err = d.write(ctx, who, model.ActManageClients, feed.Clients, func(tx *store.Tx, now time.Time) error {
		s, err := tx.SiteByID(ctx, id)
		if err != nil {
			return err
		}
		if s.Archived {
			return model.Conflict{Msg: fmt.Sprintf("%s was removed already", s.Name)}
		}
		used, open, err := tx.SiteInHistory(ctx, id)
		switch {
		case err != nil:
			return err
		case open:
			return model.Conflict{Msg: fmt.Sprintf("a ticket at %s is still open; finish it, or move it to another site (ticket edit T-… --site …), first", s.Name)}
		}
		if err := tx.RemoveSite(ctx, id, used, now); err != nil {
			return err
		}
		archived = used
		return tx.Audit(ctx, now, who.String(), "site.remove", "site", id, s, map[string]bool{"archived": used})
	})
	return archived, err
}

// Imported counts what an import did.
type Imported struct {
	Created, Updated, Unchanged int
	StoodDown                   []string // "Dana Ruiz is no longer the authorised contact of Acme Dental"
}

// ImportClients brings a client list in, in one transaction: clients,
// contacts and sites are created, or brought up to what the file says;
// what already says so is left alone, so importing a file twice changes
// nothing the second time. A file at odds with itself or with the rules
// imports nothing.
func (d *Door) ImportClients(ctx context.Context, who model.Actor, rows []model.ClientRow) (Imported, error) {
	var n Imported
	if err := model.CheckClientRows(rows); err != nil {
		return n, err
	}
	err := d.write(ctx, who, model.ActManageClients, feed.Clients, func(tx *store.Tx, now time.Time) error {
		clients := map[string]model.Client{}
		fresh := map[int64]bool{}  // created by this import: its own row sets it up, not an update
		demoted := map[int64]int{} // the line that took the authorised role from a client's contact
		client := func(r model.ClientRow) (model.Client, error) {
			key := strings.ToLower(r.Client)
			if c, ok := clients[key]; ok {
				return c, nil
			}
			c, err := tx.ClientByName(ctx, r.Client)
			if errors.Is(err, model.ErrNotFound) {
				c = model.Client{Name: r.Client, CreatedAt: now}
				if err = c.Validate(); err != nil {
					return c, rowErr(r, "client", err)
				}
				if c, err = tx.InsertClient(ctx, c); err == nil {
					n.Created++
					fresh[c.ID] = true
					err = tx.Audit(ctx, now, who.String(), "client.import", "client", c.ID, nil, c)
				}
			}
			clients[key] = c
			return c, err
		}
		for _, r := range rows {
			c, err := client(r)
			if err != nil {
				return err
			}
			switch r.Row {
			case "client":
				managed, terms := cmpOr(r.ManagedGiven, r.Managed, c.Managed), cmpOr(r.TermsGiven, r.Terms, c.Terms)
				if c.Managed == managed && c.Terms == terms {
					if !fresh[c.ID] { // a client made by this import is counted once, as created
						n.Unchanged++
					}
					continue
				}
				if !fresh[c.ID] && !who.Role.Can(model.ActSetTerms) {
					column := map[bool]string{true: "terms", false: "managed"}[c.Terms != terms]
					return model.RowError{Line: r.Line, Column: column, Msg: fmt.Sprintf("changes %s's contract or payment terms, which is for %s; leave the cell empty to keep what is on file",
						c.Name, model.RolesList(model.ActSetTerms.AllowedRoles()))}
				}
				before := c
				c.Managed, c.Terms = managed, terms
				if err := tx.UpdateClient(ctx, c); err != nil {
					return err
				}
				if err := tx.SetClientTerms(ctx, c.ID, c.Own, c.Terms); err != nil {
					return err
				}
				clients[strings.ToLower(r.Client)] = c
				if !fresh[c.ID] {
					n.Updated++
				}
				err = tx.Audit(ctx, now, who.String(), "client.import", "client", c.ID, before, c)
			case "contact":
				err = importContact(ctx, tx, who, c, r, now, &n, demoted)
			case "site":
				err = importSite(ctx, tx, who, c, r, now, &n)
			}
			if err != nil {
				return rowErr(r, r.Row, err)
			}
		}
		var left []error
		for clientID, line := range demoted { // a client always has an authorised contact
			if _, err := tx.ContactWithRole(ctx, clientID, model.ContactAuthorised); errors.Is(err, model.ErrNotFound) {
				left = append(left, model.RowError{Line: line, Column: "role", Msg: "takes the authorised role and no row gives it to another contact; a client always has one"})
			} else if err != nil {
				return err
			}
		}
		slices.SortFunc(left, func(a, b error) int { return cmp.Compare(a.(model.RowError).Line, b.(model.RowError).Line) })
		return errors.Join(left...)
	})
	return n, err
}

// cmpOr is what a cell said when it said anything, else what is on file.
func cmpOr[T any](given bool, said, kept T) T {
	if given {
		return said
	}
	return kept
}

func rowErr(r model.ClientRow, column string, err error) error {
	var fe model.FieldError
	if errors.As(err, &fe) {
		column = fe.Field
		return model.RowError{Line: r.Line, Column: column, Msg: fe.Msg}
	}
	return model.RowError{Line: r.Line, Column: column, Msg: err.Error()}
}

func importContact(ctx context.Context, tx *store.Tx, who model.Actor, c model.Client, r model.ClientRow, now time.Time, n *Imported, demoted map[int64]int) error {
	want := r.Contact
	want.ClientID = c.ID
	have, err := tx.ContactByName(ctx, c.ID, want.Name)
	if errors.Is(err, model.ErrNotFound) {
		if want.Role.MayApprove() {
			if _, err := passRole(ctx, tx, who, want, now); err != nil {
				return err
			}
		}
		if want, err = tx.InsertContact(ctx, want); err != nil {
			return err
		}
		n.Created++
		return tx.Audit(ctx, now, who.String(), "contact.import", "contact", want.ID, nil, want)
	}
	if err != nil {
		return err
	}
	// An empty cell keeps what is on file: a list made elsewhere may lack a
	// phone the office has.
	want.Phone, want.Email = cmp.Or(want.Phone, have.Phone), cmp.Or(want.Email, have.Email)
	if have.Role == want.Role && have.Phone == want.Phone && have.Email == want.Email {
		n.Unchanged++
		return nil
	}
	if have.Role == model.ContactAuthorised && want.Role != model.ContactAuthorised {
		demoted[c.ID] = r.Line // unless a later row makes another contact authorised
	}
	if have.Role.MayApprove() && want.Role != have.Role {
		n.StoodDown = append(n.StoodDown, fmt.Sprintf("%s is no longer the %s contact of %s", have.Name, have.Role, c.Name))
	}
	want.ID = have.ID
	if want.Role.MayApprove() && want.Role != have.Role {
		was, err := passRole(ctx, tx, who, want, now)
		if err != nil {
			return err
		}
		if was != "" {
			n.StoodDown = append(n.StoodDown, fmt.Sprintf("%s is no longer the %s contact of %s", was, want.Role, c.Name))
		}
	}
	if err := tx.UpdateContact(ctx, want); err != nil {
		return err
	}
	n.Updated++
	return tx.Audit(ctx, now, who.String(), "contact.import", "contact", want.ID, have, want)
}

func importSite(ctx context.Context, tx *store.Tx, who model.Actor, c model.Client, r model.ClientRow, now time.Time, n *Imported) error {
	want := r.Site
	want.ClientID = c.ID
	have, err := tx.SiteByName(ctx, c.ID, want.Name)
	if errors.Is(err, model.ErrNotFound) {
		if want, err = tx.InsertSite(ctx, want); err != nil {
			return err
		}
		n.Created++
		return tx.Audit(ctx, now, who.String(), "site.import", "site", want.ID, nil, want)
	}
	if err != nil {
		return err
	}
	if !r.TravelGiven {
		want.Travel = have.Travel
	}
	want.Address = cmp.Or(want.Address, have.Address)
	if have.Address == want.Address && have.Travel == want.Travel {
		n.Unchanged++
		return nil
	}
	want.ID = have.ID
	if err := tx.UpdateSite(ctx, want); err != nil {
		return err
	}
	n.Updated++
	return tx.Audit(ctx, now, who.String(), "site.import", "site", want.ID, have, want)
}

// ClientList is every client with its contacts and sites, for an export.
func (d *Door) ClientList(ctx context.Context, who model.Actor) ([]model.Client, map[int64][]model.Contact, map[int64][]model.Site, error) {
	var clients []model.Client
	contacts, sites := map[int64][]model.Contact{}, map[int64][]model.Site{}
	err := d.read(ctx, who, model.ActManageClients, func(tx *store.Tx) error {
		var err error
		if clients, err = tx.Clients(ctx); err != nil {
			return err
		}
		for _, c := range clients {
			if contacts[c.ID], err = tx.Contacts(ctx, c.ID); err != nil {
				return err
			}
			if sites[c.ID], err = tx.Sites(ctx, c.ID); err != nil {
				return err
			}
		}
		return nil
	})
	return clients, contacts, sites, err
}
