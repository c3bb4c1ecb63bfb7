package page

import (
	"testing"
	"time"
)

func TestANoticeFadesAfterItsTime(t *testing.T) {
	var f Fade
	t0 := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	steps := []struct {
		text  string
		after time.Duration
		want  string
	}{
		{"", 0, ""},
		{"Arrived 09:00", 0, "Arrived 09:00"},
		{"Arrived 09:00", NoticeFor - time.Second, "Arrived 09:00"},
		{"Arrived 09:00", NoticeFor, ""},
		{"", NoticeFor + time.Second, ""},
		{"Arrived 09:00", NoticeFor + 2*time.Second, "Arrived 09:00"}, // said again: shown again, for its own time
		{"Paused 09:01", NoticeFor + 3*time.Second, "Paused 09:01"},   // a new one starts afresh
		{"Paused 09:01", 2*NoticeFor + 2*time.Second, "Paused 09:01"},
		{"Paused 09:01", 2*NoticeFor + 3*time.Second, ""},
	}
	for i, s := range steps {
		if got := f.Keep(s.text, t0.Add(s.after)); got != s.want {
			t.Errorf("step %d: Keep(%q) at +%s = %q, want %q", i, s.text, s.after, got, s.want)
		}
	}
}
