package model

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// RecordChange is a change to a client's own record — its terms, name or
// contract, a contact, a site — as the audit kept it when it was made:
// who, when, and the thing before and after.
type RecordChange struct {
	At            time.Time
	By            string
	Action        string // terms.client, client.edit, contact.edit, contact.role, site.edit
	Ref           string // what changed: C-11, P-42, L-7
	Before, After string // as the audit stored them, JSON
}

// Describe says what a change did, in a sentence that stands alone, and
// which kind of timeline entry it is; ok is false when it changed nothing
// a client's record shows.
func (c RecordChange) Describe() (EntryKind, string, bool) {
	switch c.Action {
	case "terms.client":
		var b, a BillingTerms
		if !decode(c.Before, &b) || !decode(c.After, &a) {
			return "", "", false
		}
		diffs := termsDiff(b, a)
		return EntryTerms, "terms changed: " + strings.Join(diffs, "; "), len(diffs) > 0
	case "client.edit":
		var b, a Client
		if !decode(c.Before, &b) || !decode(c.After, &a) {
			return "", "", false
		}
		var out []string
		if a.Name != b.Name {
			out = append(out, fmt.Sprintf("renamed from %s to %s", b.Name, a.Name))
		}
		if a.Managed != b.Managed {
			out = append(out, map[bool]string{true: "now under a managed-service contract", false: "no longer under a managed-service contract"}[a.Managed])
		}
		return EntryChange, strings.Join(out, "; "), len(out) > 0
	case "contact.edit", "contact.role":
		var b, a Contact
		if !decode(c.Before, &b) || !decode(c.After, &a) {
			return "", "", false
		}
		return EntryChange, contactDiff(b, a), contactDiff(b, a) != ""
	case "site.edit":
		var b, a Site
		if !decode(c.Before, &b) || !decode(c.After, &a) {
			return "", "", false
		}
		var out []string
		if a.Name != b.Name {
			out = append(out, "renamed to "+a.Name)
		}
		if a.Address != b.Address {
			out = append(out, "now at "+a.Address)
		}
		if a.Travel != b.Travel {
			out = append(out, fmt.Sprintf("%s away, not %s", FormatDuration(a.Travel), FormatDuration(b.Travel)))
		}
		return EntryChange, fmt.Sprintf("site %s: %s", b.Name, strings.Join(out, "; ")), len(out) > 0
	}
	return "", "", false
}

func decode(raw string, v any) bool { return raw != "" && json.Unmarshal([]byte(raw), v) == nil }

// termsDiff names each setting that moved, from what to what.
func termsDiff(b, a BillingTerms) []string {
	var out []string
	if a.Rate != b.Rate {
		out = append(out, fmt.Sprintf("rate %s/h, was %s/h", a.Rate, b.Rate))
	}
	if was, is := b.Travel.Describe(b.Rate), a.Travel.Describe(a.Rate); was != is {
		out = append(out, fmt.Sprintf("%s, was %s", is, strings.TrimPrefix(was, "travel ")))
	}
	if was, is := b.RoundingText(), a.RoundingText(); was != is {
		out = append(out, fmt.Sprintf("%s, was %s", is, was))
	}
	if a.Minimum != b.Minimum {
		out = append(out, fmt.Sprintf("minimum %s, was %s", FormatDuration(a.Minimum), FormatDuration(b.Minimum)))
	}
	if a.Payment != b.Payment {
		out = append(out, fmt.Sprintf("payment %s, was %s", a.Payment, b.Payment))
	}
	return out
}

// contactDiff says what changed of a contact: the role first.
func contactDiff(b, a Contact) string {
	var out []string
	switch {
	case a.Role != b.Role && a.Role.MayApprove():
		out = append(out, fmt.Sprintf("%s is now the %s contact", a.Name, a.Role))
	case a.Role != b.Role:
		out = append(out, fmt.Sprintf("%s is no longer the %s contact", a.Name, b.Role))
	}
	if a.Name != b.Name {
		out = append(out, fmt.Sprintf("%s is now %s", b.Name, a.Name))
	}
	if a.Phone != b.Phone {
		out = append(out, fmt.Sprintf("%s's phone is now %s", a.Name, orNone(a.Phone)))
	}
	if a.Email != b.Email {
		out = append(out, fmt.Sprintf("%s's email is now %s", a.Name, orNone(a.Email)))
	}
	return strings.Join(out, "; ")
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
