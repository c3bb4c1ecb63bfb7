package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/model/door/doortest"
)

type harness struct {
	t     testing.TB
	d     *door.Door
	clock *model.FixedClock
	users map[string]model.User
}

func newHarness(t testing.TB) *harness {
	t.Helper()
	o := doortest.Open(t, time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC))
	h := &harness{t: t, d: o.Door, clock: o.Clock, users: map[string]model.User{}}
	for name, role := range map[string]model.Role{"rita": model.RoleDispatcher, "sam": model.RoleTech, "ann": model.RoleAdmin} {
		h.users[name] = o.AddUser(t, name, role, "")
	}
	return h
}

// run executes a command line as a user and returns stdout, stderr and the exit code.
func (h *harness) run(user string, argv ...string) (string, string, int) {
	var out, errb bytes.Buffer
	code := Run(context.Background(), Env{Door: h.d, User: h.users[user], Fingerprint: "SHA256:test", Out: &out, Err: &errb}, argv)
	return out.String(), errb.String(), code
}

func (h *harness) mustRun(user string, argv ...string) string {
	h.t.Helper()
	out, errs, code := h.run(user, argv...)
	if code != 0 {
		h.t.Fatalf("%v: exit %d\n%s", argv, code, errs)
	}
	return out
}

func (h *harness) office() {
	h.mustRun("rita", "client", "new", "Acme Dental", "--rate", "125", "--terms", "net30", "--travel", "hourly")
	h.mustRun("rita", "contact", "add", "Dana Ruiz", "--client", "Acme Dental", "--authorised", "--phone", "555-0142", "--email", "dana@acme.example")
	h.mustRun("rita", "contact", "add", "Tom Becker", "--client", "acme dental", "--backup")
	h.mustRun("rita", "site", "add", "Main office", "--client", "Acme Dental", "--address", "12 Harbor Rd", "--travel", "45m")
}

func TestTicketLifecycleOverCommands(t *testing.T) {
	h := newHarness(t)
	h.office()
	out := h.mustRun("rita", "ticket", "new", "--client", "Acme Dental", "--contact", "Dana Ruiz", "--title", "Replace wireless router",
		"--scope", "Swap the office router, restore Wi-Fi, confirm all 10 PCs online", "--priority", "P2", "--estimate", "2h", "--json")
	var ticket ticketJSON
	if err := json.Unmarshal([]byte(out), &ticket); err != nil {
		t.Fatalf("ticket new --json is not JSON: %v\n%s", err, out)
	}
	if ticket.ID != "T-1001" || ticket.Site.Name != "Main office" || ticket.EstimateSeconds != 7200 || !ticket.FirstJob || ticket.Priority != "P2" {
		t.Errorf("ticket: %+v", ticket)
	}
	out = h.mustRun("rita", "visit", "schedule", "T-1001", "--tech", "sam", "--at", "2026-11-25 14:00")
	if !strings.Contains(out, "scheduled V-301: sam for T-1001 at 2026-11-25 14:00") {
		t.Errorf("schedule said: %s", out)
	}
	out = h.mustRun("sam", "ticket", "show", "T-1001")
	for _, want := range []string{"T-1001  Replace wireless router", "Dana Ruiz (authorised)", "first job", "V-301  2026-11-25 14:00  sam  scheduled"} {
		if !strings.Contains(out, want) {
			t.Errorf("ticket show lacks %q:\n%s", want, out)
		}
	}
	var b boardJSON
	if err := json.Unmarshal([]byte(h.mustRun("sam", "board", "--json")), &b); err != nil {
		t.Fatal(err)
	}
	if b.Sections[3].Name != "scheduled_today" || len(b.Sections[3].Tickets) != 1 || b.Sections[3].Tickets[0].Tech != "sam" {
		t.Errorf("board: %+v", b)
	}
	if out := h.mustRun("rita", "board"); !strings.Contains(out, "Scheduled today (1)") || !strings.Contains(out, "Replace wireless router") {
		t.Errorf("readable board:\n%s", out)
	}
	var clients []clientJSON
	json.Unmarshal([]byte(h.mustRun("rita", "client", "list", "--json")), &clients)
	if len(clients) != 1 || len(clients[0].Contacts) != 2 || clients[0].Terms != "net 30" || clients[0].HourlyRateCents != 12500 {
		t.Errorf("clients: %+v", clients)
	}
	// A technician needs the contacts and sites, not what the client pays.
	out = h.mustRun("sam", "client", "list", "--json")
	json.Unmarshal([]byte(out), &clients)
	if len(clients) != 1 || len(clients[0].Contacts) != 2 || !clients[0].RatesHidden || strings.Contains(out, "_rate_cents") || strings.Contains(out, "net 30") {
		t.Errorf("a technician's clients: %s", out)
	}
	if out := h.mustRun("sam", "client", "list"); strings.Contains(out, "$125") || strings.Contains(out, "RATE") {
		t.Errorf("a technician's client list:\n%s", out)
	}
}

func TestRefusalsAndErrors(t *testing.T) {
	h := newHarness(t)
	h.office()
	h.mustRun("rita", "ticket", "new", "--client", "Acme Dental", "--contact", "Dana Ruiz", "--title", "x", "--scope", "y", "--priority", "P2", "--estimate", "1h")
	tests := []struct {
		name string
		user string
		argv []string
		code int
		says string
	}{
		{"tech schedules", "sam", []string{"visit", "schedule", "T-1001", "--tech", "sam", "--at", "14:00"}, ExitError,
			"scheduling visits is for dispatchers, managers and admins; you are signed in as tech"},
		{"tech opens a ticket", "sam", []string{"ticket", "new", "--client", "Acme Dental"}, ExitError, "creating tickets is for"},
		{"tech adds a client", "sam", []string{"client", "new", "X"}, ExitError, "adding and changing clients"},
		{"unknown command", "rita", []string{"frobnicate"}, ExitUsage, "unknown command \"frobnicate\""},
		{"bad flag", "rita", []string{"board", "--colour"}, ExitUsage, "unknown flag --colour; its flags are below"},
		{"mistyped flag", "rita", []string{"board", "--jsn"}, ExitUsage, "unknown flag --jsn; did you mean --json?"},
		{"swapped letters", "rita", []string{"ticket", "edit", "T-1001", "--titel", "x"}, ExitUsage, "unknown flag --titel; did you mean --title?"},
		{"flag without its value", "sam", []string{"visit", "depart", "V-301", "--contact", "Dana Ruiz", "--follow-up"}, ExitUsage, "--follow-up needs a value after it"},
		{"a family alone", "rita", []string{"ticket"}, ExitUsage, "ticket show T-12"},
		{"missing flags named", "rita", []string{"ticket", "new", "--client", "Acme Dental"}, ExitUsage, "missing --contact, --estimate, --priority, --scope, --title"},
		{"extra argument", "rita", []string{"board", "now"}, ExitUsage, "unexpected argument"},
		{"bad estimate", "rita", []string{"ticket", "new", "--client", "Acme Dental", "--contact", "Dana Ruiz", "--title", "x", "--scope", "y", "--priority", "P9", "--estimate", "lots"},
			ExitError, "priority \"P9\" is not a priority"},
		{"unknown client", "rita", []string{"site", "add", "HQ", "--client", "Nobody", "--travel", "5m"}, ExitError, "no client Nobody (see: client list)"},
		{"unknown contact", "rita", []string{"ticket", "new", "--client", "Acme Dental", "--contact", "Dan", "--title", "x", "--scope", "y", "--priority", "P2", "--estimate", "1h"},
			ExitError, `contact "Dan" is not one of this client's contacts: Dana Ruiz`},
		{"unknown site", "rita", []string{"ticket", "new", "--client", "Acme Dental", "--contact", "Dana Ruiz", "--site", "Main", "--title", "x", "--scope", "y", "--priority", "P2", "--estimate", "1h"},
			ExitError, `site "Main" is not one of this client's sites: `},
		{"wrong kind of id", "rita", []string{"ticket", "show", "V-301"}, ExitError, "is a visit id; expected a ticket id"},
		{"bad time", "rita", []string{"visit", "schedule", "T-1001", "--tech", "sam", "--at", "teatime"}, ExitError, "write it like"},
		{"not a tech", "rita", []string{"visit", "schedule", "T-1001", "--tech", "rita", "--at", "14:00"}, ExitError, "rita is a dispatcher, not a technician"},
		{"second authorised", "rita", []string{"contact", "add", "Eve", "--client", "Acme Dental", "--authorised"}, ExitError, "already has an authorised contact, Dana Ruiz"},
		{"authorised and backup", "rita", []string{"contact", "add", "Eve", "--client", "Acme Dental", "--authorised", "--backup"}, ExitUsage, "exclusive"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs, code := h.run(tt.user, tt.argv...)
			if code != tt.code || !strings.Contains(errs, tt.says) {
				t.Errorf("exit %d (want %d), stderr:\n%s\nwant it to say %q", code, tt.code, errs, tt.says)
			}
			if tt.code == ExitUsage && !strings.Contains(errs, "usage:") {
				t.Errorf("a usage error must print usage:\n%s", errs)
			}
		})
	}
}

func TestOutputNeverCarriesControls(t *testing.T) {
	h := newHarness(t)
	h.office()
	hostile := "\x1b]52;c;SGVsbG8=\x07Router\x1b[2J\u202E"
	h.mustRun("rita", "ticket", "new", "--client", "Acme Dental", "--contact", "Dana Ruiz", "--title", hostile, "--scope", "ok\rFAKE\u009b2J", "--priority", "P3", "--estimate", "1h")
	for _, argv := range [][]string{{"board"}, {"ticket", "show", "T-1001"}, {"ticket", "show", "T-1001", "--json"}, {"board", "--json"}} {
		out := h.mustRun("rita", argv...)
		if strings.ContainsAny(out, "\x1b\r\u009b\u202E\a") {
			t.Errorf("%v output carries a control: %q", argv, out)
		}
	}
	// Unknown commands echo what was typed: that must be clean too.
	_, errs, _ := h.run("rita", "\x1b[2Jboom")
	if strings.Contains(errs, "\x1b") {
		t.Errorf("usage echo carries ESC: %q", errs)
	}
}

func TestHelp(t *testing.T) {
	h := newHarness(t)
	out, _, code := h.run("rita")
	if code != 0 || !strings.Contains(out, "visit schedule") || !strings.Contains(out, "ticket new") {
		t.Errorf("overview: %d\n%s", code, out)
	}
	out, _, code = h.run("rita", "ticket", "new", "--help")
	if code != 0 || !strings.Contains(out, "--estimate VALUE") {
		t.Errorf("command help: %d\n%s", code, out)
	}
}

// FuzzCommandLine feeds arbitrary command lines: every one ends in a known
// exit code, and nothing written back carries a terminal control.
func FuzzCommandLine(f *testing.F) {
	h := newHarness(f)
	h.office()
	for _, s := range []string{"board --json", "ticket show T-1", "visit schedule T-1 --tech sam --at 14:00", "client new \x1b[2J",
		"site add X --client Acme --travel soon", "ticket new --priority P9", "contact add A --client 'Acme Dental' --email x",
		"visit arrive V-1 --contact Dana Ruiz --at 20m ago", "visit note V-1 \x1b]52;c;eA==\x07", "visit fix E-1 --at yesterday 9pm --reason x",
		"scope ask V-1 --asked-by \x1b[31mBob --what printer\u202e", "scope add-on S-1 --approved-by Dana Ruiz --estimate 30m --told-meter-running",
		"scope decline S-1 --reason \x9b2J", "scope list --pending --json", "visit work-on V-1 S-1", "visit overrun V-1 told-stop --follow-up",
		"client timeline Acme Dental"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		out, errs, code := h.run("rita", Split(line)...)
		if code != ExitOK && code != ExitError && code != ExitUsage {
			t.Fatalf("exit %d", code)
		}
		for _, r := range out + errs {
			if (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r < 0xa0) || model.IsBidiControl(r) {
				t.Fatalf("%q wrote control %U", line, r)
			}
		}
	})
}
