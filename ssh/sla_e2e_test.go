package ssh

import (
	"strings"
	"testing"
)

// A P1 phoned in while the office was busy and entered over SSH lands at
// the top of another session's unscheduled tickets with its clock; a fresh
// P1 lands above every ticket with more time left.
func TestAP1CreatedOverSSHTopsAnotherBoard(t *testing.T) {
	o := startOffice(t)
	board := o.openTerm("Rita Gomez", 140, 45)
	board.waitFor("UNSCHEDULED (10)")

	_, errs, code := o.exec("Ann Admin", `ticket new --client Keystone Insurance --contact Laura Stone --title Branch internet down `+
		`--scope Restore the branch's internet; done when the agents can quote --priority P1 --estimate 2h --at 75m ago`)
	if code != 0 {
		t.Fatalf("ticket new: %d %s", code, errs)
	}
	board.waitFor("UNSCHEDULED (11)", "Branch internet down")
	first := firstUnscheduled(board.screen())
	if !strings.Contains(first, "P1 Keystone Insurance") || !strings.Contains(first, "Branch internet down") || !strings.Contains(first, "breached 15m ago") {
		t.Errorf("the late-entered P1 is not on top with its clock: %q", first)
	}

	if _, errs, code = o.exec("Rita Gomez", `ticket new --client Foxglove Bakery --contact Rosa Lind --title Card reader offline `+
		`--scope Get the card reader taking payments again --priority P1 --estimate 1h`); code != 0 {
		t.Fatalf("ticket new: %d %s", code, errs)
	}
	board.waitFor("UNSCHEDULED (12)", "Card reader offline")
	for _, l := range unscheduledLines(board.screen()) {
		if strings.Contains(l, " left") {
			if !strings.Contains(l, "Card reader offline") || !strings.Contains(l, "1h left") {
				t.Errorf("the first ticket with time left should be the new P1 with its hour: %q", l)
			}
			break
		}
	}
}

func unscheduledLines(screen string) []string {
	var out []string
	in := false
	for _, l := range strings.Split(screen, "\n") {
		switch {
		case strings.HasPrefix(l, "UNSCHEDULED"):
			in = true
		case strings.HasPrefix(l, "SCHEDULED TODAY"):
			return out
		case in:
			out = append(out, l)
		}
	}
	return out
}

func firstUnscheduled(screen string) string {
	if lines := unscheduledLines(screen); len(lines) > 0 {
		return lines[0]
	}
	return ""
}
