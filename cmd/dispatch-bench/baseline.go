package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/bubbletea"
)

// baselineScreen is the floor the stack allows: a bare Wish v2 and Bubble
// Tea v2 program that draws one static screen and waits for q.
type baselineScreen struct{}

const baselineMarker = "BASELINE READY"

func (baselineScreen) Init() tea.Cmd { return nil }

func (m baselineScreen) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && (k.String() == "q" || k.String() == "ctrl+c") {
		return m, tea.Quit
	}
	return m, nil
}

func (baselineScreen) View() tea.View {
	v := tea.NewView(baselineMarker + "\n\nA static screen, to measure the stack's own cost.\nq quits")
	v.AltScreen = true
	return v
}

// runBaselineServer serves the static screen to any key until signalled.
func runBaselineServer(addr, hostKey string) int {
	srv, err := wish.NewServer(
		wish.WithAddress(addr),
		wish.WithHostKeyPath(hostKey),
		wish.WithPublicKeyAuth(func(ssh.Context, ssh.PublicKey) bool { return true }),
		wish.WithMiddleware(bubbletea.Middleware(func(ssh.Session) (tea.Model, []tea.ProgramOption) {
			return baselineScreen{}, nil
		})),
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
