package draw

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Sessions woken together by a change ask for the same drawing at once:
// one draws it, the others wait for it.
func TestSessionsAskingTogetherDrawOnce(t *testing.T) {
	c := NewCache[string, string](10)
	var drawn atomic.Int32
	release := make(chan struct{})
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got := c.Get("row", func() string { drawn.Add(1); <-release; return "drawn" })
			if got != "drawn" {
				t.Errorf("got %q", got)
			}
		}()
	}
	time.Sleep(20 * time.Millisecond) // let them all ask
	close(release)
	wg.Wait()
	if n := drawn.Load(); n != 1 {
		t.Errorf("20 sessions drew it %d times, want once", n)
	}
}

// A drawing that panics leaves nobody waiting for ever: each waiter draws
// for itself, and nothing is kept.
func TestAPanickedDrawingLeavesNoOneWaiting(t *testing.T) {
	c := NewCache[string, string](10)
	started := make(chan struct{})
	release := make(chan struct{})
	go func() {
		defer func() { recover() }()
		c.Get("row", func() string { close(started); <-release; panic("boom") })
	}()
	<-started
	got := make(chan string)
	go func() { got <- c.Get("row", func() string { return "mine" }) }()
	time.Sleep(10 * time.Millisecond)
	close(release)
	select {
	case v := <-got:
		if v != "mine" {
			t.Errorf("the waiter got %q", v)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the waiter is still waiting")
	}
	if v := c.Get("row", func() string { return "again" }); v != "again" {
		t.Errorf("a panicked drawing was kept: %q", v)
	}
}
