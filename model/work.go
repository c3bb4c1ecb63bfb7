package model

import (
	"fmt"
	"time"
)

// Events that say what the technician is doing without moving the visit to
// another phase: switching between the main job and an approved add-on, and
// answering the prompt to tell the contact as on-site time nears or passes
// the estimate.
const (
	EvWorkOn       EventKind = "work_on"       // ScopeID: the add-on now worked on, 0 for the main job
	EvEstimateNear EventKind = "estimate_near" // answered at 80% of the estimate
	EvEstimateOver EventKind = "estimate_over" // answered past the estimate
)

// sideSteps are recorded beside the phases, in the phases listed.
var sideSteps = map[EventKind][]Phase{
	EvWorkOn:       {PhaseOnSite, PhasePaused},
	EvEstimateNear: {PhaseOnSite, PhasePaused, PhaseReturning, PhaseFinished, PhaseInShop},
	EvEstimateOver: {PhaseOnSite, PhasePaused, PhaseReturning, PhaseFinished, PhaseInShop},
}

// Side reports whether the kind is a side step: recorded beside the phases.
func (k EventKind) Side() bool {
	_, ok := sideSteps[k]
	return ok
}

// OverrunAnswer is what the technician did when prompted about the estimate.
type OverrunAnswer string

const (
	ToldContinue OverrunAnswer = "told-continue" // told the contact; carrying on
	ToldStop     OverrunAnswer = "told-stop"     // told the contact; stopping here, a follow-up ticket for the rest
	Unreachable  OverrunAnswer = "unreachable"   // could not reach anyone: the dispatcher is alerted
)

// OverrunAnswers lists the answers in the order a prompt offers them.
var OverrunAnswers = []OverrunAnswer{ToldContinue, ToldStop, Unreachable}

// ParseOverrunAnswer reads an answer as the command line gives it.
func ParseOverrunAnswer(s string) (OverrunAnswer, error) {
	for _, a := range OverrunAnswers {
		if string(a) == s {
			return a, nil
		}
	}
	return "", FieldError{Field: "answer", Msg: fmt.Sprintf("%q is not an answer; use told-continue, told-stop or unreachable", CleanLine(s))}
}

// Describe is the answer as the log reads it.
func (a OverrunAnswer) Describe() string {
	return map[OverrunAnswer]string{
		ToldContinue: "told the contact, carrying on",
		ToldStop:     "told the contact, stopping here",
		Unreachable:  "could not reach anyone",
	}[a]
}

// EstimateKind is the event that answers the prompt at this level.
func (l EstimateLevel) EstimateKind() EventKind {
	if l == EstimateOver {
		return EvEstimateOver
	}
	return EvEstimateNear
}

// Shares is on-site time split by what was worked on: key 0 is the main job,
// any other key the id of an approved add-on.
type Shares map[int64]time.Duration

// AttributeOnSite splits a visit's on-site time between the main job and its
// add-ons, switching at each work_on event. The shares add up to
// TimesOf(events, now).OnSite to the second: a switch only splits an
// interval that was counted anyway.
func AttributeOnSite(events []Event, now time.Time) Shares {
	shares := Shares{}
	walkOnSite(events, now, func(scopeID int64, d time.Duration) { shares[scopeID] += d })
	return shares
}

// MainOnSite is on-site time on the main job alone, without building the
// shares: the board asks it of every visit.
func MainOnSite(events []Event, now time.Time) time.Duration {
	var main time.Duration
	walkOnSite(events, now, func(scopeID int64, d time.Duration) {
		if scopeID == 0 {
			main += d
		}
	})
	return main
}

// walkOnSite calls add for each stretch of on-site time with what was being
// worked on during it.
func walkOnSite(events []Event, now time.Time, add func(scopeID int64, d time.Duration)) {
	phase := PhaseScheduled
	var mark time.Time
	var working int64
	count := func(until time.Time) {
		if phase == PhaseOnSite && !mark.IsZero() && until.After(mark) {
			add(working, until.Sub(mark))
		}
	}
	for _, e := range events {
		switch {
		case e.Timed():
			count(e.At)
			phase, mark = phaseAfter(phase, e.Kind), e.At
		case e.Kind == EvWorkOn:
			count(e.At)
			working = e.ScopeID
			if phase == PhaseOnSite {
				mark = e.At
			}
		}
	}
	count(now)
}

// WorkingOn is what the technician is working on now: 0 for the main job, or
// an add-on's id.
func WorkingOn(events []Event) int64 {
	for i := len(events) - 1; i >= 0; i-- {
		if events[i].Kind == EvWorkOn {
			return events[i].ScopeID
		}
	}
	return 0
}

// OverrunDue is the prompt waiting for an answer on a visit: EstimateNear
// once on-site time on the main job reaches 80% of the estimate, EstimateOver
// once it passes it, until answered at that level. It stays due however long
// it is ignored, and after the technician leaves.
func OverrunDue(events []Event, estimate time.Duration, now time.Time) EstimateLevel {
	return dueAt(events, MainOnSite(events, now), estimate)
}

// dueAt is OverrunDue for on-site time on the main job already counted.
func dueAt(events []Event, main, estimate time.Duration) EstimateLevel {
	_, level := AgainstEstimate(main, estimate)
	if level < EstimateNear || answeredLevel(events) >= level {
		return EstimateNone
	}
	return level
}

func answeredLevel(events []Event) EstimateLevel {
	level := EstimateNone
	for _, e := range events {
		switch e.Kind {
		case EvEstimateNear:
			level = max(level, EstimateNear)
		case EvEstimateOver:
			level = EstimateOver
		}
	}
	return level
}

// OverrunAlert is the answer that needs the dispatcher: the latest answer to
// a prompt was "could not reach anyone". It clears when someone records that
// the contact was told.
func OverrunAlert(events []Event) (Event, bool) {
	for i := len(events) - 1; i >= 0; i-- {
		if e := events[i]; e.Kind == EvEstimateNear || e.Kind == EvEstimateOver {
			return e, e.Answer == Unreachable
		}
	}
	return Event{}, false
}
