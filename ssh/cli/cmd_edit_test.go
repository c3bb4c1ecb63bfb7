package cli

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

// A script that read a ticket, then edits it after someone else did, is
// refused and told who; without --if-version the edit is made from what
// it reads now.
func TestTicketEditOverCommands(t *testing.T) {
	h := newHarness(t)
	h.office()
	h.mustRun("rita", "ticket", "new", "--client", "Acme Dental", "--contact", "Dana Ruiz", "--title", "Router", "--scope", "Swap it", "--priority", "P2", "--estimate", "1h")
	var read struct{ Version int64 }
	json.Unmarshal([]byte(h.mustRun("rita", "ticket", "show", "T-1001", "--json")), &read)

	if out := h.mustRun("ann", "ticket", "edit", "T-1001", "--title", "Router and switch"); !strings.Contains(out, "edited T-1001  Router and switch") {
		t.Errorf("edit: %s", out)
	}
	_, errs, code := h.run("rita", "ticket", "edit", "T-1001", "--estimate", "2h", "--if-version", strconv.FormatInt(read.Version, 10))
	if code != ExitError || !strings.Contains(errs, `was changed by ann (admin) while you edited it; it now reads "Router and switch"`) {
		t.Errorf("a stale edit: exit %d: %s", code, errs)
	}
	for _, tt := range []struct {
		argv []string
		code int
		says string
	}{
		{[]string{"ticket", "edit", "T-1001"}, ExitUsage, "give at least one of --client, --contact, --site, --priority, --title, --scope, --estimate"},
		{[]string{"ticket", "edit", "T-1001", "--contact", "Nobody"}, ExitError, "contact"},
		{[]string{"ticket", "edit", "T-1001", "--priority", "P1"}, ExitOK, ""},
		{[]string{"ticket", "edit", "T-1001", "--estimate", "lots"}, ExitError, "estimate"},
		{[]string{"ticket", "edit", "T-1001", "--title", "x", "--if-version", "three"}, ExitError, "give the number ticket show --json printed"},
		{[]string{"ticket", "edit", "T-1001", "--title", "Router and switch"}, ExitError, "already says that"},
	} {
		if _, errs, code := h.run("rita", tt.argv...); code != tt.code || !strings.Contains(errs, tt.says) {
			t.Errorf("%v: exit %d, %s", tt.argv, code, errs)
		}
	}
}
