package tui

import (
	"testing"
	"time"
)

// A tick from a chain the pace has since replaced is dropped: it neither
// starts another chain nor turns the minute.
func TestAStaleTickStartsNoChain(t *testing.T) {
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	var tk ticker
	tk.start(true, now)
	gen := tk.gen
	if next, turned := tk.tick(tickMsg{gen: gen - 1}, now.Add(time.Minute)); next != nil || turned {
		t.Errorf("a stale tick answered: next %v, minute turned %v", next != nil, turned)
	}
	if tk.gen != gen {
		t.Errorf("a stale tick started another chain")
	}
	if next, turned := tk.tick(tickMsg{gen: gen}, now.Add(time.Minute)); next == nil || !turned {
		t.Errorf("the live chain's tick: next %v, minute turned %v", next != nil, turned)
	}
}
