package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"strings"

	"dispatch/model"
	"dispatch/model/demo"
	"dispatch/model/door"
	"dispatch/model/store"
)

func runDemo(args []string) int {
	var cfg config
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	cfg.register(fs, "dispatch-demo.db")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	ctx := context.Background()
	st, d, err := cfg.office(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, "dispatch demo:", err)
		return 1
	}
	defer st.Close()
	if err := prepareDemo(ctx, st, d, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "dispatch demo:", err)
		return 1
	}
	return 0
}

// prepareDemo seeds the demo office once and lets the local user's keys in
// as admin — only on a demo database, never on a real office.
func prepareDemo(ctx context.Context, st *store.Store, d *door.Door, out io.Writer) error {
	seeded, err := demo.Seed(ctx, st, d.Feed(), d.Now(), d.Location())
	if err != nil {
		return err
	}
	if seeded {
		fmt.Fprintf(out, "Seeded a demo office into %s.\n", st.Path)
	}
	if v, err := d.Setting(ctx, "demo.seeded_at"); err != nil || v == "" {
		fmt.Fprintf(out, "%s holds a real office, not the demo: no keys were added. Use: dispatch user add\n", st.Path)
		return err
	}
	return authoriseLocalKeys(ctx, d, out)
}

// authoriseLocalKeys registers ~/.ssh/*.pub as an admin named after the
// local user, or says exactly how to make a key.
func authoriseLocalKeys(ctx context.Context, d *door.Door, out io.Writer) error {
	home, _ := os.UserHomeDir()
	keys, _ := filepath.Glob(filepath.Join(home, ".ssh", "*.pub"))
	name := "admin"
	if u, err := user.Current(); err == nil && u.Username != "" {
		name = u.Username
	}
	added := 0
	for _, path := range keys {
		b, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		line := strings.TrimSpace(string(b))
		if _, err := d.EnsureUser(ctx, model.Console, name, model.RoleAdmin, line); err != nil {
			fmt.Fprintf(out, "skipped %s: %v\n", path, err)
			continue
		}
		added++
	}
	if added == 0 && someoneCanSignIn(ctx, d) {
		fmt.Fprintf(out, "No SSH public key in %s/.ssh; the people in `dispatch user list` sign in with theirs.\n", home)
		return nil
	}
	if added == 0 {
		fmt.Fprintf(out, "No SSH public key found in %s/.ssh, so nobody can sign in yet. Make one and start again:\n"+
			"  ssh-keygen -t ed25519 -f ~/.ssh/id_ed25519 -N \"\"\n", home)
		return nil
	}
	fmt.Fprintf(out, "Your %d key(s) in ~/.ssh sign you in as %s (admin).\n", added, name)
	return nil
}

// someoneCanSignIn reports whether any user already holds a key, so a
// restart on a machine without one does not claim the office is locked.
func someoneCanSignIn(ctx context.Context, d *door.Door) bool {
	users, err := d.Users(ctx, model.Console)
	if err != nil {
		return false
	}
	for _, u := range users {
		if len(u.Keys) > 0 {
			return true
		}
	}
	return false
}
