package model

import (
	"fmt"
	"strings"
	"time"
)

// NoticeKind is what a notice tells clients of.
type NoticeKind string

const (
	NoticePrice  NoticeKind = "price"
	NoticePolicy NoticeKind = "policy"
)

// ParseNoticeKind reads "price" or "policy".
func ParseNoticeKind(s string) (NoticeKind, error) {
	switch k := NoticeKind(strings.ToLower(strings.TrimSpace(s))); k {
	case NoticePrice, NoticePolicy:
		return k, nil
	}
	return "", FieldError{Field: "kind", Msg: fmt.Sprintf("%q is not a kind of notice; use price or policy", CleanLine(s))}
}

// Notice is a change of price or policy told to clients.
type Notice struct {
	ID        int64
	Kind      NoticeKind
	Text      string
	Effective time.Time // the day it takes effect
	SentAt    time.Time
	By        string
	Clients   []int64
	// RaisedAt is when the rise this notice announced was made, for the
	// client it was read for; zero while it is still to be made.
	RaisedAt time.Time
}

// Ref is the notice's readable id, N-3.
func (n Notice) Ref() string { return FormatID(PrefixNotice, n.ID) }

// NoticeDays is how long before a change of price takes effect a client
// without a managed-service contract must be told.
const NoticeDays = 30

// EarliestEffective is the first day a price change told at sent may take
// effect for a client: 30 days on without a managed-service contract, any
// day with one (their contract says how prices change). A policy notice may
// take effect when it is sent.
func EarliestEffective(kind NoticeKind, managed bool, sent time.Time, loc *time.Location) time.Time {
	day := StartOfDay(sent, loc)
	if kind == NoticePrice && !managed {
		return day.AddDate(0, 0, NoticeDays)
	}
	return day
}

// CheckNotice says whether a notice may be sent to a client: its text said,
// and its effective day no earlier than the client's earliest.
func CheckNotice(n Notice, client Client, loc *time.Location) error {
	if strings.TrimSpace(n.Text) == "" {
		return FieldError{Field: "text", Msg: "is empty; say what changes, as the client will read it"}
	}
	if n.Effective.Before(StartOfDay(n.SentAt, loc)) {
		return FieldError{Field: "effective", Msg: fmt.Sprintf("is in the past; a notice takes effect on the day it is sent (%s) or later",
			n.SentAt.In(loc).Format("2006-01-02"))}
	}
	earliest := EarliestEffective(n.Kind, client.Managed, n.SentAt, loc)
	if n.Effective.Before(earliest) {
		return FieldError{Field: "effective", Msg: fmt.Sprintf("is too soon for %s: without a managed-service contract a price changes only with %d days' notice; the earliest is %s",
			client.Name, NoticeDays, earliest.In(loc).Format("2006-01-02"))}
	}
	return nil
}

// PriceRises names what in a change of a client's terms costs them more:
// a higher hourly rate; travel billed where it was free, at more an hour, a
// larger call-out fee, or moved between an hourly and a per-visit charge
// (which cannot be compared); a larger minimum; rounding that rounds more
// up — a larger increment rounded up, nearest turned up, each line rounded
// rather than the ticket once. Empty when nothing does.
func PriceRises(before, after BillingTerms) []string {
	var out []string
	if after.Rate > before.Rate {
		out = append(out, fmt.Sprintf("the rate from %s/h to %s/h", before.Rate, after.Rate))
	}
	if travelRises(before, after) {
		out = append(out, fmt.Sprintf("travel from %s to %s", strings.TrimPrefix(before.Travel.Describe(before.Rate), "travel "),
			strings.TrimPrefix(after.Travel.Describe(after.Rate), "travel ")))
	}
	if after.Minimum > before.Minimum {
		out = append(out, fmt.Sprintf("the minimum from %s to %s", FormatDuration(before.Minimum), FormatDuration(after.Minimum)))
	}
	if roundsMore(before, after) {
		out = append(out, fmt.Sprintf("rounding from %s to %s", before.RoundingText(), after.RoundingText()))
	}
	return out
}

// travelRises compares what travel costs before and after. Travel billed
// at the rate rises with the rate, which is a rise of its own.
func travelRises(before, after BillingTerms) bool {
	perHour := func(t BillingTerms) (Cents, bool) {
		switch t.Travel.Kind {
		case TravelHourly:
			return t.Rate, true
		case TravelRate:
			return t.Travel.Amount, true
		}
		return 0, false
	}
	b, a := before.Travel, after.Travel
	switch {
	case a.Kind == TravelNone || a.Kind == "":
		return false
	case b.Kind == TravelNone || b.Kind == "":
		return true
	case b.Kind == TravelHourly && a.Kind == TravelHourly:
		return false // the rate's rise says it
	case b.Kind == TravelFlat && a.Kind == TravelFlat:
		return a.Amount > b.Amount
	}
	was, wasHourly := perHour(before)
	is, isHourly := perHour(after)
	if wasHourly != isHourly {
		return true // an hour's charge against a visit's: not comparable, so told
	}
	return is > was
}

// roundsMore reports whether billed time is rounded up further after.
func roundsMore(before, after BillingTerms) bool {
	if after.Increment == 0 || after.Mode != RoundUp {
		return false // rounding to the nearest never bills more on the whole
	}
	return before.Increment == 0 || before.Mode != RoundUp || after.Increment > before.Increment ||
		before.Scope == RoundTicket && after.Scope == RoundLine
}

// priceNoticeLasts is how long after it takes effect a price notice allows
// the rise it announced: the rise is made on the day, or soon after.
const priceNoticeLasts = 90 * 24 * time.Hour

// NoticeForRise is the price notice that allows a rise now: one sent to
// the client that has taken effect lately and has not yet allowed a rise.
// A notice allows one rise; the next needs notice of its own.
func NoticeForRise(notices []Notice, now time.Time, loc *time.Location) (Notice, bool) {
	today := StartOfDay(now, loc)
	for _, n := range notices {
		if n.Kind == NoticePrice && n.RaisedAt.IsZero() && !n.Effective.After(today) && now.Sub(n.Effective) < priceNoticeLasts {
			return n, true
		}
	}
	return Notice{}, false
}

// CheckPriceRise says whether a rise in a client's prices may take effect
// now. A client without a managed-service contract who has accepted terms
// is owed 30 days' notice: the rise waits for a price notice sent to them
// to take effect. A client never told any terms has nothing to be raised.
func CheckPriceRise(c Client, rises []string, told bool, notices []Notice, now time.Time, loc *time.Location) error {
	if len(rises) == 0 || c.Managed || !told {
		return nil
	}
	if _, ok := NoticeForRise(notices, now, loc); ok {
		return nil
	}
	today := StartOfDay(now, loc)
	var coming *Notice
	for i, n := range notices {
		if n.Kind != NoticePrice {
			continue
		}
		if n.Effective.After(today) && (coming == nil || n.Effective.Before(coming.Effective)) {
			coming = &notices[i]
		}
	}
	msg := fmt.Sprintf("%s has no managed-service contract, so raising %s needs %d days' notice", c.Name, strings.Join(rises, " and "), NoticeDays)
	if coming != nil {
		msg += fmt.Sprintf(": %s takes effect on %s; raise it then", coming.Ref(), coming.Effective.In(loc).Format("2 Jan 2006"))
	} else {
		msg += fmt.Sprintf(": send a price notice (notice add --kind price --client %q --effective %s --text …) and raise it on that day",
			c.Name, EarliestEffective(NoticePrice, false, now, loc).In(loc).Format("2006-01-02"))
	}
	return NoticeOwed{Msg: msg}
}

// NoticeOwed refuses a price rise made without the notice it is owed. The
// office may still make it, saying the client agreed another way.
type NoticeOwed struct{ Msg string }

func (e NoticeOwed) Error() string { return e.Msg }
func (NoticeOwed) Confirmable()    {}
