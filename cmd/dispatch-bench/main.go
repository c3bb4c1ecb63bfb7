// Command dispatch-bench measures Dispatch as its users meet it: it starts
// the real server on a free port over a given database (make one with
// `dispatch gen`), opens N real SSH sessions with PTYs — dispatcher boards
// and technicians' My day — each parsed by a terminal emulator, and reports
// time to first screen, fan-out, exec latency, CPU, memory and bytes sent.
// First it opens a burst of sessions at once on each server just started,
// as the morning's first logins do.
// In the same run it measures a bare Wish + Bubble Tea program drawing one
// static screen, the floor the stack allows, and prints the ratio.
//
//	go build -o /tmp/dispatch ./cmd/dispatch
//	/tmp/dispatch gen --db /tmp/gen.db --tz UTC
//	go run ./cmd/dispatch-bench --dispatch /tmp/dispatch --db /tmp/gen.db --sessions 10,100,500,1000
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "baseline-server" { // run by the bench itself
		fs := flag.NewFlagSet("baseline-server", flag.ExitOnError)
		listen := fs.String("listen", "127.0.0.1:0", "")
		hostKey := fs.String("host-key", filepath.Join(os.TempDir(), "dispatch-bench-baseline-key"), "")
		fs.Parse(os.Args[2:])
		os.Exit(runBaselineServer(*listen, *hostKey))
	}
	var o options
	flag.StringVar(&o.dispatch, "dispatch", "dispatch", "the dispatch binary to measure")
	flag.StringVar(&o.db, "db", "", "the office to serve, made by dispatch gen (it gains bench users and tickets)")
	sessions := flag.String("sessions", "10,100", "session counts to measure, comma-separated")
	flag.Float64Var(&o.techShare, "techs", 0.2, "share of sessions that are technicians on My day with a running timer")
	flag.Float64Var(&o.wallShare, "walls", 0.05, "share of sessions that are wall displays (ssh -t office wall)")
	flag.DurationVar(&o.idle, "idle", 10*time.Second, "how long to watch idle sessions for CPU and bytes")
	flag.IntVar(&o.fanouts, "fanouts", 20, "actions to time until every board shows them")
	flag.IntVar(&o.burst, "burst", 10, "first measure this many sessions opening at once on each server just started (0: none)")
	flag.IntVar(&o.burstRounds, "burst-rounds", 5, "how many times to start each server for the burst")
	flag.StringVar(&o.profile, "cpuprofile", "", "have the server write a CPU profile of the run to this file")
	flag.StringVar(&o.debugAddr, "debug-addr", "", "have the server serve live profiles on this address (heap under load: go tool pprof http://ADDR/debug/pprof/heap)")
	jsonOut := flag.String("json", "", "also write the results as JSON to this file")
	logPath := flag.String("server-log", filepath.Join(os.TempDir(), "dispatch-bench-server.log"), "where the servers under test log (- for stderr)")
	flag.Parse()
	if o.db == "" {
		fmt.Fprintln(os.Stderr, "dispatch-bench: --db is required: make one with dispatch gen --db PATH")
		os.Exit(2)
	}
	for _, s := range strings.Split(*sessions, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			fmt.Fprintf(os.Stderr, "dispatch-bench: --sessions %q: give counts like 10,100,500\n", *sessions)
			os.Exit(2)
		}
		o.counts = append(o.counts, n)
	}
	if *logPath != "-" {
		f, err := os.Create(*logPath)
		if err != nil {
			fmt.Fprintln(os.Stderr, "dispatch-bench: --server-log:", err)
			os.Exit(2)
		}
		defer f.Close()
		serverLog = f
		fmt.Fprintln(os.Stderr, "dispatch-bench: the servers log to", *logPath)
	}
	rep, err := run(o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "dispatch-bench:", err)
		if *logPath != "-" {
			fmt.Fprintln(os.Stderr, "dispatch-bench: what the servers said is in", *logPath)
		}
		os.Exit(1)
	}
	rep.rate()
	rep.print(os.Stdout)
	if *jsonOut != "" {
		b, _ := json.MarshalIndent(rep, "", "  ")
		if err := os.WriteFile(*jsonOut, b, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "dispatch-bench:", err)
			os.Exit(1)
		}
	}
}

type options struct {
	dispatch    string
	db          string
	counts      []int
	techShare   float64
	wallShare   float64
	idle        time.Duration
	fanouts     int
	burst       int
	burstRounds int
	profile     string
	debugAddr   string
}
