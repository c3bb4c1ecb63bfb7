package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// MaxEstimate bounds an estimate: one ticket is one job with a clear end, and
// a week of hours is already a project that needs splitting.
const MaxEstimate = 200 * time.Hour

// ParseDuration reads how people write work time: "45m", "2h", "1h30m",
// "1.5h", "90" (minutes). The result is whole seconds.
func ParseDuration(field, s string) (time.Duration, error) {
	in := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), " ", ""))
	bad := FieldError{Field: field, Msg: fmt.Sprintf("%q is not a duration; write it like 45m, 2h, 1h30m or 1.5h", s)}
	if in == "" {
		return 0, FieldError{Field: field, Msg: "is empty; write a duration like 45m, 2h or 1h30m"}
	}
	if n, err := strconv.Atoi(in); err == nil {
		in = strconv.Itoa(n) + "m" // a bare number is minutes, the unit people count in
	}
	d, err := time.ParseDuration(in)
	if err != nil || strings.ContainsAny(in, "+-") {
		return 0, bad
	}
	if d <= 0 {
		return 0, FieldError{Field: field, Msg: fmt.Sprintf("%q must be more than zero", s)}
	}
	if d > MaxEstimate {
		return 0, FieldError{Field: field, Msg: fmt.Sprintf("%q is over %s; split the work into smaller tickets", s, FormatDuration(MaxEstimate))}
	}
	return d.Round(time.Second), nil
}

// FormatDuration renders a duration the way ParseDuration reads it: "1h30m", "45m", "2h".
func FormatDuration(d time.Duration) string {
	if d < 0 {
		return "-" + FormatDuration(-d)
	}
	d = d.Round(time.Minute)
	h, m := int(d/time.Hour), int(d%time.Hour/time.Minute)
	switch {
	case h == 0:
		return fmt.Sprintf("%dm", m)
	case m == 0:
		return fmt.Sprintf("%dh", h)
	}
	return fmt.Sprintf("%dh%02dm", h, m)
}

// FormatExact is FormatDuration to the second where a duration is not whole
// minutes, "1h34m48s", so a billed time times its rate is the amount shown.
func FormatExact(d time.Duration) string {
	switch {
	case d < 0:
		return "-" + FormatExact(-d)
	case d%time.Minute == 0:
		return FormatDuration(d)
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d/time.Second))
	}
	return FormatDuration(d.Truncate(time.Minute)) + fmt.Sprintf("%02ds", int(d%time.Minute/time.Second))
}

// Cents is money in integer cents; floats never touch an invoice.
type Cents int64

// MaxMoney bounds amounts typed by hand: a ten-million typo is refused, not billed.
const MaxMoney Cents = 1_000_000_00

// ParseMoney reads "$450", "450", "450.5", "1,200.00" into cents.
func ParseMoney(field, s string) (Cents, error) {
	in := strings.TrimSpace(s)
	in = strings.TrimPrefix(in, "$")
	in = strings.ReplaceAll(in, ",", "")
	bad := FieldError{Field: field, Msg: fmt.Sprintf("%q is not an amount; write it like 450 or $1,200.50", s)}
	if in == "" {
		return 0, FieldError{Field: field, Msg: "is empty; write an amount like 450 or $1,200.50"}
	}
	whole, frac, hasFrac := strings.Cut(in, ".")
	if whole == "" {
		whole = "0"
	}
	if !allDigits(whole) || (hasFrac && (len(frac) == 0 || len(frac) > 2 || !allDigits(frac))) {
		return 0, bad
	}
	units, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || units > int64(MaxMoney/100) {
		return 0, FieldError{Field: field, Msg: fmt.Sprintf("%q is over %s; check the amount", s, MaxMoney)}
	}
	cents := units * 100
	if hasFrac {
		f, _ := strconv.Atoi(frac)
		if len(frac) == 1 {
			f *= 10
		}
		cents += int64(f)
	}
	if Cents(cents) > MaxMoney {
		return 0, FieldError{Field: field, Msg: fmt.Sprintf("%q is over %s; check the amount", s, MaxMoney)}
	}
	return Cents(cents), nil
}

func (c Cents) String() string {
	sign := ""
	if c < 0 {
		sign, c = "-", -c
	}
	whole := strconv.FormatInt(int64(c/100), 10)
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "," + whole[i:]
	}
	return fmt.Sprintf("%s$%s.%02d", sign, whole, int64(c%100))
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// Estimate is how big a ticket is agreed to be: hours, or a fixed quote.
// Exactly one is set.
type Estimate struct {
	Duration time.Duration
	Quote    Cents
	// QuoteHidden: a fixed quote, read by someone who may not see amounts.
	QuoteHidden bool
}

// ParseEstimate reads "2h" / "45m" as hours or "$450" / "quote 450" as a fixed quote.
func ParseEstimate(s string) (Estimate, error) {
	in := strings.TrimSpace(s)
	lower := strings.ToLower(in)
	if strings.HasPrefix(in, "$") || strings.HasPrefix(lower, "quote") {
		c, err := ParseMoney("estimate", strings.TrimSpace(strings.TrimPrefix(lower, "quote")))
		if err != nil {
			return Estimate{}, FieldError{Field: "estimate", Msg: fmt.Sprintf("%q is not a quote; write a fixed price like $450", s)}
		}
		if c <= 0 {
			return Estimate{}, FieldError{Field: "estimate", Msg: "a quote must be more than $0"}
		}
		return Estimate{Quote: c}, nil
	}
	if in == "" {
		return Estimate{}, FieldError{Field: "estimate", Msg: "is empty; give hours like 2h or 45m, or a fixed quote like $450"}
	}
	d, err := ParseDuration("estimate", in)
	if err != nil {
		return Estimate{}, FieldError{Field: "estimate", Msg: fmt.Sprintf("%q is neither hours (2h, 45m) nor a fixed quote ($450)", s)}
	}
	return Estimate{Duration: d}, nil
}

func (e Estimate) String() string {
	if e.QuoteHidden {
		return "a fixed quote"
	}
	if e.Quote > 0 {
		return e.Quote.String() + " fixed"
	}
	if e.Duration > 0 {
		return FormatDuration(e.Duration)
	}
	return "—"
}

// TimeLayout is how times are written in commands and forms, in office time.
const TimeLayout = "2006-01-02 15:04"

// ParseWhen reads a start time in the office's zone: "2026-11-25 14:00",
// "14:00" (today), "tomorrow 9:00", "wed 10:00" (the next Wednesday: today
// when it is Wednesday and 10:00 is still to come). now fixes what "today"
// means.
func ParseWhen(field, s string, now time.Time, loc *time.Location) (time.Time, error) {
	in := strings.ToLower(strings.Join(strings.Fields(s), " "))
	hint := fmt.Sprintf("write it like %s, 14:00 (today), tomorrow 9:00 or wed 10:00", now.In(loc).Format(TimeLayout))
	if in == "" {
		return time.Time{}, FieldError{Field: field, Msg: "is empty; " + hint}
	}
	if t, err := time.ParseInLocation(TimeLayout, in, loc); err == nil {
		return t, nil
	}
	day := now.In(loc)
	clock := in
	switch {
	case strings.HasPrefix(in, "today "):
		clock = strings.TrimPrefix(in, "today ")
	case strings.HasPrefix(in, "tomorrow "):
		clock, day = strings.TrimPrefix(in, "tomorrow "), day.AddDate(0, 0, 1)
	case strings.HasPrefix(in, "yesterday "): // read, so the caller can say what a past start needs
		clock, day = strings.TrimPrefix(in, "yesterday "), day.AddDate(0, 0, -1)
	default:
		if word, rest, ok := strings.Cut(in, " "); ok {
			if wd, ok := weekdayOf(word); ok {
				h, m, ok := clockOf(rest)
				if !ok {
					break
				}
				ahead := (int(wd) - int(day.Weekday()) + 7) % 7
				t := time.Date(day.Year(), day.Month(), day.Day()+ahead, h, m, 0, 0, loc)
				if !t.After(now) {
					t = t.AddDate(0, 0, 7) // this morning's has gone: next week's
				}
				return t, nil
			}
		}
	}
	if h, m, ok := clockOf(clock); ok {
		return time.Date(day.Year(), day.Month(), day.Day(), h, m, 0, 0, loc), nil
	}
	return time.Time{}, FieldError{Field: field, Msg: fmt.Sprintf("%q is not a time; %s", s, hint)}
}

// weekdayOf reads a day's name or its first three letters: "wed",
// "wednesday".
func weekdayOf(s string) (time.Weekday, bool) {
	for d := time.Sunday; d <= time.Saturday; d++ {
		name := strings.ToLower(d.String())
		if s == name || len(s) >= 3 && strings.HasPrefix(name, s) {
			return d, true
		}
	}
	return 0, false
}

// clockOf reads a time of day: "14:00", "9:30", "3:15pm", "3pm".
func clockOf(s string) (hour, minute int, ok bool) {
	for _, layout := range []string{"15:04", "3:04pm", "3pm"} {
		if c, err := time.Parse(layout, s); err == nil {
			return c.Hour(), c.Minute(), true
		}
	}
	return 0, 0, false
}

// ParsePast reads when something already happened, in the office's zone:
// "now", "20m ago", "12:45" (today's, unless that is more than half a day
// ahead: just after midnight, 23:50 means last night), "yesterday 17:30" or
// "2026-11-25 12:45". Whether the time is in the future is for the caller to
// judge, with its own message.
func ParsePast(field, s string, now time.Time, loc *time.Location) (time.Time, error) {
	in := strings.ToLower(strings.Join(strings.Fields(s), " "))
	hint := fmt.Sprintf("write it like 12:45, 20m ago, yesterday 17:30 or %s", now.In(loc).Format(TimeLayout))
	switch {
	case in == "" || in == "now":
		return now, nil
	case strings.HasSuffix(in, " ago"):
		ago := strings.TrimSuffix(in, " ago")
		if d, err := time.ParseDuration(strings.ReplaceAll(ago, " ", "")); err == nil && d == 0 {
			return now, nil // "0m ago" is now
		}
		d, err := ParseDuration(field, ago)
		if err != nil {
			return time.Time{}, FieldError{Field: field, Msg: fmt.Sprintf("%q is not a time; %s", s, hint)}
		}
		return now.Add(-d), nil
	case strings.HasPrefix(in, "yesterday "), strings.HasPrefix(in, "today "), strings.HasPrefix(in, "tomorrow "):
		// tomorrow is read too, so the caller can say it is still to come
		word, clock, _ := strings.Cut(in, " ")
		if h, m, ok := clockOf(clock); ok {
			day := now.In(loc).AddDate(0, 0, map[string]int{"yesterday": -1, "today": 0, "tomorrow": 1}[word])
			return time.Date(day.Year(), day.Month(), day.Day(), h, m, 0, 0, loc), nil
		}
	default:
		if h, m, ok := clockOf(in); ok {
			day := now.In(loc)
			t := time.Date(day.Year(), day.Month(), day.Day(), h, m, 0, 0, loc)
			if t.Sub(now) > 12*time.Hour { // just after midnight, 23:50 was last night
				t = time.Date(day.Year(), day.Month(), day.Day()-1, h, m, 0, 0, loc)
			}
			return t, nil
		}
		if t, err := time.ParseInLocation(TimeLayout, in, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, FieldError{Field: field, Msg: fmt.Sprintf("%q is not a time; %s", s, hint)}
}

// ParseDate reads a day in the office's zone: "2025-03-14", "today" or
// "yesterday", and gives its first instant.
func ParseDate(field, s string, now time.Time, loc *time.Location) (time.Time, error) {
	in := strings.ToLower(strings.TrimSpace(s))
	day := StartOfDay(now, loc)
	switch in {
	case "today":
		return day, nil
	case "yesterday":
		return day.AddDate(0, 0, -1), nil
	}
	if t, err := time.ParseInLocation("2006-01-02", in, loc); err == nil {
		return t, nil
	}
	return time.Time{}, FieldError{Field: field, Msg: fmt.Sprintf("%q is not a date; write it like %s, today or yesterday",
		s, now.In(loc).Format("2006-01-02"))}
}

// ParseSignedMoney reads an amount that may be below zero, as an adjustment
// or a credit is typed: "-200", "-$75.50", "+50".
func ParseSignedMoney(field, s string) (Cents, error) {
	in := strings.TrimSpace(s)
	neg := strings.HasPrefix(in, "-")
	c, err := ParseMoney(field, strings.TrimPrefix(strings.TrimPrefix(in, "-"), "+"))
	if err != nil {
		return 0, FieldError{Field: field, Msg: fmt.Sprintf("%q is not an amount; write it like -200, 50 or -$75.50 (at most %s either way)", CleanLine(s), MaxMoney)}
	}
	if neg {
		c = -c
	}
	return c, nil
}
