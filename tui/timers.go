package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"dispatch/model"
)

// stopwatch shows a running time to the second: 0:45:07, 12:03:00.
func stopwatch(d time.Duration) string {
	d = max(d, 0).Truncate(time.Second)
	return fmt.Sprintf("%d:%02d:%02d", int(d/time.Hour), int(d%time.Hour/time.Minute), int(d%time.Minute/time.Second))
}

// phaseStyle colours a phase the same way on every screen.
func phaseStyle(p model.Phase) lipgloss.Style {
	switch p {
	case model.PhaseTravelling, model.PhaseReturning:
		return styleTravel
	case model.PhaseOnSite:
		return styleOK
	case model.PhasePaused:
		return styleWarn
	case model.PhaseInShop:
		return styleShop
	}
	return styleMuted
}

// estimateLevelStyle is green under 80% of the estimate, amber near it and
// red past it.
func estimateLevelStyle(l model.EstimateLevel) lipgloss.Style {
	switch l {
	case model.EstimateNear:
		return styleWarn
	case model.EstimateOver:
		return styleError
	}
	return styleOK
}

// estimateBar draws on-site time against the estimate in width cells, with
// the percentage after it; past 100% the bar is full and red.
func estimateBar(onSite, estimate time.Duration, width int) string {
	ratio, level := model.AgainstEstimate(onSite, estimate)
	if level == model.EstimateNone {
		return styleMuted.Render("no estimate in hours")
	}
	label := fmt.Sprintf(" %3d%% of %s", int(ratio*100), model.FormatDuration(estimate)) // floored, as everywhere: 99.7% is not yet 100
	cells := max(width-len(label), 4)
	filled := min(int(ratio*float64(cells)+0.5), cells)
	bar := strings.Repeat("█", filled) + styleMuted.Render(strings.Repeat("░", cells-filled))
	return estimateLevelStyle(level).Render(bar) + estimateLevelStyle(level).Render(label)
}
