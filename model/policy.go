package model

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Policy is the office's promise to its clients: when it is open, which
// days it is closed, and for each priority how soon it responds and
// resolves. The SLA clocks are a pure function of it and a ticket's history.
type Policy struct {
	Zone     string       // IANA name; empty means the server's zone
	Week     [7]OpenHours // by time.Weekday
	Holidays []string     // "2026-12-25", sorted
	Targets  [5]Target    // by Priority; index 0 unused
	AtRisk   float64      // share of a target left at which a clock turns amber
}

// OpenHours is one weekday's business hours; Open == Close means closed.
type OpenHours struct{ Open, Close time.Duration } // since local midnight

// Closed reports whether the office is shut all day.
func (h OpenHours) Closed() bool { return h.Close <= h.Open }

// Target is a priority's promise: a response and a resolution, counted in
// business time unless around the clock.
type Target struct {
	Response, Resolution Span
	AroundTheClock       bool
}

// Span is a target's length as written: hours and minutes, or business days
// (a business day is as long as the office's standard day).
type Span struct {
	D    time.Duration
	Days int
}

// DefaultPolicy is a small MSP's: open 08:00–17:00 on weekdays; P1 1h/4h
// around the clock, P2 4h/1 business day, P3 1/3 and P4 3/10 business days.
func DefaultPolicy() Policy {
	var p Policy
	for d := time.Monday; d <= time.Friday; d++ {
		p.Week[d] = OpenHours{8 * time.Hour, 17 * time.Hour}
	}
	p.Targets[P1] = Target{Span{D: time.Hour}, Span{D: 4 * time.Hour}, true}
	p.Targets[P2] = Target{Span{D: 4 * time.Hour}, Span{Days: 1}, false}
	p.Targets[P3] = Target{Span{Days: 1}, Span{Days: 3}, false}
	p.Targets[P4] = Target{Span{Days: 3}, Span{Days: 10}, false}
	p.AtRisk = 0.25
	return p
}

// DayLength is a business day: the hours of the first open weekday from
// Monday on.
func (p Policy) DayLength() time.Duration {
	for i := 1; i <= 7; i++ {
		if h := p.Week[time.Weekday(i%7)]; !h.Closed() {
			return h.Close - h.Open
		}
	}
	return 0
}

// Length is the span in business time under the policy.
func (s Span) Length(p Policy) time.Duration { return s.D + time.Duration(s.Days)*p.DayLength() }

func (s Span) String() string {
	switch {
	case s.Days == 1 && s.D == 0:
		return "1 business day"
	case s.Days > 0 && s.D == 0:
		return fmt.Sprintf("%d business days", s.Days)
	case s.Days > 0:
		return fmt.Sprintf("%d business days %s", s.Days, FormatDuration(s.D))
	}
	return FormatDuration(s.D)
}

// Validate checks the policy can keep a promise: an open day, hours within
// a day, targets set and a sane at-risk share.
func (p Policy) Validate() error {
	var inv Invalid
	if p.DayLength() <= 0 {
		inv.Add("hours", FieldError{Field: "hours", Msg: "are closed every day; open at least one weekday, like mon-fri 08:00-17:00"})
	}
	for d, h := range p.Week {
		if h.Open < 0 || h.Close > 24*time.Hour {
			inv.Add("hours", FieldError{Field: "hours", Msg: fmt.Sprintf("for %s are outside the day", time.Weekday(d))})
		}
	}
	for _, pr := range []Priority{P1, P2, P3, P4} {
		t := p.Targets[pr]
		if t.Response.D+time.Duration(t.Response.Days) <= 0 || t.Resolution.D+time.Duration(t.Resolution.Days) <= 0 {
			inv.Add(strings.ToLower(pr.String()), FieldError{Field: strings.ToLower(pr.String()), Msg: "needs a response and a resolution target, like 4h/1bd"})
		} else if t.Resolution.Length(p) < t.Response.Length(p) {
			inv.Add(strings.ToLower(pr.String()), FieldError{Field: strings.ToLower(pr.String()), Msg: "resolves sooner than it responds; give the response first, like 4h/1bd"})
		}
	}
	if p.AtRisk <= 0 || p.AtRisk >= 1 {
		inv.Add("at risk", FieldError{Field: "at risk", Msg: "must be between 1% and 99%, like 25%"})
	}
	for _, h := range p.Holidays {
		if _, err := time.Parse(DateLayout, h); err != nil {
			inv.Add("holiday", FieldError{Field: "holiday", Msg: fmt.Sprintf("%q is not a date; write it like 2026-12-25", h)})
		}
	}
	return inv.Err()
}

// DateLayout is how dates are written: 2026-12-25.
const DateLayout = "2006-01-02"

// IsHoliday reports whether the local date is a holiday.
func (p Policy) IsHoliday(date string) bool {
	i := sort.SearchStrings(p.Holidays, date)
	return i < len(p.Holidays) && p.Holidays[i] == date
}

var weekdayNames = map[string]time.Weekday{"sun": time.Sunday, "mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday,
	"thu": time.Thursday, "fri": time.Friday, "sat": time.Saturday}

// isHoliday is IsHoliday for a date's parts, without building a string:
// the board asks it of every day of every open ticket.
func (p Policy) isHoliday(y int, m time.Month, d int) bool {
	if len(p.Holidays) == 0 {
		return false
	}
	var b [10]byte
	put := func(at, n, width int) {
		for i := width - 1; i >= 0; i-- {
			b[at+i] = byte('0' + n%10)
			n /= 10
		}
	}
	put(0, y, 4)
	b[4] = '-'
	put(5, int(m), 2)
	b[7] = '-'
	put(8, d, 2)
	lo, hi := 0, len(p.Holidays)
	for lo < hi {
		mid := (lo + hi) / 2
		if p.Holidays[mid] < string(b[:]) {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo < len(p.Holidays) && p.Holidays[lo] == string(b[:])
}

// ParseHours reads business hours for some weekdays: "mon-fri 08:00-17:00",
// "sat 09:00-12:00", "sun closed". It returns the days it sets and their hours.
func ParseHours(s string) ([]time.Weekday, OpenHours, error) {
	bad := FieldError{Field: "hours", Msg: fmt.Sprintf("%q is not business hours; write them like mon-fri 08:00-17:00 or sat closed", CleanLine(s))}
	f := strings.Fields(strings.ToLower(s))
	if len(f) != 2 {
		return nil, OpenHours{}, bad
	}
	days, ok := parseDays(f[0])
	if !ok {
		return nil, OpenHours{}, bad
	}
	if f[1] == "closed" {
		return days, OpenHours{}, nil
	}
	from, to, ok := strings.Cut(f[1], "-")
	if !ok {
		return nil, OpenHours{}, bad
	}
	open, ok1 := minutesOf(from)
	close, ok2 := minutesOf(to)
	if !ok1 || !ok2 || close <= open {
		return nil, OpenHours{}, bad
	}
	return days, OpenHours{open, close}, nil
}

func parseDays(s string) ([]time.Weekday, bool) {
	from, to, isRange := strings.Cut(s, "-")
	a, ok := weekdayNames[from]
	if !ok {
		return nil, false
	}
	if !isRange {
		return []time.Weekday{a}, true
	}
	b, ok := weekdayNames[to]
	if !ok {
		return nil, false
	}
	var out []time.Weekday
	for d := a; ; d = (d + 1) % 7 {
		out = append(out, d)
		if d == b {
			return out, true
		}
	}
}

// minutesOf reads "08:00" or "24:00" as a time of day.
func minutesOf(s string) (time.Duration, bool) {
	h, m, ok := strings.Cut(s, ":")
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || hh < 0 || mm < 0 || mm > 59 || hh > 24 || hh == 24 && mm > 0 || len(m) != 2 {
		return 0, false
	}
	return time.Duration(hh)*time.Hour + time.Duration(mm)*time.Minute, true
}

// ParseTarget reads a priority's targets as "response/resolution", each in
// hours or business days, and "24x7" for around the clock: "1h/4h 24x7",
// "4h/1bd", "1bd/3bd".
func ParseTarget(field, s string) (Target, error) {
	bad := FieldError{Field: field, Msg: fmt.Sprintf("%q is not a target; write response/resolution like 4h/1bd, and 24x7 for around the clock", CleanLine(s))}
	f := strings.Fields(strings.ToLower(s))
	if len(f) == 0 || len(f) > 2 || len(f) == 2 && f[1] != "24x7" {
		return Target{}, bad
	}
	resp, resol, ok := strings.Cut(f[0], "/")
	if !ok {
		return Target{}, bad
	}
	r1, err1 := parseSpan(resp)
	r2, err2 := parseSpan(resol)
	if err1 != nil || err2 != nil {
		return Target{}, bad
	}
	return Target{Response: r1, Resolution: r2, AroundTheClock: len(f) == 2}, nil
}

func parseSpan(s string) (Span, error) {
	if n, ok := strings.CutSuffix(s, "bd"); ok {
		days, err := strconv.Atoi(n)
		if err != nil || days <= 0 || days > 60 {
			return Span{}, fmt.Errorf("bad days")
		}
		return Span{Days: days}, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 || d > 60*24*time.Hour || d%time.Minute != 0 {
		return Span{}, fmt.Errorf("bad duration")
	}
	return Span{D: d}, nil
}

// FormatTarget writes a target the way ParseTarget reads it.
func FormatTarget(t Target) string {
	s := formatSpan(t.Response) + "/" + formatSpan(t.Resolution)
	if t.AroundTheClock {
		s += " 24x7"
	}
	return s
}

func formatSpan(s Span) string {
	if s.Days > 0 && s.D == 0 {
		return strconv.Itoa(s.Days) + "bd"
	}
	h, m := int(s.D/time.Hour), int(s.D%time.Hour/time.Minute)
	switch {
	case h == 0:
		return fmt.Sprintf("%dm", m)
	case m == 0:
		return fmt.Sprintf("%dh", h)
	}
	return fmt.Sprintf("%dh%dm", h, m)
}
