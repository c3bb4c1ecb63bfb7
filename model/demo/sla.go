package demo

import (
	"context"
	"time"

	"dispatch/model"
	"dispatch/model/door"
)

// unanswered are the demo tickets nobody has called back yet, so the board
// shows a clock breached and one running low; every other ticket was
// answered a quarter of an hour after it came in.
var unanswered = map[string]bool{
	"Front desk scanner not saving to EHR":       true,
	"Tax software update before filing deadline": true,
}

// waitingOnClient are demo tickets waiting on the client, and for what.
var waitingOnClient = map[string]string{
	"Shared mailbox for listings team": "waiting for Ian's list of the five agents",
}

// respond records the dispatcher's call back to the requester, and a wait
// on the client where the demo has one.
func respond(ctx context.Context, at func(time.Time) *door.Door, t model.Ticket, dt demoTicket, now time.Time) error {
	if unanswered[dt.title] {
		return nil
	}
	called := t.CreatedAt.Add(15 * time.Minute)
	if dt.priority == 1 {
		called = t.CreatedAt.Add(10 * time.Minute)
	}
	if called.After(now) {
		return nil
	}
	if _, err := at(called).TrackTicket(ctx, seeder, t.ID, door.Track{Kind: model.TkContacted,
		Note: "called " + dt.contact + " back: logged, will schedule"}); err != nil {
		return err
	}
	if reason, ok := waitingOnClient[dt.title]; ok {
		_, err := at(called.Add(time.Minute)).TrackTicket(ctx, seeder, t.ID, door.Track{Kind: model.TkWaiting, Note: reason})
		return err
	}
	return nil
}
