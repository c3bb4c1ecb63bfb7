package ssh

import (
	"fmt"
	"net"
	"sync"
	"time"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// Limits bound what one address, one user and everyone together may hold,
// so one misbehaving laptop or script cannot take the office's server.
// Zero turns a limit off.
type Limits struct {
	MaxSessions          int           // open sessions, terminals and commands, in total
	MaxSessionsPerUser   int           // open sessions of one user
	ConnectionsPerMinute int           // new connections from one address, checked before the handshake
	MaxAuthTries         int           // keys a client may offer on one connection
	KeyIdle              time.Duration // a terminal with no key pressed for this long is ended; walls never are
	KeepAlive            time.Duration // how often a silent client is asked if it is still there
	WriteStall           time.Duration // a client that takes no screen output for this long is dropped
}

// DefaultLimits suit an office of a few dozen people: room for a
// dispatcher's several panes and scripts, never for a flood.
func DefaultLimits() Limits {
	return Limits{
		MaxSessions:          2000,
		MaxSessionsPerUser:   20,
		ConnectionsPerMinute: 60,
		MaxAuthTries:         6,
		KeyIdle:              8 * time.Hour,
		KeepAlive:            30 * time.Second,
		WriteStall:           30 * time.Second,
	}
}

// rateLimiter gives each source address a bucket of connections that
// refills at the per-minute rate.
type rateLimiter struct {
	mu      sync.Mutex
	perMin  int
	buckets map[string]*bucket
	now     func() time.Time
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newRateLimiter(perMinute int) *rateLimiter {
	return &rateLimiter{perMin: perMinute, buckets: map[string]*bucket{}, now: time.Now}
}

// allow takes one connection from addr's bucket, if it has one.
func (l *rateLimiter) allow(addr net.Addr) bool {
	if l == nil || l.perMin <= 0 {
		return true
	}
	host := addr.String()
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b := l.buckets[host]
	if b == nil {
		if len(l.buckets) > 10000 {
			l.forgetIdle(now)
		}
		b = &bucket{tokens: float64(l.perMin), last: now}
		l.buckets[host] = b
	}
	b.tokens = min(float64(l.perMin), b.tokens+now.Sub(b.last).Minutes()*float64(l.perMin))
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// forgetIdle drops the buckets of addresses quiet long enough to be full.
func (l *rateLimiter) forgetIdle(now time.Time) {
	for host, b := range l.buckets {
		if now.Sub(b.last) > time.Minute {
			delete(l.buckets, host)
		}
	}
}

// sessionLimitError says which limit a new session would pass.
type sessionLimitError struct {
	open, limit int
	mine        bool
}

func (e sessionLimitError) Error() string {
	if e.mine {
		return fmt.Sprintf("you have %d sessions open, the most one person may; close one (a forgotten pane, a stuck script) and connect again", e.open)
	}
	return fmt.Sprintf("the server holds %d sessions, its limit; try again in a minute, and tell your admin if it keeps happening", e.open)
}

// keepAlive asks the client, every interval, whether it is still there,
// and ends the connection when it does not answer within another: a laptop
// shut or a network gone leaves no TCP close behind, and its session would
// otherwise hold its place (and its screen's memory) for ever.
func (s *Server) keepAlive(sess ssh.Session) {
	every := s.cfg.Limits.KeepAlive
	conn, ok := sess.Context().Value(ssh.ContextKeyConn).(gossh.Conn)
	if every <= 0 || !ok {
		return
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-sess.Context().Done():
			return
		case <-tick.C:
		}
		answered := make(chan struct{})
		go func() { // returns when the client answers or the connection closes
			_, _, _ = conn.SendRequest("keepalive@openssh.com", true, nil)
			close(answered)
		}()
		select {
		case <-answered:
		case <-sess.Context().Done():
			return
		case <-time.After(every):
			s.log.Info("client stopped answering; connection closed", "remote", sess.RemoteAddr(), "after", every)
			_ = conn.Close()
			return
		}
	}
}
