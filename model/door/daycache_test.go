package door

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Every session of one technician wakes on the same change: one of them
// reads the day, the others wait for that read.
func TestSessionsOfOneTechnicianShareOneReadOfTheDay(t *testing.T) {
	var c dayCache
	var reads atomic.Int32
	release := make(chan struct{})
	key := dayKey{tech: 7, day: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC), version: 3}
	read := func() ([]VisitCard, error) {
		reads.Add(1)
		<-release
		return []VisitCard{{}}, nil
	}
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if cards, err := c.get(key, read); err != nil || len(cards) != 1 {
				t.Errorf("got %v, %v", cards, err)
			}
		}()
	}
	time.Sleep(20 * time.Millisecond) // let them all ask
	close(release)
	wg.Wait()
	if n := reads.Load(); n != 1 {
		t.Errorf("20 sessions read the day %d times, want once", n)
	}

	// A change since is read again; a caller that took its version before
	// that change gets the newer read rather than reading an older one.
	later := key
	later.version = 4
	c.get(later, read)
	c.get(key, read)
	if n := reads.Load(); n != 2 {
		t.Errorf("reads = %d, want 2: one more for the change, none for the older version", n)
	}

	// A change that leaves the day as it was keeps the very cards, so the
	// sessions showing them keep their shared drawing; one that alters it
	// gives new cards.
	kept, _ := c.get(later, read)
	again := later
	again.version = 5
	same, _ := c.get(again, func() ([]VisitCard, error) { return []VisitCard{{}}, nil })
	if &same[0] != &kept[0] {
		t.Error("a day read again unchanged came back as new cards")
	}
	again.version = 6
	changed, _ := c.get(again, func() ([]VisitCard, error) { return []VisitCard{{Client: "Acme"}}, nil })
	if &changed[0] == &kept[0] || changed[0].Client != "Acme" {
		t.Error("a changed day came back as the old cards")
	}
}
