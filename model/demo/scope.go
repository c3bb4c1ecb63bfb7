package demo

import (
	"context"
	"fmt"
	"time"

	"dispatch/model"
	"dispatch/model/door"
)

// seedScope makes two "while you're here" requests, as the technicians
// would have recorded them: on a regular job an add-on the contact approved,
// worked on and done; on a new client's first job an add-on the contact
// agreed to that now waits for a supervisor on the board.
func seedScope(ctx context.Context, at func(time.Time) *door.Door, visits map[string]model.Visit, techIDs map[int]int64) error {
	tech := func(i int) model.Actor { return model.Actor{UserID: techIDs[i], Name: techs[i], Role: model.RoleTech} }
	arrivedAt := func(v model.Visit) time.Time {
		card, err := at(time.Now()).Visit(ctx, seeder, v.ID) // as recorded, not as booked
		if err != nil {
			return v.ScheduledAt
		}
		for _, e := range card.Events {
			if e.Kind == model.EvArrived {
				return e.At
			}
		}
		return v.ScheduledAt
	}

	juniper := visits["Exam room tablets won't sync"]
	leo, t0 := tech(2), arrivedAt(juniper)
	r, err := at(t0.Add(25*time.Minute)).AskScope(ctx, leo, juniper.ID, door.Ask{AskedBy: "Carla Diaz", What: "Waiting-room TV lost its channel list"})
	if err != nil {
		return fmt.Errorf("demo scope: %w", err)
	}
	if r, err = at(t0.Add(27*time.Minute)).ScopeAddOn(ctx, leo, r.ID, door.AddOn{Contact: "Dr. Paul Weiss", Estimate: 15 * time.Minute, ToldMeterRunning: true}); err != nil {
		return fmt.Errorf("demo add-on: %w", err)
	}
	if _, err := at(t0.Add(30*time.Minute)).WorkOn(ctx, leo, juniper.ID, r.ID, time.Time{}); err != nil {
		return fmt.Errorf("demo work on: %w", err)
	}
	if _, err := at(t0.Add(42*time.Minute)).WorkOn(ctx, leo, juniper.ID, 0, time.Time{}); err != nil {
		return fmt.Errorf("demo work on: %w", err)
	}
	other, err := at(t0.Add(50*time.Minute)).AskScope(ctx, leo, juniper.ID, door.Ask{AskedBy: "a patient's parent", What: "Look at my home laptop"})
	if err != nil {
		return fmt.Errorf("demo scope: %w", err)
	}
	if _, err := at(t0.Add(51*time.Minute)).ScopeDecline(ctx, leo, other.ID, "not the clinic's equipment", time.Time{}); err != nil {
		return fmt.Errorf("demo decline: %w", err)
	}

	northwind := visits["Set up practice-management PC"]
	jon, t1 := tech(4), arrivedAt(northwind)
	first, err := at(t1.Add(20*time.Minute)).AskScope(ctx, jon, northwind.ID, door.Ask{AskedBy: "Kim Howard", What: "Front desk printer prints blank pages"})
	if err != nil {
		return fmt.Errorf("demo scope: %w", err)
	}
	_, err = at(t1.Add(24*time.Minute)).ScopeAddOn(ctx, jon, first.ID, door.AddOn{Contact: "Dr. Lena Ortiz", Estimate: 20 * time.Minute, ToldMeterRunning: true})
	if err != nil {
		return fmt.Errorf("demo first-job add-on: %w", err)
	}
	return nil
}
