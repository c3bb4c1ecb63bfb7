package model

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestScopeStateFollowsDecisions(t *testing.T) {
	tests := []struct {
		name     string
		firstJob bool
		kinds    []DecisionKind
		want     ScopeState
	}{
		{"just asked", false, nil, ScopeAsked},
		{"made a ticket", false, []DecisionKind{DecNewTicket}, ScopeNewTicket},
		{"add-on on a regular job is approved by the contact alone", false, []DecisionKind{DecAddOn}, ScopeApproved},
		{"add-on on a first job waits for a supervisor", true, []DecisionKind{DecAddOn}, ScopeAwaiting},
		{"supervisor approves", true, []DecisionKind{DecAddOn, DecApproved}, ScopeApproved},
		{"supervisor refuses", true, []DecisionKind{DecAddOn, DecRefused}, ScopeRefused},
		{"refused, then a ticket after all", true, []DecisionKind{DecAddOn, DecRefused, DecNewTicket}, ScopeNewTicket},
		{"declined", false, []DecisionKind{DecDeclined}, ScopeDeclined},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ScopeRequest{ID: 3, FirstJob: tt.firstJob}
			for _, k := range tt.kinds {
				if err := r.CheckDecision(k); err != nil {
					t.Fatalf("%s refused in state %s: %v", k, r.State(), err)
				}
				r.Decisions = append(r.Decisions, ScopeDecision{Kind: k})
			}
			if got := r.State(); got != tt.want {
				t.Errorf("state %q, want %q", got, tt.want)
			}
		})
	}
}

// Every state against every decision: what may follow what, and a refusal
// that says what can be done instead.
func TestScopeDecisionsAllowedByState(t *testing.T) {
	all := []DecisionKind{DecNewTicket, DecAddOn, DecDeclined, DecApproved, DecRefused}
	allowed := map[ScopeState]string{
		ScopeAsked:     "new_ticket add_on declined",
		ScopeAwaiting:  "approved refused",
		ScopeRefused:   "new_ticket declined",
		ScopeApproved:  "",
		ScopeNewTicket: "",
		ScopeDeclined:  "",
	}
	history := map[ScopeState][]DecisionKind{
		ScopeAsked: nil, ScopeAwaiting: {DecAddOn}, ScopeRefused: {DecAddOn, DecRefused},
		ScopeApproved: {DecAddOn, DecApproved}, ScopeNewTicket: {DecNewTicket}, ScopeDeclined: {DecDeclined},
	}
	for state, kinds := range history {
		r := ScopeRequest{ID: 7, FirstJob: true}
		for _, k := range kinds {
			r.Decisions = append(r.Decisions, ScopeDecision{Kind: k})
		}
		if r.State() != state {
			t.Fatalf("history %v gives %s, want %s", kinds, r.State(), state)
		}
		for _, k := range all {
			err := r.CheckDecision(k)
			want := strings.Contains(" "+allowed[state]+" ", " "+string(k)+" ")
			if (err == nil) != want {
				t.Errorf("%s then %s: err %v, want allowed=%v", state, k, err, want)
			}
			var c Conflict
			if err != nil && (!errors.As(err, &c) || !strings.Contains(err.Error(), "S-7")) {
				t.Errorf("%s then %s: refusal %q should be a conflict naming S-7", state, k, err)
			}
		}
	}
}

func TestCheckApprover(t *testing.T) {
	contacts := []Contact{
		{ID: 1, Name: "Dana Ruiz", Role: ContactAuthorised},
		{ID: 2, Name: "Lee Park", Role: ContactBackup},
		{ID: 3, Name: "Bob Frey", Role: ContactOther},
	}
	tests := []struct {
		name      string
		contact   Contact
		estimate  time.Duration
		toldMeter bool
		wantField string // "" for approved
	}{
		{"authorised", contacts[0], 30 * time.Minute, true, ""},
		{"backup", contacts[1], 30 * time.Minute, true, ""},
		{"other contact", contacts[2], 30 * time.Minute, true, "approved by"},
		{"not told the meter is running", contacts[0], 30 * time.Minute, false, "told meter running"},
		{"no estimate", contacts[0], 0, true, "estimate"},
		{"estimate beyond one job", contacts[0], MaxEstimate + time.Hour, true, "estimate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckApprover(tt.contact, contacts, tt.estimate, tt.toldMeter)
			if tt.wantField == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var inv Invalid
			if !errors.As(err, &inv) || inv.For(tt.wantField) == "" {
				t.Fatalf("err %v, want one on %q", err, tt.wantField)
			}
		})
	}
	err := CheckApprover(contacts[2], contacts, time.Hour, true)
	if !strings.Contains(err.Error(), "Dana Ruiz (authorised) or Lee Park (backup)") {
		t.Errorf("refusal %q should name who can approve", err)
	}
}

func TestValidateAsk(t *testing.T) {
	if _, _, err := ValidateAsk(0, "", "printer"); err == nil || !strings.Contains(err.Error(), "asked by") {
		t.Errorf("no asker: %v", err)
	}
	if _, _, err := ValidateAsk(0, "Bob", "  "); err == nil || !strings.Contains(err.Error(), "what") {
		t.Errorf("no what: %v", err)
	}
	by, what, err := ValidateAsk(0, "Bob\x1b[31m", "Lobby\u202e printer")
	if err != nil || by != "Bob" || what != "Lobby printer" {
		t.Errorf("cleaned to %q %q, %v", by, what, err)
	}
	if _, _, err := ValidateAsk(0, "Bob", strings.Repeat("x", 121)); err == nil {
		t.Error("a request longer than a ticket title was accepted")
	}
}

// FuzzScopeInput: whatever is typed as who asked, what, a reason or an
// answer, what is kept is clean text within its limit, or refused.
func FuzzScopeInput(f *testing.F) {
	for _, s := range []string{"Dana Ruiz", "told-stop", "\x1b]52;c;eA==\x07printer", "a\u202eb", strings.Repeat("x", 130), ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		clean := func(what, s string) {
			for _, r := range s {
				if r < 0x20 || (r >= 0x7f && r < 0xa0) || IsBidiControl(r) {
					t.Fatalf("%s kept control %U from %q", what, r, in)
				}
			}
		}
		if by, what, err := ValidateAsk(0, in, in); err == nil {
			clean("asked by", by)
			clean("what", what)
			if len([]rune(what)) > 120 || what == "" {
				t.Fatalf("accepted what %q", what)
			}
		}
		if reason, err := ValidateReason(in, true); err == nil {
			clean("reason", reason)
			if reason == "" {
				t.Fatal("accepted an empty reason")
			}
		}
		if a, err := ParseOverrunAnswer(in); err == nil && a.Describe() == "" {
			t.Fatalf("ParseOverrunAnswer(%q) = %q, which means nothing", in, a)
		}
	})
}
