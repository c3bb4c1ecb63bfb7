package main

import (
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"
)

// term is one interactive session: a real SSH connection with a PTY and a
// terminal emulator reading what the server draws, as a person's would.
type term struct {
	client *gossh.Client
	sess   *gossh.Session
	stdin  io.Writer
	mu     sync.Mutex
	emu    *vt.Emulator
	bytes  atomic.Int64
	// watch: when the screen first shows want, seen is closed and at set.
	want string
	seen chan struct{}
	at   time.Time
}

// open connects and asks for a terminal; connected is when the TCP
// connection was made, the start of "time to first screen".
// command, if any, is run with the PTY as ssh -t HOST command does.
func open(addr string, signer gossh.Signer, width, height int, command, firstScreen string) (*term, time.Time, error) {
	connected := time.Now()
	client, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: "bench", Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 60 * time.Second})
	if err != nil {
		return nil, connected, err
	}
	sess, err := client.NewSession()
	if err != nil {
		client.Close()
		return nil, connected, err
	}
	t := &term{client: client, sess: sess, emu: vt.NewEmulator(width, height)}
	t.watch(firstScreen)
	stdin, _ := sess.StdinPipe()
	stdout, _ := sess.StdoutPipe()
	t.stdin = stdin
	if err := sess.RequestPty("xterm-256color", height, width, gossh.TerminalModes{}); err != nil {
		t.close()
		return nil, connected, err
	}
	start := sess.Shell
	if command != "" {
		start = func() error { return sess.Start(command) }
	}
	if err := start(); err != nil {
		t.close()
		return nil, connected, err
	}
	go io.Copy(stdin, t.emu) // answers the program's terminal queries
	go t.read(stdout)
	return t, connected, nil
}

func (t *term) read(r io.Reader) {
	buf := make([]byte, 32*1024)
	for {
		n, err := r.Read(buf)
		if n > 0 {
			t.bytes.Add(int64(n))
			t.mu.Lock()
			t.emu.Write(buf[:n])
			if t.want != "" && t.at.IsZero() && strings.Contains(t.emu.String(), t.want) {
				t.at = time.Now()
				close(t.seen)
			}
			t.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

// watch starts waiting for want on the screen.
func (t *term) watch(want string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.want, t.seen, t.at = want, make(chan struct{}), time.Time{}
}

// wait returns when the watched text was first drawn, or false on timeout.
func (t *term) wait(limit time.Duration) (time.Time, bool) {
	select {
	case <-t.seen:
		t.mu.Lock()
		defer t.mu.Unlock()
		return t.at, true
	case <-time.After(limit):
		return time.Time{}, false
	}
}

func (t *term) close() {
	t.sess.Close()
	t.client.Close()
}
