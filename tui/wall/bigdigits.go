package wall

import (
	"strconv"
	"strings"

	"dispatch/tui/draw"
)

// bigDigitRows is how tall a big number stands: five rows read across a room.
const bigDigitRows = 5

// bigGlyphs are the digits three cells wide and five tall.
var bigGlyphs = map[rune][bigDigitRows]string{
	'0': {"███", "█ █", "█ █", "█ █", "███"},
	'1': {" █ ", "██ ", " █ ", " █ ", "███"},
	'2': {"███", "  █", "███", "█  ", "███"},
	'3': {"███", "  █", "███", "  █", "███"},
	'4': {"█ █", "█ █", "███", "  █", "  █"},
	'5': {"███", "█  ", "███", "  █", "███"},
	'6': {"███", "█  ", "███", "█ █", "███"},
	'7': {"███", "  █", "  █", "  █", "  █"},
	'8': {"███", "█ █", "███", "█ █", "███"},
	'9': {"███", "█ █", "███", "  █", "███"},
}

// bigNumber renders n in block digits, one string per row, a cell between
// digits.
func bigNumber(n int) [bigDigitRows]string {
	var rows [bigDigitRows]string
	for i, r := range strconv.Itoa(max(n, 0)) {
		g := bigGlyphs[r]
		for row := range rows {
			if i > 0 {
				rows[row] += " "
			}
			rows[row] += g[row]
		}
	}
	return rows
}

// bigWidth is how many cells bigNumber(n) takes.
func bigWidth(n int) int { return 4*len(strconv.Itoa(max(n, 0))) - 1 }

// center pads s (w cells or fewer, unstyled width sw) to w cells, centred.
func center(s string, sw, w int) string {
	if sw >= w {
		return draw.Fit(s, w)
	}
	left := (w - sw) / 2
	return strings.Repeat(" ", left) + s + strings.Repeat(" ", w-sw-left)
}
