package store

import (
	"context"

	"dispatch/model"
)

// InsertNotice stores a notice and the clients it was sent to.
func (t *Tx) InsertNotice(ctx context.Context, n model.Notice) (model.Notice, error) {
	err := t.queryRow(ctx, `INSERT INTO notices (kind, text, effective_at, sent_at, by) VALUES (?, ?, ?, ?, ?) RETURNING id`,
		n.Kind, n.Text, unix(n.Effective), unix(n.SentAt), n.By).Scan(&n.ID)
	if err != nil {
		return n, err
	}
	for _, c := range n.Clients {
		if _, err := t.exec(ctx, `INSERT INTO notice_clients (notice_id, client_id) VALUES (?, ?)`, n.ID, c); err != nil {
			return n, err
		}
	}
	return n, nil
}

// NoticesFor lists the notices a client was sent, newest first.
func (t *Tx) NoticesFor(ctx context.Context, clientID int64) ([]model.Notice, error) {
	return queryAll(ctx, t, func(r scanner) (model.Notice, error) {
		var n model.Notice
		var eff, sent int64
		err := r.Scan(&n.ID, &n.Kind, &n.Text, &eff, &sent, &n.By)
		n.Effective, n.SentAt, n.Clients = fromUnix(eff), fromUnix(sent), []int64{clientID}
		return n, err
	}, `SELECT n.id, n.kind, n.text, n.effective_at, n.sent_at, n.by FROM notices n JOIN notice_clients nc ON nc.notice_id = n.id
		WHERE nc.client_id = ? ORDER BY n.sent_at DESC, n.id DESC`, clientID)
}
