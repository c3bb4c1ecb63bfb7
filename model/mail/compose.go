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

// Compose writes a letter as a message from the office, dated at. A
// calendar invitation goes beside the text as its text/calendar
// alternative, as calendar programs expect; an invoice's page goes after
// the text as an attached HTML file, so the letter's own words are read
// too. Every header is built from parsed addresses and encoded words:
// nothing typed reaches a header as a line of its own.
func Compose(l model.Letter, from model.Mailbox, at time.Time) ([]byte, error) {
	if strings.TrimSpace(from.Email) == "" {
		return nil, ComposeError{"the office has no address to send from: start the server with --mail-from ADDRESS"}
	}
	fromAddr, err := address(from)
	if err != nil {
		return nil, ComposeError{"the office's address --mail-from: " + err.Error()}
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
	var parts []part
	text := part{head: textproto.MIMEHeader{"Content-Type": {`text/plain; charset="utf-8"`}}, body: crlf(l.Text)}
	switch {
	case l.HTML != "":
		name := attachmentName(l.Key) + ".html"
		parts = []part{text, {head: textproto.MIMEHeader{"Content-Type": {`text/html; charset="utf-8"; name="` + name + `"`},
			"Content-Disposition": {`attachment; filename="` + name + `"`}}, body: crlf(l.HTML)}}
	case l.ICS != "":
		parts = []part{text, {head: textproto.MIMEHeader{"Content-Type": {`text/calendar; charset="utf-8"; method=` + calendarMethod(l.ICS)}}, body: l.ICS}}
	default:
		header("Content-Type", text.head.Get("Content-Type"))
		header("Content-Transfer-Encoding", "quoted-printable")
		b.WriteString("\r\n")
		err := writeQP(&b, text.body)
		return b.Bytes(), err
	}
	mw := multipart.NewWriter(&b)
	sum := sha256.Sum256([]byte(l.MessageID)) // the same letter, the same message: no random boundary
	if err := mw.SetBoundary("dispatch-" + hex.EncodeToString(sum[:12])); err != nil {
		return nil, err
	}
	kind := "multipart/alternative" // the text, or the invitation: a reader shows what it can
	if l.HTML != "" {
		kind = "multipart/mixed" // the text, and the invoice with it
	}
	header("Content-Type", kind+`; boundary="`+mw.Boundary()+`"`)
	b.WriteString("\r\n")
	for _, p := range parts {
		p.head.Set("Content-Transfer-Encoding", "quoted-printable")
		w, err := mw.CreatePart(p.head)
		if err != nil {
			return nil, err
		}
		if err := writeQP(w, p.body); err != nil {
			return nil, err
		}
	}
	if err := mw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// part is one part of a multipart message.
type part struct {
	head textproto.MIMEHeader
	body string
}

// attachmentName is a file name from a letter's key (I-8/invoice: I-8),
// kept to letters, digits and hyphens.
func attachmentName(key string) string {
	ref, _, _ := strings.Cut(key, "/")
	name := strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' {
			return r
		}
		return -1
	}, ref)
	if name == "" {
		return "letter"
	}
	return name
}

// ComposeError is a letter that cannot be made into a message, whatever
// the mail server says: it is failed at once, with what to correct.
type ComposeError struct{ Msg string }

func (e ComposeError) Error() string { return e.Msg }

// address checks a mailbox is one: a contact's email was typed by someone.
func address(m model.Mailbox) (*mail.Address, error) {
	a, err := mail.ParseAddress(strings.TrimSpace(m.Email))
	if err != nil || strings.ContainsAny(m.Email, "\r\n") {
		return nil, fmt.Errorf("%q is not an email address; correct it (a contact's on the client's page, a technician's with user email)", model.CleanLine(m.Email))
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
