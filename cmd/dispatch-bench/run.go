package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/model/feed"
	"dispatch/model/store"
)

// who signs in: one dispatcher key for every board, a key for each
// technician with a visit under way.
type cast struct {
	dispatcher            gossh.Signer
	techs                 []gossh.Signer
	client, contact, site string // who and where the probe tickets are for
}

// prepare registers the bench's keys in the office, through the door.
func prepare(db string) (cast, error) {
	var c cast
	ctx := context.Background()
	s, err := store.Open(ctx, db)
	if err != nil {
		return c, err
	}
	defer s.Close()
	d := door.New(s, feed.NewHub(), model.SystemClock{}, time.UTC)
	key := func() (gossh.Signer, string, error) {
		_, priv, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			return nil, "", err
		}
		sg, err := gossh.NewSignerFromKey(priv)
		return sg, strings.TrimSpace(string(gossh.MarshalAuthorizedKey(sg.PublicKey()))), err
	}
	var line string
	if c.dispatcher, line, err = key(); err != nil {
		return c, err
	}
	if _, err := d.EnsureUser(ctx, model.Console, "Bench Dispatcher", model.RoleDispatcher, line); err != nil {
		return c, err
	}
	board, err := d.Board(ctx, model.Console)
	if err != nil {
		return c, err
	}
	for _, r := range board.Rows[model.SecInProgress] {
		sg, line, err := key()
		if err != nil {
			return c, err
		}
		if _, err := d.EnsureUser(ctx, model.Console, r.Tech, model.RoleTech, line); err != nil {
			return c, err
		}
		c.techs = append(c.techs, sg)
	}
	clients, err := d.Clients(ctx, model.Console)
	if err != nil || len(clients) == 0 {
		return c, fmt.Errorf("%s holds no clients; generate it with dispatch gen", db)
	}
	c.client, c.contact, c.site = clients[0].Name, clients[0].Contacts[0].Name, clients[0].Sites[0].Name
	if len(c.techs) == 0 {
		return c, fmt.Errorf("no visit is under way in %s; generate it with dispatch gen", db)
	}
	return c, nil
}

// kind is what a session shows.
type kind int

const (
	boardSession kind = iota // a dispatcher's board
	myDaySession             // a technician's day, a timer running
	wallSession              // ssh -t office wall
)

// opened is a session and how long its first screen took.
type opened struct {
	t     *term
	first time.Duration
	kind  kind
}

// openAll opens n sessions, atOnce at a time, as people arriving together
// would.
func openAll(addr string, n, atOnce int, signer func(i int) (gossh.Signer, kind), firstScreen func(kind) string) ([]opened, error) {
	out := make([]opened, n)
	errs := make(chan error, n)
	sem := make(chan struct{}, atOnce)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			sg, k := signer(i)
			command := ""
			if k == wallSession {
				command = "wall"
			}
			t, connected, err := open(addr, sg, 120, 40, command, firstScreen(k))
			if err != nil {
				errs <- err
				return
			}
			at, ok := t.wait(60 * time.Second)
			if !ok {
				errs <- fmt.Errorf("session %d never drew its first screen:\n%s", i, t.emu.String())
				return
			}
			out[i] = opened{t: t, first: at.Sub(connected), kind: k}
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		return out, err
	}
	return out, nil
}

func closeAll(ss []opened) {
	for _, s := range ss {
		if s.t != nil {
			s.t.close()
		}
	}
}

// percentile of durations, p in [0, 100].
func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[min(len(s)-1, len(s)*p/100)]
}

func run(o options) (report, error) {
	rep := report{Machine: machine(), When: time.Now().UTC().Format(time.RFC3339)}
	who, err := prepare(o.db)
	if err != nil {
		return rep, err
	}
	self, err := os.Executable()
	if err != nil {
		return rep, err
	}
	hostKey := filepath.Join(os.TempDir(), "dispatch-bench-host-key")
	// The load tool is one address and one dispatcher with a thousand
	// sessions: the limits that protect an office would refuse it.
	serveArgs := []string{"serve", "--db", o.db, "--tz", "UTC", "--host-key", hostKey,
		"--max-sessions", "0", "--max-sessions-per-user", "0", "--conn-rate", "0"}
	if o.burst > 0 {
		b, err := measureBurst(o, self, o.burst, o.burstRounds, who, serveArgs)
		if err != nil {
			return rep, fmt.Errorf("burst of %d: %w", o.burst, err)
		}
		rep.Burst = &b
	}
	for _, n := range o.counts {
		fmt.Fprintf(os.Stderr, "== %d sessions\n", n)
		base, err := measureBaseline(self, n, o.fanouts, who.dispatcher)
		if err != nil {
			return rep, fmt.Errorf("baseline at %d sessions: %w", n, err)
		}
		args := append([]string(nil), serveArgs...)
		if o.profile != "" {
			args = append(args, "--cpuprofile", fmt.Sprintf("%s.%d", o.profile, n))
		}
		if o.debugAddr != "" {
			args = append(args, "--debug-addr", o.debugAddr)
		}
		srv, err := start(o.dispatch, args...)
		if err != nil {
			return rep, err
		}
		row, err := measure(o, srv, n, who)
		srv.stop()
		if err != nil {
			return rep, fmt.Errorf("dispatch at %d sessions: %w", n, err)
		}
		row.Baseline = base
		if base.FirstP50 > 0 {
			row.FirstRatio = float64(row.FirstP50) / float64(base.FirstP50)
		}
		rep.Rows = append(rep.Rows, row)
	}
	return rep, nil
}

// measureBaseline opens n sessions on the static program.
func measureBaseline(self string, n, fanouts int, sg gossh.Signer) (baselineRow, error) {
	var row baselineRow
	srv, err := start(self, "baseline-server")
	if err != nil {
		return row, err
	}
	defer srv.stop()
	before, _ := srv.usage()
	ss, err := openAll(srv.addr, n, 32, func(int) (gossh.Signer, kind) { return sg, boardSession }, func(kind) string { return baselineMarker })
	defer closeAll(ss)
	if err != nil {
		return row, err
	}
	var firsts []time.Duration
	for _, s := range ss {
		firsts = append(firsts, s.first)
	}
	row.FirstP50, row.FirstP99 = ms(percentile(firsts, 50)), ms(percentile(firsts, 99))
	_, after, _ := srv.cores(time.Second)
	row.RSSMiB = mib(after.rss)
	row.PerSessionKiB = float64(after.rss-before.rss) / float64(n) / 1024

	// Fan-out: a bump over exec, until every screen shows it, timed as
	// Dispatch's is.
	var fan []time.Duration
	for i := 1; i <= fanouts; i++ {
		for _, s := range ss {
			s.t.watch(bumpedText(int64(i)))
		}
		start := time.Now()
		if _, _, err := execute(srv.addr, sg, "bump"); err != nil {
			return row, err
		}
		var last time.Time
		for _, s := range ss {
			at, ok := s.t.wait(30 * time.Second)
			if !ok {
				return row, fmt.Errorf("a baseline screen never showed %q", bumpedText(int64(i)))
			}
			if at.After(last) {
				last = at
			}
		}
		fan = append(fan, last.Sub(start))
	}
	row.FanoutP50, row.FanoutP99 = ms(percentile(fan, 50)), ms(percentile(fan, 99))
	return row, nil
}
