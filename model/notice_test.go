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
		{NoticePolicy, false, "2026-11-24", "the earliest is 2026-11-25"},
	}
	for _, c := range cases {
		err := CheckNotice(Notice{Kind: c.kind, Text: "rates rise to $130/h", SentAt: sent, Effective: day(c.effective)},
			Client{Name: "Acme", Managed: c.managed}, time.UTC)
		if (c.says == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s, managed %v, effective %s: %v, want %q", c.kind, c.managed, c.effective, err, c.says)
		}
	}
}
