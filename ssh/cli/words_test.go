package cli

import (
	"flag"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSplit(t *testing.T) {
	for _, tc := range []struct {
		raw  string
		want []string
	}{
		{"", nil},
		{"  board   --json ", []string{"board", "--json"}},
		{`ticket show T-12`, []string{"ticket", "show", "T-12"}},
		{`client new "Acme Dental"`, []string{"client", "new", "Acme Dental"}},
		{`client new 'Acme Dental' --rate 125`, []string{"client", "new", "Acme Dental", "--rate", "125"}},
		{`visit note V-1 Won't boot`, []string{"visit", "note", "V-1", "Won't", "boot"}},
		{`visit note V-1 "it's fine"`, []string{"visit", "note", "V-1", "it's fine"}},
		{`a\ b c`, []string{"a b", "c"}},
		{`x""`, []string{"x"}},
		{"tab\tand\nnewline", []string{"tab", "and", "newline"}},
	} {
		if got := Split(tc.raw); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Split(%q) = %q, want %q", tc.raw, got, tc.want)
		}
	}
}

func TestRegroupJoinsWhatOpenSSHSplit(t *testing.T) {
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	fs.String("client", "", "")
	fs.String("at", "", "")
	fs.String("n", "", "")
	fs.Bool("json", false, "")
	for _, tc := range []struct {
		words       string
		positionals int
		want        []string
	}{
		{"--client Acme Dental --json", 0, []string{"--client=Acme Dental", "--json"}},
		{"T-12 --at 2026-11-25 14:00", 1, []string{"--at=2026-11-25 14:00", "T-12"}},
		{"Acme Dental --client x", 1, []string{"--client=x", "Acme Dental"}},
		{"--client=Acme Dental", 1, []string{"--client=Acme", "Dental"}},
		{"--n -5 degrees", 0, []string{"--n=-5 degrees"}},
		{"--client --json", 0, []string{"--json", "--client"}}, // no value: last, for the flag package to refuse
		{"T-12 --at", 1, []string{"T-12", "--at"}},             // never "--at T-12"
		{"--client Acme --bogus 3", 0, []string{"--client=Acme", "--bogus=3"}},
		{"a b c", 0, []string{"a", "b", "c"}},
		{"--help", 0, []string{"--help"}},
	} {
		if got := regroup(strings.Fields(tc.words), fs, tc.positionals); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("regroup(%q, %d) = %q, want %q", tc.words, tc.positionals, got, tc.want)
		}
	}
}

// The README's commands, as OpenSSH sends them: the local shell has eaten
// the quotes and ssh joined the words with spaces.
func TestCommandsAsOpenSSHSendsThem(t *testing.T) {
	h := newHarness(t)
	for _, line := range []string{
		`client new Acme Dental --rate 125 --terms net30 --travel hourly`,
		`contact add Dana Ruiz --client Acme Dental --authorised --phone 555-0142 --email dana@acme.example`,
		`site add Main office --client Acme Dental --address 12 Harbor Rd --travel 45m`,
		`ticket new --client Acme Dental --contact Dana Ruiz --title Replace wireless router --scope Swap the office router, restore Wi-Fi, confirm all 10 PCs online --priority P2 --estimate 2h`,
	} {
		h.mustRun("rita", Split(line)...)
	}
	out := h.mustRun("rita", Split("ticket show T-1001")...)
	for _, want := range []string{"Replace wireless router", "Swap the office router, restore Wi-Fi, confirm all 10 PCs online", "Dana Ruiz", "Main office"} {
		if !strings.Contains(out, want) {
			t.Errorf("ticket show lacks %q:\n%s", want, out)
		}
	}
	out = h.mustRun("rita", Split("visit schedule T-1001 --tech sam --at 2026-11-25 14:00")...)
	if !strings.Contains(out, "14:00") {
		t.Errorf("schedule:\n%s", out)
	}
}

// FuzzSplit: any command line splits without panicking, and a line of plain
// words comes back as exactly those words.
func FuzzSplit(f *testing.F) {
	for _, s := range []string{`a "b c" 'd'`, `Won't`, `x\`, `"unclosed`, "\x1b[2J", `a\ b`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		words := Split(raw)
		if utf8.ValidString(raw) && !strings.ContainsAny(raw, `'"\`) && !reflect.DeepEqual(words, nilIfEmpty(strings.Fields(raw))) {
			t.Fatalf("Split(%q) = %q, want the fields", raw, words)
		}
	})
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}
