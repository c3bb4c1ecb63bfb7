// Package mail writes a letter from the outbox as an Internet message
// (RFC 5322, MIME) and hands it to the shop's mail server. Composing is
// pure: the same letter makes the same message, Message-ID and all.
package mail

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"strings"
	"time"

	"dispatch/model"
)

// Compose writes a letter as a message from the office, dated at. An
// invoice's page goes beside the text as text/html, and a calendar
// invitation as text/calendar, as calendar programs expect. Every header is built from parsed addresses and encoded
// words: nothing typed reaches a header as a line of its own.
func Compose(l model.Letter, from model.Mailbox, at time.Time) ([]byte, error) {
	fromAddr, err := address(from)
	if err != nil {
		return nil, ComposeError{"the office's address: " + err.Error()}
	}
	toAddr, err := address(l.To)
	if err != nil {
		return nil, ComposeError{err.Error()}
	}
	var b bytes.Buffer
	header := func(k, v string) { fmt.Fprintf(&b, "%s: %s\r\n", k, v) }
	header("From", fromAddr.String())
	header("To", toAddr.String())
	header("Subject", mime.QEncoding.Encode("utf-8", model.CleanLine(l.Subject)))
	header("Date", at.UTC().Format(time.RFC1123Z))
	header("Message-ID", l.MessageID)
	header("MIME-Version", "1.0")
	header("Auto-Submitted", "auto-generated") // a record of what happened: no out-of-office replies, please
	if l.ICS == "" && l.HTML == "" {
		header("Content-Type", `text/plain; charset="utf-8"`)
		header("Content-Transfer-Encoding", "quoted-printable")
		b.WriteString("\r\n")
		err := writeQP(&b, crlf(l.Text))
		return b.Bytes(), err
	}
	mw := multipart.NewWriter(&b)
	sum := sha256.Sum256([]byte(l.MessageID)) // the same letter, the same message: no random boundary
	if err := mw.SetBoundary("dispatch-" + hex.EncodeToString(sum[:12])); err != nil {
		return nil, err
	}
	header("Content-Type", `multipart/alternative; boundary="`+mw.Boundary()+`"`)
	b.WriteString("\r\n")
	// The plainest first: a reader shows the last part it can.
	parts := []struct{ kind, body string }{{`text/plain; charset="utf-8"`, crlf(l.Text)}}
	if l.HTML != "" {
		parts = append(parts, struct{ kind, body string }{`text/html; charset="utf-8"`, crlf(l.HTML)})
	}
	if l.ICS != "" {
		parts = append(parts, struct{ kind, body string }{`text/calendar; charset="utf-8"; method=` + calendarMethod(l.ICS), l.ICS})
	}
	for _, part := range parts {
		w, err := mw.CreatePart(textproto.MIMEHeader{"Content-Type": {part.kind}, "Content-Transfer-Encoding": {"quoted-printable"}})
		if err != nil {
			return nil, err
		}
		if err := writeQP(w, part.body); err != nil {
			return nil, err
		}
	}
	if err := mw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// ComposeError is a letter that cannot be made into a message, whatever
// the mail server says: it is failed at once, with what to correct.
type ComposeError struct{ Msg string }

func (e ComposeError) Error() string { return e.Msg }

// address checks a mailbox is one: a contact's email was typed by someone.
func address(m model.Mailbox) (*mail.Address, error) {
	a, err := mail.ParseAddress(strings.TrimSpace(m.Email))
	if err != nil || strings.ContainsAny(m.Email, "\r\n") {
		return nil, fmt.Errorf("%q is not an email address; correct the contact's email", model.CleanLine(m.Email))
	}
	return &mail.Address{Name: model.CleanLine(m.Name), Address: a.Address}, nil
}

// calendarMethod reads the METHOD an iCalendar file carries.
func calendarMethod(ics string) string {
	for _, l := range strings.Split(ics, "\r\n") {
		if m, ok := strings.CutPrefix(l, "METHOD:"); ok {
			return m
		}
	}
	return string(model.CalendarPublish)
}

func crlf(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\n", "\r\n")
}

func writeQP(w interface{ Write([]byte) (int, error) }, s string) error {
	q := quotedprintable.NewWriter(w)
	if _, err := q.Write([]byte(s)); err != nil {
		return err
	}
	return q.Close()
}
