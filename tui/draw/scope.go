package draw

import (
	"time"

	"dispatch/model"
	"dispatch/tui/theme"
)

// ScopeState says where a request stands in the technician's words.
func ScopeState(r model.ScopeRequest, loc *time.Location, now time.Time) string {
	last, _ := r.Last()
	switch r.State() {
	case model.ScopeAsked:
		return theme.Warn.Render("undecided: press h")
	case model.ScopeAwaiting:
		return theme.Warn.Render("waiting for the office (first job)")
	case model.ScopeRefused:
		return theme.Error.Render("refused by " + Safe(last.By) + ": press h to make it a ticket or decline")
	case model.ScopeApproved:
		return theme.OK.Render("add-on, approved " + model.ClockIn(last.At, now, loc))
	case model.ScopeNewTicket:
		return theme.Muted.Render("new ticket " + model.FormatID(model.PrefixTicket, last.TicketID))
	}
	return theme.Muted.Render("declined: " + Safe(last.Reason))
}
