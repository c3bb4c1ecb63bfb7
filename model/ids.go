package model

import (
	"fmt"
	"strconv"
	"strings"
)

// Kind prefixes make identifiers readable in speech and in scripts: T-1042 is
// a ticket, V-311 a visit.
const (
	PrefixTicket  = "T"
	PrefixVisit   = "V"
	PrefixClient  = "C"
	PrefixContact = "P"
	PrefixSite    = "L" // a location: S is for scope requests, which people say aloud
	PrefixEvent   = "E"
	PrefixScope   = "S" // a "while you're here" request
	PrefixInvoice = "I"
	PrefixCredit  = "CN" // a credit note: C alone is a client
	PrefixPart    = "PT" // P alone is a contact
	PrefixAuth    = "A"  // a work authorisation
	PrefixNotice  = "N"  // a notice of a change of price or policy
	PrefixOutbox  = "O"  // a letter in the outbox
	PrefixMeeting = "M"
)

var prefixName = map[string]string{
	PrefixTicket: "ticket", PrefixVisit: "visit", PrefixClient: "client",
	PrefixContact: "contact", PrefixSite: "site", PrefixEvent: "event", PrefixScope: "scope request",
	PrefixInvoice: "invoice", PrefixCredit: "credit note", PrefixPart: "part", PrefixAuth: "work authorisation",
	PrefixNotice: "notice", PrefixMeeting: "meeting", PrefixOutbox: "letter",
}

// prefixOf is the kind prefix a typed id starts with, longest first (CN-4
// is a credit note, not a client), or "" for a bare number.
func prefixOf(s string) string {
	upper := strings.ToUpper(s)
	best := ""
	for p := range prefixName {
		if len(p) > len(best) && strings.HasPrefix(upper, p) && isIDBody(upper[len(p):]) {
			best = p
		}
	}
	return best
}

// isIDBody reports whether what follows a prefix reads as an id: "-12" or "12".
func isIDBody(s string) bool {
	s = strings.TrimPrefix(s, "-")
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// FormatID renders an id with its prefix: FormatID("T", 1042) == "T-1042".
func FormatID(prefix string, id int64) string { return prefix + "-" + strconv.FormatInt(id, 10) }

// ParseID reads "T-1042", "t-1042", "t1042" or a bare "1042" as an id of the
// given kind; another kind's prefix is refused by name.
func ParseID(prefix, s string) (int64, error) {
	name := prefixName[prefix]
	in := strings.TrimSpace(s)
	body := in
	if len(body) > 0 && (body[0] < '0' || body[0] > '9') {
		p := prefixOf(body)
		if p == "" {
			p = strings.ToUpper(body[:1])
		}
		if p != prefix {
			if other, ok := prefixName[p]; ok {
				return 0, FieldError{Field: name, Msg: fmt.Sprintf("%q is %s %s id; expected %s %s id like %s", s, article(other), other, article(name), name, FormatID(prefix, 12))}
			}
			return 0, FieldError{Field: name, Msg: fmt.Sprintf("%q is not a %s id; expected one like %s", s, name, FormatID(prefix, 12))}
		}
		body = strings.TrimPrefix(body[len(p):], "-")
	}
	n, err := strconv.ParseInt(body, 10, 64)
	if err != nil || n <= 0 || strings.HasPrefix(body, "+") {
		return 0, FieldError{Field: name, Msg: fmt.Sprintf("%q is not a %s id; expected one like %s", s, name, FormatID(prefix, 12))}
	}
	return n, nil
}

// article is "a" or "an" before a word.
func article(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}
