package main

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// measure opens n sessions on Dispatch and takes every figure.
func measure(o options, srv *server, n int, who cast) (row, error) {
	r := row{Sessions: n}
	empty, _ := srv.usage()
	ss, err := openAll(srv.addr, n, 32, o.mix(n, who), firstScreen)
	defer closeAll(ss)
	if err != nil {
		return r, err
	}
	var firsts []time.Duration
	for _, s := range ss {
		firsts = append(firsts, s.first)
	}
	r.FirstP50, r.FirstP99 = ms(percentile(firsts, 50)), ms(percentile(firsts, 99))

	// Idle, with the technicians' timers running: CPU, memory, bytes sent.
	time.Sleep(2 * time.Second) // let the first screens settle
	sent := func(k kind) (total int64, count int) {
		for _, s := range ss {
			if s.kind == k {
				total, count = total+s.t.bytes.Load(), count+1
			}
		}
		return
	}
	var before, after [3]int64
	var counts [3]int
	for k := range before {
		before[k], counts[k] = sent(kind(k))
	}
	cores, use, err := srv.cores(o.idle)
	if err != nil {
		return r, err
	}
	for k := range after {
		after[k], _ = sent(kind(k))
	}
	if os.Getenv("BENCH_SHOW") != "" {
		for _, k := range []kind{myDaySession, wallSession} {
			for _, x := range ss {
				if x.kind == k {
					fmt.Fprintln(os.Stderr, x.t.emu.String())
					break
				}
			}
		}
	}
	secs := o.idle.Seconds()
	r.IdleCores = cores
	r.RSSMiB = mib(use.rss)
	r.PerSessionKiB = float64(use.rss-empty.rss) / float64(n) / 1024
	perSec := func(k kind) float64 {
		if counts[k] == 0 {
			return 0
		}
		return float64(after[k]-before[k]) / float64(counts[k]) / secs
	}
	r.BoardBytesPerSec, r.MyDayBytesPerSec, r.WallBytesPerSec = perSec(boardSession), perSec(myDaySession), perSec(wallSession)

	// Fan-out: a ticket opened by a script, until every board shows it.
	busyBefore, _ := srv.usage()
	busyStart := time.Now()
	var fan []time.Duration
	var probes []string // the tickets the fan-out opened; the writes below touch them
	for i := 0; i < o.fanouts; i++ {
		count, err := unscheduledCount(ss)
		if err != nil {
			return r, err
		}
		want := fmt.Sprintf("%d unscheduled", count+1)
		for _, s := range ss {
			if s.kind == boardSession {
				s.t.watch(want)
			}
		}
		start := time.Now()
		_, out, err := execute(srv.addr, who.dispatcher, fmt.Sprintf("ticket new --client %s --contact %s --site %s --title Bench probe %d --scope probe --priority P3 --estimate 1h",
			who.client, who.contact, who.site, i))
		if err != nil {
			return r, err
		}
		if m := openedRE.FindStringSubmatch(out); m != nil {
			probes = append(probes, m[1])
		}
		var last time.Time
		for _, s := range ss {
			if s.kind != boardSession {
				continue
			}
			at, ok := s.t.wait(30 * time.Second)
			if !ok {
				return r, fmt.Errorf("a board never showed %q", want)
			}
			if at.After(last) {
				last = at
			}
		}
		fan = append(fan, last.Sub(start))
		if os.Getenv("BENCH_SHOW") != "" { // each sample and when, to line up with a GC trace (GODEBUG=gctrace=1)
			fmt.Fprintln(os.Stderr, "fan-out at", start.Format("15:04:05.000"), last.Sub(start))
		}
	}
	busyAfter, _ := srv.usage()
	r.FanoutP50, r.FanoutP99 = ms(percentile(fan, 50)), ms(percentile(fan, 99))
	r.BusyCores = float64(busyAfter.cpu-busyBefore.cpu) / float64(time.Since(busyStart))

	// Commands over exec, alongside the sessions.
	var boardJSON, writes []time.Duration
	if len(probes) == 0 {
		return r, fmt.Errorf("no probe ticket was opened")
	}
	for i := 0; i < 20; i++ {
		d, _, err := execute(srv.addr, who.dispatcher, "board --json")
		if err != nil {
			return r, err
		}
		boardJSON = append(boardJSON, d)
		d, _, err = execute(srv.addr, who.dispatcher, "ticket contacted "+probes[i%len(probes)]+" --note bench call")
		if err != nil {
			return r, err
		}
		writes = append(writes, d)
	}
	r.ExecBoardP50, r.ExecBoardP99 = ms(percentile(boardJSON, 50)), ms(percentile(boardJSON, 99))
	r.ExecWriteP50, r.ExecWriteP99 = ms(percentile(writes, 50)), ms(percentile(writes, 99))
	r.WritesPerSec, err = sustainedWrites(srv.addr, who.dispatcher, probes, 3*time.Second)
	return r, err
}

// mix is who the i-th of n sessions is: technicians on My day first, then
// walls, then dispatchers' boards.
func (o options) mix(n int, who cast) func(i int) (gossh.Signer, kind) {
	techs := int(float64(n) * o.techShare)
	walls := max(int(float64(n)*o.wallShare), min(1, n-techs-1)) // one wall at least, beside one board
	return func(i int) (gossh.Signer, kind) {
		switch {
		case i < techs:
			return who.techs[i%len(who.techs)], myDaySession
		case i < techs+walls:
			return who.dispatcher, wallSession
		}
		return who.dispatcher, boardSession
	}
}

// firstScreen is what each kind of session shows once drawn.
func firstScreen(k kind) string {
	return [...]string{boardSession: "UNSCHEDULED (", myDaySession: "My day", wallSession: "NEEDS ATTENTION"}[k]
}

var openedRE = regexp.MustCompile(`opened (T-\d+)`)

var unscheduledRE = regexp.MustCompile(`(\d+) unscheduled`)

// unscheduledCount reads the count every board shows now.
func unscheduledCount(ss []opened) (int, error) {
	for _, s := range ss {
		if s.kind != boardSession {
			continue
		}
		s.t.mu.Lock()
		m := unscheduledRE.FindStringSubmatch(s.t.emu.String())
		s.t.mu.Unlock()
		if m != nil {
			return strconv.Atoi(m[1])
		}
	}
	return 0, fmt.Errorf("no board shows its unscheduled count")
}

// execute runs one command as a script would: a new connection each time.
func execute(addr string, sg gossh.Signer, command string) (time.Duration, string, error) {
	start := time.Now()
	client, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: "bench", Auth: []gossh.AuthMethod{gossh.PublicKeys(sg)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 30 * time.Second})
	if err != nil {
		return 0, "", err
	}
	defer client.Close()
	sess, err := client.NewSession()
	if err != nil {
		return 0, "", err
	}
	defer sess.Close()
	var out, errb bytes.Buffer
	sess.Stdout, sess.Stderr = &out, &errb
	if err := sess.Run(command); err != nil {
		return 0, "", fmt.Errorf("%s: %v %s", command, err, strings.TrimSpace(errb.String()))
	}
	return time.Since(start), out.String(), nil
}

// sustainedWrites runs write commands from four scripts at once for a while.
func sustainedWrites(addr string, sg gossh.Signer, probes []string, over time.Duration) (float64, error) {
	var done atomic.Int64
	var firstErr error
	var mu sync.Mutex
	var wg sync.WaitGroup
	deadline := time.Now().Add(over)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; time.Now().Before(deadline); i++ {
				if _, _, err := execute(addr, sg, "ticket contacted "+probes[(w+i)%len(probes)]+" --note sustained"); err != nil {
					mu.Lock()
					firstErr = err
					mu.Unlock()
					return
				}
				done.Add(1)
			}
		}(w)
	}
	wg.Wait()
	return float64(done.Load()) / over.Seconds(), firstErr
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func mib(b int64) float64 { return float64(b) / (1 << 20) }

func machine() string {
	cpu := "unknown CPU"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(l, "model name"); ok {
				cpu = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), ":"))
				break
			}
		}
	}
	return fmt.Sprintf("%s, %d cores, %s", cpu, runtime.NumCPU(), runtime.Version())
}
