package ssh

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/log/v2"
	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/model/door/doortest"
)

// office is a real server on a free loopback port over a demo database.
type office struct {
	t     testing.TB
	addr  string
	door  *door.Door
	clock *model.FixedClock
	srv   *Server
	keys  map[string]gossh.Signer // by user name
}

var officeNow = time.Date(2026, 11, 25, 15, 0, 0, 0, time.UTC)

func newKey(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func authorizedLine(s gossh.Signer) string {
	return strings.TrimSpace(string(gossh.MarshalAuthorizedKey(s.PublicKey())))
}

func startOffice(t testing.TB) *office {
	t.Helper()
	return startOfficeWith(t, func(*Config) {})
}

// startOfficeWith lets a test change the server's configuration.
func startOfficeWith(t testing.TB, configure func(*Config)) *office {
	t.Helper()
	dir := t.TempDir()
	db := doortest.OpenDemo(t, officeNow)
	o := &office{t: t, door: db.Door, clock: db.Clock, keys: map[string]gossh.Signer{}}
	for name, role := range map[string]model.Role{"Ann Admin": model.RoleAdmin, "Rita Gomez": model.RoleDispatcher,
		"Sam Okafor": model.RoleTech, "Jon Reyes": model.RoleTech, "Lobby TV": model.RoleViewer} {
		k := newKey(t)
		db.AddUser(t, name, role, authorizedLine(k))
		o.keys[name] = k
	}
	cfg := Config{Addr: "127.0.0.1:0", HostKeyPath: filepath.Join(dir, "host_ed25519"), Logger: log.New(io.Discard)}
	configure(&cfg)
	srv, err := New(cfg, o.door)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	o.addr, o.srv = ln.Addr().String(), srv
	done := make(chan struct{})
	go func() { srv.Serve(ln); close(done) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
		<-done
	})
	return o
}

func (o *office) dial(auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return gossh.Dial("tcp", o.addr, &gossh.ClientConfig{User: "anyone", Auth: auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second})
}

func (o *office) client(user string) *gossh.Client {
	o.t.Helper()
	c, err := o.dial(gossh.PublicKeys(o.keys[user]))
	if err != nil {
		o.t.Fatalf("%s cannot connect: %v", user, err)
	}
	o.t.Cleanup(func() { c.Close() })
	return c
}

// exec runs a command without a PTY, as a script would.
func (o *office) exec(user, command string) (stdout, stderr string, code int) {
	o.t.Helper()
	sess, err := o.client(user).NewSession()
	if err != nil {
		o.t.Fatal(err)
	}
	defer sess.Close()
	var out, errb bytes.Buffer
	sess.Stdout, sess.Stderr = &out, &errb
	err = sess.Run(command)
	var exit *gossh.ExitError
	switch {
	case err == nil:
	case asExit(err, &exit):
		code = exit.ExitStatus()
	default:
		o.t.Fatalf("%s: %v", command, err)
	}
	return out.String(), errb.String(), code
}

func asExit(err error, target **gossh.ExitError) bool {
	e, ok := err.(*gossh.ExitError)
	if ok {
		*target = e
	}
	return ok
}

// term is an interactive session with a PTY, its output parsed by a
// terminal emulator and also kept raw, byte for byte.
type term struct {
	t     testing.TB
	sess  *gossh.Session
	stdin io.Writer
	mu    sync.Mutex
	emu   *vt.Emulator
	raw   bytes.Buffer
	errs  lockedBuffer // the session's stderr
	ended chan struct{}
}

type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

func (o *office) openTerm(user string, width, height int) *term {
	o.t.Helper()
	return o.openTermWith(user, width, height, "")
}

// openTermWith opens a terminal running command, as ssh -t HOST command
// does, or the default screen when command is empty.
func (o *office) openTermWith(user string, width, height int, command string) *term {
	o.t.Helper()
	sess, err := o.client(user).NewSession()
	if err != nil {
		o.t.Fatal(err)
	}
	tm := &term{t: o.t, sess: sess, emu: vt.NewEmulator(width, height), ended: make(chan struct{})}
	stdin, err := sess.StdinPipe()
	if err != nil {
		o.t.Fatal(err)
	}
	stdout, err := sess.StdoutPipe()
	if err != nil {
		o.t.Fatal(err)
	}
	tm.stdin = stdin
	sess.Stderr = &tm.errs
	if err := sess.RequestPty("xterm-256color", height, width, gossh.TerminalModes{}); err != nil {
		o.t.Fatal(err)
	}
	start := sess.Shell
	if command != "" {
		start = func() error { return sess.Start(command) }
	}
	if err := start(); err != nil {
		o.t.Fatal(err)
	}
	// The emulator answers the program's terminal queries through the session.
	go io.Copy(stdin, tm.emu)
	go func() {
		defer close(tm.ended)
		buf := make([]byte, 32*1024)
		for {
			n, err := stdout.Read(buf)
			if n > 0 {
				tm.mu.Lock()
				tm.raw.Write(buf[:n])
				tm.emu.Write(buf[:n])
				tm.mu.Unlock()
			}
			if err != nil {
				return
			}
		}
	}()
	o.t.Cleanup(func() { sess.Close() })
	return tm
}

func (tm *term) screen() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.emu.String()
}

func (tm *term) rawBytes() []byte {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return append([]byte(nil), tm.raw.Bytes()...)
}

// waitFor polls the screen until it shows every want. The limit only stops
// a broken test from hanging; speed is measured by benchmarks, not here.
func (tm *term) waitFor(want ...string) {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		scr := tm.screen()
		missing := ""
		for _, w := range want {
			if !strings.Contains(scr, w) {
				missing = w
				break
			}
		}
		if missing == "" {
			return
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("screen never showed %q:\n%s", missing, scr)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// typeKeys sends keys as a terminal would: text as is, and named keys as
// their escape codes. Each key goes alone so ESC is never read as alt+.
func (tm *term) typeKeys(keys ...string) {
	tm.t.Helper()
	codes := map[string]string{"enter": "\r", "esc": "\x1b", "tab": "\t", "down": "\x1b[B", "up": "\x1b[A", "ctrl+s": "\x13", "ctrl+u": "\x15"}
	for _, k := range keys {
		s, ok := codes[k]
		if !ok {
			s = k
		}
		if _, err := io.WriteString(tm.stdin, s); err != nil {
			tm.t.Fatal(err)
		}
		time.Sleep(30 * time.Millisecond)
	}
}

func (tm *term) waitEnded() {
	tm.t.Helper()
	select {
	case <-tm.ended:
	case <-time.After(10 * time.Second):
		tm.t.Fatalf("session did not end:\n%s", tm.screen())
	}
}

// openTermThatStopsReading opens a terminal running command that answers
// the program's startup and reads until the screen shows marker, then
// never reads again.
func (o *office) openTermThatStopsReading(user string, width, height int, command, marker string) *gossh.Session {
	o.t.Helper()
	sess, err := o.client(user).NewSession()
	if err != nil {
		o.t.Fatal(err)
	}
	emu := vt.NewEmulator(width, height)
	stdin, _ := sess.StdinPipe()
	stdout, _ := sess.StdoutPipe()
	if err := sess.RequestPty("xterm-256color", height, width, gossh.TerminalModes{}); err != nil {
		o.t.Fatal(err)
	}
	if err := sess.Start(command); err != nil {
		o.t.Fatal(err)
	}
	go io.Copy(stdin, emu)
	buf := make([]byte, 32*1024)
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(emu.String(), marker); {
		n, err := stdout.Read(buf)
		if err != nil || time.Now().After(deadline) {
			o.t.Fatalf("the screen never showed %q: %v", marker, err)
		}
		emu.Write(buf[:n])
	}
	o.t.Cleanup(func() { sess.Close() })
	return sess
}
