package ticket

import (
	"fmt"
	"strings"
	"time"

	"dispatch/model"
	"dispatch/tui/draw"
	"dispatch/tui/theme"
)

// visitLog draws one visit on a ticket's page: who and when, its phase and
// times (live while it runs), then every step with whom the technician
// checked in or out with, marked where it was entered late or corrected.
func visitLog(v model.Visit, estimate time.Duration, now time.Time, loc *time.Location, width int) []string {
	phase := v.Phase()
	head := fmt.Sprintf("  %s  %s  %s  ", v.Ref(), v.ScheduledAt.In(loc).Format("Mon 2 Jan 15:04"), draw.Safe(v.TechName)) +
		theme.Phase(phase).Render(string(phase))
	if phase.Active() {
		head += " " + theme.Phase(phase).Render(draw.Stopwatch(now.Sub(model.PhaseSince(v.Events))))
	}
	lines := []string{draw.Fit(head, width)}
	if phase != model.PhaseScheduled {
		t := model.TimesOf(v.Events, now)
		times := theme.Muted.Render("      " + timesLine(t))
		lines = append(lines, draw.Fit(times, width))
		if estimate > 0 {
			main := model.AttributeOnSite(v.Events, now)[0] // add-ons have their own estimates
			lines = append(lines, draw.Fit("      "+draw.EstimateBar(main, estimate, min(width-8, 50)), width))
		}
	}
	for i, e := range v.Events {
		what := e.Sentence(v.TechName, loc) + model.MovedFrom(v.Events, i, loc)
		if e.Kind == model.EvScheduled && v.AfterTheFact {
			what += ", after the fact"
		}
		line := theme.Muted.Render(fmt.Sprintf("      %s  %s", model.ClockIn(e.At, now, loc), draw.Safe(what)))
		if e.Late() {
			line += theme.Warn.Render(" · entered late, at " + e.RecordedAt.In(loc).Format("15:04"))
		}
		if f := e.Fix; f != nil {
			line += theme.Warn.Render(fmt.Sprintf(" · corrected from %s by %s: %s", f.OriginalAt.In(loc).Format("15:04"), draw.Safe(f.By), draw.Safe(f.Reason)))
		}
		lines = append(lines, draw.Fit(line+theme.Muted.Render("  "+e.Ref()), width))
	}
	return lines
}

// timesLine is a visit's times, the total first so a narrow window cuts
// the parts, not the sum; a part that is nothing is left out.
func timesLine(t model.Times) string {
	parts := []string{"total " + draw.Stopwatch(t.Total())}
	for _, p := range []struct {
		label string
		d     time.Duration
	}{{"travel", t.Travel}, {"on site", t.OnSite}, {"paused", t.Paused}, {"shop", t.Shop}} {
		if p.d > 0 {
			parts = append(parts, p.label+" "+draw.Stopwatch(p.d))
		}
	}
	return strings.Join(parts, " · ")
}
