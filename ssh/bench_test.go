package ssh

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"dispatch/model"
	"dispatch/model/door"
)

// BenchmarkFanOut measures, over a real SSH connection with a PTY, the time
// from a committed ticket to it being drawn on another session's screen.
// It reports the median and the 99th percentile besides the mean.
func BenchmarkFanOut(b *testing.B) {
	o := startOffice(b)
	viewer := o.openTerm("Ann Admin", 200, 60)
	viewer.waitFor("UNSCHEDULED (10)")
	ctx := context.Background()
	clients, _ := o.door.Clients(ctx, model.Console)
	c := clients[0]
	var took []time.Duration
	i := 0
	for b.Loop() {
		i++
		title := fmt.Sprintf("Fan-out probe %06d", i)
		start := time.Now()
		if _, err := o.door.CreateTicket(ctx, model.Console, door.NewTicket{ClientID: c.ID, ContactID: c.Contacts[0].ID, SiteID: c.Sites[0].ID,
			Title: title, Scope: "x", Priority: model.P1, Estimate: model.Estimate{Duration: time.Hour}}); err != nil {
			b.Fatal(err)
		}
		want := fmt.Sprintf("UNSCHEDULED (%d)", 10+i) // the heading stays on screen however long the list grows
		for !strings.Contains(viewer.screen(), want) {
			time.Sleep(200 * time.Microsecond)
		}
		took = append(took, time.Since(start))
	}
	sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
	b.ReportMetric(float64(took[len(took)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(took[len(took)*99/100].Microseconds()), "p99-µs")
}

// BenchmarkExecBoardJSON is a script's `ssh office board --json`: a new
// connection, key exchange, sign-in, command and output.
func BenchmarkExecBoardJSON(b *testing.B) {
	o := startOffice(b)
	for b.Loop() {
		if _, errs, code := o.exec("Rita Gomez", "board --json"); code != 0 {
			b.Fatal(errs)
		}
	}
}

// BenchmarkApprovalReachesTechnician measures, over a real SSH connection
// with a PTY, the time from a supervisor approving a first job's add-on to
// the technician's My day saying so.
func BenchmarkApprovalReachesTechnician(b *testing.B) {
	o := startOffice(b)
	ctx := context.Background()
	jonUser, err := o.door.FindTech(ctx, model.Console, "Jon Reyes")
	if err != nil {
		b.Fatal(err)
	}
	jon, rita := model.ActorOf(jonUser), model.Actor{Name: "Rita Gomez", Role: model.RoleDispatcher}
	visit, err := o.door.CurrentVisit(ctx, jon)
	if err != nil {
		b.Fatal(err)
	}
	tm := o.openTerm("Jon Reyes", 120, 40)
	tm.waitFor("My day")
	var took []time.Duration
	for b.Loop() {
		r, err := o.door.AskScope(ctx, jon, visit, door.Ask{AskedBy: "Kim Howard", What: "probe"})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := o.door.ScopeAddOn(ctx, jon, r.ID, door.AddOn{Contact: "Dr. Lena Ortiz", Estimate: time.Minute, ToldMeterRunning: true}); err != nil {
			b.Fatal(err)
		}
		want := r.Ref() + " approved by Rita Gomez"
		start := time.Now()
		if _, err := o.door.ScopeSupervise(ctx, rita, r.ID, true, ""); err != nil {
			b.Fatal(err)
		}
		for !strings.Contains(tm.screen(), want) {
			time.Sleep(200 * time.Microsecond)
		}
		took = append(took, time.Since(start))
	}
	sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
	b.ReportMetric(float64(took[len(took)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(took[len(took)*99/100].Microseconds()), "p99-µs")
}
