package door

import (
	"context"

	"dispatch/model"
	"dispatch/model/store"
)

// Warm reads what the morning's first sessions ask for — the board and
// every technician's day — before the server takes its first connection,
// so the first burst costs what one connection does rather than queueing
// behind the cold reads. The wall is left to the first wall: once read, a
// wall's week rides along with every board read after.
func (d *Door) Warm(ctx context.Context) error {
	if _, err := d.board(ctx); err != nil {
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
