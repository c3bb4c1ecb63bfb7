package model

import "testing"

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
