package main

import (
	"context"
	"fmt"
	netmail "net/mail"
	"time"

	"charm.land/log/v2"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/model/mail"
)

// mailConfig reads --smtp and --mail-from: who letters are from, and the
// server that takes them (nil: they wait in the outbox).
func mailConfig(smtpURL, from string) (*mail.Server, model.Mailbox, error) {
	var box model.Mailbox
	if from != "" {
		a, err := netmail.ParseAddress(from)
		if err != nil {
			return nil, box, fmt.Errorf("--mail-from %q is not an address; write it like \"Northside IT <office@northside.example>\" or office@northside.example", from)
		}
		box = model.Mailbox{Name: a.Name, Email: a.Address}
	}
	if smtpURL == "" {
		return nil, box, nil
	}
	if box.Email == "" {
		return nil, box, fmt.Errorf("--smtp needs --mail-from: the address letters to clients are sent from")
	}
	server, err := mail.ParseServer(smtpURL)
	return server, box, err
}

// sendLetters hands due letters to the mail server as soon as a change
// may have written one, and every few seconds for retries, until ctx ends:
// apart from every session, so a slow or dead mail server slows no one's
// step.
func sendLetters(ctx context.Context, d *door.Door, server *mail.Server, every time.Duration, logger *log.Logger) {
	tick := time.NewTicker(every)
	defer tick.Stop()
	written := d.Feed().Subscribe()
	defer written.Close()
	for {
		if n, err := d.SendDue(ctx, server, 50); err != nil && ctx.Err() == nil {
			logger.Warn("sending letters", "err", err)
		} else if n > 0 {
			logger.Info("letters sent", "n", n, "via", server.String())
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		case <-written.Ready():
			written.Take()
		}
	}
}
