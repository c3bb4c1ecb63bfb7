package model

import (
	"strings"
	"testing"
)

func TestPartOfANameFindsItsClient(t *testing.T) {
	clients := []Client{{Name: "Acme Dental"}, {Name: "Acme Labs"}, {Name: "Birchwood Law LLP"}}
	cases := []struct {
		typed string
		want  string
	}{
		{"birch", "Birchwood Law LLP"},
		{"ACME dent", "Acme Dental"},
		{"acme", "Acme Dental or Acme Labs"},
		{"law acme", ""},
		{"  ", ""},
	}
	for _, c := range cases {
		if got := Names(ClientsNamed(clients, c.typed)); got != c.want {
			t.Errorf("%q found %q, want %q", c.typed, got, c.want)
		}
	}
	many := make([]Client, 7)
	for i := range many {
		many[i].Name = string(rune('A' + i))
	}
	if got := Names(many); got != "A, B, C, D or E (and 2 more)" {
		t.Errorf("seven names read %q", got)
	}
}

func TestAnEmailAddress(t *testing.T) {
	for _, c := range []struct {
		email string
		ok    bool
	}{
		{"", true}, {"dana@acme.example", true}, {"dana.ruiz+it@acme-dental.co.uk", true},
		{"sam@", false}, {"@acme.example", false}, {"sam@@x", false}, {"sam@northside.example>", false},
		{"Dana <dana@acme.example>", false}, {"dana@acme .example", false}, {"dana@acme.example.", false}, {"not-an-email", false},
		{"a@b,c@d", false},
	} {
		if err := CheckEmail(c.email); (err == nil) != c.ok {
			t.Errorf("%q: %v", c.email, err)
		}
	}
}

// An address accepted is one a mail header and a calendar take whole: one
// address, no name, nothing that breaks a line.
func FuzzCheckEmail(f *testing.F) {
	for _, s := range []string{"dana@acme.example", "sam@", "a@b\r\nBcc: x@y", "\"a b\"@c.d", "ü@ü.example"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, email string) {
		if CheckEmail(email) != nil {
			return
		}
		if strings.ContainsAny(email, "\r\n<>,; ") {
			t.Errorf("accepted %q", email)
		}
	})
}
