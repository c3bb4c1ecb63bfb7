package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"database/sql"
	"fmt"
	mrand "math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"dispatch/model"
	"dispatch/model/store"
)

// As SQLite tests itself: a stream of actions over SSH, the server killed
// with SIGKILL at a random moment, again and again. After every restart
// each action the client saw acknowledged is there, nothing is there by
// half (every change has its audit entry and every audit entry its change,
// every visit's phase agrees with its events), SQLite's own checks pass,
// and a visit under way reads exactly as it did.
func TestAcknowledgedActionsSurviveRepeatedSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	const rounds = 20
	rng := crashRand(t, 7)

	bin, db, signer := demoWithDispatcher(t)
	const watched = 325 // Jon Reyes on site: a running timer to compare across every crash
	before := visitSteps(t, db, watched)

	acked := &acknowledged{}
	var kills, actions int
	for round := range rounds {
		addr := freeAddr(t)
		srv := exec.Command(bin, "serve", "--db", db, "--listen", addr, "--tz", "UTC")
		if err := srv.Start(); err != nil {
			t.Fatal(err)
		}
		stop := make(chan struct{})
		done := make(chan int)
		go func() { done <- streamActions(addr, signer, round, acked, stop) }()
		time.Sleep(time.Duration(150+rng.IntN(450)) * time.Millisecond)
		if err := srv.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = srv.Wait()
		close(stop)
		actions += <-done
		kills++
		checkAfterCrash(t, db, acked, round)
		if got := visitSteps(t, db, watched); got != before {
			t.Fatalf("round %d: V-%d's steps changed across the crash:\nbefore %s\nafter  %s", round, watched, before, got)
		}
		if t.Failed() {
			t.Fatalf("round %d failed", round)
		}
	}
	t.Logf("%d kills, %d actions attempted, %d acknowledged (%d tickets, %d contacts, %d visit notes, %d requests, %d tickets made from requests), each found after every restart",
		kills, actions, acked.count(), len(acked.tickets), len(acked.contacts), len(acked.visitNotes), len(acked.asks), len(acked.spawned))
	if acked.count() < rounds {
		t.Errorf("only %d actions were acknowledged in %d rounds: the stream did not run", acked.count(), rounds)
	}
}

// crashRand is a crash test's randomness: a new seed each run, logged, or
// the one in DISPATCH_CRASH_SEED to run a failure again.
func crashRand(t *testing.T, stream uint64) *mrand.Rand {
	t.Helper()
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("DISPATCH_CRASH_SEED"); s != "" {
		var err error
		if seed, err = strconv.ParseUint(s, 10, 64); err != nil {
			t.Fatalf("DISPATCH_CRASH_SEED=%q is not a seed", s)
		}
	}
	t.Logf("seed %d (run again with DISPATCH_CRASH_SEED=%d)", seed, seed)
	return mrand.New(mrand.NewPCG(seed, stream))
}

// demoWithDispatcher builds the binary, seeds a demo office with it and
// registers a dispatcher's new key: what a crash test drives.
func demoWithDispatcher(t *testing.T) (bin, db string, signer gossh.Signer) {
	t.Helper()
	bin = buildDispatch(t)
	db = filepath.Join(t.TempDir(), "office.db")
	if out, err := exec.Command(bin, "demo", "--db", db, "--tz", "UTC").CombinedOutput(); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	signer, _ = gossh.NewSignerFromKey(priv)
	if out, err := exec.Command(bin, "user", "add", "Rita Tester", "--role", "dispatcher", "--db", db,
		"--key", strings.TrimSpace(string(gossh.MarshalAuthorizedKey(signer.PublicKey())))).CombinedOutput(); err != nil {
		t.Fatalf("user add: %v\n%s", err, out)
	}
	return bin, db, signer
}

// acknowledged is what the server said it had done.
type acknowledged struct {
	mu         sync.Mutex
	tickets    []string // titles
	contacts   []string // notes of ticket contacted
	visitNotes []string
	asks       []string // what was asked on site
	spawned    []string // titles of tickets made from a request
	ticketIDs  []string
	openAsks   []string // requests not yet made tickets, S-12
}

func (a *acknowledged) count() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.tickets) + len(a.contacts) + len(a.visitNotes) + len(a.asks) + len(a.spawned)
}

var (
	openedTicket = regexp.MustCompile(`opened (T-\d+)`)
	askedScope   = regexp.MustCompile(`(S-\d+)`)
)

// streamActions runs actions one after another, each on its own
// connection, until stop; it records those acknowledged (exit 0) and
// returns how many it tried.
func streamActions(addr string, signer gossh.Signer, round int, acked *acknowledged, stop chan struct{}) int {
	tried := 0
	for i := 0; ; i++ {
		select {
		case <-stop:
			return tried
		default:
		}
		mark := fmt.Sprintf("crash-%d-%d", round, i)
		acked.mu.Lock()
		var known, ask string
		if n := len(acked.ticketIDs); n > 0 {
			known = acked.ticketIDs[n-1]
		}
		if n := len(acked.openAsks); n > 0 {
			ask = acked.openAsks[n-1]
		}
		acked.mu.Unlock()
		var line string
		switch {
		case i%5 == 0 || known == "":
			line = fmt.Sprintf("ticket new --client 'Acme Dental' --contact 'Dana Ruiz' --title %s --scope 'stream' --priority P3 --estimate 1h", mark)
		case i%5 == 1:
			line = fmt.Sprintf("ticket contacted %s --note %s", known, mark)
		case i%5 == 2:
			line = fmt.Sprintf("visit note V-324 %s", mark)
		case i%5 == 3 || ask == "":
			line = fmt.Sprintf("scope ask V-324 --asked-by 'Carla Diaz' --what %s", mark)
		default: // a ticket and its decision, in one transaction
			line = fmt.Sprintf("scope new-ticket %s --title %s-spawned --estimate 1h", ask, mark)
		}
		tried++
		out, err := tryExec(addr, signer, line)
		if err != nil {
			time.Sleep(20 * time.Millisecond) // starting, or killed: try again until stopped
			continue
		}
		acked.mu.Lock()
		switch {
		case strings.HasPrefix(line, "ticket new"):
			acked.tickets = append(acked.tickets, mark)
			if m := openedTicket.FindStringSubmatch(out); m != nil {
				acked.ticketIDs = append(acked.ticketIDs, m[1])
			}
		case strings.HasPrefix(line, "ticket contacted"):
			acked.contacts = append(acked.contacts, mark)
		case strings.HasPrefix(line, "visit note"):
			acked.visitNotes = append(acked.visitNotes, mark)
		case strings.HasPrefix(line, "scope ask"):
			acked.asks = append(acked.asks, mark)
			if m := askedScope.FindStringSubmatch(out); m != nil {
				acked.openAsks = append(acked.openAsks, m[1])
			}
		default:
			acked.spawned = append(acked.spawned, mark+"-spawned")
			acked.openAsks = acked.openAsks[:len(acked.openAsks)-1]
		}
		acked.mu.Unlock()
	}
}

func tryExec(addr string, signer gossh.Signer, line string) (string, error) {
	client, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: "x", Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 2 * time.Second})
	if err != nil {
		return "", err
	}
	defer client.Close()
	sess, err := client.NewSession()
	if err != nil {
		return "", err
	}
	defer sess.Close()
	var out bytes.Buffer
	sess.Stdout = &out
	err = sess.Run(line) // nil only on exit status 0: the server acknowledged it
	return out.String(), err
}

// checkAfterCrash opens the office as the next server would and checks it.
func checkAfterCrash(t *testing.T, path string, acked *acknowledged, round int) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatalf("round %d: the office does not open: %v", round, err)
	}
	defer st.Close()
	if err := st.Check(ctx); err != nil {
		t.Errorf("round %d: %v", round, err)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	present := func(query, mark string) bool {
		var n int
		if err := db.QueryRowContext(ctx, query, mark).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n > 0
	}
	acked.mu.Lock()
	defer acked.mu.Unlock()
	for _, kind := range []struct {
		what  string
		marks []string
		query string
	}{
		{"ticket", acked.tickets, `SELECT COUNT(*) FROM tickets WHERE title = ?`},
		{"contact", acked.contacts, `SELECT COUNT(*) FROM ticket_events WHERE note = ?`},
		{"visit note", acked.visitNotes, `SELECT COUNT(*) FROM visit_events WHERE note = ?`},
		{"request", acked.asks, `SELECT COUNT(*) FROM scope_requests WHERE what = ?`},
		{"ticket made from a request", acked.spawned,
			`SELECT COUNT(*) FROM tickets t JOIN scope_decisions d ON d.ticket_id = t.id AND d.kind = 'new_ticket' WHERE t.title = ?`},
	} {
		for _, m := range kind.marks {
			if !present(kind.query, m) {
				t.Errorf("round %d: the %s %s was acknowledged and is gone", round, kind.what, m)
			}
		}
	}
	// Nothing by half: each change with its audit entry, each entry with its change.
	for _, q := range []struct{ what, query string }{
		{"a ticket without its audit entry", `SELECT COUNT(*) FROM tickets t WHERE t.title LIKE 'crash-%' AND NOT EXISTS
			(SELECT 1 FROM audit a WHERE a.entity = 'ticket' AND a.entity_id = t.id AND a.action = 'ticket.create')`},
		{"an audit entry without its ticket", `SELECT COUNT(*) FROM audit a WHERE a.action = 'ticket.create' AND a.after LIKE '%crash-%'
			AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id = a.entity_id)`},
		{"a contact without its audit entry", `SELECT COUNT(*) FROM ticket_events e WHERE e.note LIKE 'crash-%' AND NOT EXISTS
			(SELECT 1 FROM audit a WHERE a.action = 'ticket.contacted' AND a.after LIKE '%' || e.note || '"%')`},
		{"a scope decision without its ticket", `SELECT COUNT(*) FROM scope_decisions d WHERE d.kind = 'new_ticket'
			AND (d.ticket_id IS NULL OR NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id = d.ticket_id))`},
		{"a ticket made from a request without its decision", `SELECT COUNT(*) FROM tickets t WHERE t.title LIKE 'crash-%-spawned'
			AND NOT EXISTS (SELECT 1 FROM scope_decisions d WHERE d.ticket_id = t.id)`},
		{"a request whose kept state disagrees with its decisions", `SELECT COUNT(*) FROM scope_requests r WHERE r.what LIKE 'crash-%'
			AND r.state <> CASE WHEN EXISTS (SELECT 1 FROM scope_decisions d WHERE d.request_id = r.id) THEN 'new ticket' ELSE 'asked' END`},
		{"a visit note without its audit entry", `SELECT COUNT(*) FROM visit_events e WHERE e.note LIKE 'crash-%' AND NOT EXISTS
			(SELECT 1 FROM audit a WHERE a.action = 'visit.note' AND a.after LIKE '%' || e.note || '"%')`},
	} {
		var n int
		if err := db.QueryRowContext(ctx, q.query).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			t.Errorf("round %d: %d× %s", round, n, q.what)
		}
	}
	// Each visit's phase, kept beside its events, agrees with them.
	err = st.Read(ctx, func(tx *store.Tx) error {
		for _, id := range []int64{319, 324, 325, 327, 328} {
			v, err := tx.VisitByID(ctx, id)
			if err != nil {
				return err
			}
			var kept string
			if err := db.QueryRowContext(ctx, `SELECT phase FROM visits WHERE id = ?`, id).Scan(&kept); err != nil {
				return err
			}
			if kept != string(v.Phase()) {
				t.Errorf("round %d: V-%d is kept as %s, its events say %s", round, id, kept, v.Phase())
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// visitSteps is a visit's timed steps: what its timer is derived from.
func visitSteps(t *testing.T, path string, id int64) string {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var b strings.Builder
	err = st.Read(ctx, func(tx *store.Tx) error {
		v, err := tx.VisitByID(ctx, id)
		for _, e := range v.Events {
			if e.Kind != model.EvNote {
				fmt.Fprintf(&b, "%s %s; ", e.Kind, e.At.Format(time.RFC3339))
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
)

// buildDispatch builds the binary once for every test that runs it.
func buildDispatch(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "dispatch-test-bin")
		if err != nil {
			buildErr = err
			return
		}
		builtBin = filepath.Join(dir, "dispatch")
		if out, err := exec.Command("go", "build", "-o", builtBin, ".").CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtBin
}

func TestMain(m *testing.M) {
	code := m.Run()
	if builtBin != "" {
		os.RemoveAll(filepath.Dir(builtBin))
	}
	os.Exit(code)
}
