package cli

import (
	"fmt"
	"io"
	"strings"

	"dispatch/model"
)

func init() {
	register(command{path: "client timeline", args: "CLIENT", about: "every touch with a client, newest first: read it before calling them", run: clientTimeline})
}

type touchJSON struct {
	At      string `json:"at"`
	Kind    string `json:"kind"`
	By      string `json:"by"`
	Summary string `json:"summary"`
	Ref     string `json:"ref"`
}

func clientTimeline(c *call) error {
	if err := c.parseAny(1); err != nil {
		return err
	}
	if len(c.args) == 0 {
		return usageError{msg: "name the client: " + c.cmd.args}
	}
	cl, err := c.env.Door.FindClient(c.ctx, c.actor(), strings.Join(c.args, " "))
	if err != nil {
		return err
	}
	touches, err := c.env.Door.Timeline(c.ctx, c.actor(), cl.ID)
	if err != nil {
		return err
	}
	out := []touchJSON{}
	for _, t := range touches {
		out = append(out, touchJSON{At: rfc3339(t.At), Kind: string(t.Kind), By: t.By, Summary: t.Summary, Ref: t.Ref})
	}
	return c.print(out, func(w io.Writer) {
		fmt.Fprintf(w, "%s — timeline, newest first\n", model.CleanLine(cl.Name))
		if len(touches) == 0 {
			fmt.Fprintln(w, "  no touches yet")
		}
		for _, t := range touches {
			fmt.Fprintf(w, "  %s  %-6s %s — %s\n", c.local(t.At), t.Ref, model.CleanLine(t.Summary), model.CleanLine(t.By))
		}
	})
}
