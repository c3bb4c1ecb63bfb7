package door

import (
	"context"
	"fmt"
	"time"

	"dispatch/model"
	"dispatch/model/feed"
	"dispatch/model/store"
)

// PlanMeeting records the invitation to a first meeting or a roadmap
// review, sent now or at invited; the call to confirm it falls due a
// business day later.
func (d *Door) PlanMeeting(ctx context.Context, who model.Actor, m model.Meeting) (model.Meeting, error) {
	if err := m.Validate(); err != nil {
		return m, err
	}
	err := d.write(ctx, who, model.ActManageClients, feed.Clients, func(tx *store.Tx, now time.Time) error {
		c, err := tx.ClientByID(ctx, m.ClientID)
		if err != nil {
			return err
		}
		if m.InvitedAt.IsZero() {
			m.InvitedAt = now
		}
		if m.InvitedAt.After(now.Add(time.Minute)) {
			return model.FieldError{Field: "invited-at", Msg: "is still to come; record the invitation once it is sent"}
		}
		if !m.At.After(m.InvitedAt) {
			return model.FieldError{Field: "at", Msg: "is not after the invitation; a meeting is planned ahead"}
		}
		p, err := tx.Policy(ctx)
		if err != nil {
			return err
		}
		if err := model.CheckMeetingDay(p, d.Location(), m.At); err != nil {
			return err
		}
		if m.Kind == model.MeetingFirst {
			had, err := tx.MeetingsFor(ctx, c.ID)
			if err != nil {
				return err
			}
			if first, ok := model.FirstMeetingOf(had); ok {
				return model.Conflict{Msg: fmt.Sprintf("%s has its first meeting already (%s, %s); plan a roadmap review (--kind roadmap), or call %s off first",
					c.Name, first.Ref(), first.At.In(d.Location()).Format("2 Jan 2006"), first.Ref())}
			}
		}
		m.Client, m.InvitedBy = c.Name, who.Name
		if m, err = tx.InsertMeeting(ctx, m); err != nil {
			return err
		}
		return tx.Audit(ctx, now, who.String(), "meeting.plan", "meeting", m.ID, nil, m)
	})
	return m, err
}

// ConfirmMeeting records the call that confirmed a meeting.
func (d *Door) ConfirmMeeting(ctx context.Context, who model.Actor, id int64, note string) (model.Meeting, error) {
	return d.changeMeeting(ctx, who, id, "meeting.confirm", func(m *model.Meeting, now time.Time) error {
		if !m.ConfirmedAt.IsZero() {
			return model.Conflict{Msg: fmt.Sprintf("%s was confirmed already, %s", m.Ref(), m.ConfirmedAt.In(d.Location()).Format("Mon 2 Jan 15:04"))}
		}
		m.ConfirmedAt, m.ConfirmNote, m.By = now, model.CleanLine(note), who.Name
		return nil
	})
}

// CancelMeeting calls a meeting off, saying why; its record stays.
func (d *Door) CancelMeeting(ctx context.Context, who model.Actor, id int64, reason string) (model.Meeting, error) {
	return d.changeMeeting(ctx, who, id, "meeting.cancel", func(m *model.Meeting, now time.Time) error {
		if m.CancelReason = model.CleanLine(reason); m.CancelReason == "" {
			return model.FieldError{Field: "reason", Msg: "is empty; say why it is called off, like \"the owner is away; to plan again in January\""}
		}
		m.CancelledAt, m.By = now, who.Name
		return nil
	})
}

// MeetingDone records that a meeting was held, with its notes.
func (d *Door) MeetingDone(ctx context.Context, who model.Actor, id int64, notes string) (model.Meeting, error) {
	return d.changeMeeting(ctx, who, id, "meeting.done", func(m *model.Meeting, now time.Time) error {
		if m.Notes = model.CleanText(notes); m.Notes == "" {
			return model.FieldError{Field: "notes", Msg: "is empty; write what was said and agreed"}
		}
		m.DoneAt, m.By = now, who.Name
		return nil
	})
}

func (d *Door) changeMeeting(ctx context.Context, who model.Actor, id int64, action string, fn func(*model.Meeting, time.Time) error) (model.Meeting, error) {
	var m model.Meeting
	err := d.write(ctx, who, model.ActManageClients, feed.Clients, func(tx *store.Tx, now time.Time) error {
		var err error
		if m, err = tx.MeetingByID(ctx, id); err != nil {
			return err
		}
		if !m.DoneAt.IsZero() {
			return model.Conflict{Msg: fmt.Sprintf("%s was held on %s; its record is closed", m.Ref(), m.DoneAt.In(d.Location()).Format("2 Jan"))}
		}
		if !m.CancelledAt.IsZero() {
			return model.Conflict{Msg: fmt.Sprintf("%s was called off on %s (%s); plan another if it is to happen", m.Ref(),
				m.CancelledAt.In(d.Location()).Format("2 Jan"), m.CancelReason)}
		}
		if action == "meeting.done" && now.Before(m.At) {
			return model.Conflict{Msg: fmt.Sprintf("%s is on %s; it is recorded held once it has been", m.Ref(), m.At.In(d.Location()).Format("Mon 2 Jan 15:04"))}
		}
		before := m
		if err := fn(&m, now); err != nil {
			return err
		}
		if err := tx.SaveMeeting(ctx, m); err != nil {
			return err
		}
		return tx.Audit(ctx, now, who.String(), action, "meeting", id, before, m)
	})
	return m, err
}

// MeetingPrep is a meeting with what to go over: its agenda and the
// client's brief drawn at this moment.
type MeetingPrep struct {
	Meeting model.Meeting
	Brief   model.Brief
}

// PrepMeeting reads a meeting and the client's brief now.
func (d *Door) PrepMeeting(ctx context.Context, who model.Actor, id int64) (MeetingPrep, error) {
	var p MeetingPrep
	err := d.read(ctx, who, model.ActViewBoard, func(tx *store.Tx) error {
		var err error
		if p.Meeting, err = tx.MeetingByID(ctx, id); err != nil {
			return err
		}
		r, err := tx.ClientRecords(ctx, p.Meeting.ClientID)
		if err != nil {
			return err
		}
		p.Brief = d.briefFor(seenBy(r, who.Role), who.Role)
		return nil
	})
	return p, err
}

// OpenMeetings lists the meetings not yet held, soonest first.
func (d *Door) OpenMeetings(ctx context.Context, who model.Actor) ([]model.Meeting, error) {
	var out []model.Meeting
	err := d.read(ctx, who, model.ActViewBoard, func(tx *store.Tx) error {
		var err error
		out, err = tx.OpenMeetings(ctx)
		return err
	})
	return out, err
}

// MeetingCalls are the calls the office owes about meetings now: the
// confirmations due and the new clients without a first meeting, overdue
// first. They are built with the board, from the same read.
func (d *Door) MeetingCalls(ctx context.Context, who model.Actor) ([]model.MeetingCall, error) {
	if err := who.Role.Check(model.ActManageClients); err != nil {
		return nil, err
	}
	b, err := d.board(ctx)
	return b.Calls, err
}
