package door

import (
	"context"
	"fmt"
	"time"

	"dispatch/model"
	"dispatch/model/feed"
	"dispatch/model/store"
)

// MoveVisit books a visit that has not started at another start, with
// another technician, or both. The log keeps the booking it replaced.
func (d *Door) MoveVisit(ctx context.Context, who model.Actor, visitID int64, m model.Move) (model.Visit, error) {
	var v model.Visit
	if err := who.Role.Check(model.ActScheduleVisit); err != nil {
		return v, err
	}
	m.Reason = model.CleanLine(m.Reason)
	if err := reasonLimit.Check(m.Reason); err != nil {
		return v, err
	}
	if !m.At.IsZero() {
		if m.At.Before(d.Now().Add(-model.StartGrace)) { // a booking moves to a time to come
			return v, model.FieldError{Field: "start", Msg: "is in the past; move the visit to a time to come " +
				"(if it already happened, cancel it and enter it with visit schedule --past)"}
		}
		if err := model.ValidateSchedule(m.At.UTC(), d.Now(), false); err != nil {
			return v, err
		}
	}
	err := d.write(ctx, who, model.ActScheduleVisit, feed.Visits|feed.Tickets, func(tx *store.Tx, now time.Time) error {
		cur, t, err := d.rebookable(ctx, tx, visitID, "move")
		if err != nil {
			return err
		}
		next, err := m.Apply(cur)
		if err != nil {
			return err
		}
		tech, err := bookableTech(ctx, tx, next.TechID)
		if err != nil {
			return err
		}
		next.TechName = tech.Name
		if !m.Anyway {
			if err := d.checkBooking(ctx, tx, next, t); err != nil {
				return err
			}
		}
		moved := model.Event{At: now, RecordedAt: now, By: who.Name, Note: m.Reason}
		if moved, err = tx.RebookVisit(ctx, next, moved); err != nil {
			return err
		}
		before := struct {
			Visit string    `json:"visit"`
			At    time.Time `json:"at"`
			Tech  string    `json:"tech"`
		}{cur.Ref(), cur.ScheduledAt, cur.TechName}
		after := before
		after.At, after.Tech = next.ScheduledAt, next.TechName
		if err := tx.Audit(ctx, now, who.String(), "visit.move", "visit", cur.ID, before, after); err != nil {
			return err
		}
		if err := tx.Audit(ctx, now, who.String(), "visit.move "+cur.Ref(), "ticket", t.ID, before, after); err != nil {
			return err
		}
		if v, err = tx.VisitByID(ctx, visitID); err != nil {
			return err
		}
		return d.tell(ctx, tx, model.MsgMoved, v, t, moved, now, func(n *model.VisitNews) { n.Was, n.PreviousTech = cur.ScheduledAt, cur.TechID })
	})
	return v, err
}

// CancelVisit takes a visit that has not started off the schedule, with a
// reason. It stays in the ticket's log as cancelled, by whom and why, and is
// never billed.
func (d *Door) CancelVisit(ctx context.Context, who model.Actor, visitID int64, reason string) (model.Visit, error) {
	var v model.Visit
	if err := who.Role.Check(model.ActScheduleVisit); err != nil {
		return v, err
	}
	reason, err := model.CheckCancelReason(reason)
	if err != nil {
		return v, err
	}
	err = d.write(ctx, who, model.ActScheduleVisit, feed.Visits|feed.Tickets, func(tx *store.Tx, now time.Time) error {
		cur, t, err := d.rebookable(ctx, tx, visitID, "cancel")
		if err != nil {
			return err
		}
		v, err = d.cancelVisit(ctx, tx, who, cur, t, reason, now)
		return err
	})
	return v, err
}

// cancelVisit logs a visit's cancellation with its audit entries and
// writes the letters it owes: whatever cancels a visit (the visit itself,
// its ticket done or withdrawn), the client and the technician hear of it.
func (d *Door) cancelVisit(ctx context.Context, tx *store.Tx, who model.Actor, v model.Visit, t model.Ticket, reason string, now time.Time) (model.Visit, error) {
	e := model.Event{VisitID: v.ID, Kind: model.EvCancelled, At: now, RecordedAt: now, By: who.Name, Note: reason}
	e, err := tx.AppendEvent(ctx, e)
	if err != nil {
		return v, err
	}
	if err := tx.Audit(ctx, now, who.String(), "visit.cancel", "visit", v.ID, nil, e); err != nil {
		return v, err
	}
	if err := tx.Audit(ctx, now, who.String(), "visit.cancel "+v.Ref(), "ticket", t.ID, nil, e); err != nil {
		return v, err
	}
	if v, err = tx.VisitByID(ctx, v.ID); err != nil {
		return v, err
	}
	return v, d.tell(ctx, tx, model.MsgCancelled, v, t, e, now, nil)
}

// rebookable loads a visit and its ticket, and checks that the visit may
// still be moved or cancelled.
func (d *Door) rebookable(ctx context.Context, tx *store.Tx, visitID int64, verb string) (model.Visit, model.Ticket, error) {
	v, err := tx.VisitByID(ctx, visitID)
	if err != nil {
		return v, model.Ticket{}, err
	}
	t, err := tx.TicketByID(ctx, v.TicketID)
	if err != nil {
		return v, t, err
	}
	return v, t, model.CheckRebook(v, t, verb)
}

// bookableTech is the technician a visit may be booked for: a current user
// whose role is tech.
func bookableTech(ctx context.Context, tx *store.Tx, techID int64) (model.User, error) {
	tech, err := tx.UserByID(ctx, techID)
	if err != nil {
		return tech, model.FieldError{Field: "tech", Msg: "is not a current user (removed, or never added); pick one of the technicians"}
	}
	if tech.Role != model.RoleTech {
		return tech, model.FieldError{Field: "tech", Msg: fmt.Sprintf("%s is a %s, not a technician; pick a technician", tech.Name, tech.Role)}
	}
	return tech, nil
}
