package model

import "time"

// TouchKind says what sort of interaction a touch was.
type TouchKind string

const (
	TouchCall  TouchKind = "call"  // a call, logged by hand
	TouchEmail TouchKind = "email" // an email, logged by hand
	TouchNote  TouchKind = "note"  // a note about the client, logged by hand
)

// Touch is a call, an email or a note about a client, logged by hand: the
// one kind of timeline entry that is its own record. Everything else on
// the timeline is drawn from the records it happened in.
type Touch struct {
	ID       int64
	ClientID int64
	At       time.Time
	Kind     TouchKind
	By       string
	Summary  string
	Ref      string // the client, C-11
}
