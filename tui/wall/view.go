package wall

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"dispatch/tui/draw"
	"dispatch/tui/theme"
)

// The wall's layouts, by the pane it has: a compact list, most urgent
// first; panels side by side once there is room; the key numbers in block
// digits on a wall-sized pane.
const (
	panelsMinWidth, panelsMinHeight = 110, 30
	bigMinWidth, bigMinHeight       = 160, 45
	threeColumnsMinWidth            = 180
)

func (w *Wall) View(width, height int) string {
	now, loc := w.deps.Door.Now(), w.deps.Door.Location()
	// Everything below the header is drawn as of the minute, and only
	// again when the minute turns or the wall changes: each second the
	// header's clock is all that moves.
	minute := now.Truncate(time.Minute)
	w.frameAt = now
	w.drawKey = wallPartKey{wall: w.wall, width: width, height: height, minute: minute, fresh: w.freshKeys()}
	lines := []string{w.header(width, now, loc)}
	if width >= panelsMinWidth && height >= panelsMinHeight {
		lines = append(lines, w.panels(width, height-1, minute, loc)...)
	} else {
		lines = append(lines, w.compact(width, height-1, minute, loc)...)
	}
	// Every part is drawn to the width already; measuring each line again
	// would cost a TV-sized wall a third of its frame.
	return draw.PadLines(strings.Join(lines, "\n"), height)
}

// header is the title, an error if the last read failed, and the clock to
// the second.
func (w *Wall) header(width int, now time.Time, loc *time.Location) string {
	left := []seg{{"DISPATCH", theme.Title}, {"  the shop right now", theme.Muted}}
	if w.err != nil {
		left = append(left, plain("  "), seg{"showing the last good read: " + w.err.Error(), theme.Error})
	}
	return spread(left, []seg{{now.In(loc).Format("Mon 2 Jan 15:04:05"), theme.Header}}, width, false)
}

// compact is the small pane: the counts in a line, then what needs someone,
// then the technicians, then the hours, each list cut with how many more.
func (w *Wall) compact(width, height int, now time.Time, loc *time.Location) []string {
	lines := w.memo("counts", func() []string { return []string{w.countsLine(width, now)} })
	items := attentionItems(w.wall)
	room := height - len(lines) - 2 - 1 // two headings, the hours line
	techRoom := min(len(w.wall.Techs), max(room/2, room-len(items)))
	lines = append(lines, w.memo("attention", func() []string {
		return append([]string{sectionLine("NEEDS ATTENTION", len(items), width)}, w.attentionList(items, room-techRoom, width, now, loc)...)
	})...)
	lines = append(lines, sectionLine("TECHNICIANS", len(w.wall.Techs), width))
	lines = append(lines, w.memo("techs", func() []string { return w.techList(techRoom, width, false, now, loc) })...)
	return append(lines, w.memo("hours", func() []string { return []string{w.hoursLine(width)} })...)
}

// panels is the larger pane: the key numbers across the top, then the
// technicians and what needs someone side by side, and today's progress
// and hours beside them or under them.
func (w *Wall) panels(width, height int, now time.Time, loc *time.Location) []string {
	big := width >= bigMinWidth && height >= bigMinHeight
	lines := []string{""}
	lines = append(lines, w.memo("tiles", func() []string { return w.tileRows(width, big, now) })...)
	lines = append(lines, "")
	bodyHeight := height - len(lines)
	attention := func(attWidth, attHeight int) []string {
		return w.memo("attention", func() []string {
			items := attentionItems(w.wall)
			return box(fmt.Sprintf("NEEDS ATTENTION (%d)", len(items)), w.attentionList(items, attHeight-2, attWidth-4, now, loc), attWidth, attHeight)
		})
	}
	if width >= threeColumnsMinWidth {
		dayWidth := 44
		techWidth := (width - dayWidth) * 2 / 5
		attWidth := width - dayWidth - techWidth
		today := w.memo("today", func() []string { return box("TODAY", w.dayLines(dayWidth-4), dayWidth, bodyHeight) })
		return append(lines, sideBySide(w.techPanel(techWidth, bodyHeight, now, loc), attention(attWidth, bodyHeight), today)...)
	}
	stripHeight := 4
	colHeight := bodyHeight - stripHeight
	techWidth := width * 2 / 5
	lines = append(lines, sideBySide(w.techPanel(techWidth, colHeight, now, loc), attention(width-techWidth, colHeight))...)
	return append(lines, w.memo("today", func() []string {
		return box("TODAY", []string{w.progressLine(width - 4), w.hoursLine(width - 4)}, width, stripHeight)
	})...)
}

// sideBySide joins boxes of the same height, line by line.
func sideBySide(cols ...[]string) []string {
	out := slices.Clone(cols[0])
	for _, col := range cols[1:] {
		for i := range min(len(out), len(col)) {
			out[i] += col[i]
		}
	}
	return out
}

func (w *Wall) techPanel(width, height int, now time.Time, loc *time.Location) []string {
	inner := height - 2
	tall := 3*len(w.wall.Techs) <= inner
	return w.memo("techs", func() []string {
		return box(fmt.Sprintf("TECHNICIANS (%d)", len(w.wall.Techs)), w.techList(inner, width-4, tall, now, loc), width, height)
	})
}

// attentionList draws as many items as fit in room lines, the last line
// saying how many more there are.
func (w *Wall) attentionList(items []attentionItem, room, width int, now time.Time, loc *time.Location) []string {
	if room <= 0 {
		return nil
	}
	if len(items) == 0 {
		return []string{draw.Fit(theme.OK.Render("  nothing: no breach, nobody waiting, no overrun untold"), width)}
	}
	// What appeared while the wall was up goes first, so even a small pane
	// shows it while it is highlighted.
	items = slices.Clone(items)
	slices.SortStableFunc(items, func(a, b attentionItem) int {
		return cmp.Compare(boolRank(!w.isNew(a.key)), boolRank(!w.isNew(b.key)))
	})
	shown := items
	if len(items) > room {
		shown = items[:room-1]
	}
	var out []string
	for _, it := range shown {
		out = append(out, attentionLine(it, w.isNew(it.key), width, now, loc))
	}
	if len(shown) < len(items) {
		out = append(out, draw.Fit(theme.Muted.Render(fmt.Sprintf("  +%d more", len(items)-len(shown))), width))
	}
	return out
}

// techList draws the technicians in room lines, three lines each when tall.
func (w *Wall) techList(room, width int, tall bool, now time.Time, loc *time.Location) []string {
	if room <= 0 {
		return nil
	}
	if len(w.wall.Techs) == 0 {
		return []string{draw.Fit(theme.Muted.Render("  no technicians yet: dispatch user add NAME --role tech"), width)}
	}
	per := 1
	if tall {
		per = 3
	}
	fits := room / per
	shown := w.wall.Techs
	if len(shown) > fits {
		fits = (room - 1) / per
		shown = shown[:fits]
	}
	var out []string
	for _, t := range shown {
		out = append(out, techLines(t, width, tall, now, loc)...)
	}
	if len(shown) < len(w.wall.Techs) {
		out = append(out, draw.Fit(theme.Muted.Render(fmt.Sprintf("  +%d more", len(w.wall.Techs)-len(shown))), width))
	}
	return out
}

// progressLine is today's schedule as a bar and its counts.
func (w *Wall) progressLine(width int) string {
	t := w.wall.Today
	total := t.Done + t.InProgress + t.ToStart + t.Late
	text := fmt.Sprintf(" %d done · %d under way · %d to start · %d late", t.Done, t.InProgress, t.ToStart, t.Late)
	barWidth := min(30, width-ansi.StringWidth(text))
	if total == 0 || barWidth < 5 {
		return draw.Fit(strings.TrimSpace(text), width)
	}
	return w.progressBar(barWidth) + text
}

// hoursLine is the hours recorded today and this week in one line.
func (w *Wall) hoursLine(width int) string {
	d, wk := w.wall.HoursToday, w.wall.HoursWeek
	s := fmt.Sprintf("today %s: travel %s, on site %s, shop %s · this week %s",
		hoursText(d.Total()), hoursText(d.Travel), hoursText(d.OnSite), hoursText(d.Shop), hoursText(wk.Total()))
	return draw.Fit(theme.Muted.Render(s), width)
}

// dayLines is the TODAY column: the schedule, then the hours as a table.
func (w *Wall) dayLines(width int) []string {
	t := w.wall.Today
	d, wk := w.wall.HoursToday, w.wall.HoursWeek
	row := func(label string, a, b time.Duration) string {
		return fmt.Sprintf("%-10s %10s %10s", label, hoursText(a), hoursText(b))
	}
	count := func(n int, label string, st lipgloss.Style) string {
		if n == 0 {
			st = theme.Muted
		}
		return st.Render(fmt.Sprintf("%4d  %s", n, label))
	}
	return []string{
		w.progressBar(width),
		"",
		count(t.Done, "done", theme.OK),
		count(t.InProgress, "under way", theme.Travel),
		count(t.ToStart, "to start", theme.Header),
		count(t.Late, "late to start", theme.Warn),
		"",
		theme.Section.Render("HOURS RECORDED"),
		theme.Muted.Render(fmt.Sprintf("%-10s %10s %10s", "", "today", "this week")),
		row("travel", d.Travel, wk.Travel),
		row("on site", d.OnSite, wk.OnSite),
		row("shop", d.Shop, wk.Shop),
		theme.Header.Render(row("total", d.Total(), wk.Total())),
	}
}

// progressBar is today's schedule as a bar the width of the column.
func (w *Wall) progressBar(width int) string {
	t := w.wall.Today
	total := t.Done + t.InProgress + t.ToStart + t.Late
	if total == 0 {
		return theme.Muted.Render("nothing booked today")
	}
	cells := func(n int) int { return n * width / total }
	done, on, late := cells(t.Done), cells(t.InProgress), cells(t.Late)
	return theme.OK.Render(strings.Repeat("█", done)) + theme.Travel.Render(strings.Repeat("▓", on)) +
		theme.Warn.Render(strings.Repeat("▒", late)) + theme.Muted.Render(strings.Repeat("░", width-done-on-late))
}

// sectionLine is a heading with its count, ruled to the width.
func sectionLine(title string, n, width int) string {
	h := fmt.Sprintf("%s (%d) ", title, n)
	return draw.Fit(theme.Section.Render(h)+theme.Muted.Render(strings.Repeat("─", max(width-ansi.StringWidth(h), 0))), width)
}

// box frames lines in a rounded border exactly width by height cells, the
// title in the top edge; lines beyond the box are cut.
func box(title string, lines []string, width, height int) []string {
	if width < 4 || height < 2 {
		return nil
	}
	border := theme.Muted
	t := " " + ansi.Truncate(title, width-6, "…") + " "
	top := border.Render("╭─") + theme.Section.Render(t) + border.Render(strings.Repeat("─", max(width-3-ansi.StringWidth(t), 0))+"╮")
	out := []string{top}
	for i := 0; i < height-2; i++ {
		line := ""
		if i < len(lines) {
			line = lines[i]
		}
		out = append(out, border.Render("│")+" "+draw.Fit(line, width-4)+" "+border.Render("│"))
	}
	return append(out, border.Render("╰"+strings.Repeat("─", width-2)+"╯"))
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}
