package door_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/model/door/doortest"
)

// The wall is built from the board's own read: its counts are the board's,
// a viewer may see it and nothing else, and a step on a visit moves it.
func TestTheWallAgreesWithTheBoardAndFollowsAStep(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	o := doortest.OpenDemo(t, now)
	viewer := model.ActorOf(o.AddUser(t, "Lobby TV", model.RoleViewer, ""))

	w, err := o.Door.Wall(ctx, viewer)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := o.Door.Board(ctx, viewer); !errors.As(err, new(model.Forbidden)) {
		t.Errorf("a viewer opened the board: %v", err)
	}
	b, err := o.Door.Board(ctx, model.Console)
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Breached) != b.Breached || len(w.AtRisk) != b.AtRisk || len(w.Waiting) != b.Count(model.SecWaiting) ||
		w.Today.InProgress != b.Count(model.SecInProgress) || w.Today.Late != b.LateToStart() ||
		w.Today.ToStart+w.Today.Late != b.Count(model.SecToday) {
		t.Errorf("wall %+v (breached %d, at risk %d, waiting %d) disagrees with the board", w.Today, len(w.Breached), len(w.AtRisk), len(w.Waiting))
	}
	techs, _ := o.Door.Techs(ctx, model.Console)
	if len(w.Techs) != len(techs) {
		t.Fatalf("%d technicians on the wall, %d in the office", len(w.Techs), len(techs))
	}
	if w.HoursToday.Total() == 0 || w.HoursWeek.Total() < w.HoursToday.Total() {
		t.Errorf("hours today %v, this week %v", w.HoursToday.Total(), w.HoursWeek.Total())
	}

	// Sam Okafor is in the shop: he stops, is free, and sets off for his next.
	sam := techNamed(t, w, "Sam Okafor")
	if sam.Phase != model.PhaseInShop || sam.Next == nil {
		t.Fatalf("the demo's Sam Okafor: %s, next %v", sam.Phase, sam.Next)
	}
	if _, err := o.Door.Record(ctx, viewer, sam.Visit.ID, door.Step{Kind: model.EvShopStopped}); !errors.As(err, new(model.Forbidden)) {
		t.Errorf("a viewer recorded a step: %v", err)
	}
	if _, err := o.Door.Record(ctx, model.Console, sam.Visit.ID, door.Step{Kind: model.EvShopStopped}); err != nil {
		t.Fatal(err)
	}
	w, _ = o.Door.Wall(ctx, viewer)
	if after := techNamed(t, w, "Sam Okafor"); !after.Free() || after.DoneToday != sam.DoneToday+1 || w.Today.Done != 3 {
		t.Errorf("after the shop: %s, done %d, today %+v", after.Phase, after.DoneToday, w.Today)
	}
	if _, err := o.Door.Record(ctx, model.Console, sam.Next.ID, door.Step{Kind: model.EvTravelStarted}); err != nil {
		t.Fatal(err)
	}
	w, _ = o.Door.Wall(ctx, viewer)
	if after := techNamed(t, w, "Sam Okafor"); after.Phase != model.PhaseTravelling || after.Visit.ID != sam.Next.ID || after.Client != sam.NextClient {
		t.Errorf("after setting off: %s on %+v for %q", after.Phase, after.Visit, after.Client)
	}
}

func techNamed(t *testing.T, w *model.Wall, name string) model.TechNow {
	t.Helper()
	for _, tech := range w.Techs {
		if tech.Name == name {
			return tech
		}
	}
	t.Fatalf("%s is not on the wall", name)
	return model.TechNow{}
}
