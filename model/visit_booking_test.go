package model

import (
	"strings"
	"testing"
	"time"
)

// Which visits may still be moved or cancelled: only before the first
// step, and only on an open ticket. Notes are not steps.
func TestCheckRebook(t *testing.T) {
	open := Ticket{ID: 7, Status: TicketOpen}
	note := visitAt(t)
	note.Events = append(note.Events, Event{ID: 9, Kind: EvNote, At: at(t, "08:30"), Note: "gate code 4411"})
	moved := visitAt(t)
	moved.Events = append(moved.Events, Event{ID: 9, Kind: EvMoved, At: at(t, "08:30")})
	cancelled := visitAt(t)
	cancelled.Events = append(cancelled.Events, Event{ID: 9, Kind: EvCancelled, At: at(t, "08:30"), Note: "client away"})
	tests := []struct {
		name   string
		v      Visit
		t      Ticket
		refuse string // "" to allow
	}{
		{"booked, not started", visitAt(t), open, ""},
		{"with a note only", note, open, ""},
		{"moved before", moved, open, ""},
		{"set off", visitAt(t, "travel_started", "09:00"), open, "it is travelling"},
		{"finished", visitAt(t, "travel_started", "09:00", "arrived", "09:30", "departed", "10:00", "travel_ended", "10:30"), open, "visit fix"},
		{"cancelled already", cancelled, open, "was cancelled"},
		{"ticket done", visitAt(t), Ticket{ID: 7, Status: TicketDone}, "T-7 is done"},
		{"ticket cancelled", visitAt(t), Ticket{ID: 7, Status: TicketCancelled}, "T-7 is cancelled"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckRebook(tt.v, tt.t, "move")
			switch {
			case tt.refuse == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tt.refuse != "" && (err == nil || !strings.Contains(err.Error(), tt.refuse)):
				t.Errorf("got %v, want a refusal saying %q", err, tt.refuse)
			}
		})
	}
}

func TestMoveApply(t *testing.T) {
	v := Visit{ID: 12, TechID: 3, ScheduledAt: at(t, "14:00")}
	later := at(t, "16:00")
	tests := []struct {
		name     string
		m        Move
		wantAt   time.Time
		wantTech int64
		refused  bool
	}{
		{"another time", Move{At: later}, later, 3, false},
		{"another technician", Move{TechID: 4}, v.ScheduledAt, 4, false},
		{"both", Move{At: later, TechID: 4}, later, 4, false},
		{"nothing", Move{}, v.ScheduledAt, 3, true},
		{"the same as booked", Move{At: v.ScheduledAt, TechID: 3}, v.ScheduledAt, 3, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.m.Apply(v)
			if (err != nil) != tt.refused {
				t.Fatalf("err = %v, refused want %v", err, tt.refused)
			}
			if !got.ScheduledAt.Equal(tt.wantAt) || got.TechID != tt.wantTech {
				t.Errorf("got %s with tech %d", got.ScheduledAt, got.TechID)
			}
		})
	}
}

// A cancelled visit leaves the schedule: its phase is cancelled, nothing
// but notes may be recorded on it, and it is not under way.
func TestACancelledVisit(t *testing.T) {
	v := visitAt(t)
	v.Events = append(v.Events, Event{ID: 9, Kind: EvCancelled, At: at(t, "08:30"), By: "Rita", Note: "client away"})
	if p := v.Phase(); p != PhaseCancelled || p.Active() {
		t.Fatalf("phase %s", p)
	}
	if err := CheckEvent(v, EvTravelStarted, at(t, "09:00"), at(t, "09:00"), time.UTC); err == nil {
		t.Error("set off on a cancelled visit")
	}
	if got := v.Events[1].Sentence("Sam", time.UTC); got != "cancelled by Rita: client away" {
		t.Errorf("log line %q", got)
	}
	if CheckEvent(v, EvNote, at(t, "09:00"), at(t, "09:00"), time.UTC) != nil {
		t.Error("a note refused on a cancelled visit")
	}
}

func TestCheckCancelReason(t *testing.T) {
	for _, reason := range []string{"", "   ", strings.Repeat("x", 301)} {
		if _, err := CheckCancelReason(reason); err == nil {
			t.Errorf("%q accepted", reason)
		}
	}
	if got, err := CheckCancelReason(" client\x1b[2J rescheduled "); err != nil || strings.Contains(got, "\x1b") {
		t.Errorf("got %q, %v", got, err)
	}
}
