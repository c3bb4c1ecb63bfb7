package main

import (
	"fmt"
	"os"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// burstRow is the morning's first burst: n sessions opening at the same
// instant on a server just started, beside n opening on the bare stack just
// started.
type burstRow struct {
	Sessions         int     `json:"sessions"`
	FirstP50         float64 `json:"first_screen_p50_ms"`
	FirstP99         float64 `json:"first_screen_p99_ms"`
	BaselineFirstP50 float64 `json:"baseline_first_screen_p50_ms"`
	BaselineFirstP99 float64 `json:"baseline_first_screen_p99_ms"`
	Ratio            float64 `json:"first_screen_p50_vs_baseline"`
}

// measureBurst starts both servers cold and opens n sessions on each at once,
// with the mix of boards, technicians' days and walls the rows use.
func measureBurst(o options, self string, n int, who cast, serveArgs []string) (burstRow, error) {
	row := burstRow{Sessions: n}
	firsts := func(ss []opened) (p50, p99 float64) {
		var ds []time.Duration
		for _, s := range ss {
			ds = append(ds, s.first)
		}
		return ms(percentile(ds, 50)), ms(percentile(ds, 99))
	}

	base, err := start(self, "baseline-server")
	if err != nil {
		return row, err
	}
	ss, err := openAll(base.addr, n, n, func(int) (gossh.Signer, kind) { return who.dispatcher, boardSession },
		func(kind) string { return baselineMarker })
	closeAll(ss)
	base.stop()
	if err != nil {
		return row, fmt.Errorf("baseline: %w", err)
	}
	row.BaselineFirstP50, row.BaselineFirstP99 = firsts(ss)

	srv, err := start(o.dispatch, serveArgs...)
	if err != nil {
		return row, err
	}
	defer srv.stop()
	ss, err = openAll(srv.addr, n, n, o.mix(n, who), firstScreen)
	closeAll(ss)
	if err != nil {
		return row, err
	}
	row.FirstP50, row.FirstP99 = firsts(ss)
	if row.BaselineFirstP50 > 0 {
		row.Ratio = row.FirstP50 / row.BaselineFirstP50
	}
	fmt.Fprintf(os.Stderr, "== burst of %d: first screen p50 %.1f ms against %.1f ms\n", n, row.FirstP50, row.BaselineFirstP50)
	return row, nil
}
