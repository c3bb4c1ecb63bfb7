// Package cli runs the commands that scripts send over SSH without a PTY
// (ssh office board --json). Each command parses its flags, calls the door
// with the signed-in user, and prints readable text or, with --json, JSON.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"dispatch/model"
	"dispatch/model/door"
)

// Env is what a command runs with.
type Env struct {
	Door        *door.Door
	User        model.User
	Fingerprint string // of the key the user signed in with
	Out, Err    io.Writer
	In          io.Reader // what is piped in: client import --csv - < clients.csv
	// ReadFile is set only for the local console, where --key-file may read
	// the server's disk; over SSH it is nil and --key-file is refused.
	ReadFile func(path string) ([]byte, error)
}

// Exit codes: 0 done, 1 refused or failed, 2 the command line was wrong.
const (
	ExitOK    = 0
	ExitError = 1
	ExitUsage = 2
)

type command struct {
	path  string // "ticket new"
	args  string // synopsis of positionals and required flags
	about string
	run   func(c *call) error
}

var commands []command

func register(cmds ...command) { commands = append(commands, cmds...) }

// usageError is a command line that could not be understood; it prints the
// command's usage.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// Known reports whether argv starts with a command this package runs.
func Known(argv []string) bool {
	c, _ := find(argv)
	return c != nil || len(argv) > 0 && len(familyOf(argv[0])) > 0
}

// Run executes one command line and returns its exit code.
func Run(ctx context.Context, env Env, argv []string) int {
	if len(argv) == 0 || argv[0] == "help" || argv[0] == "--help" || argv[0] == "-h" {
		writeOverview(env.Out)
		return ExitOK
	}
	cmd, rest := find(argv)
	if cmd == nil {
		if family := familyOf(argv[0]); len(family) > 0 { // "ticket" alone, or "ticket shwo": that family's commands
			word := model.CleanLine(argv[0])
			fmt.Fprintf(env.Err, "dispatch %s: say which %s command\n\nusage: %s COMMAND, one of:\n", word, word, word)
			writeCommands(env.Err, family)
			return ExitUsage
		}
		fmt.Fprintf(env.Err, "dispatch: unknown command %q\n\n", model.CleanLine(strings.Join(argv, " ")))
		writeOverview(env.Err)
		return ExitUsage
	}
	c := &call{ctx: ctx, env: env, cmd: cmd, raw: rest, fs: flag.NewFlagSet(cmd.path, flag.ContinueOnError)}
	c.fs.SetOutput(io.Discard) // we print usage ourselves, once
	c.fs.BoolVar(&c.json, "json", false, "print JSON")
	err := cmd.run(c)
	var ue usageError
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, flag.ErrHelp):
		c.writeUsage(env.Out)
		return ExitOK
	case errors.As(err, &ue):
		fmt.Fprintf(env.Err, "dispatch %s: %s\n\n", cmd.path, model.CleanLine(ue.msg))
		c.writeUsage(env.Err)
		return ExitUsage
	}
	fmt.Fprintf(env.Err, "dispatch %s: %s\n", cmd.path, cleanLines(err.Error()))
	return ExitError
}

// find matches the longest command path at the start of argv.
func find(argv []string) (*command, []string) {
	var best *command
	bestLen := 0
	for i := range commands {
		words := strings.Fields(commands[i].path)
		if len(words) <= len(argv) && len(words) > bestLen && equalWords(words, argv[:len(words)]) {
			best, bestLen = &commands[i], len(words)
		}
	}
	if best == nil {
		return nil, nil
	}
	return best, argv[bestLen:]
}

func equalWords(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func writeOverview(w io.Writer) {
	fmt.Fprintln(w, "usage: ssh -p PORT HOST COMMAND [ARGS] [--json]")
	fmt.Fprintln(w, "\ncommands:")
	writeCommands(w, commands)
	fmt.Fprintln(w, "\nRun a command with --help for its flags. Connect with a terminal (no command) for the board.")
}

func writeCommands(w io.Writer, list []command) {
	sorted := append([]command(nil), list...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].path < sorted[j].path })
	for _, c := range sorted {
		fmt.Fprintf(w, "  %s\n      %s\n", strings.TrimSpace(c.path+" "+c.args), c.about)
	}
}

// familyOf is the commands whose first word is word: "ticket" → ticket new,
// ticket show, …
func familyOf(word string) []command {
	var out []command
	for _, c := range commands {
		if first, _, found := strings.Cut(c.path, " "); found && first == word {
			out = append(out, c)
		}
	}
	return out
}

// call is one running command: its flags, positionals and output.
type call struct {
	ctx  context.Context
	env  Env
	cmd  *command
	raw  []string
	fs   *flag.FlagSet
	args []string
	json bool
}

// parse reads flags anywhere on the line (ticket show T-12 --json) and
// checks the number of positional arguments.
func (c *call) parse(positionals int) error {
	if err := c.parseAny(positionals); err != nil {
		return err
	}
	if len(c.args) != positionals {
		if positionals == 0 {
			return usageError{msg: fmt.Sprintf("unexpected argument %q", c.args[0])}
		}
		return usageError{msg: fmt.Sprintf("takes %d argument(s): %s", positionals, c.cmd.args)}
	}
	return nil
}

// parseAny reads flags anywhere on the line and leaves however many
// positional words there are in c.args; words beyond join gives the last
// positional (the command's own count) the rest of the line.
func (c *call) parseAny(join int) error {
	rest := regroup(c.raw, c.fs, join)
	for {
		if err := c.fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return err
			}
			return usageError{msg: c.flagError(err)}
		}
		rest = c.fs.Args()
		if len(rest) == 0 {
			break
		}
		c.args = append(c.args, rest[0])
		rest = rest[1:]
	}
	return nil
}

// flagError says a flag parse error plainly, suggesting the flag meant when
// one was mistyped: "unknown flag --jsn; did you mean --json?"
func (c *call) flagError(err error) string {
	if name, ok := strings.CutPrefix(err.Error(), "flag needs an argument: -"); ok {
		return "--" + strings.TrimPrefix(name, "-") + " needs a value after it"
	}
	name, ok := strings.CutPrefix(err.Error(), "flag provided but not defined: -")
	if !ok {
		return err.Error()
	}
	name = strings.TrimPrefix(name, "-")
	best, bestDist := "", 3 // further than two edits is no longer a typo
	c.fs.VisitAll(func(f *flag.Flag) {
		if d := editDistance(name, f.Name); d < bestDist {
			best, bestDist = f.Name, d
		}
	})
	msg := "unknown flag --" + name
	if best != "" {
		return msg + "; did you mean --" + best + "?"
	}
	return msg + "; its flags are below"
}

// editDistance counts the edits between two short words — a letter added,
// dropped, changed, or two neighbours swapped ("titel" is one from "title").
func editDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// required returns a usage error naming every empty required flag.
func required(flags map[string]*string) error {
	var missing []string
	for name, v := range flags {
		if strings.TrimSpace(*v) == "" {
			missing = append(missing, "--"+name)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	sort.Strings(missing)
	return usageError{msg: "missing " + strings.Join(missing, ", ")}
}

func (c *call) writeUsage(w io.Writer) {
	fmt.Fprintf(w, "usage: %s\n  %s\n\nflags:\n", strings.TrimSpace(c.cmd.path+" "+c.cmd.args), c.cmd.about)
	c.fs.VisitAll(func(f *flag.Flag) {
		name := "--" + f.Name
		if _, isBool := f.Value.(interface{ IsBoolFlag() bool }); !isBool {
			name += " VALUE"
		}
		fmt.Fprintf(w, "  %-22s %s\n", name, f.Usage)
	})
}

// cleanLines makes an error safe to print, keeping its lines apart: an
// import names each bad row on a line of its own.
func cleanLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = model.CleanLine(l)
	}
	return strings.Join(lines, "\n  ")
}
