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
// a higher hourly rate, travel billed where it was free or at more, a
// larger minimum. Empty when nothing does.
func PriceRises(before, after BillingTerms) []string {
	var out []string
	if after.Rate > before.Rate {
		out = append(out, fmt.Sprintf("the rate from %s/h to %s/h", before.Rate, after.Rate))
	}
	if was, is := before.Travel.Describe(before.Rate), after.Travel.Describe(after.Rate); travelCosts(before.Travel, before.Rate) < travelCosts(after.Travel, after.Rate) ||
		before.Travel.Kind != after.Travel.Kind && after.Travel.Kind != TravelNone && before.Travel.Kind != TravelNone {
		out = append(out, fmt.Sprintf("travel from %s to %s", was, is))
	}
	if after.Minimum > before.Minimum {
		out = append(out, fmt.Sprintf("the minimum from %s to %s", FormatDuration(before.Minimum), FormatDuration(after.Minimum)))
	}
	return out
}

// travelCosts is what a policy charges, in cents per hour or per visit:
// enough to tell more from less between two policies of the same kind, and
// anything from nothing.
func travelCosts(p TravelPolicy, rate Cents) Cents {
	switch p.Kind {
	case TravelHourly:
		return rate
	case TravelRate, TravelFlat:
		return p.Amount
	}
	return 0
}

// priceNoticeLasts is how long after it takes effect a price notice allows
// the rise it announced: the rise is made on the day, or soon after.
const priceNoticeLasts = 90 * 24 * time.Hour

// CheckPriceRise says whether a rise in a client's prices may take effect
// now. A client without a managed-service contract who has accepted terms
// is owed 30 days' notice: the rise waits for a price notice sent to them
// to take effect. A client never told any terms has nothing to be raised.
func CheckPriceRise(c Client, rises []string, told bool, notices []Notice, now time.Time, loc *time.Location) error {
	if len(rises) == 0 || c.Managed || !told {
		return nil
	}
	today := StartOfDay(now, loc)
	var coming *Notice
	for i, n := range notices {
		if n.Kind != NoticePrice {
			continue
		}
		if !n.Effective.After(today) && now.Sub(n.Effective) < priceNoticeLasts {
			return nil
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
