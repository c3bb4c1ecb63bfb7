package model

import "time"

// AmountFor is time at an hourly rate, rounded half up (away from zero) to
// the cent: the one place time becomes money, once per invoice line.
func AmountFor(d time.Duration, rate Cents) Cents {
	seconds := int64(d / time.Second)
	return Cents(divRound(seconds*int64(rate), 3600))
}

// divRound is n/d rounded half away from zero, for d > 0.
func divRound(n, d int64) int64 {
	if n < 0 {
		return -divRound(-n, d)
	}
	return (n + d/2) / d
}

// RoundTime rounds a duration to the increment: up to the next one, or to
// the nearest (a half rounds up). An increment of zero leaves it as it is.
func RoundTime(d, increment time.Duration, mode RoundingMode) time.Duration {
	if increment <= 0 || d <= 0 {
		return d
	}
	n := d / increment
	rest := d % increment
	switch {
	case rest == 0:
		return d
	case mode == RoundNearest && rest*2 < increment:
		return n * increment
	}
	return (n + 1) * increment
}
