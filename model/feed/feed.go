// Package feed tells every session that something it may show has changed.
// It carries no data: a session re-reads what it shows. So a subscriber needs
// at most one pending notice, and a slow or stuck one never holds up the
// publisher or anyone else — its notices simply merge until it looks again.
package feed

import (
	"sync"
	"sync/atomic"
)

// Topic says what kind of thing changed; several merge into one notice.
type Topic uint32

const (
	Tickets Topic = 1 << iota
	Visits
	Clients
	Users
	Scope          // "while you're here" requests and their decisions
	Policy         // the office policy, its time zone among it
	Invoices       // invoices, terms, parts and work authorisations
	All      Topic = ^Topic(0)
)

// Has reports whether t includes any of other.
func (t Topic) Has(other Topic) bool { return t&other != 0 }

// Hub fans notices out to subscribers.
type Hub struct {
	mu      sync.Mutex
	subs    map[*Sub]struct{}
	version atomic.Uint64
	policy  atomic.Uint64
}

// Version counts publishes: anything read before it last changed may be stale.
func (h *Hub) Version() uint64 { return h.version.Load() }

// PolicyVersion counts publishes that may have changed the policy (a change
// from another process is published as All): a zone read before it last
// changed may be stale.
func (h *Hub) PolicyVersion() uint64 { return h.policy.Load() }

// NewHub returns a hub with no subscribers.
func NewHub() *Hub { return &Hub{subs: map[*Sub]struct{}{}} }

// Publish notifies every subscriber without ever blocking.
func (h *Hub) Publish(t Topic) {
	if t.Has(Policy) {
		h.policy.Add(1)
	}
	h.version.Add(1)
	h.mu.Lock()
	defer h.mu.Unlock()
	for s := range h.subs {
		s.notify(t)
	}
}

// Subscribe starts a subscription; Close it when the session ends.
func (h *Hub) Subscribe() *Sub {
	s := &Sub{hub: h, ready: make(chan struct{}, 1)}
	h.mu.Lock()
	h.subs[s] = struct{}{}
	h.mu.Unlock()
	return s
}

// Subscribers counts live subscriptions.
func (h *Hub) Subscribers() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}

// Sub is one subscriber's mailbox: a set of pending topics and a one-slot
// doorbell.
type Sub struct {
	hub     *Hub
	mu      sync.Mutex
	pending Topic
	ready   chan struct{}
}

func (s *Sub) notify(t Topic) {
	s.mu.Lock()
	s.pending |= t
	s.mu.Unlock()
	select {
	case s.ready <- struct{}{}:
	default: // a notice is already waiting; the topics were merged into it
	}
}

// Sessions counts the hub's live subscriptions, this one among them.
func (s *Sub) Sessions() int { return s.hub.Subscribers() }

// Ready is signalled when at least one notice is pending.
func (s *Sub) Ready() <-chan struct{} { return s.ready }

// Take returns and clears the pending topics.
func (s *Sub) Take() Topic {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.pending
	s.pending = 0
	return t
}

// Close ends the subscription.
func (s *Sub) Close() {
	s.hub.mu.Lock()
	delete(s.hub.subs, s)
	s.hub.mu.Unlock()
}
