package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"dispatch/model"
	"dispatch/ssh/cli"
)

// runConsole runs a command from the server's own shell as the console admin:
// whoever can open the database file already holds the office.
func runConsole(argv []string) int {
	var cfg config
	cfg.db = env("DISPATCH_DB", "dispatch.db")
	cfg.tz = env("DISPATCH_TZ", "")
	// --db may appear anywhere; take it out before the command sees its flags.
	var rest []string
	for i := 0; i < len(argv); i++ {
		a := argv[i]
		switch {
		case (a == "--db" || a == "-db") && i+1 < len(argv):
			cfg.db = argv[i+1]
			i++
		case strings.HasPrefix(a, "--db="), strings.HasPrefix(a, "-db="):
			cfg.db = a[strings.Index(a, "=")+1:]
		default:
			rest = append(rest, a)
		}
	}
	ctx := context.Background()
	st, d, err := cfg.office(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, "dispatch:", err)
		return 1
	}
	defer st.Close()
	console := model.User{Name: model.Console.Name, Role: model.Console.Role}
	return cli.Run(ctx, cli.Env{Door: d, User: console, Fingerprint: "local console", Out: os.Stdout, Err: os.Stderr, In: os.Stdin, ReadFile: os.ReadFile}, rest)
}
