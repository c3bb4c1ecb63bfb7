package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"

	"charm.land/log/v2"

	"dispatch/model/door"
	dssh "dispatch/ssh"
)

// serveCalendar serves the technicians' calendar feeds on addr, until ctx
// ends, and keeps the address phones reach them at, so `user
// calendar-token` prints one that works. With no addr nothing is served,
// and the address another server keeps is left alone.
func serveCalendar(ctx context.Context, d *door.Door, addr, publicURL string, logger *log.Logger) error {
	if addr == "" {
		return nil // another server on the office may serve it
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("--calendar-listen %s: %w", addr, err)
	}
	if publicURL == "" {
		publicURL = defaultCalendarURL(ln.Addr().(*net.TCPAddr))
	}
	if !strings.HasPrefix(publicURL, "http://") && !strings.HasPrefix(publicURL, "https://") {
		ln.Close()
		return fmt.Errorf("--calendar-url %q is not a web address; write it like https://office.example.com", publicURL)
	}
	if strings.HasPrefix(publicURL, "http://") && !ln.Addr().(*net.TCPAddr).IP.IsLoopback() {
		logger.Warn("the calendar feed is served over plain HTTP: its secret addresses cross the network readable; "+
			"listen on 127.0.0.1 behind a TLS proxy and give its https address with --calendar-url", "url", publicURL)
	}
	if err := d.SetCalendarURL(ctx, publicURL); err != nil {
		ln.Close()
		return err
	}
	srv := dssh.CalendarServer(d, logger)
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			logger.Error("calendar feed stopped", "err", err)
		}
	}()
	go func() {
		<-ctx.Done()
		srv.Close()
		d.SetCalendarURL(context.Background(), "") // stopped: the addresses lead nowhere now
	}()
	logger.Info("serving calendar feeds", "addr", ln.Addr().String(), "url", publicURL)
	return nil
}

// defaultCalendarURL is the feed's address on this machine's name, at the
// port it listens on.
func defaultCalendarURL(a *net.TCPAddr) string {
	host := a.IP.String()
	if a.IP == nil || a.IP.IsUnspecified() {
		if name, err := os.Hostname(); err == nil && name != "" {
			host = name
		} else {
			host = "localhost"
		}
	}
	return "http://" + net.JoinHostPort(host, fmt.Sprint(a.Port))
}
