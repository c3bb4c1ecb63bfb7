package main

import (
	"context"
	"path/filepath"
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

// Without --tz a new office takes the machine's zone by name, so the policy
// shown to clients names a place, never "Local".
func TestANewOfficeNamesTheMachinesZone(t *testing.T) {
	t.Setenv("TZ", "America/Chicago")
	t.Setenv("DISPATCH_TZ", "")
	cfg := config{db: filepath.Join(t.TempDir(), "office.db")}
	st, d, err := cfg.office(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if got := d.Location().String(); got != "America/Chicago" {
		t.Errorf("office zone %q, want the machine's America/Chicago", got)
	}
}

func TestAZoneFilesPathNamesItsZone(t *testing.T) {
	t.Setenv("TZ", "/usr/share/zoneinfo/right/Europe/Paris")
	if got := machineZone(); got != "Europe/Paris" {
		t.Errorf("machineZone() = %q, want Europe/Paris", got)
	}
}
