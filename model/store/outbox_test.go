package store

import (
	"context"
	"testing"
	"time"

	"dispatch/model"
)

// A letter is written once per step and recipient, however often the step
// is retried; the sender finds it due, and what became of it is kept.
func TestTheOutboxKeepsALetterOnce(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	client, _, _, _, _, visit := seed(t, s)
	now := time.Date(2026, 11, 19, 12, 0, 0, 0, time.UTC)
	l := model.Letter{Key: "V-1/travel/E-9", Kind: model.MsgTravel, To: model.Mailbox{Name: "Dana Ruiz", Email: "dana@acme.example"},
		Subject: "Sam is on the way", Text: "Hello Dana,\n\nSam set off at 12:00.\n", MessageID: "<a1@office.example>"}
	var first, again bool
	err := s.Write(ctx, func(tx *Tx) error {
		var err error
		if first, err = tx.QueueLetter(ctx, model.OutboxLetter{Letter: l, ClientID: client.ID, VisitID: visit.ID}, now); err != nil {
			return err
		}
		again, err = tx.QueueLetter(ctx, model.OutboxLetter{Letter: l, ClientID: client.ID, VisitID: visit.ID}, now.Add(time.Minute))
		return err
	})
	if err != nil || !first || again {
		t.Fatalf("queued %v then %v: %v", first, again, err)
	}
	var due []model.OutboxLetter
	err = s.Write(ctx, func(tx *Tx) error {
		if early, err := tx.DueLetters(ctx, now.Add(-time.Second), 10); err != nil || len(early) != 0 {
			t.Errorf("due before its time: %v %v", early, err)
		}
		var err error
		if due, err = tx.DueLetters(ctx, now, 10); err != nil || len(due) != 1 {
			return err
		}
		o := due[0]
		o.State, o.Attempts, o.SentAt = model.OutboxSent, 1, now.Add(2*time.Second)
		return tx.SaveLetterState(ctx, o)
	})
	if err != nil || len(due) != 1 || due[0].Text != l.Text || due[0].VisitID != visit.ID || due[0].To.Email != "dana@acme.example" {
		t.Fatalf("due: %+v %v", due, err)
	}
	err = s.Read(ctx, func(tx *Tx) error {
		sent, err := tx.Outbox(ctx, model.OutboxSent, 10)
		if err != nil || len(sent) != 1 || sent[0].SentAt.IsZero() || sent[0].Attempts != 1 {
			t.Errorf("sent: %+v %v", sent, err)
		}
		if left, _ := tx.DueLetters(ctx, now.Add(time.Hour), 10); len(left) != 0 {
			t.Errorf("a sent letter is due again: %+v", left)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
