package model

import "time"

// TouchKind says what sort of interaction a touch was.
type TouchKind string

const (
	TouchScope   TouchKind = "scope"   // a "while you're here" request and each decision on it
	TouchOverrun TouchKind = "overrun" // the contact told (or not) that the estimate is near or past
	TouchCall    TouchKind = "call"    // a call: the requester contacted about a ticket, or logged by hand
	TouchEmail   TouchKind = "email"   // an email, logged by hand
	TouchNote    TouchKind = "note"    // a note about the client, logged by hand
)

// Touch is one interaction with a client, by name and time. The client's
// timeline shows them all, newest first: what everyone reads before
// contacting the client.
type Touch struct {
	ID       int64
	ClientID int64
	At       time.Time
	Kind     TouchKind
	By       string
	Summary  string
	Ref      string // what it is about: S-3, V-312
}
