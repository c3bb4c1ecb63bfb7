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
)

var prefixName = map[string]string{
	PrefixTicket: "ticket", PrefixVisit: "visit", PrefixClient: "client",
	PrefixContact: "contact", PrefixSite: "site", PrefixEvent: "event", PrefixScope: "scope request",
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
		p := strings.ToUpper(body[:1])
		if p != prefix {
			if other, ok := prefixName[p]; ok {
				return 0, FieldError{Field: name, Msg: fmt.Sprintf("%q is %s %s id; expected %s %s id like %s", s, article(other), other, article(name), name, FormatID(prefix, 12))}
			}
			return 0, FieldError{Field: name, Msg: fmt.Sprintf("%q is not a %s id; expected one like %s", s, name, FormatID(prefix, 12))}
		}
		body = strings.TrimPrefix(body[1:], "-")
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
