package model

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

// workVisit is visitAt with side steps: "work_on:3" switches to add-on S-3,
// "work_on:0" back to the main job, "estimate_near:unreachable" answers a prompt.
func workVisit(t *testing.T, steps ...string) Visit {
	t.Helper()
	v := visitAt(t, steps...)
	for i := range v.Events {
		kind, arg, ok := strings.Cut(string(v.Events[i].Kind), ":")
		if !ok {
			continue
		}
		v.Events[i].Kind = EventKind(kind)
		if id, err := strconv.ParseInt(arg, 10, 64); err == nil {
			v.Events[i].ScopeID = id
		} else {
			v.Events[i].Answer = OverrunAnswer(arg)
		}
	}
	return v
}

func TestAttributeOnSite(t *testing.T) {
	arrived := []string{"travel_started", "09:00", "arrived", "09:30"}
	tests := []struct {
		name  string
		steps []string
		now   string
		want  map[int64]time.Duration
	}{
		{"all on the main job", arrived, "10:30", map[int64]time.Duration{0: time.Hour}},
		{"switch to an add-on and back",
			append(arrived, "work_on:3", "10:00", "work_on:0", "10:20"), "10:30",
			map[int64]time.Duration{0: 40 * time.Minute, 3: 20 * time.Minute}},
		{"a pause on the add-on counts for neither",
			append(arrived, "work_on:3", "10:00", "paused", "10:10", "resumed", "10:40"), "11:00",
			map[int64]time.Duration{0: 30 * time.Minute, 3: 30 * time.Minute}},
		{"switching while paused takes effect on resuming",
			append(arrived, "paused", "10:00", "work_on:4", "10:05", "resumed", "10:15"), "10:45",
			map[int64]time.Duration{0: 30 * time.Minute, 4: 30 * time.Minute}},
		{"two add-ons",
			append(arrived, "work_on:3", "09:45", "work_on:4", "10:00", "departed", "10:30"), "11:00",
			map[int64]time.Duration{0: 15 * time.Minute, 3: 15 * time.Minute, 4: 30 * time.Minute}},
		{"travel and shop time belong to no share",
			append(arrived, "departed", "10:00", "travel_ended", "10:30", "shop_started", "10:40"), "11:40",
			map[int64]time.Duration{0: 30 * time.Minute}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := workVisit(t, tt.steps...)
			now := at(t, tt.now)
			got := AttributeOnSite(v.Events, now)
			for id, want := range tt.want {
				if got[id] != want {
					t.Errorf("share %d = %s, want %s (all: %v)", id, got[id], want, got)
				}
			}
			if len(got) != len(tt.want) {
				t.Errorf("shares %v, want %v", got, tt.want)
			}
			assertSharesAddUp(t, v.Events, now)
		})
	}
}

func assertSharesAddUp(t *testing.T, events []Event, now time.Time) {
	t.Helper()
	var sum time.Duration
	for _, d := range AttributeOnSite(events, now) {
		sum += d
	}
	if total := TimesOf(events, now).OnSite; sum != total {
		t.Errorf("shares add up to %s, on-site total is %s", sum, total)
	}
}

// FuzzAttributionAddsUp drives a visit through random valid steps and work
// switches at random times: the shares always add up to the on-site total,
// to the second.
func FuzzAttributionAddsUp(f *testing.F) {
	f.Add([]byte{1, 10, 2, 30, 9, 5, 3, 7, 9, 1, 4, 20})
	f.Add([]byte{1, 1, 2, 1, 9, 0, 9, 0, 5, 1})
	f.Fuzz(func(t *testing.T, script []byte) {
		start := time.Date(2026, 3, 8, 1, 0, 0, 0, time.UTC)
		clock := start
		v := Visit{ID: 1}
		for i := 0; i+1 < len(script); i += 2 {
			clock = clock.Add(time.Duration(script[i+1]) * 37 * time.Second)
			phase := v.Phase()
			var kind EventKind
			if script[i]%3 == 0 {
				kind = EvWorkOn
			} else if allowed := Allowed(phase); len(allowed) > 0 {
				kind = allowed[int(script[i])%len(allowed)]
			}
			if kind == "" || CheckEvent(v, kind, clock, clock, time.UTC) != nil {
				continue
			}
			v.Events = append(v.Events, Event{ID: int64(i + 1), Kind: kind, At: clock, ScopeID: int64(script[i] % 4)})
		}
		for _, later := range []time.Duration{0, time.Second, 90 * time.Minute} {
			assertSharesAddUp(t, v.Events, clock.Add(later))
		}
	})
}

func TestOverrunDue(t *testing.T) {
	arrived := []string{"travel_started", "09:00", "arrived", "10:00"}
	tests := []struct {
		name  string
		steps []string
		now   string
		want  EstimateLevel
	}{
		{"under 80%", arrived, "10:47", EstimateNone},
		{"at 80%", arrived, "10:48", EstimateNear},
		{"near, answered", append(arrived, "estimate_near:told-continue", "10:50"), "10:55", EstimateNone},
		{"past it, only near answered", append(arrived, "estimate_near:told-continue", "10:50"), "11:01", EstimateOver},
		{"past it, answered", append(arrived, "estimate_over:told-continue", "11:01"), "11:30", EstimateNone},
		{"answered unreachable is answered", append(arrived, "estimate_over:unreachable", "11:01"), "11:30", EstimateNone},
		{"ignored, and gone home: still due", append(arrived, "departed", "11:10", "travel_ended", "11:40"), "15:00", EstimateOver},
		{"time on an add-on does not count against the main job",
			append(arrived, "work_on:3", "10:30"), "11:30", EstimateNone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := workVisit(t, tt.steps...)
			if got := OverrunDue(v.Events, time.Hour, at(t, tt.now)); got != tt.want {
				t.Errorf("due %d, want %d", got, tt.want)
			}
		})
	}
	if got := OverrunDue(workVisit(t, arrived...).Events, 0, at(t, "18:00")); got != EstimateNone {
		t.Errorf("a quoted job with no hours estimate prompted %d", got)
	}
}

func TestOverrunAlert(t *testing.T) {
	arrived := []string{"travel_started", "09:00", "arrived", "10:00"}
	tests := []struct {
		name  string
		steps []string
		want  bool
	}{
		{"no answer", arrived, false},
		{"told", append(arrived, "estimate_near:told-continue", "10:50"), false},
		{"unreachable", append(arrived, "estimate_near:unreachable", "10:50"), true},
		{"unreachable, then reached by the office", append(arrived, "estimate_near:unreachable", "10:50", "estimate_near:told-stop", "11:00"), false},
		{"told, then unreachable past the estimate", append(arrived, "estimate_near:told-continue", "10:50", "estimate_over:unreachable", "11:05"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, got := OverrunAlert(workVisit(t, tt.steps...).Events); got != tt.want {
				t.Errorf("alert %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSideStepsKeepThePhase(t *testing.T) {
	v := workVisit(t, "travel_started", "09:00", "arrived", "10:00", "work_on:3", "10:10", "estimate_near:told-continue", "10:20")
	if v.Phase() != PhaseOnSite || !PhaseSince(v.Events).Equal(at(t, "10:00")) {
		t.Errorf("side steps moved the phase: %s since %s", v.Phase(), PhaseSince(v.Events))
	}
	now := at(t, "10:30")
	if err := CheckEvent(v, EvWorkOn, at(t, "10:05"), now, time.UTC); err == nil {
		t.Error("a switch before the last step was accepted")
	}
	travelling := workVisit(t, "travel_started", "09:00")
	if err := CheckEvent(travelling, EvWorkOn, now, now, time.UTC); err == nil {
		t.Error("switching work while travelling was accepted")
	}
	if err := CheckEvent(travelling, EvEstimateNear, now, now, time.UTC); err == nil {
		t.Error("answering an estimate prompt before arriving was accepted")
	}
}
