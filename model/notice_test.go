package model

import (
	"strings"
	"testing"
	"time"
)

func TestThirtyDaysNoticeOfAPriceChange(t *testing.T) {
	sent := time.Date(2026, 11, 25, 15, 0, 0, 0, time.UTC)
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	cases := []struct {
		kind      NoticeKind
		managed   bool
		effective string
		says      string
	}{
		{NoticePrice, false, "2026-12-24", "the earliest is 2026-12-25"},
		{NoticePrice, false, "2026-12-25", ""},
		{NoticePrice, true, "2026-11-26", ""}, // a managed-service contract says how its prices change
		{NoticePolicy, false, "2026-11-25", ""},
		{NoticePolicy, false, "2026-11-24", "is in the past; a notice takes effect on the day it is sent (2026-11-25) or later"},
		{NoticePrice, true, "2026-11-01", "is in the past"}, // not a word about 30 days to a managed client
	}
	for _, c := range cases {
		err := CheckNotice(Notice{Kind: c.kind, Text: "rates rise to $130/h", SentAt: sent, Effective: day(c.effective)},
			Client{Name: "Acme", Managed: c.managed}, time.UTC)
		if (c.says == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s, managed %v, effective %s: %v, want %q", c.kind, c.managed, c.effective, err, c.says)
		}
	}
}

func TestAPriceRiseWaitsForItsNotice(t *testing.T) {
	loc := time.UTC
	now := time.Date(2026, 11, 30, 10, 0, 0, 0, loc)
	before := BillingTerms{Rate: 120_00, Travel: TravelPolicy{Kind: TravelNone}, Minimum: time.Hour}
	acme := Client{ID: 11, Name: "Acme Dental"}
	notice := func(id int64, kind NoticeKind, effective time.Time) Notice {
		return Notice{ID: id, Kind: kind, Effective: effective, SentAt: effective.AddDate(0, 0, -30)}
	}
	cases := []struct {
		name    string
		after   BillingTerms
		client  Client
		told    bool
		notices []Notice
		refused string // "" when the change may go ahead
	}{
		{"a lower rate", BillingTerms{Rate: 100_00, Travel: before.Travel, Minimum: time.Hour}, acme, true, nil, ""},
		{"a higher rate, unannounced", BillingTerms{Rate: 135_00, Travel: before.Travel, Minimum: time.Hour}, acme, true, nil,
			"Acme Dental has no managed-service contract, so raising the rate from $120.00/h to $135.00/h needs 30 days' notice: send a price notice"},
		{"travel billed where it was free", BillingTerms{Rate: 120_00, Travel: TravelPolicy{Kind: TravelFlat, Amount: 45_00}, Minimum: time.Hour}, acme, true, nil,
			"raising travel from"},
		{"a longer minimum", BillingTerms{Rate: 120_00, Travel: before.Travel, Minimum: 2 * time.Hour}, acme, true, nil, "the minimum from 1h to 2h"},
		{"a notice that has taken effect", BillingTerms{Rate: 135_00, Travel: before.Travel, Minimum: time.Hour}, acme, true,
			[]Notice{notice(1, NoticePrice, now.AddDate(0, 0, -2))}, ""},
		{"a notice already used by the rise it announced", BillingTerms{Rate: 135_00, Travel: before.Travel, Minimum: time.Hour}, acme, true,
			[]Notice{func() Notice {
				n := notice(5, NoticePrice, now.AddDate(0, 0, -2))
				n.RaisedAt = now.Add(-time.Hour)
				return n
			}()}, "send a price notice"},
		{"rounding up to a larger increment", BillingTerms{Rate: 120_00, Travel: before.Travel, Minimum: time.Hour, Increment: 30 * time.Minute, Mode: RoundUp, Scope: RoundTicket},
			acme, true, nil, "rounding from no rounding to each ticket's time rounded up to 30m"},
		{"travel at its own lower hourly rate", BillingTerms{Rate: 120_00, Travel: TravelPolicy{Kind: TravelRate, Amount: 85_00}, Minimum: time.Hour},
			acme, true, nil, "raising travel from at no charge to billed at $85.00/h"},
		{"a notice still to come", BillingTerms{Rate: 135_00, Travel: before.Travel, Minimum: time.Hour}, acme, true,
			[]Notice{notice(2, NoticePrice, now.AddDate(0, 0, 10))}, "N-2 takes effect on 10 Dec 2026; raise it then"},
		{"a notice long past", BillingTerms{Rate: 135_00, Travel: before.Travel, Minimum: time.Hour}, acme, true,
			[]Notice{notice(3, NoticePrice, now.AddDate(0, -6, 0))}, "send a price notice"},
		{"a policy notice is not a price notice", BillingTerms{Rate: 135_00, Travel: before.Travel, Minimum: time.Hour}, acme, true,
			[]Notice{notice(4, NoticePolicy, now.AddDate(0, 0, -2))}, "send a price notice"},
		{"a managed-service contract", BillingTerms{Rate: 135_00, Travel: before.Travel, Minimum: time.Hour}, Client{Name: "Birchwood", Managed: true}, true, nil, ""},
		{"never told any terms", BillingTerms{Rate: 135_00, Travel: before.Travel, Minimum: time.Hour}, acme, false, nil, ""},
	}
	for _, c := range cases {
		err := CheckPriceRise(c.client, PriceRises(before, c.after), c.told, c.notices, now, loc)
		switch {
		case c.refused == "" && err != nil:
			t.Errorf("%s: refused: %v", c.name, err)
		case c.refused != "" && (err == nil || !strings.Contains(err.Error(), c.refused)):
			t.Errorf("%s: %v, want it refused saying %q", c.name, err, c.refused)
		}
	}
}

func TestWhatRaisesAPrice(t *testing.T) {
	hourly := BillingTerms{Rate: 120_00, Travel: TravelPolicy{Kind: TravelHourly}, Increment: 15 * time.Minute, Mode: RoundUp, Scope: RoundTicket}
	with := func(f func(*BillingTerms)) BillingTerms { b := hourly; f(&b); return b }
	cases := []struct {
		name  string
		after BillingTerms
		rises string // "" for none
	}{
		{"nothing changed", hourly, ""},
		{"a higher rate, travel at the rate with it: one rise", with(func(b *BillingTerms) { b.Rate = 130_00 }), "the rate from $120.00/h to $130.00/h"},
		{"travel at its own lower rate", with(func(b *BillingTerms) { b.Travel = TravelPolicy{Kind: TravelRate, Amount: 85_00} }), ""},
		{"travel at its own higher rate", with(func(b *BillingTerms) { b.Travel = TravelPolicy{Kind: TravelRate, Amount: 150_00} }), "travel from billed at $120.00/h to billed at $150.00/h"},
		{"an hour's charge to a visit's", with(func(b *BillingTerms) { b.Travel = TravelPolicy{Kind: TravelFlat, Amount: 10_00} }), "travel from"},
		{"travel no longer charged", with(func(b *BillingTerms) { b.Travel = TravelPolicy{Kind: TravelNone} }), ""},
		{"a larger increment rounded up", with(func(b *BillingTerms) { b.Increment = 30 * time.Minute }), "rounding from each ticket's time rounded up to 15m to each ticket's time rounded up to 30m"},
		{"a smaller increment", with(func(b *BillingTerms) { b.Increment = 6 * time.Minute }), ""},
		{"each line rounded, not the ticket", with(func(b *BillingTerms) { b.Scope = RoundLine }), "rounding from"},
		{"rounding to the nearest", with(func(b *BillingTerms) { b.Mode = RoundNearest; b.Increment = time.Hour }), ""},
		{"a minimum", with(func(b *BillingTerms) { b.Minimum = time.Hour }), "the minimum from 0m to 1h"},
	}
	for _, c := range cases {
		got := strings.Join(PriceRises(hourly, c.after), "; ")
		if c.rises == "" && got != "" || c.rises != "" && !strings.HasPrefix(got, c.rises) {
			t.Errorf("%s: rises %q, want %q", c.name, got, c.rises)
		}
	}
}
