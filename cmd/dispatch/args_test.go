package main

import (
	"strings"
	"testing"
)

func TestDBFlagMayComeFirst(t *testing.T) {
	tests := []struct{ in, want string }{
		{"--db office.db user list", "user --db office.db list"},
		{"-db office.db backup copy.db", "backup -db office.db copy.db"},
		{"--db=office.db board", "board --db=office.db"},
		{"user list --db office.db", "user list --db office.db"},
		{"--db office.db", "--db office.db"}, // no command: the usage says what to do
		{"serve --demo", "serve --demo"},
	}
	for _, tt := range tests {
		if got := strings.Join(dbFlagAfterCommand(strings.Fields(tt.in)), " "); got != tt.want {
			t.Errorf("dbFlagAfterCommand(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
