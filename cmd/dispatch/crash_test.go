package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"dispatch/model/store"
)

// Durations are derived from the events and the clock, never kept in memory:
// kill the real server with SIGKILL while visits run, start it again, and
// every timer reads what the events say, as if nothing had happened.
func TestTimersSurviveSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	dir := t.TempDir()
	bin := buildDispatch(t)
	db := filepath.Join(dir, "office.db")
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "DISPATCH_TZ=UTC")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
	}
	run("demo", "--db", db)
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	signer, _ := gossh.NewSignerFromKey(priv)
	run("user", "add", "Rita Tester", "--role", "dispatcher", "--key", strings.TrimSpace(string(gossh.MarshalAuthorizedKey(signer.PublicKey()))), "--db", db)
	addr := freeAddr(t)
	serve := func() *exec.Cmd {
		cmd := exec.Command(bin, "serve", "--db", db, "--listen", addr, "--tz", "UTC")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
		return cmd
	}
	srv := serve()
	sh := func(line string) []byte {
		t.Helper()
		return sshExec(t, addr, signer, line)
	}
	var board struct {
		Sections []struct {
			Name    string
			Tickets []struct{ Visit, Tech string }
		}
	}
	if err := json.Unmarshal(sh("board --json"), &board); err != nil {
		t.Fatal(err)
	}
	var running []string
	busy := map[string]bool{}
	for _, s := range board.Sections {
		if s.Name == "in_progress" {
			for _, r := range s.Tickets {
				running, busy[r.Tech] = append(running, r.Visit), true
			}
		}
	}
	// One more, set off through the server itself, on a free technician's behalf.
	for _, s := range board.Sections {
		for _, r := range s.Tickets {
			if s.Name == "scheduled_today" && !busy[r.Tech] && len(running) < 5 {
				sh("visit travel " + r.Visit)
				running, busy[r.Tech] = append(running, r.Visit), true
			}
		}
	}
	if len(running) < 3 {
		t.Fatalf("want at least three running visits, have %v", running)
	}
	before := map[string]visitReading{}
	for _, id := range running {
		before[id] = readVisit(t, sh("visit show "+id+" --json"))
	}

	if err := srv.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = srv.Wait()
	time.Sleep(1100 * time.Millisecond) // so the clock has moved on
	serve()

	for _, id := range running {
		b, a := before[id], readVisit(t, sh("visit show "+id+" --json"))
		if a.Phase != b.Phase || a.PhaseSince != b.PhaseSince || a.events() != b.events() {
			t.Errorf("%s changed across the crash:\nbefore %+v\nafter  %+v", id, b, a)
		}
		for _, r := range []visitReading{b, a} {
			if got, want := r.running(), r.AsOf.Sub(r.PhaseSince); got != want {
				t.Errorf("%s: the running phase reads %s, the events say %s", id, got, want)
			}
		}
		if a.AsOf.Sub(b.AsOf) < time.Second || a.running()-b.running() != a.AsOf.Sub(b.AsOf) {
			t.Errorf("%s: the timer did not run on through the restart: %s then %s", id, b.running(), a.running())
		}
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Check(context.Background()); err != nil {
		t.Error(err)
	}
}

type visitReading struct {
	Phase      string
	PhaseSince time.Time `json:"phase_since"`
	AsOf       time.Time `json:"as_of"`
	Travel     int64     `json:"travel_seconds"`
	OnSite     int64     `json:"on_site_seconds"`
	Paused     int64     `json:"paused_seconds"`
	Shop       int64     `json:"shop_seconds"`
	Events     []struct{ ID, Kind, At string }
}

func readVisit(t *testing.T, out []byte) visitReading {
	t.Helper()
	var v visitReading
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	return v
}

// running is the time counted for the phase the visit is in.
func (v visitReading) running() time.Duration {
	s := map[string]int64{"travelling": v.Travel, "returning": v.Travel, "on site": v.OnSite, "paused": v.Paused, "in shop": v.Shop}[v.Phase]
	return time.Duration(s) * time.Second
}

// events is a visit's log up to the running phase: what must not change.
func (v visitReading) events() string {
	var b strings.Builder
	for _, e := range v.Events {
		b.WriteString(e.ID + " " + e.Kind + " " + e.At + "\n")
	}
	return b.String()
}

// freeAddr finds a loopback port nobody is listening on.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// sshExec runs one command over SSH, retrying the connection while the
// server starts.
func sshExec(t *testing.T, addr string, signer gossh.Signer, line string) []byte {
	t.Helper()
	cfg := &gossh.ClientConfig{User: "x", Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second}
	var client *gossh.Client
	var err error
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if client, err = gossh.Dial("tcp", addr, cfg); err == nil {
			break
		}
	}
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer client.Close()
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	var out, errb bytes.Buffer
	sess.Stdout, sess.Stderr = &out, &errb
	if err := sess.Run(line); err != nil {
		t.Fatalf("%s: %v\n%s", line, err, errb.String())
	}
	return out.Bytes()
}
