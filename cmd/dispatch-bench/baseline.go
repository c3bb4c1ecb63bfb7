package main

import (
	"fmt"
	"os"
	"os/signal"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/bubbletea"
)

// baselineScreen is the floor the stack allows: a bare Wish v2 and Bubble
// Tea v2 program that draws one screen and waits for q. A "bump" command
// over exec counts up on every screen, the least a change can cost to fan
// out.
type baselineScreen struct{ count int64 }

const baselineMarker = "BASELINE READY"

// bumpedMsg tells a screen the count it shows.
type bumpedMsg int64

func (baselineScreen) Init() tea.Cmd { return nil }

func (m baselineScreen) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if msg.String() == "q" || msg.String() == "ctrl+c" {
			return m, tea.Quit
		}
	case bumpedMsg:
		m.count = int64(msg)
	}
	return m, nil
}

func (m baselineScreen) View() tea.View {
	v := tea.NewView(fmt.Sprintf("%s\n\nOne screen, to measure the stack's own cost.\nbumped %d\nq quits", baselineMarker, m.count))
	v.AltScreen = true
	return v
}

// bumpedText is what a screen shows once it has seen the n-th bump.
func bumpedText(n int64) string { return fmt.Sprintf("bumped %d", n) }

// baselineHub tells every screen of a new count, as Dispatch's feed does:
// one forwarding goroutine per session fed by a one-slot channel, so a
// slow screen never holds up the rest.
type baselineHub struct {
	count    atomic.Int64
	mu       sync.Mutex
	sessions map[chan struct{}]bool
}

func (h *baselineHub) bump() {
	h.count.Add(1)
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.sessions {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}

func (h *baselineHub) program(s ssh.Session) *tea.Program {
	p := tea.NewProgram(baselineScreen{count: h.count.Load()}, bubbletea.MakeOptions(s)...)
	ch := make(chan struct{}, 1)
	h.mu.Lock()
	h.sessions[ch] = true
	h.mu.Unlock()
	go func() {
		defer func() { h.mu.Lock(); delete(h.sessions, ch); h.mu.Unlock() }()
		for {
			select {
			case <-ch:
				p.Send(bumpedMsg(h.count.Load()))
			case <-s.Context().Done():
				return
			}
		}
	}()
	return p
}

// runBaselineServer serves the screen to any key until signalled; "bump"
// over exec counts up on every screen.
func runBaselineServer(addr, hostKey string) int {
	hub := &baselineHub{sessions: map[chan struct{}]bool{}}
	programs := bubbletea.MiddlewareWithProgramHandler(hub.program)
	srv, err := wish.NewServer(
		wish.WithAddress(addr),
		wish.WithHostKeyPath(hostKey),
		wish.WithPublicKeyAuth(func(ssh.Context, ssh.PublicKey) bool { return true }),
		wish.WithMiddleware(func(next ssh.Handler) ssh.Handler {
			screens := programs(next)
			return func(s ssh.Session) {
				if strings.TrimSpace(s.RawCommand()) == "bump" {
					hub.bump()
					fmt.Fprintln(s, "bumped")
					return
				}
				screens(s)
			}
		}),
	)
	if err != nil {
		fmt.Fprintln(os.Stderr, "baseline:", err)
		return 1
	}
	go func() {
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, syscall.SIGTERM, os.Interrupt)
		<-sig
		srv.Close()
	}()
	if err := srv.ListenAndServe(); err != nil && err != ssh.ErrServerClosed {
		fmt.Fprintln(os.Stderr, "baseline:", err)
		return 1
	}
	return 0
}
