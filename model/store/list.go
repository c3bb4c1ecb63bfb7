package store

import (
	"context"
	"strings"
	"time"

	"dispatch/model"
)

// TicketFilter narrows a list of tickets; a zero field does not narrow.
type TicketFilter struct {
	ClientID     int64
	TechID       int64 // a visit of theirs, booked or done
	Status       model.TicketStatus
	Since, Until time.Time // opened in [Since, Until)
	Match        string    // a full-text query (model.SearchMatch)
	IDs          []int64   // only these, when not nil
	Limit        int
}

// ListTickets lists the tickets the filter lets through, newest first, each
// with its client's name.
func (t *Tx) ListTickets(ctx context.Context, f TicketFilter) ([]SearchHit, error) {
	var where []string
	var args []any
	add := func(cond string, a ...any) { where, args = append(where, cond), append(args, a...) }
	if f.ClientID != 0 {
		add(`t.client_id = ?`, f.ClientID)
	}
	if f.TechID != 0 {
		add(`t.id IN (SELECT ticket_id FROM visits WHERE tech_id = ?)`, f.TechID)
	}
	if f.Status != "" {
		add(`t.status = ?`, f.Status)
	}
	if !f.Since.IsZero() {
		add(`t.created_at >= ?`, unix(f.Since))
	}
	if !f.Until.IsZero() {
		add(`t.created_at < ?`, unix(f.Until))
	}
	if f.IDs != nil {
		if len(f.IDs) == 0 {
			return nil, nil
		}
		marks := strings.TrimSuffix(strings.Repeat("?,", len(f.IDs)), ",")
		ids := make([]any, len(f.IDs))
		for i, id := range f.IDs {
			ids[i] = id
		}
		add(`t.id IN (`+marks+`)`, ids...)
	}
	q := `SELECT ` + ticketCols + `, c.name, '' FROM tickets t JOIN clients c ON c.id = t.client_id`
	if f.Match != "" { // the words matched come with each ticket
		q = `SELECT ` + ticketCols + `, c.name, snippet(ticket_search, -1, '«', '»', '…', 10) FROM ticket_search s
			JOIN tickets t ON t.id = s.rowid JOIN clients c ON c.id = t.client_id`
		where, args = append([]string{`ticket_search MATCH ?`}, where...), append([]any{f.Match}, args...)
	}
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	q += ` ORDER BY t.id DESC LIMIT ?`
	return queryAll(ctx, t, scanHit, q, append(args, max(f.Limit, 1))...)
}
