package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"dispatch/model"
)

// print writes v as JSON with --json, or the readable form otherwise.
func (c *call) print(v any, readable func(w io.Writer)) error {
	if c.json {
		enc := json.NewEncoder(c.env.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	}
	readable(c.env.Out)
	return nil
}

// table writes aligned columns; every cell is cleaned again on the way out,
// so nothing stored can act on the reader's terminal.
func table(w io.Writer, indent string, header []string, rows [][]string) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, indent+strings.Join(header, "\t"))
	for _, r := range rows {
		for i := range r {
			r[i] = model.CleanLine(r[i])
		}
		fmt.Fprintln(tw, indent+strings.Join(r, "\t"))
	}
	tw.Flush()
}

// field writes one "label: value" line of a card.
func field(w io.Writer, label, value string) {
	fmt.Fprintf(w, "%-11s %s\n", label+":", model.CleanLine(value))
}

func (c *call) local(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(c.env.Door.Location()).Format(model.TimeLayout)
}

func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func seconds(d time.Duration) int64 { return int64(d / time.Second) }
