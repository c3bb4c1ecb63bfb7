package main

import (
	"fmt"
	"os"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// burstRow is the morning's first burst: n sessions opening at the same
// instant on a server just started, beside n opening on the bare stack just
// started, over several starts of each.
type burstRow struct {
	Sessions         int     `json:"sessions"`
	Rounds           int     `json:"rounds"` // cold starts of each server, their first screens pooled
	FirstP50         float64 `json:"first_screen_p50_ms"`
	FirstP99         float64 `json:"first_screen_p99_ms"`
	BaselineFirstP50 float64 `json:"baseline_first_screen_p50_ms"`
	BaselineFirstP99 float64 `json:"baseline_first_screen_p99_ms"`
	Ratio            float64 `json:"first_screen_p50_vs_baseline"`
}

// measureBurst starts both servers cold and opens n sessions on each at once,
// with the mix of boards, technicians' days and walls the rows use. Ten
// first screens vary from one start to the next by as much as the effect
// measured, so it starts each server rounds times, alternately, and pools
// what every round saw.
func measureBurst(o options, self string, n, rounds int, who cast, serveArgs []string) (burstRow, error) {
	row := burstRow{Sessions: n, Rounds: rounds}
	var ours, bare []time.Duration
	burst := func(name string, args []string, signer func(int) (gossh.Signer, kind), marker func(kind) string) ([]time.Duration, error) {
		srv, err := start(name, args...)
		if err != nil {
			return nil, err
		}
		defer srv.stop()
		ss, err := openAll(srv.addr, n, n, signer, marker)
		closeAll(ss)
		if err != nil {
			return nil, err
		}
		var firsts []time.Duration
		for _, s := range ss {
			firsts = append(firsts, s.first)
		}
		return firsts, nil
	}
	fmt.Fprintf(os.Stderr, "== a burst of %d sessions, starting each server %d times\n", n, rounds)
	for range rounds {
		b, err := burst(self, []string{"baseline-server"}, func(int) (gossh.Signer, kind) { return who.dispatcher, boardSession },
			func(kind) string { return baselineMarker })
		if err != nil {
			return row, fmt.Errorf("baseline: %w", err)
		}
		d, err := burst(o.dispatch, serveArgs, o.mix(n, who), firstScreen)
		if err != nil {
			return row, err
		}
		bare, ours = append(bare, b...), append(ours, d...)
	}
	row.FirstP50, row.FirstP99 = ms(percentile(ours, 50)), ms(percentile(ours, 99))
	row.BaselineFirstP50, row.BaselineFirstP99 = ms(percentile(bare, 50)), ms(percentile(bare, 99))
	if row.BaselineFirstP50 > 0 {
		row.Ratio = row.FirstP50 / row.BaselineFirstP50
	}
	return row, nil
}
