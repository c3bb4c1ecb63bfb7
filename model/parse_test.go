package model

import (
	"strings"
	"testing"
	"time"
)

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in      string
		want    time.Duration
		wantErr string
	}{
		{"45m", 45 * time.Minute, ""},
		{"2h", 2 * time.Hour, ""},
		{"1h30m", 90 * time.Minute, ""},
		{"1.5h", 90 * time.Minute, ""},
		{" 2H ", 2 * time.Hour, ""},
		{"1h 30m", 90 * time.Minute, ""},
		{"90", 90 * time.Minute, ""},
		{"", 0, "is empty"},
		{"soon", 0, "not a duration; write it like 45m"},
		{"-1h", 0, "not a duration"},
		{"0m", 0, "more than zero"},
		{"300h", 0, "split the work"},
	}
	for _, tt := range tests {
		got, err := ParseDuration("estimate", tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseDuration(%q) error = %v, want it to say %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestFormatDurationRoundTrips(t *testing.T) {
	for _, d := range []time.Duration{30 * time.Minute, time.Hour, 90 * time.Minute, 26*time.Hour + 5*time.Minute} {
		got, err := ParseDuration("x", FormatDuration(d))
		if err != nil || got != d {
			t.Errorf("%v -> %q -> %v, %v", d, FormatDuration(d), got, err)
		}
	}
}

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in      string
		want    Cents
		wantErr bool
	}{
		{"450", 45000, false}, {"$450", 45000, false}, {"450.5", 45050, false}, {"$1,200.05", 120005, false},
		{".5", 50, false}, {"0", 0, false},
		{"", 0, true}, {"abc", 0, true}, {"4.555", 0, true}, {"-5", 0, true}, {"1e3", 0, true}, {"$", 0, true},
		{"99999999999999999999", 0, true}, {"2000000", 0, true},
	}
	for _, tt := range tests {
		got, err := ParseMoney("rate", tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseMoney(%q) = %v, %v; want %v, err=%v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
	if s := Cents(123456789).String(); s != "$1,234,567.89" {
		t.Errorf("Cents.String = %s", s)
	}
}

func TestParseEstimate(t *testing.T) {
	tests := []struct {
		in   string
		want Estimate
		err  string
	}{
		{"2h", Estimate{Duration: 2 * time.Hour}, ""},
		{"$450", Estimate{Quote: 45000}, ""},
		{"quote 99.50", Estimate{Quote: 9950}, ""},
		{"$0", Estimate{}, "more than $0"},
		{"$abc", Estimate{}, "not a quote"},
		{"lots", Estimate{}, "neither hours"},
		{"", Estimate{}, "is empty"},
	}
	for _, tt := range tests {
		got, err := ParseEstimate(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseEstimate(%q) err = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseEstimate(%q) = %+v, %v", tt.in, got, err)
		}
	}
}

func TestParseWhen(t *testing.T) {
	loc, err := time.LoadLocation("America/Chicago")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	now := time.Date(2026, 11, 25, 15, 0, 0, 0, time.UTC) // 09:00 in Chicago
	tests := []struct{ in, want string }{
		{"2026-11-25 14:00", "2026-11-25 14:00"},
		{"14:00", "2026-11-25 14:00"},
		{"today 9:30", "2026-11-25 09:30"},
		{"tomorrow 9:00", "2026-11-26 09:00"},
		{"Tomorrow  2pm", "2026-11-26 14:00"},
		{"3:15pm", "2026-11-25 15:15"},
		{"fri 10:00", "2026-11-27 10:00"},     // Wednesday today: this Friday
		{"Wednesday 2pm", "2026-11-25 14:00"}, // today, still to come
		{"wed 8:00", "2026-12-02 08:00"},      // today's has gone: next week's
		{"mon 9:30", "2026-11-30 09:30"},
	}
	for _, tt := range tests {
		got, err := ParseWhen("start", tt.in, now, loc)
		if err != nil || got.In(loc).Format(TimeLayout) != tt.want {
			t.Errorf("ParseWhen(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "noon-ish", "2026-13-01 10:00", "25:00", "we 10:00", "wed noon", "fri"} {
		if _, err := ParseWhen("start", bad, now, loc); err == nil || !strings.Contains(err.Error(), "write it like") && !strings.Contains(err.Error(), "empty") {
			t.Errorf("ParseWhen(%q) err = %v, want a hint", bad, err)
		}
	}
}

func TestParsePast(t *testing.T) {
	loc, err := time.LoadLocation("America/Chicago")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	now := time.Date(2026, 11, 25, 18, 50, 30, 0, time.UTC) // 12:50:30 in Chicago
	tests := []struct{ in, want string }{
		{"", "2026-11-25 12:50"},
		{"now", "2026-11-25 12:50"},
		{"12:45", "2026-11-25 12:45"},
		{"12:51", "2026-11-25 12:51"}, // parsed as today; the door refuses it as in the future
		{"23:30", "2026-11-25 23:30"}, // under half a day ahead: still today
		{"20m ago", "2026-11-25 12:30"},
		{"1h30m  AGO", "2026-11-25 11:20"},
		{"yesterday 17:30", "2026-11-24 17:30"},
		{"yesterday 5pm", "2026-11-24 17:00"},
		{"today 9:15", "2026-11-25 09:15"},
		{"tomorrow 9:00", "2026-11-26 09:00"}, // parsed; the door says it is still to come
		{"2026-11-25 12:45", "2026-11-25 12:45"},
		{"2026-11-26 09:00", "2026-11-26 09:00"}, // parsed; the door refuses it as in the future
	}
	for _, tt := range tests {
		got, err := ParsePast("at", tt.in, now, loc)
		if err != nil || got.In(loc).Format(TimeLayout) != tt.want {
			t.Errorf("ParsePast(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
		}
	}
	// Just after midnight, "23:50" is last night.
	late := time.Date(2026, 11, 25, 6, 10, 0, 0, time.UTC) // 00:10 in Chicago
	if got, _ := ParsePast("at", "23:50", late, loc); got.In(loc).Format(TimeLayout) != "2026-11-24 23:50" {
		t.Errorf("23:50 just after midnight = %s", got.In(loc))
	}
	for _, bad := range []string{"soon", "ago", "x ago", "-5m ago", "yesterday", "yesterday noon", "tomorrow", "today x", "25:00", "2026-11-25"} {
		if _, err := ParsePast("at", bad, now, loc); err == nil || !strings.Contains(err.Error(), "write it like 12:45, 20m ago") {
			t.Errorf("ParsePast(%q) err = %v, want a hint", bad, err)
		}
	}
}

// FuzzParsePast: any text gives a time or an error that names the field and
// shows how to write one; never a panic.
func FuzzParsePast(f *testing.F) {
	for _, s := range []string{"12:45", "tomorrow 9:00", "yesterday 5pm", "20m ago", "2026-11-25 14:00", "now", "3:15pm", "\x00:99", "1e9h ago"} {
		f.Add(s)
	}
	now := time.Date(2026, 11, 25, 18, 50, 0, 0, time.UTC)
	loc := time.FixedZone("office", -6*3600)
	f.Fuzz(func(t *testing.T, in string) {
		got, err := ParsePast("at", in, now, loc)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "at ") || !strings.Contains(err.Error(), "write it like") && !strings.Contains(err.Error(), "empty") {
				t.Fatalf("%q: error %q names no field or no way to write it", in, err)
			}
			return
		}
		if far := got.Sub(now) > 400*24*time.Hour || now.Sub(got) > 400*24*time.Hour; far && !strings.Contains(in, "-") {
			t.Fatalf("%q: %v is far from now without a date", in, got)
		}
	})
}

func TestParseID(t *testing.T) {
	tests := []struct {
		prefix, in string
		want       int64
		err        string
	}{
		{PrefixTicket, "T-1042", 1042, ""},
		{PrefixTicket, "t1042", 1042, ""},
		{PrefixTicket, "1042", 1042, ""},
		{PrefixVisit, "V-311", 311, ""},
		{PrefixTicket, "V-311", 0, "is a visit id; expected a ticket id like T-12"},
		{PrefixTicket, "X-1", 0, "not a ticket id"},
		{PrefixTicket, "T-", 0, "not a ticket id"},
		{PrefixTicket, "T-0", 0, "not a ticket id"},
		{PrefixTicket, "T--5", 0, "not a ticket id"},
		{PrefixTicket, "T-+5", 0, "not a ticket id"},
		{PrefixTicket, "", 0, "not a ticket id"},
	}
	for _, tt := range tests {
		got, err := ParseID(tt.prefix, tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseID(%q) err = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseID(%q) = %d, %v", tt.in, got, err)
		}
	}
}

func TestParsePriorityAndTerms(t *testing.T) {
	for in, want := range map[string]Priority{"P1": P1, "p2": P2, "3": P3, " P4 ": P4} {
		if got, err := ParsePriority(in); err != nil || got != want {
			t.Errorf("ParsePriority(%q) = %v, %v", in, got, err)
		}
	}
	for _, bad := range []string{"P0", "P5", "high", "", "P11"} {
		if _, err := ParsePriority(bad); err == nil || !strings.Contains(err.Error(), "P1 (emergency) to P4") {
			t.Errorf("ParsePriority(%q) err = %v", bad, err)
		}
	}
	for in, want := range map[string]int{"delivery": 0, "net30": 30, "Net 15": 15, "": 0} {
		if got, err := ParseTerms(in); err != nil || got.NetDays != want {
			t.Errorf("ParseTerms(%q) = %v, %v", in, got, err)
		}
	}
	for _, bad := range []string{"net", "net0", "net30x", "monthly", "net999"} {
		if _, err := ParseTerms(bad); err == nil {
			t.Errorf("ParseTerms(%q) should fail", bad)
		}
	}
}

func FuzzParseDuration(f *testing.F) {
	for _, s := range []string{"45m", "1.5h", "90", "-1h", "1h30m", "9999999h"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		d, err := ParseDuration("x", in)
		if err == nil && (d <= 0 || d > MaxEstimate) {
			t.Fatalf("ParseDuration(%q) = %v accepted out of range", in, d)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "x ") {
			t.Fatalf("error %q does not name the field", err)
		}
	})
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"450", "$1,200.50", ".5", "1e9", "-3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		c, err := ParseMoney("x", in)
		if err == nil && (c < 0 || c > MaxMoney) {
			t.Fatalf("ParseMoney(%q) = %v out of range", in, c)
		}
		if err == nil {
			back, err2 := ParseMoney("x", c.String())
			if err2 != nil || back != c {
				t.Fatalf("ParseMoney(%q) = %v does not round-trip: %v %v", in, c, back, err2)
			}
		}
	})
}

func FuzzParseEstimate(f *testing.F) {
	for _, s := range []string{"2h", "$450", "quote 10", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		e, err := ParseEstimate(in)
		if err == nil && (e.Duration > 0) == (e.Quote > 0) {
			t.Fatalf("ParseEstimate(%q) = %+v: exactly one of hours or quote must be set", in, e)
		}
	})
}

func FuzzParseWhen(f *testing.F) {
	for _, s := range []string{"2026-11-25 14:00", "14:00", "tomorrow 9:00", "3pm", "today"} {
		f.Add(s)
	}
	now := time.Date(2026, 11, 25, 15, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, in string) {
		got, err := ParseWhen("start", in, now, time.UTC)
		if err == nil && (got.Before(now.AddDate(-1, 0, 0)) || got.After(now.AddDate(10000, 0, 0))) {
			t.Fatalf("ParseWhen(%q) = %v", in, got)
		}
	})
}

func FuzzParseID(f *testing.F) {
	for _, s := range []string{"T-1042", "1042", "V-3", "T-", "t-+1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		id, err := ParseID(PrefixTicket, in)
		if err == nil {
			if id <= 0 {
				t.Fatalf("ParseID(%q) = %d", in, id)
			}
			if back, _ := ParseID(PrefixTicket, FormatID(PrefixTicket, id)); back != id {
				t.Fatalf("round trip of %d failed", id)
			}
		}
	})
}

func FuzzParseSmallFields(f *testing.F) {
	for _, s := range []string{"P2", "net30", "dispatcher", "Net 15", "p5", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if p, err := ParsePriority(in); err == nil && (p < P1 || p > P4) {
			t.Fatalf("ParsePriority(%q) = %v", in, p)
		}
		if terms, err := ParseTerms(in); err == nil && (terms.NetDays < 0 || terms.NetDays > 120) {
			t.Fatalf("ParseTerms(%q) = %v", in, terms)
		}
		if r, err := ParseRole(in); err == nil && !r.Can(ActViewBoard) {
			t.Fatalf("ParseRole(%q) = %q is not a real role", in, r)
		}
	})
}
