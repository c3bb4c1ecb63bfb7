package page

import (
	"context"

	"dispatch/model"
	"dispatch/model/door"
)

// Deps is what every page of one session is given, passed down explicitly:
// the session's life, the door, who is signed in, and the way to move
// between pages.
type Deps struct {
	Ctx  context.Context // the session's life; for cancellation only
	Door *door.Door
	User model.User
	nav  *Navigator
}

// NewDeps gives a session's pages their dependencies, and the App the
// navigator their moves are collected on.
func NewDeps(ctx context.Context, d *door.Door, u model.User) (Deps, *Navigator) {
	nav := &Navigator{}
	return Deps{Ctx: ctx, Door: d, User: u, nav: nav}, nav
}

// Actor is the signed-in user as the door records them.
func (d Deps) Actor() model.Actor { return model.ActorOf(d.User) }
