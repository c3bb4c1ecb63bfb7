package ssh

import (
	"context"
	"errors"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// stallGuard carries a session's screen to its client and notices a client
// that has stopped reading: once the SSH window is full, a write waits for
// ever, and Bubble Tea's renderer holds its lock while it writes, so the
// whole program stops with it. The guard writes on its own goroutine and,
// after the limit, gives up: the program is freed to end, the connection
// is closed, and the session is dropped. The feed and every other session
// never wait on it.
type stallGuard struct {
	w       io.Writer
	since   atomic.Int64 // when the write under way began (unix ns), 0 when none is
	start   sync.Once
	frames  chan []byte
	written chan writeResult
	stalled chan struct{} // closed once the limit has passed
	stop    sync.Once
}

type writeResult struct {
	n   int
	err error
}

var errStalled = errors.New("the client stopped reading its screen")

func newStallGuard(w io.Writer) *stallGuard {
	return &stallGuard{w: w, frames: make(chan []byte), written: make(chan writeResult), stalled: make(chan struct{})}
}

func (g *stallGuard) Write(p []byte) (int, error) {
	g.start.Do(func() { go g.writeLoop() })
	frame := append([]byte(nil), p...) // the writer may outlive this call
	select {
	case g.frames <- frame:
	case <-g.stalled:
		return 0, errStalled
	}
	select {
	case r := <-g.written:
		return r.n, r.err
	case <-g.stalled:
		return 0, errStalled
	}
}

// writeLoop does the writing; on a stuck client it waits inside a write
// until the connection is gone, holding one frame and nothing else.
func (g *stallGuard) writeLoop() {
	for {
		select {
		case frame := <-g.frames:
			g.since.Store(time.Now().UnixNano())
			n, err := g.w.Write(frame)
			g.since.Store(0)
			select {
			case g.written <- writeResult{n, err}:
			case <-g.stalled:
				return
			}
		case <-g.stalled:
			return
		}
	}
}

// watch gives up on the client once a single write has waited longer than
// limit: it frees every waiting Write and calls onStall, once. It returns
// when ctx ends.
func (g *stallGuard) watch(ctx context.Context, limit time.Duration, onStall func()) {
	tick := time.NewTicker(max(limit/4, 10*time.Millisecond))
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			g.stop.Do(func() { close(g.stalled) }) // the session is over: let the writer go
			return
		case now := <-tick.C:
			if since := g.since.Load(); since != 0 && now.Sub(time.Unix(0, since)) > limit {
				g.stop.Do(func() { close(g.stalled) })
				onStall()
				return
			}
		}
	}
}
