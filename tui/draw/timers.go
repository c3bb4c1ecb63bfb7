package draw

import (
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"dispatch/model"
	"dispatch/tui/theme"
)

// Stopwatch shows a running time to the second: 0:45:07, 12:03:00.
func Stopwatch(d time.Duration) string {
	d = max(d, 0).Truncate(time.Second)
	return fmt.Sprintf("%d:%02d:%02d", int(d/time.Hour), int(d%time.Hour/time.Minute), int(d%time.Minute/time.Second))
}

// PhaseWord names a phase in a narrow column.
var PhaseWord = map[model.Phase]string{
	model.PhaseTravelling: "travel", model.PhaseOnSite: "on site", model.PhasePaused: "paused",
	model.PhaseReturning: "return", model.PhaseInShop: "in shop",
}

// EstimateBar draws on-site time against the estimate in width cells, with
// the percentage after it; past 100% the bar is full and red.
func EstimateBar(onSite, estimate time.Duration, width int) string {
	ratio, level := model.AgainstEstimate(onSite, estimate)
	if level == model.EstimateNone {
		return theme.Muted.Render("no estimate in hours")
	}
	label := fmt.Sprintf(" %3d%% of %s", int(ratio*100), model.FormatDuration(estimate)) // floored, as everywhere: 99.7% is not yet 100
	cells := max(width-len(label), 4)
	filled := min(int(ratio*float64(cells)+0.5), cells)
	bar := strings.Repeat("█", filled) + theme.Muted.Render(strings.Repeat("░", cells-filled))
	return theme.EstimateLevel(level).Render(bar) + theme.EstimateLevel(level).Render(label)
}

// ClockCell is the SLA clock that presses, coloured by how it stands:
// red once breached, amber when at risk, muted while paused.
func ClockCell(c model.SLAClock, has bool, now time.Time, loc *time.Location) (string, lipgloss.Style) {
	if !has {
		return "", lipgloss.NewStyle()
	}
	text := c.Describe(now, loc)
	switch {
	case c.Breached:
		return text, theme.Error
	case c.AtRisk:
		return text, theme.Warn
	case c.Paused || !c.StartsAt.IsZero():
		return text, theme.Muted
	}
	return text, lipgloss.NewStyle()
}
