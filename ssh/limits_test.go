package ssh

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"testing"
	"time"
)

func TestConnectionRatePerAddress(t *testing.T) {
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	l := newRateLimiter(3)
	l.now = func() time.Time { return now }
	a := &net.TCPAddr{IP: net.ParseIP("10.0.0.7"), Port: 50001}
	b := &net.TCPAddr{IP: net.ParseIP("10.0.0.8"), Port: 50001}
	steps := []struct {
		after time.Duration
		addr  net.Addr
		want  bool
	}{
		{0, a, true}, {0, a, true}, {0, a, true},
		{0, a, false},                // the fourth in the same instant
		{0, b, true},                 // another address has its own
		{10 * time.Second, a, false}, // half a connection back: not yet
		{10 * time.Second, a, true},  // one whole connection back after 20 s
		{0, &net.TCPAddr{IP: net.ParseIP("10.0.0.7"), Port: 50999}, false}, // another port is the same address
		{5 * time.Minute, a, true}, // full again, but never above the rate
		{0, a, true}, {0, a, true}, {0, a, false},
	}
	for i, s := range steps {
		now = now.Add(s.after)
		if got := l.allow(s.addr); got != s.want {
			t.Errorf("step %d (%s after, %s): allowed %v, want %v", i, s.after, s.addr, got, s.want)
		}
	}
	if off := newRateLimiter(0); !off.allow(a) {
		t.Error("a zero rate must not limit")
	}
}

// A write the client never takes is given up after the limit: the waiting
// Write returns, onStall is called once, and later writes fail at once
// rather than wait.
func TestAStalledWriteIsGivenUp(t *testing.T) {
	r, w := io.Pipe() // nobody reads r
	defer r.Close()
	g := newStallGuard(w)
	stalled := make(chan struct{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go g.watch(ctx, 50*time.Millisecond, func() { close(stalled) })
	start := time.Now()
	if _, err := g.Write(make([]byte, 45_000)); !errors.Is(err, errStalled) {
		t.Fatalf("a write nobody takes: %v", err)
	}
	if waited := time.Since(start); waited > 2*time.Second {
		t.Errorf("the write waited %s", waited)
	}
	<-stalled
	if _, err := g.Write([]byte("x")); !errors.Is(err, errStalled) {
		t.Errorf("a later write: %v", err)
	}
}

// A client that reads gets everything, in order.
func TestAGuardedWriteArrives(t *testing.T) {
	var got bytes.Buffer
	g := newStallGuard(&got)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go g.watch(ctx, time.Second, func() { t.Error("a reading client was given up") })
	for _, s := range []string{"first ", "second"} {
		if n, err := g.Write([]byte(s)); err != nil || n != len(s) {
			t.Fatalf("write %q: %d %v", s, n, err)
		}
	}
	if got.String() != "first second" {
		t.Errorf("got %q", got.String())
	}
}
