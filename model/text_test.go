package model

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestCleanLine(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Replace router", "Replace router"},
		{"osc52 clipboard write and clear screen", "\x1b]52;c;SGVsbG8=\x07Router\x1b[2J", "Router"},
		{"osc with ST terminator", "\x1b]0;pwned\x1b\\Title", "Title"},
		{"carriage return overwrite", "ok\rFAKE", "ok FAKE"},
		{"8-bit CSI", "a\u009b31mred", "ared"},
		{"8-bit OSC", "a\u009d52;c;QQ==\u009cb", "ab"},
		{"bidi override", "invoice\u202Efdp.exe", "invoicefdp.exe"},
		{"bidi isolates", "\u2066a\u2069b\u2067", "ab"},
		{"newline and tab fold to spaces", "a\nb\tc", "a b c"},
		{"NUL, BEL, DEL dropped", "a\x00b\x07c\x7fd", "abcd"},
		{"trim", "  spaced  ", "spaced"},
		{"invalid utf8 shown as replacement", "a\xffb", "a\uFFFDb"},
		{"unicode kept", "Café Ærø 東京 🚀", "Café Ærø 東京 🚀"},
		{"dangling ESC", "abc\x1b", "abc"},
		{"ESC single-char sequence", "a\x1bcb", "ab"},
		{"DCS string", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CleanLine(tt.in); got != tt.want {
				t.Errorf("CleanLine(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCleanTextKeepsLines(t *testing.T) {
	got := CleanText("line one\r\nline two\rline three\n\tindented\x1b[31m")
	want := "line one\nline two\nline three\n\tindented"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// assertInert fails if s could act on a terminal: any control rune other than
// newline and tab, any bidi control, or invalid UTF-8.
func assertInert(t *testing.T, in, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("clean(%q) = %q is not valid UTF-8", in, s)
	}
	for _, r := range s {
		if (unicode.IsControl(r) && r != '\n' && r != '\t') || IsBidiControl(r) {
			t.Fatalf("clean(%q) = %q still holds control %U", in, s, r)
		}
	}
}

func FuzzCleanText(f *testing.F) {
	for _, s := range []string{"\x1b]52;c;SGVsbG8=\x07x", "ok\rFAKE", "\u009b2J", "\u202Eabc", "plain", "\x1b[", "\x1bP"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		line, text := CleanLine(in), CleanText(in)
		assertInert(t, in, line)
		assertInert(t, in, text)
		if strings.ContainsAny(line, "\n\t") {
			t.Fatalf("CleanLine(%q) = %q keeps a line break or tab", in, line)
		}
		if CleanLine(line) != line || CleanText(text) != text {
			t.Fatalf("cleaning is not idempotent for %q", in)
		}
	})
}

func TestTextLimit(t *testing.T) {
	l := TextLimit{Field: "title", Max: 5}
	if err := l.Check("héllo"); err != nil {
		t.Errorf("5 runes should fit: %v", err)
	}
	err := l.Check("héllo!")
	if err == nil || !strings.Contains(err.Error(), "title is 6 characters; the limit is 5") {
		t.Errorf("want a message with the length and the limit, got %v", err)
	}
}
