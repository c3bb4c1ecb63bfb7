package draw

import (
	"strings"
	"testing"
)

func TestPadLinesMakesExactlyNLines(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		want string
	}{
		{"", 1, ""},
		{"", 3, "\n\n"},
		{"a", 0, ""},
		{"a\nb", 1, "a"},
		{"a\nb", 2, "a\nb"},
		{"a\nb", 4, "a\nb\n\n"},
		{"a\nb\n", 2, "a\nb"},
		{"a\n\nc\nd", 3, "a\n\nc"},
	}
	for _, tt := range tests {
		got := PadLines(tt.s, tt.n)
		if got != tt.want {
			t.Errorf("PadLines(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
		if tt.n > 0 && strings.Count(got, "\n")+1 != tt.n {
			t.Errorf("PadLines(%q, %d) has %d lines", tt.s, tt.n, strings.Count(got, "\n")+1)
		}
	}
}
