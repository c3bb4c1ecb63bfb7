package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/pprof"
	"syscall"
	"time"

	"charm.land/log/v2"

	"dispatch/model/feed"
	dssh "dispatch/ssh"
)

func runServe(args []string) int {
	var cfg config
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	cfg.register(fs, "")
	listen := fs.String("listen", env("DISPATCH_LISTEN", ":23234"), "address to listen on (DISPATCH_LISTEN)")
	hostKey := fs.String("host-key", env("DISPATCH_HOST_KEY", ""), "SSH host key file, created if missing (DISPATCH_HOST_KEY; default beside the database)")
	demoOffice := fs.Bool("demo", false, "seed a demo office if the database is empty and let your ~/.ssh keys in as admin")
	limits := dssh.DefaultLimits()
	fs.DurationVar(&limits.KeyIdle, "idle-timeout", limits.KeyIdle, "end a terminal with no key pressed for this long (wall displays never end); 0 for never")
	fs.IntVar(&limits.MaxSessions, "max-sessions", limits.MaxSessions, "open sessions in total; 0 for no limit")
	fs.IntVar(&limits.MaxSessionsPerUser, "max-sessions-per-user", limits.MaxSessionsPerUser, "open sessions of one user; 0 for no limit")
	fs.IntVar(&limits.ConnectionsPerMinute, "conn-rate", limits.ConnectionsPerMinute, "new connections a minute from one address, refused before the handshake; 0 for no limit")
	fs.IntVar(&limits.MaxAuthTries, "max-auth-tries", limits.MaxAuthTries, "keys a client may offer on one connection")
	fs.DurationVar(&limits.KeepAlive, "keepalive", limits.KeepAlive, "ask a silent client this often if it is still there, and drop it if it does not answer; 0 for never")
	handshake := fs.Duration("handshake-timeout", 20*time.Second, "drop a connection that has not signed in within this long")
	fs.DurationVar(&limits.WriteStall, "write-stall", limits.WriteStall, "drop a client that takes none of its screen for this long; 0 for never")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the whole run to this file, for go tool pprof")
	debugAddr := fs.String("debug-addr", "", "serve Go's live profiles (/debug/pprof/) on this address, like 127.0.0.1:6060; keep it off the network")
	smtpURL := fs.String("smtp", env("DISPATCH_SMTP", ""), "the shop's mail server for letters to clients, like smtp://user:pass@mail.example.com:587, smtps://… or smtp://127.0.0.1:25 (DISPATCH_SMTP); without it letters wait in the outbox")
	mailFrom := fs.String("mail-from", env("DISPATCH_MAIL_FROM", ""), "the address letters to clients come from, like \"Northside IT <office@northside.example>\" (DISPATCH_MAIL_FROM)")
	calendarListen := fs.String("calendar-listen", env("DISPATCH_CALENDAR_LISTEN", ""), "serve each technician's calendar feed over HTTP on this address, like :8080 (DISPATCH_CALENDAR_LISTEN); off when empty")
	calendarURL := fs.String("calendar-url", env("DISPATCH_CALENDAR_URL", ""), "the feed's address as a phone reaches it, like https://office.example.com (DISPATCH_CALENDAR_URL); default http://HOSTNAME:PORT")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "dispatch serve:", err)
			return 1
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, "dispatch serve:", err)
			return 1
		}
		defer pprof.StopCPUProfile()
	}
	if cfg.db == "" {
		cfg.db = "dispatch.db"
		if *demoOffice {
			cfg.db = "dispatch-demo.db"
		}
	}
	if *hostKey == "" {
		*hostKey = filepath.Join(filepath.Dir(cfg.db), "dispatch_host_ed25519")
	}
	logger := log.NewWithOptions(os.Stderr, log.Options{ReportTimestamp: true, Prefix: "dispatch"})
	mailServer, from, err := mailConfig(*smtpURL, *mailFrom)
	if err != nil {
		fmt.Fprintln(os.Stderr, "dispatch serve:", err)
		return 2
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	st, d, err := cfg.office(ctx)
	if err != nil {
		logger.Error("cannot open the office", "err", err)
		return 1
	}
	defer st.Close()
	if *demoOffice {
		if err := prepareDemo(ctx, st, d, os.Stdout); err != nil {
			logger.Error("demo", "err", err)
			return 1
		}
	}
	if err := d.SetMail(ctx, from); err != nil {
		logger.Error("cannot open the office", "err", err)
		return 1
	}
	if mailServer != nil {
		if err := d.SetMailServer(ctx, mailServer.String()); err != nil {
			logger.Error("cannot open the office", "err", err)
			return 1
		}
		defer d.SetMailServer(context.Background(), "") // stopped: nobody sends
		go sendLetters(ctx, d, mailServer, 2*time.Second, logger)
	} else {
		d.SendsNoMail() // this server sends nothing, whatever another on the office does
	}
	if err := serveCalendar(ctx, d, *calendarListen, *calendarURL, logger); err != nil {
		logger.Error("calendar feed", "err", err)
		return 1
	}
	if *debugAddr != "" {
		go serveProfiles(*debugAddr, logger)
	}
	go feed.Watch(ctx, d.Feed(), 250*time.Millisecond, st.DataVersion) // after serve's own settings: they are no change to show
	warmed := time.Now()
	if err := d.Warm(ctx); err != nil {
		logger.Warn("warming the first screens", "err", err) // the sessions read them cold instead
	} else {
		logger.Info("first screens read", "took", time.Since(warmed).Round(time.Millisecond))
	}

	srv, err := dssh.New(dssh.Config{Addr: *listen, HostKeyPath: *hostKey, HandshakeTimeout: *handshake, Limits: limits, Logger: logger}, d)
	if err != nil {
		logger.Error("cannot start", "err", err)
		return 1
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		logger.Error("cannot listen", "addr", *listen, "err", err)
		return 1
	}
	logger.Info("serving", "addr", ln.Addr().String(), "db", cfg.db, "tz", d.Location().String())
	fmt.Printf("\nConnect with:  ssh -p %d localhost\n\n", ln.Addr().(*net.TCPAddr).Port)

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		if err != nil {
			logger.Error("server stopped", "err", err)
			return 1
		}
	case <-ctx.Done():
		logger.Info("shutting down: finishing open sessions (up to 10s)")
		shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, context.DeadlineExceeded) {
			logger.Error("shutdown", "err", err)
		}
	}
	return 0
}
