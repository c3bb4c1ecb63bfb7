package wall

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"dispatch/tui/draw"
	"dispatch/tui/theme"
)

// tile is one key number.
type tile struct {
	label string
	short string // in the compact layout's one line
	n     int
	alarm lipgloss.Style // how the number is drawn when it is not zero
	kinds []string       // the attention items it counts, if any
	fresh bool           // one of them appeared while the wall was up
}

func (w *Wall) tiles(now time.Time) []tile {
	t := w.wall.Today
	tiles := []tile{
		{label: "waiting on you", short: "waiting", n: len(w.wall.Waiting), alarm: theme.Error.Bold(true), kinds: []string{"APPROVE", "CALL"}},
		{label: "over estimate", short: "over est.", n: len(w.wall.Overruns), alarm: theme.Error, kinds: []string{"OVER EST."}},
		{label: "breached", short: "breached", n: len(w.wall.Breached), alarm: theme.Error.Bold(true), kinds: []string{"BREACHED"}},
		{label: "at risk", short: "at risk", n: len(w.wall.AtRisk), alarm: theme.Warn, kinds: []string{"AT RISK"}},
		{label: "late to start", short: "late", n: t.Late, alarm: theme.Warn},
		{label: "on a job now", short: "on a job", n: t.InProgress, alarm: theme.OK},
		{label: "to start today", short: "to start", n: t.ToStart, alarm: theme.Header},
		{label: "done today", short: "done", n: t.Done, alarm: theme.OK},
	}
	for _, it := range attentionItems(w.wall) {
		if !w.isNew(it.key) {
			continue
		}
		for i := range tiles {
			if slices.Contains(tiles[i].kinds, it.kind) {
				tiles[i].fresh = true
			}
		}
	}
	return tiles
}

func (tl tile) style() lipgloss.Style {
	if tl.n == 0 {
		return theme.Muted
	}
	return tl.alarm
}

// countsLine is every key number in one line, what needs someone first.
// A narrow pane leaves out the zeros rather than cut what is not zero.
func (w *Wall) countsLine(width int, now time.Time) string {
	line := func(skipZeros bool) string {
		var segs []seg
		for _, tl := range w.tiles(now) {
			if skipZeros && tl.n == 0 {
				continue
			}
			if len(segs) > 0 {
				segs = append(segs, seg{" · ", theme.Muted})
			}
			st := tl.style()
			if tl.fresh {
				st = styleNew
			}
			segs = append(segs, seg{fmt.Sprintf("%d %s", tl.n, tl.short), st})
		}
		return joinSegs(segs, false)
	}
	s := line(false)
	if ansi.StringWidth(s) > width {
		s = line(true)
	}
	return draw.Fit(s, width)
}

// tileRows draws the key numbers side by side, in block digits when big.
// A label reversed says something it counts is new.
func (w *Wall) tileRows(width int, big bool, now time.Time) []string {
	tiles := w.tiles(now)
	cell := width / len(tiles)
	rows := 2
	if big {
		rows = bigDigitRows + 1
	}
	out := make([]string, rows)
	for i, tl := range tiles {
		cw := cell
		if i == len(tiles)-1 {
			cw = width - cell*(len(tiles)-1)
		}
		if big {
			digits := bigNumber(tl.n)
			for r := range bigDigitRows {
				out[r] += center(tl.style().Render(digits[r]), bigWidth(tl.n), cw)
			}
		} else {
			n := fmt.Sprint(tl.n)
			out[0] += center(tl.style().Render(n), len(n), cw)
		}
		// A label too long for its tile gives its short form rather than be cut.
		mark, labelStyle := "", theme.Muted
		if tl.fresh {
			mark, labelStyle = "● ", styleNew
		}
		label := mark + strings.ToUpper(tl.label)
		if ansi.StringWidth(label) > cw-1 {
			label = mark + strings.ToUpper(tl.short)
		}
		label = ansi.Truncate(label, cw-1, "…")
		out[rows-1] += center(labelStyle.Render(label), ansi.StringWidth(label), cw)
	}
	return out
}
