package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/model/feed"
	"dispatch/model/store"
)

// config is what every subcommand shares: where the office is and its zone.
type config struct {
	db string
	tz string
}

// env returns the environment's value for a flag, or def.
func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return def
}

func (c *config) register(fs *flag.FlagSet, defaultDB string) {
	fs.StringVar(&c.db, "db", env("DISPATCH_DB", defaultDB), "SQLite database file (DISPATCH_DB)")
	fs.StringVar(&c.tz, "tz", env("DISPATCH_TZ", ""), "a new office's time zone, like America/Chicago; the machine's if not given (DISPATCH_TZ)")
}

// office opens the database and builds the door over it.
func (c *config) office(ctx context.Context) (*store.Store, *door.Door, error) {
	given := c.tz != ""
	if !given {
		c.tz = machineZone()
	}
	loc, err := time.LoadLocation(c.tz)
	if err != nil {
		return nil, nil, fmt.Errorf("time zone %q: %w (use a name like America/Chicago)", c.tz, err)
	}
	if dir := filepath.Dir(c.db); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, nil, err
		}
	}
	s, err := store.Open(ctx, c.db)
	if err != nil {
		return nil, nil, err
	}
	d := door.New(s, feed.NewHub(), model.SystemClock{}, loc)
	// --tz (or the machine's zone) seeds a new office's zone; one already set
	// is the policy's, changed with policy set --tz.
	zone, err := d.SeedZone(ctx, c.tz)
	if err != nil {
		s.Close()
		return nil, nil, err
	}
	if given && zone != c.tz {
		fmt.Fprintf(os.Stderr, "dispatch: the office's time zone is %s (change it with policy set --tz); --tz %s only seeds a new office\n", zone, c.tz)
	}
	c.tz = zone
	return s, d, nil
}

// parseFlags parses and turns flag errors into exit code 2.
func parseFlags(fs *flag.FlagSet, args []string) (int, bool) {
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0, false
		}
		return 2, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "dispatch %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		fs.Usage()
		return 2, false
	}
	return 0, true
}

// machineZone names the machine's time zone ("Europe/Paris") so a new
// office's policy names a place, not "Local"; UTC when the machine does not
// say.
func machineZone() string {
	// A zone file's path names its zone after zoneinfo/ (posix/ and right/
	// are the same zones, right/ counting leap seconds: not office time).
	byPath := func(path string) string {
		_, name, ok := strings.Cut(path, "zoneinfo/")
		if !ok {
			return ""
		}
		return strings.TrimPrefix(strings.TrimPrefix(name, "posix/"), "right/")
	}
	tz := strings.TrimPrefix(os.Getenv("TZ"), ":")
	candidates := []string{tz, byPath(tz)}
	if target, err := os.Readlink("/etc/localtime"); err == nil {
		candidates = append(candidates, byPath(target))
	}
	if b, err := os.ReadFile("/etc/timezone"); err == nil {
		candidates = append(candidates, strings.TrimSpace(string(b)))
	}
	for _, name := range candidates {
		if name == "" || name == "Local" {
			continue
		}
		if _, err := time.LoadLocation(name); err == nil {
			return name
		}
	}
	return "UTC"
}
