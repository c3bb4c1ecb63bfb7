package main

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// report is one run's figures: a row per session count.
type report struct {
	Machine string `json:"machine"`
	When    string `json:"when"`
	Rows    []row  `json:"rows"`
}

// row is Dispatch at one session count, beside the baseline.
type row struct {
	Sessions         int         `json:"sessions"`
	FirstP50         float64     `json:"first_screen_p50_ms"`
	FirstP99         float64     `json:"first_screen_p99_ms"`
	FirstRatio       float64     `json:"first_screen_p50_vs_baseline"`
	FanoutP50        float64     `json:"fanout_p50_ms"`
	FanoutP99        float64     `json:"fanout_p99_ms"`
	ExecBoardP50     float64     `json:"exec_board_json_p50_ms"`
	ExecBoardP99     float64     `json:"exec_board_json_p99_ms"`
	ExecWriteP50     float64     `json:"exec_write_p50_ms"`
	ExecWriteP99     float64     `json:"exec_write_p99_ms"`
	WritesPerSec     float64     `json:"sustained_writes_per_sec"`
	IdleCores        float64     `json:"idle_cores"`
	BusyCores        float64     `json:"fanout_cores"`
	RSSMiB           float64     `json:"rss_mib"`
	PerSessionKiB    float64     `json:"rss_per_session_kib"`
	BoardBytesPerSec float64     `json:"idle_board_bytes_per_sec"`
	MyDayBytesPerSec float64     `json:"my_day_timer_bytes_per_sec"`
	WallBytesPerSec  float64     `json:"wall_bytes_per_sec"`
	Baseline         baselineRow `json:"baseline"`
}

type baselineRow struct {
	FirstP50      float64 `json:"first_screen_p50_ms"`
	FirstP99      float64 `json:"first_screen_p99_ms"`
	FanoutP50     float64 `json:"fanout_p50_ms"`
	FanoutP99     float64 `json:"fanout_p99_ms"`
	RSSMiB        float64 `json:"rss_mib"`
	PerSessionKiB float64 `json:"rss_per_session_kib"`
}

func (r report) print(w io.Writer) {
	fmt.Fprintf(w, "%s · %s\n\n", r.Machine, r.When)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "sessions\tfirst p50\tp99\tbaseline p50\tratio\tfan-out p50\tp99\tbaseline fan-out p50\tp99\tboard --json p50\tp99\twrite p50\tp99\twrites/s\tidle cores\tfan-out cores\tRSS MiB\tKiB/session\tbaseline KiB/session\tboard B/s\tMy day B/s\twall B/s\t")
	for _, x := range r.Rows {
		fmt.Fprintf(tw, "%d\t%.1f ms\t%.1f ms\t%.1f ms\t%.2f×\t%.1f ms\t%.1f ms\t%.1f ms\t%.1f ms\t%.1f ms\t%.1f ms\t%.1f ms\t%.1f ms\t%.0f\t%.3f\t%.2f\t%.0f\t%.0f\t%.0f\t%.0f\t%.0f\t%.0f\t\n",
			x.Sessions, x.FirstP50, x.FirstP99, x.Baseline.FirstP50, x.FirstRatio, x.FanoutP50, x.FanoutP99, x.Baseline.FanoutP50, x.Baseline.FanoutP99, x.ExecBoardP50, x.ExecBoardP99,
			x.ExecWriteP50, x.ExecWriteP99, x.WritesPerSec, x.IdleCores, x.BusyCores, x.RSSMiB, x.PerSessionKiB, x.Baseline.PerSessionKiB,
			x.BoardBytesPerSec, x.MyDayBytesPerSec, x.WallBytesPerSec)
	}
	tw.Flush()
}
