package door

import (
	"context"
	"fmt"
	"time"

	"dispatch/model"
	"dispatch/model/feed"
	"dispatch/model/store"
)

// WorkOn switches what the technician is working on: the main job (scopeID
// 0) or an approved add-on of this visit. On-site time from then on (at,
// entered late; zero: now) counts for it, so the invoice can show the
// add-on on its own line.
func (d *Door) WorkOn(ctx context.Context, who model.Actor, visitID, scopeID int64, at time.Time) (model.Visit, error) {
	var v model.Visit
	err := d.write(ctx, who, model.ActRecordVisit, feed.Visits, func(tx *store.Tx, now time.Time) error {
		var err error
		if v, _, err = d.recordable(ctx, tx, who, visitID); err != nil {
			return err
		}
		if cur := model.WorkingOn(v.Events); cur == scopeID {
			return model.Conflict{Msg: fmt.Sprintf("already working on %s", workName(scopeID))}
		}
		if scopeID != 0 {
			r, err := tx.ScopeByID(ctx, scopeID)
			if err != nil {
				return err
			}
			if r.VisitID != v.ID {
				return model.Conflict{Msg: fmt.Sprintf("%s was asked on %s, not %s", r.Ref(), model.FormatID(model.PrefixVisit, r.VisitID), v.Ref())}
			}
			if state := r.State(); state != model.ScopeApproved {
				return model.Conflict{Msg: fmt.Sprintf("%s is %s; only an approved add-on is worked on during a visit", r.Ref(), state.Describe())}
			}
			if last, _ := r.Last(); orNow(at, now).Before(last.At) {
				return model.FieldError{Field: "at", Msg: fmt.Sprintf("is before %s was approved (%s); work on it from then on",
					r.Ref(), model.ClockIn(last.At, now, d.Location()))}
			}
		}
		e := model.Event{VisitID: v.ID, Kind: model.EvWorkOn, At: orNow(at, now), RecordedAt: now, By: who.Name, ScopeID: scopeID}
		if _, err = d.appendStep(ctx, tx, who, v, e, now); err != nil {
			return err
		}
		v, err = tx.VisitByID(ctx, visitID)
		return err
	})
	return v, err
}

func workName(scopeID int64) string {
	if scopeID == 0 {
		return "the main job"
	}
	return "add-on " + model.FormatID(model.PrefixScope, scopeID)
}

// AnswerOverrun records what the technician did when prompted as on-site
// time neared or passed the estimate. The answer is for the prompt that is
// due; with none due, it answers an "unreachable" still waiting on the
// office, so a dispatcher who reaches the client records it the same way.
// Told-stop may come with a follow-up ticket for the rest of the work.
func (d *Door) AnswerOverrun(ctx context.Context, who model.Actor, visitID int64, answer model.OverrunAnswer, followUp *SpawnTicket, at time.Time) (model.Visit, model.Ticket, error) {
	var v model.Visit
	var spawned model.Ticket
	if _, err := model.ParseOverrunAnswer(string(answer)); err != nil {
		return v, spawned, err
	}
	if followUp != nil && answer != model.ToldStop {
		return v, spawned, model.Conflict{Msg: "a follow-up ticket goes with told-stop: the rest of the job is left for another visit"}
	}
	err := d.write(ctx, who, model.ActRecordVisit, feed.Visits|feed.Tickets, func(tx *store.Tx, now time.Time) error {
		var ticket model.Ticket
		var err error
		if v, ticket, err = d.recordable(ctx, tx, who, visitID); err != nil {
			// A prompt due before a job was closed on site may be answered
			// after: its answer belongs in the record the invoice reads.
			if ticket.Status != model.TicketDone || mayRecord(who, v, model.Ticket{Status: model.TicketOpen}) != nil {
				return err
			}
		}
		estimate := ticket.Estimate.Duration
		at := orNow(at, now)
		level := model.OverrunDue(v.Events, estimate, at) // the prompt as it stood when answered
		if level == model.EstimateNone && at.Before(now) {
			return model.Conflict{Msg: fmt.Sprintf("no prompt about the estimate was due on %s at %s", v.Ref(), model.ClockIn(at, now, d.Location()))}
		}
		if level == model.EstimateNone {
			alert, ok := model.OverrunAlert(v.Events)
			if !ok {
				return model.Conflict{Msg: fmt.Sprintf("nothing to answer: %s", estimateState(v, estimate, now))}
			}
			level = map[model.EventKind]model.EstimateLevel{model.EvEstimateNear: model.EstimateNear, model.EvEstimateOver: model.EstimateOver}[alert.Kind]
		}
		e := model.Event{VisitID: v.ID, Kind: level.EstimateKind(), At: at, RecordedAt: now, By: who.Name, Answer: answer}
		if followUp != nil {
			in := *followUp
			if in.Title == "" {
				in.Title = "Follow-up: " + ticket.Title
			}
			if in.Scope == "" {
				in.Scope = fmt.Sprintf("The rest of %s, stopped at the estimate on %s: %s", ticket.Ref(), v.Ref(), ticket.Scope)
			}
			if spawned, err = d.spawn(ctx, tx, who, at, ticket, ticket.ContactID, "", in); err != nil {
				return err
			}
			e.Note = "follow-up " + spawned.Ref()
		}
		before := v.Events
		if e, err = d.appendStep(ctx, tx, who, v, e, now); err != nil {
			return err
		}
		if v, err = tx.VisitByID(ctx, visitID); err != nil {
			return err
		}
		if answer == model.Unreachable { // nobody was told: nothing to confirm in writing
			return nil
		}
		onSite := model.AttributeOnSite(before, at)[0]
		return d.tell(ctx, tx, model.MsgOverrun, v, ticket, e, now, func(n *model.VisitNews) { n.Minutes = onSite })
	})
	return v, spawned, err
}

// estimateState says where on-site time on the main job stands against the
// estimate, for a refusal.
func estimateState(v model.Visit, estimate time.Duration, now time.Time) string {
	if estimate <= 0 {
		return v.Ref() + "'s ticket has no hours estimate to run over"
	}
	main := model.AttributeOnSite(v.Events, now)[0]
	ratio, _ := model.AgainstEstimate(main, estimate)
	return fmt.Sprintf("%s is at %d%% of its %s estimate, and any prompt so far is answered", v.Ref(), int(ratio*100), model.FormatDuration(estimate))
}
