package main

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// report is one run's figures: a row per session count.
type report struct {
	Machine string    `json:"machine"`
	When    string    `json:"when"`
	Burst   *burstRow `json:"burst,omitempty"`
	Rows    []row     `json:"rows"`
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
	WritesVs10       float64     `json:"sustained_writes_vs_10_sessions,omitempty"` // of the 10-session row in the same run
	FanoutP99Ratio   float64     `json:"fanout_p99_vs_baseline"`
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

// rate compares the rows with the baseline and with the 10-session row.
func (r *report) rate() {
	var at10 float64
	for _, x := range r.Rows {
		if x.Sessions == 10 {
			at10 = x.WritesPerSec
		}
	}
	for i := range r.Rows {
		x := &r.Rows[i]
		if at10 > 0 {
			x.WritesVs10 = x.WritesPerSec / at10
		}
		if x.Baseline.FanoutP99 > 0 {
			x.FanoutP99Ratio = x.FanoutP99 / x.Baseline.FanoutP99
		}
	}
}

func (r report) print(w io.Writer) {
	fmt.Fprintf(w, "%s · %s\n\n", r.Machine, r.When)
	if b := r.Burst; b != nil {
		starts := "start"
		if b.Rounds != 1 {
			starts = "starts"
		}
		fmt.Fprintf(w, "Burst: %d sessions at once on a server just started, %d %s pooled\n", b.Sessions, b.Rounds, starts)
		fmt.Fprintf(w, "  first screen p50 %.1f ms, p99 %.1f ms; bare stack p50 %.1f ms, p99 %.1f ms; p50 ratio %.2f×\n\n",
			b.FirstP50, b.FirstP99, b.BaselineFirstP50, b.BaselineFirstP99, b.Ratio)
	}
	table := func(title, header string, line func(x row) string) {
		fmt.Fprintln(w, title)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, header)
		for _, x := range r.Rows {
			fmt.Fprintln(tw, line(x))
		}
		tw.Flush()
		fmt.Fprintln(w)
	}
	table("First screen, from TCP connect:",
		"sessions\tp50\tp99\tbare p50\tbare p99\tp50 ratio\t",
		func(x row) string {
			return fmt.Sprintf("%d\t%.1f ms\t%.1f ms\t%.1f ms\t%.1f ms\t%.2f×\t", x.Sessions, x.FirstP50, x.FirstP99, x.Baseline.FirstP50, x.Baseline.FirstP99, x.FirstRatio)
		})
	table("Fan-out, from a script's write until every board shows it:",
		"sessions\tp50\tp99\tbare p50\tbare p99\tp99 ratio\t",
		func(x row) string {
			return fmt.Sprintf("%d\t%.1f ms\t%.1f ms\t%.1f ms\t%.1f ms\t%.2f×\t", x.Sessions, x.FanoutP50, x.FanoutP99, x.Baseline.FanoutP50, x.Baseline.FanoutP99, x.FanoutP99Ratio)
		})
	table("Commands over exec while the sessions are open; writes/s from four scripts at once, and as a share of the 10-session row's:",
		"sessions\tboard --json p50\tp99\twrite p50\tp99\twrites/s\tof 10's\t",
		func(x row) string {
			vs10 := "–"
			if x.WritesVs10 > 0 {
				vs10 = fmt.Sprintf("%.0f%%", 100*x.WritesVs10)
			}
			return fmt.Sprintf("%d\t%.1f ms\t%.1f ms\t%.1f ms\t%.1f ms\t%.0f\t%s\t", x.Sessions, x.ExecBoardP50, x.ExecBoardP99, x.ExecWriteP50, x.ExecWriteP99, x.WritesPerSec, vs10)
		})
	table("The server: CPU used idle and during fan-out, memory, and bytes a second each kind of session is sent while idle:",
		"sessions\tCPU idle\tCPU fan-out\tRSS\tper session\tbare per session\tboard\tMy day\twall\t",
		func(x row) string {
			return fmt.Sprintf("%d\t%.3f cores\t%.2f cores\t%.0f MiB\t%.0f KiB\t%.0f KiB\t%.0f B/s\t%.0f B/s\t%.0f B/s\t", x.Sessions, x.IdleCores, x.BusyCores, x.RSSMiB,
				x.PerSessionKiB, x.Baseline.PerSessionKiB, x.BoardBytesPerSec, x.MyDayBytesPerSec, x.WallBytesPerSec)
		})
}
