package ticket_test

import (
	"testing"

	"dispatch/model"
	"dispatch/tui/screentest"
)

// A ticket whose contact never accepted the terms says so; the office
// records the acceptance given by phone with T, and the page says who.
func TestTermsAcceptedByPhone(t *testing.T) {
	s := screentest.New(t, model.RoleDispatcher, 120, 40)
	s.Keys("/", "T-1025", "enter", "enter")
	s.MustSee("T-1025", "Time clock terminal network move", "not yet accepted", "or by phone: T")
	s.Keys("T")
	s.MustSee("Terms accepted by phone · T-1025", "Accepted by", "authorised")
	s.Keys("enter", "yesterday 16:00", "ctrl+s")
	s.MustSee("T-1025: Bill Carver accepted the terms at Tue 16:00", "accepted by Bill Carver")
	s.MustNotSee("not yet accepted")

}
