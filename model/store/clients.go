package store

import (
	"context"
	"database/sql"
	"time"

	"dispatch/model"
)

// InsertClient stores a new client.
func (t *Tx) InsertClient(ctx context.Context, c model.Client) (model.Client, error) {
	err := t.queryRow(ctx, `INSERT INTO clients (name, net_days, managed, created_at) VALUES (?, ?, ?, ?) RETURNING id`,
		c.Name, c.Terms.NetDays, b2i(c.Managed), unix(c.CreatedAt)).Scan(&c.ID)
	if err != nil {
		return c, err
	}
	return c, t.SetClientTerms(ctx, c.ID, c.Own, c.Terms)
}

// SetClientTerms stores a client's own billing terms and payment terms.
func (t *Tx) SetClientTerms(ctx context.Context, clientID int64, o model.OwnTerms, pay model.Terms) error {
	_, err := t.exec(ctx, `UPDATE clients SET hourly_rate = ?, travel_kind = ?, travel_cents = ?, rounding_seconds = ?,
		rounding_mode = ?, rounding_scope = ?, minimum_seconds = ?, net_days = ? WHERE id = ?`,
		o.Rate, nullText(string(o.Travel.Kind)), o.Travel.Amount, nullSeconds(o.Increment), nullText(string(o.Mode)),
		nullText(string(o.Scope)), nullSeconds(o.Minimum), pay.NetDays, clientID)
	return err
}

func nullText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullSeconds(d *time.Duration) any {
	if d == nil {
		return nil
	}
	return int64(*d / time.Second)
}

func durationOf(n sql.NullInt64) *time.Duration {
	if !n.Valid {
		return nil
	}
	d := time.Duration(n.Int64) * time.Second
	return &d
}

const clientCols = `id, name, net_days, hourly_rate, travel_kind, travel_cents, rounding_seconds, rounding_mode, rounding_scope,
	minimum_seconds, managed, created_at`

func scanClient(row scanner) (model.Client, error) {
	var c model.Client
	var created int64
	var travel, mode, scope sql.NullString
	var rounding, minimum sql.NullInt64
	err := row.Scan(&c.ID, &c.Name, &c.Terms.NetDays, &c.Own.Rate, &travel, &c.Own.Travel.Amount, &rounding, &mode, &scope,
		&minimum, &c.Managed, &created)
	c.Own.Travel.Kind, c.Own.Mode, c.Own.Scope = model.TravelKind(travel.String), model.RoundingMode(mode.String), model.RoundingScope(scope.String)
	c.Own.Increment, c.Own.Minimum = durationOf(rounding), durationOf(minimum)
	c.CreatedAt = fromUnix(created)
	return c, err
}

// ClientByID finds a client.
func (t *Tx) ClientByID(ctx context.Context, id int64) (model.Client, error) {
	c, err := scanClient(t.queryRow(ctx, `SELECT `+clientCols+` FROM clients WHERE id = ?`, id))
	return c, notFound(err, "client", model.FormatID(model.PrefixClient, id), "see: client list")
}

// ClientByName finds a client by exact name, any case.
func (t *Tx) ClientByName(ctx context.Context, name string) (model.Client, error) {
	c, err := scanClient(t.queryRow(ctx, `SELECT `+clientCols+` FROM clients WHERE name = ?`, name))
	return c, notFound(err, "client", name, "see: client list")
}

// Clients lists every client by name.
func (t *Tx) Clients(ctx context.Context) ([]model.Client, error) {
	return queryAll(ctx, t, scanClient, `SELECT `+clientCols+` FROM clients ORDER BY name`)
}

// HasTickets reports whether a client has any ticket yet (the next is then not a first job).
func (t *Tx) HasTickets(ctx context.Context, clientID int64) (bool, error) {
	var n int
	err := t.queryRow(ctx, `SELECT EXISTS (SELECT 1 FROM tickets WHERE client_id = ?)`, clientID).Scan(&n)
	return n == 1, err
}

// HasOtherTickets reports whether the client has any ticket but this one.
func (t *Tx) HasOtherTickets(ctx context.Context, clientID, ticketID int64) (bool, error) {
	var n int
	err := t.queryRow(ctx, `SELECT EXISTS (SELECT 1 FROM tickets WHERE client_id = ? AND id <> ?)`, clientID, ticketID).Scan(&n)
	return n == 1, err
}

// InsertContact stores a new contact.
func (t *Tx) InsertContact(ctx context.Context, c model.Contact) (model.Contact, error) {
	err := t.queryRow(ctx, `INSERT INTO contacts (client_id, name, role, phone, email)
		VALUES (?, ?, ?, ?, ?) RETURNING id`, c.ClientID, c.Name, c.Role, c.Phone, c.Email).Scan(&c.ID)
	return c, err
}

const contactCols = `id, client_id, name, role, phone, email, archived_at IS NOT NULL`

func scanContact(row scanner) (model.Contact, error) {
	var c model.Contact
	err := row.Scan(&c.ID, &c.ClientID, &c.Name, &c.Role, &c.Phone, &c.Email, &c.Archived)
	return c, err
}

// ContactByID finds a contact.
func (t *Tx) ContactByID(ctx context.Context, id int64) (model.Contact, error) {
	c, err := scanContact(t.queryRow(ctx, `SELECT `+contactCols+` FROM contacts WHERE id = ?`, id))
	return c, notFound(err, "contact", model.FormatID(model.PrefixContact, id), "")
}

// ContactByName finds a client's contact by name, any case.
func (t *Tx) ContactByName(ctx context.Context, clientID int64, name string) (model.Contact, error) {
	c, err := scanContact(t.queryRow(ctx, `SELECT `+contactCols+` FROM contacts
		WHERE client_id = ? AND name = ? AND archived_at IS NULL`, clientID, name))
	return c, notFound(err, "contact", name, "see: client list --contacts")
}

// ContactWithRole finds the client's authorised or backup contact, if any.
func (t *Tx) ContactWithRole(ctx context.Context, clientID int64, role model.ContactRole) (model.Contact, error) {
	c, err := scanContact(t.queryRow(ctx, `SELECT `+contactCols+` FROM contacts
		WHERE client_id = ? AND role = ?`, clientID, role))
	return c, notFound(err, string(role)+" contact", "", "")
}

// Contacts lists a client's contacts, archived ones left out: authorised,
// backup, then the rest by name.
func (t *Tx) Contacts(ctx context.Context, clientID int64) ([]model.Contact, error) {
	return queryAll(ctx, t, scanContact, `SELECT `+contactCols+` FROM contacts WHERE client_id = ? AND archived_at IS NULL
		ORDER BY CASE role WHEN 'authorised' THEN 0 WHEN 'backup' THEN 1 ELSE 2 END, name`, clientID)
}

// UpdateContact stores a contact's name, role, phone and email.
func (t *Tx) UpdateContact(ctx context.Context, c model.Contact) error {
	_, err := t.exec(ctx, `UPDATE contacts SET name = ?, role = ?, phone = ?, email = ? WHERE id = ?`, c.Name, c.Role, c.Phone, c.Email, c.ID)
	return err
}

// ContactInHistory reports whether any record names the contact: a ticket,
// a check-in or out, a request or decision, an authorisation, a part. It
// reads through the client's own tickets, never the whole history.
func (t *Tx) ContactInHistory(ctx context.Context, c model.Contact) (bool, error) {
	var n int
	err := t.queryRow(ctx, `WITH theirs AS (SELECT v.id FROM tickets t JOIN visits v ON v.ticket_id = t.id WHERE t.client_id = ?1)
		SELECT EXISTS (SELECT 1 FROM tickets WHERE client_id = ?1 AND contact_id = ?2)
		OR EXISTS (SELECT 1 FROM visit_events WHERE visit_id IN (SELECT id FROM theirs) AND contact_id = ?2)
		OR EXISTS (SELECT 1 FROM scope_requests s WHERE s.visit_id IN (SELECT id FROM theirs)
			AND (s.asked_by_contact = ?2 OR EXISTS (SELECT 1 FROM scope_decisions d WHERE d.request_id = s.id AND d.contact_id = ?2)))
		OR EXISTS (SELECT 1 FROM work_authorisations WHERE contact_id = ?2)
		OR EXISTS (SELECT 1 FROM parts WHERE approved_by = ?2)`, c.ClientID, c.ID).Scan(&n)
	return n == 1, err
}

// ArchivedContact finds a removed contact of a client by name, any case.
func (t *Tx) ArchivedContact(ctx context.Context, clientID int64, name string) (model.Contact, error) {
	c, err := scanContact(t.queryRow(ctx, `SELECT `+contactCols+` FROM contacts
		WHERE client_id = ? AND name = ? AND archived_at IS NOT NULL`, clientID, name))
	return c, notFound(err, "removed contact", name, "")
}

// RestoreContact brings a removed contact back, as given.
func (t *Tx) RestoreContact(ctx context.Context, c model.Contact) error {
	_, err := t.exec(ctx, `UPDATE contacts SET archived_at = NULL, role = ?, phone = ?, email = ? WHERE id = ?`, c.Role, c.Phone, c.Email, c.ID)
	return err
}

// RequesterOfOpenWork reports whether an open ticket has the contact as its requester.
func (t *Tx) RequesterOfOpenWork(ctx context.Context, c model.Contact) (bool, error) {
	var n int
	err := t.queryRow(ctx, `SELECT EXISTS (SELECT 1 FROM tickets WHERE client_id = ? AND contact_id = ? AND status = 'open')`, c.ClientID, c.ID).Scan(&n)
	return n == 1, err
}

// RemoveContact archives a contact history names (it stays in old records,
// without a role) or deletes one it does not.
func (t *Tx) RemoveContact(ctx context.Context, id int64, inHistory bool, at time.Time) error {
	q, args := `DELETE FROM contacts WHERE id = ?`, []any{id}
	if inHistory {
		q, args = `UPDATE contacts SET archived_at = ?, role = 'other' WHERE id = ?`, []any{unix(at), id}
	}
	_, err := t.exec(ctx, q, args...)
	return err
}

// InsertSite stores a new site.
func (t *Tx) InsertSite(ctx context.Context, s model.Site) (model.Site, error) {
	err := t.queryRow(ctx, `INSERT INTO sites (client_id, name, address, travel_seconds)
		VALUES (?, ?, ?, ?) RETURNING id`, s.ClientID, s.Name, s.Address, int64(s.Travel/time.Second)).Scan(&s.ID)
	return s, err
}

const siteCols = `id, client_id, name, address, travel_seconds, archived_at IS NOT NULL`

func scanSite(row scanner) (model.Site, error) {
	var s model.Site
	var travel int64
	err := row.Scan(&s.ID, &s.ClientID, &s.Name, &s.Address, &travel, &s.Archived)
	s.Travel = time.Duration(travel) * time.Second
	return s, err
}

// SiteByID finds a site.
func (t *Tx) SiteByID(ctx context.Context, id int64) (model.Site, error) {
	s, err := scanSite(t.queryRow(ctx, `SELECT `+siteCols+` FROM sites WHERE id = ?`, id))
	return s, notFound(err, "site", model.FormatID(model.PrefixSite, id), "")
}

// SiteByName finds a client's site by name, any case.
func (t *Tx) SiteByName(ctx context.Context, clientID int64, name string) (model.Site, error) {
	s, err := scanSite(t.queryRow(ctx, `SELECT `+siteCols+` FROM sites
		WHERE client_id = ? AND name = ? AND archived_at IS NULL`, clientID, name))
	return s, notFound(err, "site", name, "see: client list --sites")
}

// Sites lists a client's sites by name, archived ones left out.
func (t *Tx) Sites(ctx context.Context, clientID int64) ([]model.Site, error) {
	return queryAll(ctx, t, scanSite, `SELECT `+siteCols+` FROM sites WHERE client_id = ? AND archived_at IS NULL ORDER BY name`, clientID)
}

// UpdateSite stores a site's name, address and travel time.
func (t *Tx) UpdateSite(ctx context.Context, s model.Site) error {
	_, err := t.exec(ctx, `UPDATE sites SET name = ?, address = ?, travel_seconds = ? WHERE id = ?`,
		s.Name, s.Address, int64(s.Travel/time.Second), s.ID)
	return err
}

// SiteInHistory reports whether a ticket names the site, and whether an
// open one does (work is still to be done there).
func (t *Tx) SiteInHistory(ctx context.Context, id int64) (used, open bool, err error) {
	err = t.queryRow(ctx, `SELECT EXISTS (SELECT 1 FROM tickets t JOIN sites s ON s.client_id = t.client_id WHERE s.id = ?1 AND t.site_id = ?1),
		EXISTS (SELECT 1 FROM tickets t JOIN sites s ON s.client_id = t.client_id WHERE s.id = ?1 AND t.site_id = ?1 AND t.status = 'open')`,
		id).Scan(&used, &open)
	return used, open, err
}

// RemoveSite archives a site history names, or deletes one it does not.
func (t *Tx) RemoveSite(ctx context.Context, id int64, inHistory bool, at time.Time) error {
	q, args := `DELETE FROM sites WHERE id = ?`, []any{id}
	if inHistory {
		q, args = `UPDATE sites SET archived_at = ? WHERE id = ?`, []any{unix(at), id}
	}
	_, err := t.exec(ctx, q, args...)
	return err
}

// UpdateClient stores a client's name and contract.
func (t *Tx) UpdateClient(ctx context.Context, c model.Client) error {
	_, err := t.exec(ctx, `UPDATE clients SET name = ?, managed = ? WHERE id = ?`, c.Name, b2i(c.Managed), c.ID)
	return err
}
