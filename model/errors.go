package model

import (
	"errors"
	"fmt"
	"strings"
)

// FieldError says what is wrong with one input field and what to do about it.
// Msg completes a sentence that starts with the field's name.
type FieldError struct {
	Field string
	Msg   string
}

func (e FieldError) Error() string { return e.Field + " " + e.Msg }

// Invalid collects every field error of one input, so a form can show each
// next to its field at once rather than one per attempt.
type Invalid []FieldError

func (v Invalid) Error() string {
	parts := make([]string, len(v))
	for i, e := range v {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "; ")
}

// Add records err if it is a FieldError (or an Invalid); any other non-nil
// error is recorded against field.
func (v *Invalid) Add(field string, err error) {
	if err == nil {
		return
	}
	var fe FieldError
	var inv Invalid
	var nf NotFound
	switch {
	case errors.As(err, &inv):
		*v = append(*v, inv...)
	case errors.As(err, &fe):
		*v = append(*v, fe)
	case errors.As(err, &nf):
		*v = append(*v, FieldError{Field: field, Msg: nf.asField()})
	default:
		*v = append(*v, FieldError{Field: field, Msg: err.Error()})
	}
}

// Err returns nil when nothing was recorded, so callers can return it directly.
func (v Invalid) Err() error {
	if len(v) == 0 {
		return nil
	}
	return v
}

// For returns the message for one field, or "".
func (v Invalid) For(field string) string {
	for _, e := range v {
		if e.Field == field {
			return e.Msg
		}
	}
	return ""
}

// ErrNotFound is wrapped by every lookup that finds nothing.
var ErrNotFound = errors.New("not found")

// NotFound says which thing was not found and how to find the right one.
type NotFound struct {
	What string // "client", "ticket", …
	Key  string // what the user asked for
	Hint string // e.g. "see: client list"
}

func (e NotFound) Error() string {
	msg := "no " + e.What + " " + quoteIfSpaced(e.Key)
	if e.Hint != "" {
		msg += " (" + e.Hint + ")"
	}
	return msg
}

func (e NotFound) Unwrap() error { return ErrNotFound }

// asField says it after the field's name: client "Nope" matches no client
// on file (see: client list).
func (e NotFound) asField() string {
	msg := fmt.Sprintf("%q matches no %s on file", e.Key, e.What)
	if e.Hint != "" {
		msg += " (" + e.Hint + ")"
	}
	return msg
}

// Forbidden is the refusal of an action the user's role may not take. It names
// the roles that may, so the user knows whom to ask.
type Forbidden struct {
	Action Action
	Role   Role
	Why    string // when the role is not the whole reason: "a technician reads only their own calendar"
}

func (e Forbidden) Error() string {
	if e.Why != "" {
		return e.Why + "; you are signed in as " + string(e.Role)
	}
	return e.Action.Describe() + " is for " + RolesList(e.Action.AllowedRoles()) + "; you are signed in as " + string(e.Role)
}

// Conflict is a refusal because of the current state of things (a second
// authorised contact, a duplicate name), with what to do instead.
type Conflict struct{ Msg string }

func (e Conflict) Error() string { return e.Msg }

func quoteIfSpaced(s string) string {
	if strings.ContainsAny(s, " \t") {
		return `"` + s + `"`
	}
	return s
}
