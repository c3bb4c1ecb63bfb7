package store

import (
	"context"

	"dispatch/model"
)

// reindex brings one ticket's row in the search index up to date, in the
// transaction that changed its words.
func (t *Tx) reindex(ctx context.Context, ticketID int64) error {
	if _, err := t.exec(ctx, `DELETE FROM ticket_search WHERE rowid = ?`, ticketID); err != nil {
		return err
	}
	_, err := t.exec(ctx, `INSERT INTO ticket_search (rowid, ref, client, title, scope, requester, techs, notes, requests)
		SELECT id, ref, client, title, scope, requester, techs, notes, requests FROM ticket_search_source WHERE id = ?`, ticketID)
	return err
}

// reindexVisit refreshes the row of the ticket a visit belongs to.
func (t *Tx) reindexVisit(ctx context.Context, visitID int64) error {
	var ticketID int64
	if err := t.queryRow(ctx, `SELECT ticket_id FROM visits WHERE id = ?`, visitID).Scan(&ticketID); err != nil {
		return err
	}
	return t.reindex(ctx, ticketID)
}

// SearchHit is a ticket a search found, with the words that matched.
type SearchHit struct {
	Ticket  model.Ticket
	Client  string
	Snippet string // the matching words in their context, marked «so»
	State   string // where it stands: its status, or needs-visit as the board says
}

// Search finds tickets whose words match an FTS5 query (built by
// model.SearchMatch), newest first, limit at a time from offset.
func (t *Tx) Search(ctx context.Context, match string, limit, offset int) ([]SearchHit, error) {
	return queryAll(ctx, t, scanHit, `SELECT `+ticketCols+`, c.name, snippet(ticket_search, -1, '«', '»', '…', 10)
		FROM ticket_search s
		JOIN tickets t ON t.id = s.rowid
		JOIN clients c ON c.id = t.client_id
		WHERE ticket_search MATCH ?
		ORDER BY s.rowid DESC LIMIT ? OFFSET ?`, match, limit, offset)
}

func scanHit(r scanner) (SearchHit, error) {
	var h SearchHit
	k, err := scanTicket(r, &h.Client, &h.Snippet)
	h.Ticket, h.State = k, string(k.Status)
	return h, err
}
