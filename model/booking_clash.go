package model

import (
	"fmt"
	"strings"
	"time"
)

// Booked is a visit to come and the time it holds its technician.
type Booked struct {
	Visit Visit
	Span  Interval
	What  string // its ticket and client, for a warning: "T-1027 Acme Dental"
}

// BookedSpan is the time a booked visit holds its technician: the trip
// there, the work (the estimate in hours, or an hour when it is quoted)
// and the trip back, from its start.
func BookedSpan(start time.Time, travel time.Duration, est Estimate) Interval {
	work := est.Duration
	if work <= 0 {
		work = time.Hour
	}
	return Interval{From: start, To: start.Add(2*travel + work)}
}

// DoubleBooked warns that a booking overlaps the technician's other visits;
// the user may book it all the same, knowingly.
type DoubleBooked struct {
	Tech string
	Span Interval // the new booking's
	With []Booked
	Loc  *time.Location
}

// Confirmable marks a refusal the user may override knowingly: a form
// asks them to save again, a command takes --anyway.
type Confirmable interface {
	error
	Confirmable()
}

func (DoubleBooked) Confirmable() {}

func (e DoubleBooked) Error() string {
	var with []string
	for _, b := range e.With {
		with = append(with, fmt.Sprintf("%s %s–%s (%s)", b.Visit.Ref(), b.Span.From.In(e.Loc).Format("15:04"),
			b.Span.To.In(e.Loc).Format("15:04"), b.What))
	}
	return fmt.Sprintf("%s would be booked twice: this visit holds them %s–%s with travel, over %s; "+
		"pick another time or technician, or book it anyway", e.Tech, e.Span.From.In(e.Loc).Format("Mon 15:04"),
		e.Span.To.In(e.Loc).Format("15:04"), strings.Join(with, ", "))
}

// Overlapping is the booked visits whose span overlaps span, but for skip
// (the visit being moved).
func Overlapping(span Interval, others []Booked, skip int64) []Booked {
	var out []Booked
	for _, b := range others {
		if b.Visit.ID != skip && span.From.Before(b.Span.To) && b.Span.From.Before(span.To) {
			out = append(out, b)
		}
	}
	return out
}
