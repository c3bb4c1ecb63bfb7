package feed

import (
	"context"
	"sync/atomic"
	"testing"
	"time"
)

func TestNoticesMergeWhileNobodyLooks(t *testing.T) {
	h := NewHub()
	s := h.Subscribe()
	defer s.Close()
	h.Publish(Tickets)
	h.Publish(Visits)
	h.Publish(Tickets)
	<-s.Ready()
	if got := s.Take(); got != Tickets|Visits {
		t.Errorf("Take = %b, want tickets|visits", got)
	}
	select {
	case <-s.Ready():
		t.Error("three publishes must leave one notice, not three")
	default:
	}
}

// A subscriber that never reads must not hold up the publisher or the others.
func TestStuckSubscriberNeverBlocksOthers(t *testing.T) {
	h := NewHub()
	stuck := h.Subscribe() // never read
	defer stuck.Close()
	live := h.Subscribe()
	defer live.Close()
	done := make(chan struct{})
	go func() {
		for i := 0; i < 100000; i++ {
			h.Publish(Tickets)
		}
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("publishing blocked on a stuck subscriber")
	}
	<-live.Ready()
	if live.Take() != Tickets {
		t.Error("live subscriber missed the notice")
	}
}

func TestCloseUnsubscribes(t *testing.T) {
	h := NewHub()
	s := h.Subscribe()
	s.Close()
	h.Publish(All)
	if h.Subscribers() != 0 {
		t.Errorf("subscribers = %d", h.Subscribers())
	}
}

func TestWatchPublishesOnlyOnChange(t *testing.T) {
	h := NewHub()
	s := h.Subscribe()
	defer s.Close()
	var version atomic.Int64
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go Watch(ctx, h, time.Millisecond, func(context.Context) (int64, error) { return version.Load(), nil })
	select {
	case <-s.Ready():
		t.Fatal("no change, no notice")
	case <-time.After(50 * time.Millisecond):
	}
	version.Add(1)
	select {
	case <-s.Ready():
		if s.Take() != All {
			t.Error("an outside write may touch anything: want All")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a changed data_version was not published")
	}
}

// Only a publish that may touch the policy (its own topic, or All from
// another process) makes the office's zone worth reading again.
func TestPolicyVersionCountsOnlyWhatMayChangeThePolicy(t *testing.T) {
	h := NewHub()
	for _, tc := range []struct {
		topic Topic
		want  uint64
	}{{Tickets, 0}, {Visits | Scope, 0}, {Tickets | Policy, 1}, {All, 2}, {Users, 2}} {
		h.Publish(tc.topic)
		if got := h.PolicyVersion(); got != tc.want {
			t.Errorf("after %b: policy version %d, want %d", tc.topic, got, tc.want)
		}
	}
}
