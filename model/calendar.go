package model

import (
	"sort"
	"time"
)

// Interval is [From, To); a zero To means still open.
type Interval struct{ From, To time.Time }

// calendar counts business time in an office's zone. Days are walked by
// their local dates and each day's hours built with time.Date, so a
// daylight-saving change moves nothing: 08:00 is 08:00 on either side.
type calendar struct {
	p      Policy
	loc    *time.Location
	allDay bool // around the clock: every instant counts
}

// maxDays bounds any walk: a clock that runs a decade is a data error, not
// a reason to spin.
const maxDays = 3700

// each calls fn with every stretch of business time in [from, to), in
// order, until fn returns false.
func (c calendar) each(from, to time.Time, fn func(Interval) bool) {
	if !to.After(from) {
		return
	}
	if c.allDay {
		fn(Interval{from, to})
		return
	}
	l := from.In(c.loc)
	day := time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, c.loc)
	for i := 0; i < maxDays && day.Before(to); i++ {
		y, m, d := day.Date()
		h := c.p.Week[day.Weekday()]
		if !h.Closed() && !c.p.isHoliday(y, m, d) {
			open := time.Date(y, m, d, int(h.Open/time.Hour), int(h.Open%time.Hour/time.Minute), 0, 0, c.loc)
			close := time.Date(y, m, d, int(h.Close/time.Hour), int(h.Close%time.Hour/time.Minute), 0, 0, c.loc)
			s, e := later(open, from), earlier(close, to)
			if e.After(s) && !fn(Interval{s, e}) {
				return
			}
		}
		day = time.Date(y, m, d+1, 0, 0, 0, 0, c.loc)
	}
}

// counting calls fn with every stretch of [from, to) that counts: business
// time outside the pauses given (sorted, not overlapping).
func (c calendar) counting(from, to time.Time, pauses []Interval, fn func(Interval) bool) {
	c.each(from, to, func(iv Interval) bool {
		for _, p := range pauses {
			pTo := p.To
			if pTo.IsZero() {
				pTo = farFuture
			}
			if !pTo.After(iv.From) || !p.From.Before(iv.To) {
				continue
			}
			if p.From.After(iv.From) && !fn(Interval{iv.From, p.From}) {
				return false
			}
			iv.From = pTo
			if !iv.To.After(iv.From) {
				return true
			}
		}
		return fn(iv)
	})
}

// farFuture stands for "not yet ended".
var farFuture = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)

// Between is the business time in [from, to).
func (c calendar) between(from, to time.Time, pauses []Interval) time.Duration {
	var total time.Duration
	c.counting(from, to, pauses, func(iv Interval) bool {
		total += iv.To.Sub(iv.From)
		return true
	})
	return total
}

// reach is the instant at which d of counting time has passed since from,
// and whether it comes before limit.
func (c calendar) reach(from time.Time, d time.Duration, pauses []Interval, limit time.Time) (time.Time, bool) {
	var at time.Time
	found := false
	c.counting(from, limit, pauses, func(iv Interval) bool {
		if span := iv.To.Sub(iv.From); span >= d {
			at, found = iv.From.Add(d), true
			return false
		} else {
			d -= span
		}
		return true
	})
	return at, found
}

// nextOpen is the first counting instant at or after t, for "the clock
// starts at 08:00 Monday".
func (c calendar) nextOpen(t time.Time) time.Time {
	at, _ := c.reach(t, 0, nil, t.AddDate(0, 1, 0))
	return at
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func earlier(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// unionOf merges two sorted lists of intervals into one sorted list with no
// overlaps, as counting needs; an open interval (zero To) runs on for ever.
func unionOf(a, b []Interval) []Interval {
	if len(b) == 0 {
		return a
	}
	all := append(append([]Interval(nil), a...), b...)
	sort.Slice(all, func(i, j int) bool { return all[i].From.Before(all[j].From) })
	out := []Interval{all[0]}
	for _, iv := range all[1:] {
		last := &out[len(out)-1]
		switch {
		case last.To.IsZero():
		case iv.From.After(last.To):
			out = append(out, iv)
		case iv.To.IsZero() || iv.To.After(last.To):
			last.To = iv.To
		}
	}
	return out
}
