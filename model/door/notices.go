package door

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"dispatch/model"
	"dispatch/model/feed"
	"dispatch/model/store"
)

// SendNotice records a change of price or policy and the clients it was
// sent to (every client when clientIDs is empty). A price change reaches a
// client without a managed-service contract only with 30 days' notice: one
// such client too soon refuses the whole notice, saying the earliest day.
func (d *Door) SendNotice(ctx context.Context, who model.Actor, n model.Notice, clientIDs []int64) (model.Notice, error) {
	n.Text = model.CleanText(n.Text)
	if err := (model.TextLimit{Field: "text", Max: 2000}).Check(n.Text); err != nil {
		return n, err
	}
	err := d.write(ctx, who, model.ActSetTerms, feed.Clients, func(tx *store.Tx, now time.Time) error {
		n.SentAt, n.By, n.Clients = now, who.Name, nil
		var clients []model.Client
		if len(clientIDs) == 0 {
			var err error
			if clients, err = tx.Clients(ctx); err != nil {
				return err
			}
		}
		for _, id := range clientIDs {
			c, err := tx.ClientByID(ctx, id)
			if err != nil {
				return err
			}
			clients = append(clients, c)
		}
		if len(clients) == 0 {
			return model.FieldError{Field: "client", Msg: "is missing: there are no clients to tell"}
		}
		var refused []error
		var tooSoon []string
		for _, c := range clients {
			if err := model.CheckNotice(n, c, d.Location()); err != nil {
				if len(refused) == 0 {
					refused = append(refused, err)
				}
				tooSoon = append(tooSoon, c.Name)
				continue
			}
			n.Clients = append(n.Clients, c.ID)
		}
		if len(tooSoon) > 1 {
			earliest := model.EarliestEffective(n.Kind, false, n.SentAt, d.Location()).In(d.Location()).Format("2006-01-02")
			return model.FieldError{Field: "effective", Msg: fmt.Sprintf("is too soon for %d clients without a managed-service contract (%s): a price changes for them only with %d days' notice; the earliest is %s",
				len(tooSoon), strings.Join(tooSoon, ", "), model.NoticeDays, earliest)}
		}
		if len(refused) > 0 {
			return errors.Join(refused...)
		}
		var err error
		if n, err = tx.InsertNotice(ctx, n); err != nil {
			return err
		}
		return tx.Audit(ctx, now, who.String(), "notice.send", "notice", n.ID, nil, n)
	})
	return n, err
}

// Notices lists every notice sent, newest first, with the clients each
// went to; those who may not see prices are shown the policy notices only.
func (d *Door) Notices(ctx context.Context, who model.Actor) ([]model.Notice, error) {
	var out []model.Notice
	err := d.read(ctx, who, model.ActViewBoard, func(tx *store.Tx) error {
		all, err := tx.Notices(ctx)
		for _, n := range all {
			if n.Kind == model.NoticePolicy || who.Role.Can(model.ActSeeRates) {
				out = append(out, n)
			}
		}
		return err
	})
	return out, err
}
