package mail_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"dispatch/model/mail"
	"dispatch/model/mail/mailtest"
)

// The mail server speaks real SMTP on a loopback port: a message goes
// through a local relay; a refusal comes back with its code and words; a
// password is never sent where there is no TLS.
func TestSendingThroughAMailServer(t *testing.T) {
	srv := mailtest.Start(t)
	relay, err := mail.ParseServer("smtp://" + srv.Addr)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	msg := []byte("From: office@northside.example\r\nTo: dana@acme.example\r\nSubject: hello\r\nMessage-ID: <1@northside.example>\r\n\r\nHello Dana\r\n")
	if err := relay.Send(ctx, "office@northside.example", "dana@acme.example", msg); err != nil {
		t.Fatal(err)
	}
	if got := srv.Messages(); len(got) != 1 || got[0].To != "dana@acme.example" || !strings.Contains(got[0].Data, "Message-ID: <1@northside.example>") {
		t.Fatalf("the server took %+v", got)
	}

	srv.RefuseNext(451, "try again later")
	var refused mail.Refused
	if err := relay.Send(ctx, "office@northside.example", "dana@acme.example", msg); !errors.As(err, &refused) || refused.Code != 451 || refused.Permanent() {
		t.Errorf("a 451: %v", err)
	}
	srv.RefuseNext(550, "no such mailbox")
	if err := relay.Send(ctx, "office@northside.example", "nobody@acme.example", msg); !errors.As(err, &refused) || !refused.Permanent() ||
		!strings.Contains(err.Error(), "no such mailbox") {
		t.Errorf("a 550: %v", err)
	}

	withPassword, _ := mail.ParseServer("smtp://office:secret@" + srv.Addr)
	if err := withPassword.Send(ctx, "office@northside.example", "dana@acme.example", msg); err == nil ||
		!strings.Contains(err.Error(), "a password is never sent without it") {
		t.Errorf("a password without TLS: %v", err)
	}
	if n := len(srv.Messages()); n != 1 {
		t.Errorf("the server took %d messages, want the first only", n)
	}
}

func TestReadingAMailServerURL(t *testing.T) {
	for raw, want := range map[string]string{
		"smtp://127.0.0.1:25":                    "smtp://127.0.0.1:25",
		"smtp://office:pw@mail.example.com":      "smtp://office@mail.example.com:587",
		"smtps://mail.example.com":               "smtps://mail.example.com:465",
		"smtps://office:s3cret@mail.example.com": "smtps://office@mail.example.com:465",
	} {
		s, err := mail.ParseServer(raw)
		if err != nil || s.String() != want {
			t.Errorf("%s reads as %v %v, want %s", raw, s, err, want)
		}
	}
	if _, err := mail.ParseServer("http://office:s3cret@mail.example.com"); err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("a URL that is no mail server: %v", err)
	}
}
