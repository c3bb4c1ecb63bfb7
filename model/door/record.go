package door

import (
	"context"
	"errors"
	"fmt"
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

// EditContact changes a contact. Making one the authorised contact or the
// backup passes the role from whoever held it, who becomes a contact who
// may ask, in the same transaction; the record says who changed it.
func (d *Door) EditContact(ctx context.Context, who model.Actor, id int64, ch ContactChange) (model.Contact, error) {
	var c model.Contact
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
			if err := passRole(ctx, tx, who, c, now); err != nil {
				return err
			}
		}
		if err := tx.UpdateContact(ctx, c); err != nil {
			return err
		}
		return tx.Audit(ctx, now, who.String(), "contact.edit", "contact", id, before, c)
	})
	return c, err
}

// passRole takes the role c is given from whoever holds it now.
func passRole(ctx context.Context, tx *store.Tx, who model.Actor, c model.Contact, now time.Time) error {
	holder, err := tx.ContactWithRole(ctx, c.ClientID, c.Role)
	if errors.Is(err, model.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	was := holder
	holder.Role = model.ContactOther
	if err := tx.UpdateContact(ctx, holder); err != nil {
		return err
	}
	return tx.Audit(ctx, now, who.String(), "contact.role", "contact", holder.ID, was, holder)
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
