// Command dispatch runs the Dispatch server and its local console.
//
//	dispatch serve [--demo] [--db PATH] [--listen :23234] [--host-key PATH]
//	dispatch demo --db PATH
//	dispatch gen --db PATH [--techs 50 --years 10 --seed 1]
//	dispatch backup [--db PATH] FILE
//	dispatch check FILE
//	dispatch user add|list|remove …
package main

import (
	"fmt"
	"os"
	"strings"
	_ "time/tzdata"

	"dispatch/ssh/cli" // office time zones work on machines without zoneinfo
)

const usage = `usage: dispatch COMMAND [FLAGS]

commands:
  serve                       run the SSH server (--demo for a demo office)
  demo                        seed a demo office into a database and exit
  gen                         generate a large office (10 years, 5,000 clients)
  backup FILE                 copy the office to FILE while it runs, and check it
  check FILE                  check that FILE is a sound office, before restoring
  user add NAME               let someone connect:
                                --role ROLE --key-file PATH | --key "ssh-ed25519 …"
  user list                   who may connect
  user role NAME ROLE         change what someone may do
  user key add NAME           one more key (a new laptop): --key-file PATH
  user key remove NAME FP     stop a lost laptop's key signing in
  user remove NAME            end someone's access and their open sessions;
                                --reassign-to NAME hands their booked visits over

Every command of the SSH interface (board, ticket new, client list …) also
runs here, on the database directly, as the console admin.

Every flag can also be set in the environment: --db is DISPATCH_DB,
--listen DISPATCH_LISTEN, --host-key DISPATCH_HOST_KEY, --tz DISPATCH_TZ.
Run a command with --help for its flags.
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	args := dbFlagAfterCommand(os.Args[1:])
	var code int
	switch args[0] {
	case "serve":
		code = runServe(args[1:])
	case "demo":
		code = runDemo(args[1:])
	case "gen":
		code = runGen(args[1:])
	case "backup":
		code = runBackup(args[1:])
	case "check":
		code = runCheck(args[1:])
	case "help", "-h", "--help":
		fmt.Print(usage)
	default:
		if cli.Known(args) {
			code = runConsole(args)
			break
		}
		fmt.Fprintf(os.Stderr, "dispatch: unknown command %q\n\n%s", args[0], usage)
		code = 2
	}
	os.Exit(code)
}

// dbFlagAfterCommand lets --db come first, as people type it
// ("dispatch --db office.db user list"), by moving it after the command.
func dbFlagAfterCommand(args []string) []string {
	n := 0
	switch {
	case len(args) >= 3 && (args[0] == "--db" || args[0] == "-db"):
		n = 2
	case len(args) >= 2 && (strings.HasPrefix(args[0], "--db=") || strings.HasPrefix(args[0], "-db=")):
		n = 1
	default:
		return args
	}
	out := append([]string{args[n]}, args[:n]...)
	return append(out, args[n+1:]...)
}
