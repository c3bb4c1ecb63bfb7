package model

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// A travel policy typed by hand is read back as it was meant, or refused
// with a message naming the field and the forms it takes.
func FuzzParseTravelPolicy(f *testing.F) {
	for _, s := range []string{"none", "hourly", "rate:85", "flat:45.50", "rate", "flat:-1", "RATE: 85", "rate:1e9", "flat:\x1b[2J"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		p, err := ParseTravelPolicy(in)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "travel ") || strings.ContainsRune(err.Error(), '\x1b') {
				t.Fatalf("%q: error %q names no field or carries a control sequence", in, err)
			}
			return
		}
		amountless := p.Kind == TravelNone || p.Kind == TravelHourly
		if p.Amount < 0 || p.Amount > MaxMoney || amountless && p.Amount != 0 {
			t.Fatalf("%q read as %+v", in, p)
		}
		again, err := ParseTravelPolicy(p.String())
		if err != nil || again != p {
			t.Fatalf("%q → %q does not read back: %+v %v", in, p.String(), again, err)
		}
	})
}

// A rounding increment is whole minutes up to four hours, or none.
func FuzzParseIncrement(f *testing.F) {
	for _, s := range []string{"15m", "6", "1h", "0", "none", "90s", "5h", "-15m", "1.5m"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		d, err := ParseIncrement("rounding", in)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "rounding ") {
				t.Fatalf("%q: error %q names no field", in, err)
			}
			return
		}
		if d < 0 || d > 4*time.Hour || d%time.Minute != 0 {
			t.Fatalf("%q accepted as %v", in, d)
		}
	})
}

// A percentage is a whole number from 0 to 100.
func FuzzParsePercent(f *testing.F) {
	for _, s := range []string{"10", "10%", "100", "101", "-1", " 5 % ", "1e2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		n, err := ParsePercent("tolerance", in)
		if err == nil && (n < 0 || n > 100) {
			t.Fatalf("%q accepted as %d", in, n)
		}
		if err != nil && (!strings.HasPrefix(err.Error(), "tolerance ") || !utf8.ValidString(err.Error()) && utf8.ValidString(in)) {
			t.Fatalf("%q: error %q", in, err)
		}
	})
}

// An invoice state typed in a filter is one of the states, or refused
// naming them.
func FuzzParseInvoiceState(f *testing.F) {
	for _, s := range []string{"draft", "part-paid", "part paid", "PAID", "void", "sent\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s, err := ParseInvoiceState(in)
		if err != nil {
			if !strings.Contains(err.Error(), "use draft, approved") {
				t.Fatalf("%q: error %q does not list the states", in, err)
			}
			return
		}
		for _, known := range InvoiceStates {
			if s == known {
				return
			}
		}
		t.Fatalf("%q read as unknown state %q", in, s)
	})
}

// Money typed with a sign is read with its sign, or refused naming the field.
func FuzzParseSignedMoney(f *testing.F) {
	for _, s := range []string{"-200", "-$75.50", "+5", "--5", "-", "1,000.01", "-0.001"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		c, err := ParseSignedMoney("amount", in)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "amount ") {
				t.Fatalf("%q: error %q names no field", in, err)
			}
			return
		}
		if strings.HasPrefix(strings.TrimSpace(in), "-") != (c < 0) && c != 0 {
			t.Fatalf("%q read as %s", in, c)
		}
	})
}
