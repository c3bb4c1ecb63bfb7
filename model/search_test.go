package model

import (
	"strings"
	"testing"
	"unicode"
)

func TestSearchMatch(t *testing.T) {
	tests := []struct {
		typed, want string
	}{
		{"printer", `"printer"*`},
		{"  Label printers ", `"Label"* "printers"*`},
		{"T-1042", `"1042"*`},
		{`"unterminated`, `"unterminated"*`},
		{"router AND NOT switch*", `"router"* "AND"* "NOT"* "switch"*`},
		{"col:umn (nested) ^x", `"col"* "umn"* "nested"*`},
		{"café naïve", `"café"* "naïve"*`},
		{"a", `"a"*`},
		{"one two three four five six seven eight nine ten", `"one"* "two"* "three"* "four"* "five"* "six"* "seven"* "eight"*`},
	}
	for _, tt := range tests {
		got, err := SearchMatch(tt.typed)
		if err != nil || got != tt.want {
			t.Errorf("SearchMatch(%q) = %q, %v; want %q", tt.typed, got, err, tt.want)
		}
	}
	for _, empty := range []string{"", "   ", "*** \"\" ()", "\x1b[2J"} {
		if _, err := SearchMatch(empty); err == nil || !strings.Contains(err.Error(), "type part of a title") {
			t.Errorf("SearchMatch(%q): %v", empty, err)
		}
	}
}

// Whatever is typed, the query is quoted words with a star and spaces
// between, nothing else: FTS5 can read no syntax in it.
func FuzzSearchMatch(f *testing.F) {
	for _, s := range []string{"printer", `"a" OR b*`, "T-1042 NEAR(x y)", "\x00\"", "日本語 テスト", "-", "a:b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, typed string) {
		q, err := SearchMatch(typed)
		if err != nil {
			return
		}
		for _, term := range strings.Split(q, " ") {
			inner, ok := strings.CutPrefix(term, `"`)
			inner, ok2 := strings.CutSuffix(inner, `"*`)
			if !ok || !ok2 || inner == "" {
				t.Fatalf("%q gave the term %q", typed, term)
			}
			for _, r := range inner {
				if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
					t.Fatalf("%q gave the term %q, with %q in it", typed, term, r)
				}
			}
		}
	})
}
