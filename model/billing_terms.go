package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// TravelKind is how travel time reaches an invoice.
type TravelKind string

const (
	TravelNone   TravelKind = "none"   // shown, at no charge
	TravelHourly TravelKind = "hourly" // at the client's hourly rate
	TravelRate   TravelKind = "rate"   // at its own hourly rate
	TravelFlat   TravelKind = "flat"   // a call-out fee per visit that travelled
)

// TravelPolicy is a travel kind and, for rate and flat, its amount: the
// hourly rate or the fee. The zero policy is unset (the office's applies).
type TravelPolicy struct {
	Kind   TravelKind
	Amount Cents
}

// ParseTravelPolicy reads "none", "hourly", "rate:85" or "flat:45".
func ParseTravelPolicy(s string) (TravelPolicy, error) {
	in := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), " ", ""))
	bad := FieldError{Field: "travel", Msg: fmt.Sprintf("%q is not a travel policy; use none, hourly, rate:85 (its own hourly rate) or flat:45 (a call-out fee)", CleanLine(s))}
	kind, amount, hasAmount := strings.Cut(in, ":")
	switch TravelKind(kind) {
	case TravelNone, TravelHourly:
		if hasAmount {
			return TravelPolicy{}, bad
		}
		return TravelPolicy{Kind: TravelKind(kind)}, nil
	case TravelRate, TravelFlat:
		if !hasAmount {
			return TravelPolicy{}, FieldError{Field: "travel", Msg: fmt.Sprintf("%q needs its amount, like %s:85", CleanLine(s), kind)}
		}
		c, err := ParseMoney("travel", amount)
		if err != nil {
			return TravelPolicy{}, err
		}
		return TravelPolicy{Kind: TravelKind(kind), Amount: c}, nil
	}
	return TravelPolicy{}, bad
}

func (p TravelPolicy) String() string {
	switch p.Kind {
	case TravelRate, TravelFlat:
		return fmt.Sprintf("%s:%s", p.Kind, strings.TrimSuffix(strings.TrimPrefix(p.Amount.String(), "$"), ".00"))
	}
	return string(p.Kind)
}

// Describe is the policy as a client reads it.
func (p TravelPolicy) Describe(rate Cents) string {
	switch p.Kind {
	case TravelHourly:
		return fmt.Sprintf("travel billed at %s/h", rate)
	case TravelRate:
		return fmt.Sprintf("travel billed at %s/h", p.Amount)
	case TravelFlat:
		return fmt.Sprintf("a call-out fee of %s per visit", p.Amount)
	}
	return "travel at no charge"
}

// RoundingMode says which way billed time is rounded to the increment.
type RoundingMode string

const (
	RoundUp      RoundingMode = "up"
	RoundNearest RoundingMode = "nearest"
)

// RoundingScope says what is rounded: each ticket's summed time once, or
// each line.
type RoundingScope string

const (
	RoundTicket RoundingScope = "ticket"
	RoundLine   RoundingScope = "line"
)

// ParseRoundingMode reads "up" or "nearest".
func ParseRoundingMode(s string) (RoundingMode, error) {
	switch m := RoundingMode(strings.ToLower(strings.TrimSpace(s))); m {
	case RoundUp, RoundNearest:
		return m, nil
	}
	return "", FieldError{Field: "rounding mode", Msg: fmt.Sprintf("%q is not a rounding mode; use up or nearest", CleanLine(s))}
}

// ParseRoundingScope reads "ticket" or "line".
func ParseRoundingScope(s string) (RoundingScope, error) {
	switch sc := RoundingScope(strings.ToLower(strings.TrimSpace(s))); sc {
	case RoundTicket, RoundLine:
		return sc, nil
	}
	return "", FieldError{Field: "rounding scope", Msg: fmt.Sprintf("%q is not a rounding scope; use ticket (each ticket's total, once) or line (each line)", CleanLine(s))}
}

// ParseIncrement reads a rounding increment: "15m", "6m", "1h", or "0"
// (no rounding).
func ParseIncrement(field, s string) (time.Duration, error) {
	if t := strings.TrimSpace(s); t == "0" || t == "0m" || strings.EqualFold(t, "none") {
		return 0, nil
	}
	d, err := ParseDuration(field, s)
	if err != nil {
		return 0, err
	}
	if d > 4*time.Hour || d%time.Minute != 0 {
		return 0, FieldError{Field: field, Msg: fmt.Sprintf("%q should be whole minutes up to 4h, like 6m, 15m or 1h (0 for none)", CleanLine(s))}
	}
	return d, nil
}

// Tolerance is how far over what the client was told an invoice may be
// before it is a surprise: a share of the told amount or a fixed amount,
// whichever is larger.
type Tolerance struct {
	Percent int   // of the told amount
	Amount  Cents // at least this
}

// Allowed is the amount an invoice may exceed told by.
func (t Tolerance) Allowed(told Cents) Cents {
	return max(t.Amount, PercentOf(told, t.Percent))
}

func (t Tolerance) String() string {
	return fmt.Sprintf("%d%% or %s, whichever is larger", t.Percent, t.Amount)
}

// PercentOf is pct percent of c, rounded half up to the cent.
func PercentOf(c Cents, pct int) Cents { return Cents(divRound(int64(c)*int64(pct), 100)) }

// ParsePercent reads "10", "10%".
func ParsePercent(field, s string) (int, error) {
	in := strings.TrimSuffix(strings.TrimSpace(s), "%")
	n, err := strconv.Atoi(strings.TrimSpace(in))
	if err != nil || n < 0 || n > 100 {
		return 0, FieldError{Field: field, Msg: fmt.Sprintf("%q is not a percentage; write a whole number from 0 to 100, like 10%%", CleanLine(s))}
	}
	return n, nil
}

// BillingTerms are the terms an invoice is drawn up under, every field set:
// the office's defaults with a client's own terms over them.
type BillingTerms struct {
	Rate      Cents // per hour of work
	Travel    TravelPolicy
	Increment time.Duration // rounding increment; 0 rounds nothing
	Mode      RoundingMode
	Scope     RoundingScope
	Minimum   time.Duration // minimum work billed per ticket; 0 for none
	Payment   Terms
}

// DefaultBillingTerms are an office's terms until a manager sets its own:
// rounding up to the quarter hour on each ticket's total, travel shown at no
// charge, payment on delivery. The rate is unset: a draft warns.
func DefaultBillingTerms() BillingTerms {
	return BillingTerms{Travel: TravelPolicy{Kind: TravelNone}, Increment: 15 * time.Minute, Mode: RoundUp, Scope: RoundTicket}
}

// DefaultTolerance is 10% or $25, whichever is larger.
var DefaultTolerance = Tolerance{Percent: 10, Amount: 25_00}

// OfficeTerms are the office's billing defaults, its surprise tolerance,
// and who its invoices are from.
type OfficeTerms struct {
	BillingTerms
	Tolerance Tolerance
	From      string // the office's name and address as an invoice heads it
}

// DefaultOfficeTerms are the defaults of a new office.
func DefaultOfficeTerms() OfficeTerms {
	return OfficeTerms{BillingTerms: DefaultBillingTerms(), Tolerance: DefaultTolerance}
}

// OwnTerms are the terms a client has of its own; each unset field follows
// the office's. Payment terms are always the client's (new clients are given
// the office's at creation).
type OwnTerms struct {
	Rate      Cents // 0: the office's
	Travel    TravelPolicy
	Increment *time.Duration
	Mode      RoundingMode
	Scope     RoundingScope
	Minimum   *time.Duration
}

// Over is the client's terms with the office's filling what the client has
// not set.
func (o OwnTerms) Over(office BillingTerms, payment Terms) BillingTerms {
	t := office
	t.Payment = payment
	if o.Rate > 0 {
		t.Rate = o.Rate
	}
	if o.Travel.Kind != "" {
		t.Travel = o.Travel
	}
	if o.Increment != nil {
		t.Increment = *o.Increment
	}
	if o.Mode != "" {
		t.Mode = o.Mode
	}
	if o.Scope != "" {
		t.Scope = o.Scope
	}
	if o.Minimum != nil {
		t.Minimum = *o.Minimum
	}
	return t
}

// Describe is the terms in one line, as a client is shown them.
func (t BillingTerms) Describe() string {
	parts := []string{fmt.Sprintf("%s/h", t.Rate), t.Travel.Describe(t.Rate)}
	if t.Increment > 0 {
		parts = append(parts, t.RoundingText())
	}
	if t.Minimum > 0 {
		parts = append(parts, "minimum "+FormatDuration(t.Minimum)+" per ticket")
	}
	return strings.Join(append(parts, "payment "+t.Payment.String()), "; ")
}

// RoundingText says how billed time is rounded: "each ticket's time
// rounded up to 15m", or "no rounding".
func (t BillingTerms) RoundingText() string {
	if t.Increment == 0 {
		return "no rounding"
	}
	what := "each ticket's time"
	if t.Scope == RoundLine {
		what = "each line's time"
	}
	return fmt.Sprintf("%s rounded %s to %s", what, t.Mode, FormatDuration(t.Increment))
}

// DueAt is when an invoice sent at sent falls due under the terms.
func (t Terms) DueAt(sent time.Time) time.Time { return sent.AddDate(0, 0, t.NetDays) }

// Validate checks terms typed by hand are within bounds.
func (o OwnTerms) Validate() error {
	var inv Invalid
	if o.Rate < 0 || o.Rate > MaxMoney {
		inv.Add("rate", FieldError{Field: "rate", Msg: "must be between $0 and " + MaxMoney.String()})
	}
	if o.Travel.Amount < 0 || o.Travel.Amount > MaxMoney {
		inv.Add("travel", FieldError{Field: "travel", Msg: "must be between $0 and " + MaxMoney.String()})
	}
	if o.Minimum != nil && (*o.Minimum < 0 || *o.Minimum > 24*time.Hour) {
		inv.Add("minimum", FieldError{Field: "minimum", Msg: "must be between 0 and 24h"})
	}
	return inv.Err()
}
