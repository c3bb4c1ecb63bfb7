package door

import (
	"context"
	"errors"
	"fmt"
	"time"

	"dispatch/model"
	"dispatch/model/feed"
	"dispatch/model/mail"
	"dispatch/model/store"
)

// Mailer hands a message to the shop's mail server.
type Mailer interface {
	Send(ctx context.Context, from, to string, msg []byte) error
}

// SendDue sends the letters whose time has come, at most limit, each
// outside any transaction: a slow or dead mail server holds up no step
// and no screen. What became of each is written after its try: sent;
// refused for good, with the server's words; or tried again later. A
// crash between a send and its record sends it again, with the same
// Message-ID, which is how a reader's mail program knows it.
func (d *Door) SendDue(ctx context.Context, m Mailer, limit int) (sent int, err error) {
	var due []model.OutboxLetter
	var head letterhead
	overtaken := map[int64]bool{} // letter id: its booking is news no longer
	err = d.store.Read(ctx, func(tx *store.Tx) error {
		var err error
		if due, err = tx.DueLetters(ctx, d.Now(), limit); err != nil {
			return err
		}
		for _, o := range due {
			if o.VisitID != 0 && (o.Kind == model.MsgBooked || o.Kind == model.MsgMoved) {
				v, err := tx.VisitByID(ctx, o.VisitID)
				if err != nil {
					return err
				}
				overtaken[o.ID] = o.Overtaken(v, d.Now())
			}
		}
		head, err = d.letterhead(ctx, tx)
		return err
	})
	if err != nil {
		return 0, err
	}
	from := head.From
	tried := 0
	defer func() {
		if tried > 0 {
			d.hub.Publish(feed.Clients) // the outbox page and the timelines show what became of them
		}
	}()
	for _, o := range due {
		if ctx.Err() != nil {
			return sent, ctx.Err()
		}
		now := d.Now()
		if o.Stale(now) || overtaken[o.ID] && o.Attempts == 0 && o.NextAt.Equal(o.CreatedAt) {
			o.State = model.OutboxCancelled
			o.LastError = fmt.Sprintf("not sent: written %s, it waited for a mail server and would arrive as old news; retry sends it anyway",
				o.CreatedAt.In(d.Location()).Format("Mon 2 Jan 15:04"))
			if !o.Stale(now) {
				o.LastError = "not sent: the visit began, or its time passed, before a mail server took it; retry sends it anyway"
			}
			tried++
			if err := d.store.Write(ctx, func(tx *store.Tx) error { return tx.SaveLetterState(ctx, o) }); err != nil {
				return sent, err
			}
			continue
		}
		claimed := false
		if err := d.store.Write(ctx, func(tx *store.Tx) error {
			var err error
			claimed, err = tx.ClaimLetter(ctx, o.ID, o.NextAt, now.Add(model.SendLease))
			return err
		}); err != nil {
			return sent, err
		}
		if !claimed {
			continue // another sender on the office has it
		}
		tried++
		msg, err := mail.Compose(o.Letter, from, o.CreatedAt) // dated when written: a resend is the same message, byte for byte
		if err == nil {
			err = m.Send(ctx, from.Email, o.To.Email, msg)
		}
		o = afterTry(o, err, d.Now())
		if o.State == model.OutboxSent {
			sent++
		}
		if werr := d.store.Write(ctx, func(tx *store.Tx) error { return tx.SaveLetterState(ctx, o) }); werr != nil {
			return sent, werr
		}
	}
	return sent, nil
}

// afterTry is where a letter stands after a try that ended in err.
func afterTry(o model.OutboxLetter, err error, now time.Time) model.OutboxLetter {
	o.Attempts++
	switch {
	case err == nil:
		o.State, o.SentAt, o.LastError = model.OutboxSent, now, ""
	case permanent(err):
		o.State, o.LastError = model.OutboxFailed, err.Error()
	case o.Attempts >= model.MaxSendAttempts:
		o.State, o.LastError = model.OutboxFailed, fmt.Sprintf("gave up after %d tries: %v", o.Attempts, err)
	default:
		o.NextAt, o.LastError = now.Add(model.RetryAfter(o.Attempts)), err.Error()
	}
	return o
}

// permanent reports a try no other will change: the server refused the
// letter for good, or it cannot be made into a message (an address that is
// none).
func permanent(err error) bool {
	var refused mail.Refused
	var bad mail.ComposeError
	return errors.As(err, &refused) && refused.Permanent() || errors.As(err, &bad)
}
