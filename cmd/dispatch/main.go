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
	_ "time/tzdata"

	"dispatch/ssh/cli" // office time zones work on machines without zoneinfo
)

const usage = `usage: dispatch COMMAND [FLAGS]

commands:
  serve            run the SSH server (--demo for a demo office)
  demo             seed a demo office into a database and exit
  gen              generate a large office (10 years, 5,000 clients) into a new database
  backup FILE      copy the office to FILE while it runs, and check the copy
  check FILE       check that FILE is a sound office, before restoring it
  user add NAME    let someone connect: --role ROLE --key-file PATH | --key "ssh-ed25519 …"
  user list        who may connect
  user remove NAME end someone's access and their open sessions

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
	var code int
	switch os.Args[1] {
	case "serve":
		code = runServe(os.Args[2:])
	case "demo":
		code = runDemo(os.Args[2:])
	case "gen":
		code = runGen(os.Args[2:])
	case "backup":
		code = runBackup(os.Args[2:])
	case "check":
		code = runCheck(os.Args[2:])
	case "help", "-h", "--help":
		fmt.Print(usage)
	default:
		if cli.Known(os.Args[1:]) {
			code = runConsole(os.Args[1:])
			break
		}
		fmt.Fprintf(os.Stderr, "dispatch: unknown command %q\n\n%s", os.Args[1], usage)
		code = 2
	}
	os.Exit(code)
}
