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
	earliest := EarliestEffective(n.Kind, client.Managed, n.SentAt, loc)
	if n.Effective.Before(earliest) {
		return FieldError{Field: "effective", Msg: fmt.Sprintf("is too soon for %s: without a managed-service contract a price changes only with %d days' notice; the earliest is %s",
			client.Name, NoticeDays, earliest.In(loc).Format("2006-01-02"))}
	}
	return nil
}
