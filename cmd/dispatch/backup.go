package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"dispatch/model/store"
)

// runBackup copies the office to a file while the server keeps running.
func runBackup(args []string) int {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	db := fs.String("db", env("DISPATCH_DB", "dispatch.db"), "the office's SQLite database file (DISPATCH_DB)")
	fs.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: dispatch backup [--db PATH] FILE\n\nCopies the office to FILE while it is in use, checks the copy, and only then\nreplaces FILE. Restore by stopping the server and putting the copy in place.")
		fs.PrintDefaults()
	}
	dst, code, ok := oneFileArg(fs, args)
	if !ok {
		return code
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	rep, err := store.Backup(ctx, *db, dst)
	if err != nil {
		fmt.Fprintln(os.Stderr, "dispatch backup:", err)
		return 1
	}
	fmt.Printf("backed up %s to %s: %s, %d tickets, %d visits, %d visit events; checked whole (%s)\n",
		*db, rep.Path, megabytes(rep.Bytes), rep.Tickets, rep.Visits, rep.Events, rep.Took.Round(1e6))
	return 0
}

// runCheck runs SQLite's own checks on an office or a backup of one.
func runCheck(args []string) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: dispatch check FILE\n\nChecks that FILE is a sound Dispatch office (integrity and references),\nas a backup must be before it is restored.")
	}
	path, code, ok := oneFileArg(fs, args)
	if !ok {
		return code
	}
	rep, err := store.Check(context.Background(), path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "dispatch check:", err)
		return 1
	}
	fmt.Printf("%s is sound: %s, %d tickets, %d visits, %d visit events\n", path, megabytes(rep.Bytes), rep.Tickets, rep.Visits, rep.Events)
	return 0
}

// oneFileArg parses flags and exactly one file argument.
func oneFileArg(fs *flag.FlagSet, args []string) (string, int, bool) {
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return "", 0, false
		}
		return "", 2, false
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(os.Stderr, "dispatch %s: give one file\n", fs.Name())
		fs.Usage()
		return "", 2, false
	}
	return fs.Arg(0), 0, true
}

func megabytes(b int64) string { return fmt.Sprintf("%.1f MB", float64(b)/1e6) }
