package feed

import (
	"context"
	"time"
)

// Watch publishes All whenever version() changes, polling every interval
// until ctx ends. With version reading SQLite's PRAGMA data_version on the
// writer connection, this catches commits made by another process — the
// command line on the same database — which the in-process feed never sees.
func Watch(ctx context.Context, hub *Hub, interval time.Duration, version func(context.Context) (int64, error)) {
	last, err := version(ctx)
	haveLast := err == nil
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		v, err := version(ctx)
		if err != nil {
			continue // the next poll tries again; a failed read is not a change
		}
		if haveLast && v != last {
			hub.Publish(All)
		}
		last, haveLast = v, true
	}
}
