package model

import (
	"strings"
	"time"
)

// TermsChange is a change of a client's terms as typed, a field at a
// time: empty leaves a setting as it is, "office" clears the client's own.
type TermsChange struct{ Rate, Travel, Rounding, Mode, Scope, Minimum, Payment string }

// Apply sets what the change says, or says what of it cannot be read.
func (f TermsChange) Apply(o *OwnTerms, pay *Terms) error {
	var inv Invalid
	reset := func(s string) bool { return strings.EqualFold(strings.TrimSpace(s), "office") }
	var err error
	switch {
	case f.Rate == "":
	case reset(f.Rate):
		o.Rate = 0
	default:
		o.Rate, err = ParseMoney("rate", f.Rate)
		inv.Add("rate", err)
		if err == nil && o.Rate == 0 {
			inv.Add("rate", FieldError{Field: "rate", Msg: "cannot be $0; give the hourly rate, or \"office\" for the office's"})
		}
	}
	switch {
	case f.Travel == "":
	case reset(f.Travel):
		o.Travel = TravelPolicy{}
	default:
		o.Travel, err = ParseTravelPolicy(f.Travel)
		inv.Add("travel", err)
	}
	if d, ok, err := durationSetting("rounding", f.Rounding, ParseIncrement); err != nil {
		inv.Add("rounding", err)
	} else if ok {
		o.Increment = d
	}
	switch {
	case f.Mode == "":
	case reset(f.Mode):
		o.Mode = ""
	default:
		o.Mode, err = ParseRoundingMode(f.Mode)
		inv.Add("rounding-mode", err)
	}
	switch {
	case f.Scope == "":
	case reset(f.Scope):
		o.Scope = ""
	default:
		o.Scope, err = ParseRoundingScope(f.Scope)
		inv.Add("rounding-scope", err)
	}
	if d, ok, err := durationSetting("minimum", f.Minimum, ParseIncrement); err != nil {
		inv.Add("minimum", err)
	} else if ok {
		o.Minimum = d
	}
	if f.Payment != "" {
		*pay, err = ParseTerms(f.Payment)
		inv.Add("terms", err)
	}
	return inv.Err()
}

// durationSetting reads a duration setting: nil for "office", ok false when
// the flag was not given.
func durationSetting(field, s string, parse func(field, s string) (time.Duration, error)) (*time.Duration, bool, error) {
	switch {
	case s == "":
		return nil, false, nil
	case strings.EqualFold(strings.TrimSpace(s), "office"):
		return nil, true, nil
	}
	d, err := parse(field, s)
	return &d, true, err
}
