package tui

import (
	"fmt"
	"time"

	"dispatch/model"
)

// visitLog draws one visit on a ticket's page: who and when, its phase and
// times (live while it runs), then every step with whom the technician
// checked in or out with, marked where it was entered late or corrected.
func visitLog(v model.Visit, estimate time.Duration, now time.Time, loc *time.Location, width int) []string {
	phase := v.Phase()
	head := fmt.Sprintf("  %s  %s  %s  ", v.Ref(), v.ScheduledAt.In(loc).Format("Mon 2 Jan 15:04"), safe(v.TechName)) +
		phaseStyle(phase).Render(string(phase))
	if phase.Active() {
		head += " " + phaseStyle(phase).Render(stopwatch(now.Sub(model.PhaseSince(v.Events))))
	}
	lines := []string{fit(head, width)}
	if phase != model.PhaseScheduled {
		t := model.TimesOf(v.Events, now)
		times := styleMuted.Render(fmt.Sprintf("      travel %s · on site %s · paused %s · shop %s · total %s",
			stopwatch(t.Travel), stopwatch(t.OnSite), stopwatch(t.Paused), stopwatch(t.Shop), stopwatch(t.Total())))
		lines = append(lines, fit(times, width))
		if estimate > 0 {
			main := model.AttributeOnSite(v.Events, now)[0] // add-ons have their own estimates
			lines = append(lines, fit("      "+estimateBar(main, estimate, min(width-8, 50)), width))
		}
	}
	for _, e := range v.Events {
		line := styleMuted.Render(fmt.Sprintf("      %s  %s", e.At.In(loc).Format("15:04"), safe(e.Sentence(v.TechName))))
		if e.Late() {
			line += styleWarn.Render(" · entered late, at " + e.RecordedAt.In(loc).Format("15:04"))
		}
		if f := e.Fix; f != nil {
			line += styleWarn.Render(fmt.Sprintf(" · corrected from %s by %s: %s", f.OriginalAt.In(loc).Format("15:04"), safe(f.By), safe(f.Reason)))
		}
		lines = append(lines, fit(line+styleMuted.Render("  "+e.Ref()), width))
	}
	return lines
}
