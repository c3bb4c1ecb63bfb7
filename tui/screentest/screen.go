// Package screentest drives a session's interface as Bubble Tea would, for
// the screen tests of every page family: key messages in, the drawn screen
// out, on a demo office at a fixed time.
package screentest

import (
	"context"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/model/door/doortest"
	"dispatch/tui"
)

// Now is the office clock for every screen test: Wednesday 25 November
// 2026, 10:00 UTC.
var Now = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

// Screen is one session's interface on a test office.
type Screen struct {
	T      testing.TB
	App    *tui.App
	Door   *door.Door
	Clock  *model.FixedClock
	User   model.User
	office *doortest.Office
}

// New seeds the demo office at Now and opens the interface as a new user
// with the given role.
func New(t testing.TB, role model.Role, width, height int) *Screen {
	t.Helper()
	o := doortest.OpenDemo(t, Now)
	return Open(t, o, o.AddUser(t, nameFor(role), role, ""), width, height)
}

// nameFor is who signs in with a role: the demo's dispatcher, or someone
// new for any other role (a name is one user, with one role).
func nameFor(role model.Role) string {
	if role == model.RoleDispatcher {
		return "Rita Gomez"
	}
	return "Robin Test"
}

// Tech opens the interface as one of the demo's technicians.
func Tech(t testing.TB, name string, width, height int) *Screen {
	t.Helper()
	o := doortest.OpenDemo(t, Now)
	return Open(t, o, findTech(t, o, name), width, height)
}

// Office opens one demo office and a screen per user in it: a technician
// by name and a dispatcher, so a change made on one screen can be seen on
// the other.
func Office(t testing.TB, tech string, width, height int) (techScreen, dispatcher *Screen) {
	t.Helper()
	o := doortest.OpenDemo(t, Now)
	return Open(t, o, findTech(t, o, tech), width, height), Open(t, o, o.AddUser(t, "Rita Gomez", model.RoleDispatcher, ""), width, height)
}

// Open opens the interface for u on an office already open.
func Open(t testing.TB, o *doortest.Office, u model.User, width, height int) *Screen {
	t.Helper()
	s := &Screen{T: t, App: tui.New(tui.Deps{Ctx: context.Background(), Door: o.Door, User: u}), Door: o.Door, Clock: o.Clock, User: u, office: o}
	s.Send(tea.WindowSizeMsg{Width: width, Height: height})
	return s
}

// Again opens another session of the same user on the same office, as a
// second terminal would.
func (s *Screen) Again(width, height int) *Screen {
	s.T.Helper()
	return Open(s.T, s.office, s.User, width, height)
}

func findTech(t testing.TB, o *doortest.Office, name string) model.User {
	t.Helper()
	u, err := o.Door.FindTech(context.Background(), model.Console, name)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// Actor is the screen's user as the door records them.
func (s *Screen) Actor() model.Actor { return model.ActorOf(s.User) }
