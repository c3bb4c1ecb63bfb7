package store

import (
	"context"
	"database/sql"
	"time"

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
		var raised sql.NullInt64
		err := r.Scan(&n.ID, &n.Kind, &n.Text, &eff, &sent, &n.By, &raised)
		n.Effective, n.SentAt, n.Clients, n.RaisedAt = fromUnix(eff), fromUnix(sent), []int64{clientID}, fromNullUnix(raised)
		return n, err
	}, `SELECT n.id, n.kind, n.text, n.effective_at, n.sent_at, n.by, nc.raised_at FROM notices n JOIN notice_clients nc ON nc.notice_id = n.id
		WHERE nc.client_id = ? ORDER BY n.sent_at DESC, n.id DESC`, clientID)
}

// NoticeRaised marks a price notice's rise made for a client: it allows no
// other.
func (t *Tx) NoticeRaised(ctx context.Context, noticeID, clientID int64, at time.Time) error {
	_, err := t.exec(ctx, `UPDATE notice_clients SET raised_at = ? WHERE notice_id = ? AND client_id = ?`, unix(at), noticeID, clientID)
	return err
}

// PriceNoticesByClient lists every price notice by the clients it went to,
// as NoticesFor would for each: one read for the whole office.
func (t *Tx) PriceNoticesByClient(ctx context.Context) (map[int64][]model.Notice, error) {
	type row struct {
		client int64
		n      model.Notice
	}
	rows, err := queryAll(ctx, t, func(r scanner) (row, error) {
		var x row
		var eff, sent int64
		var raised sql.NullInt64
		err := r.Scan(&x.client, &x.n.ID, &x.n.Kind, &x.n.Text, &eff, &sent, &x.n.By, &raised)
		x.n.Effective, x.n.SentAt, x.n.RaisedAt = fromUnix(eff), fromUnix(sent), fromNullUnix(raised)
		x.n.Clients = []int64{x.client}
		return x, err
	}, `SELECT nc.client_id, n.id, n.kind, n.text, n.effective_at, n.sent_at, n.by, nc.raised_at FROM notices n
		JOIN notice_clients nc ON nc.notice_id = n.id WHERE n.kind = 'price' ORDER BY n.sent_at DESC, n.id DESC`)
	out := map[int64][]model.Notice{}
	for _, x := range rows {
		out[x.client] = append(out[x.client], x.n)
	}
	return out, err
}

// HasAcceptedTerms reports whether a client's contact has ever accepted
// the terms for a job.
func (t *Tx) HasAcceptedTerms(ctx context.Context, clientID int64) (bool, error) {
	var yes bool
	err := t.queryRow(ctx, `SELECT EXISTS (SELECT 1 FROM work_authorisations w JOIN tickets t ON t.id = w.ticket_id WHERE t.client_id = ?)`, clientID).Scan(&yes)
	return yes, err
}

// ClientsWithAcceptedTerms are the clients whose contacts have accepted
// terms for a job.
func (t *Tx) ClientsWithAcceptedTerms(ctx context.Context) (map[int64]bool, error) {
	ids, err := queryAll(ctx, t, func(r scanner) (int64, error) {
		var id int64
		return id, r.Scan(&id)
	}, `SELECT DISTINCT t.client_id FROM work_authorisations w JOIN tickets t ON t.id = w.ticket_id`)
	out := make(map[int64]bool, len(ids))
	for _, id := range ids {
		out[id] = true
	}
	return out, err
}

// Notices lists every notice sent, newest first, with the clients each
// went to.
func (t *Tx) Notices(ctx context.Context) ([]model.Notice, error) {
	list, err := queryAll(ctx, t, func(r scanner) (model.Notice, error) {
		var n model.Notice
		var eff, sent int64
		err := r.Scan(&n.ID, &n.Kind, &n.Text, &eff, &sent, &n.By)
		n.Effective, n.SentAt = fromUnix(eff), fromUnix(sent)
		return n, err
	}, `SELECT id, kind, text, effective_at, sent_at, by FROM notices ORDER BY sent_at DESC, id DESC`)
	if err != nil || len(list) == 0 {
		return list, err
	}
	at := make(map[int64]*model.Notice, len(list))
	for i := range list {
		at[list[i].ID] = &list[i]
	}
	sent, err := queryAll(ctx, t, func(r scanner) ([2]int64, error) {
		var p [2]int64
		return p, r.Scan(&p[0], &p[1])
	}, `SELECT notice_id, client_id FROM notice_clients ORDER BY notice_id, client_id`)
	for _, p := range sent {
		if n, ok := at[p[0]]; ok {
			n.Clients = append(n.Clients, p[1])
		}
	}
	return list, err
}
