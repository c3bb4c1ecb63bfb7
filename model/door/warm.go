package door

import (
	"context"

	"dispatch/model"
	"dispatch/model/store"
)

// Warm reads what the morning's first sessions ask for — the board, the
// wall beside it and every technician's day — before the server takes its
// first connection, so the first burst costs what one connection does
// rather than queueing behind the cold reads. Reading the wall makes every
// board read after carry the week's visits, as the first wall display
// would: an office keeps one open all day.
func (d *Door) Warm(ctx context.Context) error {
	if _, err := d.wall(ctx); err != nil { // the board, and the wall beside it
		return err
	}
	var techs []model.User
	err := d.store.Read(ctx, func(tx *store.Tx) error {
		var err error
		techs, err = tx.Users(ctx, model.RoleTech)
		return err
	})
	if err != nil {
		return err
	}
	for _, u := range techs {
		if _, err := d.MyDay(ctx, model.ActorOf(u)); err != nil {
			return err
		}
	}
	return nil
}
