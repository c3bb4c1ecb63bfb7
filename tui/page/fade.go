package page

import "time"

// NoticeFor is how long a notice stays on screen: long enough to read
// twice, short enough not to go on describing a state long gone (trial 9
// found "travelling, arrive there first" still up after the arrival).
const NoticeFor = 15 * time.Second

// Fade lets a page's notice go once it has been drawn for NoticeFor. A page
// keeps one and passes its notice through Keep as it draws.
type Fade struct {
	text  string
	since time.Time
}

// Keep is the notice to show now: text, or "" once it has been on screen
// for NoticeFor. A new notice starts its own time.
func (f *Fade) Keep(text string, now time.Time) string {
	if text != f.text {
		f.text, f.since = text, now
		return text
	}
	if text != "" && now.Sub(f.since) >= NoticeFor {
		f.text = ""
		return ""
	}
	return text
}
