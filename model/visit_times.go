package model

import "time"

// Times are a visit's durations, derived from its events and the clock, never
// kept: a running phase counts up to now, so a restart changes nothing.
type Times struct {
	Travel time.Duration // to the site and back
	OnSite time.Duration // arrived to departed, pauses excluded
	Paused time.Duration // on site but not working
	Shop   time.Duration // a device worked on back at the shop
}

// Total is the time worked on the visit: travel, on site and shop.
func (t Times) Total() time.Duration { return t.Travel + t.OnSite + t.Shop }

// TimesOf adds up the time between each step of a visit and the next, and
// the running phase up to now. Instants are absolute, so midnight and
// daylight-saving changes in the office's zone do not move them.
func TimesOf(events []Event, now time.Time) Times { return TimesSince(events, time.Time{}, now) }

// TimesSince is TimesOf counting only what fell after from: today's or this
// week's share of a visit begun before.
func TimesSince(events []Event, from, now time.Time) Times {
	var t Times
	phase := PhaseScheduled
	var since time.Time
	count := func(until time.Time) {
		start := since
		if start.Before(from) {
			start = from
		}
		d := until.Sub(start)
		if since.IsZero() || d < 0 {
			return
		}
		switch phase {
		case PhaseTravelling, PhaseReturning:
			t.Travel += d
		case PhaseOnSite:
			t.OnSite += d
		case PhasePaused:
			t.Paused += d
		case PhaseInShop:
			t.Shop += d
		}
	}
	for _, e := range events {
		if !e.Timed() {
			continue
		}
		count(e.At)
		phase = phaseAfter(phase, e.Kind)
		since = e.At
	}
	count(now)
	return t
}

// EstimateLevel is how near on-site time is to the ticket's estimate.
type EstimateLevel int

const (
	EstimateNone EstimateLevel = iota // no estimate in hours
	EstimateOK
	EstimateNear // 80% or more: time to tell the contact
	EstimateOver // past it
)

// NearEstimate is the share of the estimate at which the technician is told
// to warn the contact.
const NearEstimate = 0.8

// AgainstEstimate compares on-site time with the estimate.
func AgainstEstimate(onSite, estimate time.Duration) (float64, EstimateLevel) {
	if estimate <= 0 {
		return 0, EstimateNone
	}
	ratio := float64(onSite) / float64(estimate)
	switch {
	case onSite > estimate: // past it, not at it: a job done in its estimate is on time
		return ratio, EstimateOver
	case ratio >= NearEstimate:
		return ratio, EstimateNear
	}
	return ratio, EstimateOK
}
