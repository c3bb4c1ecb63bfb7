package myday

import (
	"fmt"
	"strings"
	"time"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/tui/draw"
	"dispatch/tui/theme"
)

// workLines show what is worked on when add-ons exist, and every request
// made on the visit with where it stands.
func workLines(c door.VisitCard, shares model.Shares, loc *time.Location, now time.Time) []string {
	if len(c.Requests) == 0 {
		return nil
	}
	working := model.WorkingOn(c.Events)
	var out []string
	if addOns := approvedAddOns(c); len(addOns) > 0 {
		parts := []string{workPart("main job", shares[0], 0, working == 0)}
		for _, r := range addOns {
			add, _ := r.AddOn()
			parts = append(parts, workPart(r.Ref(), shares[r.ID], add.Estimate, working == r.ID)) // its words are on its own line below
		}
		out = append(out, theme.Muted.Render("working on ")+strings.Join(parts, theme.Muted.Render(" · ")))
	}
	shown := requestsToShow(c.Requests, maxRequestLines)
	for _, r := range shown {
		// Where it stands first: a narrow screen cuts the words, not the answer.
		out = append(out, theme.Muted.Render("asked ")+r.Ref()+" "+draw.ScopeState(r, loc, now)+theme.Muted.Render(" · ")+draw.Safe(r.What)+theme.Muted.Render(" · "+draw.Safe(r.AskedBy)))
	}
	if more := len(c.Requests) - len(shown); more > 0 {
		out = append(out, theme.Muted.Render(fmt.Sprintf("… %d more settled: enter shows them all on the ticket", more)))
	}
	return out
}

// maxRequestLines keeps the card's height bounded however often a visit is
// asked for more.
const maxRequestLines = 4

// requestsToShow picks what the card lists: every request still waiting on
// someone, then the latest settled ones, up to n, oldest first.
func requestsToShow(reqs []model.ScopeRequest, n int) []model.ScopeRequest {
	keep := map[int64]bool{}
	for _, r := range reqs {
		if r.State().Open() && len(keep) < n {
			keep[r.ID] = true
		}
	}
	for i := len(reqs) - 1; i >= 0 && len(keep) < n; i-- {
		keep[reqs[i].ID] = true
	}
	var out []model.ScopeRequest
	for _, r := range reqs {
		if keep[r.ID] {
			out = append(out, r)
		}
	}
	return out
}

func workPart(label string, d, estimate time.Duration, current bool) string {
	s := label + " " + draw.Stopwatch(d)
	if estimate > 0 {
		s += "/" + model.FormatDuration(estimate)
	}
	if current {
		return theme.OK.Bold(true).Render("▶ " + s)
	}
	return s
}
