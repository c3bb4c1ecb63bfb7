package door

import (
	"context"

	"dispatch/model"
)

// Wall is the wall display's view of the shop, built from the same read as
// the board. Anyone signed in may look, including a viewer account that may
// look at nothing else. The wall is shared by every session that asks in
// the same minute after the same change: never modify it.
func (d *Door) Wall(ctx context.Context, who model.Actor) (*model.Wall, error) {
	if err := who.Role.Check(model.ActViewWall); err != nil {
		return nil, err
	}
	return d.wall(ctx)
}
