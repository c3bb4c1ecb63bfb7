package model

import (
	"fmt"
	"net/mail"
	"strings"
	"time"
)

// Terms is how a client pays: new clients on delivery, trusted ones net N days.
type Terms struct{ NetDays int }

func (t Terms) String() string {
	if t.NetDays == 0 {
		return "on delivery"
	}
	return fmt.Sprintf("net %d", t.NetDays)
}

// ParseTerms reads "delivery", "cod" or "net30" / "net 30".
func ParseTerms(s string) (Terms, error) {
	in := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), " ", ""))
	switch in {
	case "", "delivery", "ondelivery", "cod", "cash":
		return Terms{}, nil
	}
	var n int
	if _, err := fmt.Sscanf(in, "net%d", &n); err == nil && n > 0 && n <= 120 && fmt.Sprintf("net%d", n) == in {
		return Terms{NetDays: n}, nil
	}
	return Terms{}, FieldError{Field: "terms", Msg: fmt.Sprintf("%q is not payment terms; use delivery or net10, net30 …", s)}
}

// Client is a company the office works for.
type Client struct {
	ID          int64
	Name        string
	Terms       Terms
	Own         OwnTerms // its own billing terms over the office's
	Managed     bool     // under a managed-service contract
	CreatedAt   time.Time
	RatesHidden bool // read by someone who may not see rates and terms
}

// SeenBy is the client as a role may see it: the office sees its rates and
// terms, a technician does not.
func (c Client) SeenBy(r Role) Client {
	if r.Can(ActSeeRates) {
		return c
	}
	c.Own, c.Terms, c.RatesHidden = OwnTerms{}, Terms{}, true
	return c
}

// Validate cleans and checks a client.
func (c *Client) Validate() error {
	c.Name = CleanLine(c.Name)
	var inv Invalid
	inv.Add("name", ValidateName("name", c.Name))
	inv.Add("rate", c.Own.Validate())
	return inv.Err()
}

// ContactRole says who may approve work: exactly one authorised contact and
// at most one backup per client; everyone else may ask, not approve.
type ContactRole string

const (
	ContactAuthorised ContactRole = "authorised"
	ContactBackup     ContactRole = "backup"
	ContactOther      ContactRole = "other"
)

// MayApprove reports whether this contact can approve work for the client.
func (r ContactRole) MayApprove() bool { return r == ContactAuthorised || r == ContactBackup }

// Contact is a person at a client.
type Contact struct {
	ID       int64
	ClientID int64
	Name     string
	Role     ContactRole
	Phone    string
	Email    string
	Archived bool // removed, but named in history: shown in old records only
}

// CheckEmail checks an email address as typed ("" is none).
func CheckEmail(email string) error {
	if err := (TextLimit{Field: "email", Max: 120}).Check(email); err != nil {
		return err
	}
	if email == "" {
		return nil
	}
	local, domain, _ := strings.Cut(email, "@")
	a, err := mail.ParseAddress(email)
	if err != nil || a.Name != "" || a.Address != email || local == "" || domain == "" || strings.ContainsAny(domain, "@ ") ||
		strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") {
		return FieldError{Field: "email", Msg: fmt.Sprintf("%q is not an email address; write it like dana@acme.example", email)}
	}
	return nil
}

// Validate cleans and checks a contact.
func (c *Contact) Validate() error {
	c.Name, c.Phone, c.Email = CleanLine(c.Name), CleanLine(c.Phone), CleanLine(c.Email)
	if c.Role == "" {
		c.Role = ContactOther
	}
	var inv Invalid
	inv.Add("name", ValidateName("name", c.Name))
	inv.Add("phone", TextLimit{Field: "phone", Max: 40}.Check(c.Phone))
	inv.Add("email", CheckEmail(c.Email))
	switch c.Role {
	case ContactAuthorised, ContactBackup, ContactOther:
	default:
		inv.Add("role", FieldError{Field: "role", Msg: fmt.Sprintf("%q is not a contact role; use authorised, backup or other", c.Role)})
	}
	return inv.Err()
}

// Site is an address where work happens, with its usual travel time.
type Site struct {
	ID       int64
	ClientID int64
	Name     string
	Address  string
	Travel   time.Duration
	Archived bool // removed, but named in history: shown in old records only
}

// Validate cleans and checks a site.
func (s *Site) Validate() error {
	s.Name, s.Address = CleanLine(s.Name), CleanLine(s.Address)
	var inv Invalid
	inv.Add("name", ValidateName("name", s.Name))
	inv.Add("address", TextLimit{Field: "address", Max: 200}.Check(s.Address))
	if s.Travel < 0 || s.Travel > 24*time.Hour {
		inv.Add("travel", FieldError{Field: "travel", Msg: "must be between 0 and 24h"})
	}
	return inv.Err()
}

// ClientsNamed are the clients whose names hold every word typed, any case:
// "acme" finds Acme Dental.
func ClientsNamed(clients []Client, typed string) []Client {
	words := strings.Fields(strings.ToLower(CleanLine(typed)))
	if len(words) == 0 {
		return nil
	}
	var out []Client
	for _, c := range clients {
		name, all := strings.ToLower(c.Name), true
		for _, w := range words {
			all = all && strings.Contains(name, w)
		}
		if all {
			out = append(out, c)
		}
	}
	return out
}

// Names lists clients' names for a sentence: "A, B or C", the first few.
func Names(clients []Client) string {
	const shown = 5
	var names []string
	for i, c := range clients {
		if i == shown {
			names[len(names)-1] += fmt.Sprintf(" (and %d more)", len(clients)-shown)
			break
		}
		names = append(names, c.Name)
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
