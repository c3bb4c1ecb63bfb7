package model

import (
	"strings"
	"testing"
	"time"
)

func TestATermsChangeAsTyped(t *testing.T) {
	hour := time.Hour
	own := OwnTerms{Rate: 150_00, Travel: TravelPolicy{Kind: TravelFlat, Amount: 45_00}, Increment: &hour}
	cases := []struct {
		name    string
		change  TermsChange
		check   func(OwnTerms, Terms) bool
		invalid string // a field the change is refused for
	}{
		{"empty changes nothing", TermsChange{}, func(o OwnTerms, p Terms) bool { return o.Rate == 150_00 && p.NetDays == 15 }, ""},
		{"a rate", TermsChange{Rate: "$120.50"}, func(o OwnTerms, _ Terms) bool { return o.Rate == 120_50 }, ""},
		{"office gives the rate back", TermsChange{Rate: "office"}, func(o OwnTerms, _ Terms) bool { return o.Rate == 0 }, ""},
		{"office gives the rounding back", TermsChange{Rounding: "Office"}, func(o OwnTerms, _ Terms) bool { return o.Increment == nil }, ""},
		{"travel and payment", TermsChange{Travel: "hourly", Payment: "net30"},
			func(o OwnTerms, p Terms) bool { return o.Travel.Kind == TravelHourly && p.NetDays == 30 }, ""},
		{"no rate of $0", TermsChange{Rate: "0"}, nil, "rate"},
		{"travel unread", TermsChange{Travel: "sometimes"}, nil, "travel"},
		{"payment unread", TermsChange{Payment: "whenever"}, nil, "terms"},
	}
	for _, c := range cases {
		o, p := own, Terms{NetDays: 15}
		err := c.change.Apply(&o, &p)
		if c.invalid != "" {
			if err == nil || !strings.Contains(err.Error(), c.invalid) {
				t.Errorf("%s: %v, want it refused for %s", c.name, err, c.invalid)
			}
			continue
		}
		if err != nil || !c.check(o, p) {
			t.Errorf("%s: %v, %+v %+v", c.name, err, o, p)
		}
	}
}

// FuzzTermsChange: whatever is typed, a change is applied or refused
// without a panic, and what it sets reads back the same.
func FuzzTermsChange(f *testing.F) {
	f.Add("120", "rate:85", "15m", "up", "ticket", "1h", "net30")
	f.Add("office", "office", "office", "office", "office", "office", "delivery")
	f.Add("$-3", "flat:", "0", "sideways", "day", "-1h", "net-5")
	f.Fuzz(func(t *testing.T, rate, travel, rounding, mode, scope, minimum, payment string) {
		var o OwnTerms
		var p Terms
		if err := (TermsChange{rate, travel, rounding, mode, scope, minimum, payment}).Apply(&o, &p); err != nil {
			return
		}
		if o.Travel.Kind != "" {
			back, err := ParseTravelPolicy(o.Travel.String())
			if err != nil || back != o.Travel {
				t.Errorf("travel %q reads back as %+v (%v)", o.Travel.String(), back, err)
			}
		}
		if o.Rate < 0 {
			t.Errorf("a negative rate %d from %q", o.Rate, rate)
		}
	})
}
