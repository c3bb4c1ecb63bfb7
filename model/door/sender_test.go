package door

import (
	"context"
	"strings"
	"testing"
	"time"

	"dispatch/model"
	"dispatch/model/mail"
	"dispatch/model/store"
)

// fakeServer answers each send with the next reply (nil: taken), and keeps
// what it took.
type fakeServer struct {
	replies []error
	took    []string // Message-IDs
}

func (s *fakeServer) Send(_ context.Context, from, to string, msg []byte) error {
	var reply error
	if len(s.replies) > 0 {
		reply, s.replies = s.replies[0], s.replies[1:]
	}
	if reply == nil {
		head, _, _ := strings.Cut(string(msg), "\r\n\r\n")
		for _, l := range strings.Split(head, "\r\n") {
			if id, ok := strings.CutPrefix(l, "Message-ID: "); ok {
				s.took = append(s.took, id)
			}
		}
	}
	return reply
}

func (f *fixture) letters(t *testing.T) []model.OutboxLetter {
	t.Helper()
	var out []model.OutboxLetter
	err := f.s.Read(context.Background(), func(tx *store.Tx) error {
		var err error
		out, err = tx.Outbox(context.Background(), "", 100)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A server saying "try later" gets the letter again after the wait; one
// saying no for good leaves it failed with its words; a letter sent is not
// sent again.
func TestTheSenderTriesAgainOrGivesUp(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	f.d.SetMail(context.Background(), model.Mailbox{Name: "Northside IT", Email: "office@northside.example"})
	if _, err := f.d.EditContact(ctx, f.disp, f.contact.ID, ContactChange{Email: ptr("dana@acme.example")}); err != nil {
		t.Fatal(err)
	}
	f.visitFor(t, f.tech) // a booking: one letter
	server := &fakeServer{replies: []error{mail.Refused{Code: 421, Msg: "4.3.2 try again later"}}}
	if n, err := f.d.SendDue(ctx, server, 10); err != nil || n != 0 {
		t.Fatalf("first try: %d %v", n, err)
	}
	o := f.letters(t)[0]
	if o.State != model.OutboxQueued || o.Attempts != 1 || !strings.Contains(o.LastError, "421") || !o.NextAt.Equal(f.clock.T.Add(time.Minute)) {
		t.Errorf("after a 421: %+v", o)
	}
	if n, _ := f.d.SendDue(ctx, server, 10); n != 0 {
		t.Error("tried again before its wait was over")
	}
	f.clock.Advance(time.Minute)
	if n, err := f.d.SendDue(ctx, server, 10); err != nil || n != 1 || len(server.took) != 1 || server.took[0] != o.MessageID {
		t.Fatalf("after the wait: %d %v %q", n, err, server.took)
	}
	f.clock.Advance(time.Hour)
	if n, _ := f.d.SendDue(ctx, server, 10); n != 0 || len(server.took) != 1 {
		t.Error("a letter sent was sent again")
	}

	f.visitFor(t, f.tech)
	server.replies = []error{mail.Refused{Code: 550, Msg: "5.1.1 dana@acme.example: no such mailbox"}}
	f.d.SendDue(ctx, server, 10)
	if o := f.letters(t)[0]; o.State != model.OutboxFailed || !strings.Contains(o.LastError, "no such mailbox") {
		t.Errorf("after a 550: %+v", o)
	}
}

func TestTheWaitsBetweenTries(t *testing.T) {
	want := []time.Duration{0, time.Minute, 5 * time.Minute, 15 * time.Minute, time.Hour, 2 * time.Hour, 4 * time.Hour, 4 * time.Hour}
	for n, w := range want {
		if got := model.RetryAfter(n); got != w {
			t.Errorf("after %d tries: %s, want %s", n, got, w)
		}
	}
	o := afterTry(model.OutboxLetter{Attempts: model.MaxSendAttempts - 1}, mail.Refused{Code: 451, Msg: "busy"}, time.Now())
	if o.State != model.OutboxFailed || !strings.Contains(o.LastError, "gave up after 10 tries") {
		t.Errorf("the last try: %+v", o)
	}
}

// Two senders on one office (two servers, or one restarting over the
// other) never both send a letter: each claims it first. One killed with a
// letter claimed leaves it to be tried again once the claim runs out.
func TestTwoSendersSendOnce(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	f.mailing(t)
	f.visitFor(t, f.tech)
	o := f.letters(t)[0]
	var claimed bool
	if err := f.s.Write(ctx, func(tx *store.Tx) error { // a sender that took it, then died
		var err error
		claimed, err = tx.ClaimLetter(ctx, o.ID, o.NextAt, f.clock.T.Add(model.SendLease))
		return err
	}); err != nil || !claimed {
		t.Fatalf("claimed %v: %v", claimed, err)
	}
	server := &fakeServer{}
	if n, err := f.d.SendDue(ctx, server, 10); err != nil || n != 0 {
		t.Fatalf("a letter another sender holds was sent: %d %v", n, err)
	}
	f.clock.Advance(model.SendLease)
	if n, err := f.d.SendDue(ctx, server, 10); err != nil || n != 1 {
		t.Fatalf("after the claim ran out: %d %v", n, err)
	}
	if err := f.s.Write(ctx, func(tx *store.Tx) error {
		var err error
		claimed, err = tx.ClaimLetter(ctx, o.ID, o.NextAt, f.clock.T.Add(model.SendLease))
		return err
	}); err != nil || claimed {
		t.Errorf("a letter sent was claimed again: %v %v", claimed, err)
	}
}

// A letter that waited more than a day for its first try (no mail server
// was set) is stopped, not sent as old news; the office may still send it.
func TestAStaleLetterIsStopped(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	f.mailing(t)
	f.visitFor(t, f.tech)
	f.clock.Advance(model.StaleAfter + time.Minute)
	server := &fakeServer{}
	if n, _ := f.d.SendDue(ctx, server, 10); n != 0 || len(server.took) != 0 {
		t.Fatal("a stale letter was sent")
	}
	o := f.letters(t)[0]
	if o.State != model.OutboxCancelled || !strings.Contains(o.LastError, "would arrive as old news") {
		t.Fatalf("stale: %+v", o)
	}
	if _, err := f.d.RetryLetter(ctx, f.admin, o.ID); err != nil {
		t.Fatal(err)
	}
	if n, err := f.d.SendDue(ctx, server, 10); n != 1 {
		t.Errorf("a stale letter retried by hand was not sent: %v %+v", err, f.letters(t)[0])
	}
}

// A letter refused for a wrong address goes, when tried again after the
// address was corrected, to the corrected one, under its own Message-ID.
func TestARetryGoesToTheCorrectedAddress(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if err := f.d.SetMail(ctx, model.Mailbox{Email: "office@northside.example"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.d.EditContact(ctx, f.disp, f.contact.ID, ContactChange{Email: ptr("dana@acme.exmaple")}); err != nil {
		t.Fatal(err)
	}
	f.visitFor(t, f.tech)
	server := &fakeServer{replies: []error{mail.Refused{Code: 550, Msg: "5.1.2 no such domain"}}}
	f.d.SendDue(ctx, server, 10)
	failed := f.letters(t)[0]
	if failed.State != model.OutboxFailed {
		t.Fatalf("%+v", failed)
	}
	if _, err := f.d.EditContact(ctx, f.disp, f.contact.ID, ContactChange{Email: ptr("dana@acme.example")}); err != nil {
		t.Fatal(err)
	}
	retried, err := f.d.RetryLetter(ctx, f.admin, failed.ID)
	if err != nil {
		t.Fatal(err)
	}
	if retried.To.Email != "dana@acme.example" || retried.MessageID == failed.MessageID || !strings.HasSuffix(retried.MessageID, "@northside.example>") ||
		!strings.Contains(retried.ICS, "mailto:dana@acme.example") || strings.Contains(retried.ICS, "exmaple") {
		t.Errorf("retried: %+v", retried)
	}
	if n, err := f.d.SendDue(ctx, server, 10); err != nil || n != 1 || server.took[0] != retried.MessageID {
		t.Errorf("sent %d %v %q", n, err, server.took)
	}
}

// A booking's letter that would arrive after its visit began is stopped,
// not sent as news.
func TestABookingOvertakenIsStopped(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	f.mailing(t)
	v := f.visitFor(t, f.tech)
	f.record(t, f.tech, v, Step{Kind: model.EvTravelStarted})
	server := &fakeServer{}
	f.d.SendDue(ctx, server, 10)
	var booked, travel model.OutboxLetter
	for _, l := range f.letters(t) {
		switch l.Kind {
		case model.MsgBooked:
			booked = l
		case model.MsgTravel:
			travel = l
		}
	}
	if booked.State != model.OutboxCancelled || !strings.Contains(booked.LastError, "the visit began") || travel.State != model.OutboxSent {
		t.Errorf("booked %s (%s), travel %s", booked.State, booked.LastError, travel.State)
	}
}
