package ssh

import (
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
