package ssh

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"dispatch/model"
)

// Fifty writers at once over SSH: forty scripts and ten dispatchers at
// their terminals, all recording on the same tickets for a few seconds. No
// "database is locked" or "busy" reaches any of them, and every write a
// script was told of is there.
func TestFiftyWritersOverSSH(t *testing.T) {
	o := startOffice(t)
	var terms []*term
	for i := range 10 {
		tm := o.openTerm([]string{"Rita Gomez", "Ann Admin"}[i%2], 120, 40)
		tm.waitFor("UNSCHEDULED (10)")
		tm.typeKeys("j", "j", "enter") // T-1039's page
		tm.waitFor("T-1039  Tax software update")
		terms = append(terms, tm)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var problems []string
	acked, ackedCalls := 0, 0
	until := time.Now().Add(3 * time.Second)
	for w := range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; time.Now().Before(until); i++ {
				cmd := fmt.Sprintf("ticket contacted T-1033 --note 'script %d call %d'", w, i)
				if i%2 == 1 {
					cmd = fmt.Sprintf("visit note V-324 'script %d note %d'", w, i)
				}
				_, errs, code := o.exec([]string{"Rita Gomez", "Ann Admin"}[w%2], cmd)
				mu.Lock()
				if code != 0 {
					problems = append(problems, cmd+": "+errs)
				} else {
					acked++
					if i%2 == 0 {
						ackedCalls++
					}
				}
				mu.Unlock()
			}
		}()
	}
	for i, tm := range terms {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; time.Now().Before(until); j++ {
				// In step with the screen: typed ahead, a loaded machine's
				// backlog of whole rounds outlasted the last wait (the old
				// round's flash answered each wait at once).
				tm.typeKeys("c")
				tm.waitFor("Contacted the requester")
				tm.typeKeys(fmt.Sprintf("terminal %d call %d", i, j), "enter")
				tm.waitFor("T-1039: the response is recorded")
			}
		}()
	}
	wg.Wait()
	for _, p := range problems {
		t.Error(p)
	}
	for _, tm := range terms {
		if s := tm.screen(); strings.Contains(s, "locked") || strings.Contains(s, "busy") {
			t.Errorf("a terminal shows:\n%s", s)
		}
	}
	card, err := o.door.Ticket(context.Background(), model.Console, 1033)
	if err != nil {
		t.Fatal(err)
	}
	calls := 0
	for _, e := range card.Events {
		if strings.HasPrefix(e.Note, "script ") {
			calls++
		}
	}
	if calls != ackedCalls {
		t.Errorf("T-1033 holds %d scripted calls; %d were acknowledged", calls, ackedCalls)
	}
	t.Logf("%d writes acknowledged to 40 scripts in 3 s beside 10 terminals writing", acked)
}
