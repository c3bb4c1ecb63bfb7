package cli

import (
	"fmt"
	"io"
	"strings"

	"dispatch/model"
	"dispatch/model/door"
)

func init() {
	register(
		command{path: "client timeline", args: "CLIENT [--kind visit,invoice …] [--since 2026-01-01] [--search WORDS] [--limit 50]",
			about: "everything that happened with a client, drawn from the records, newest first: read it before calling them", run: clientTimeline},
		command{path: "touch add", args: `CLIENT --kind call|email|note --text "…" [--contact NAME]`, about: "log a call, an email or a note on a client's timeline", run: touchAdd},
	)
}

type entryJSON struct {
	At   string `json:"at"`
	Kind string `json:"kind"`
	Ref  string `json:"ref"`
	By   string `json:"by,omitempty"`
	Text string `json:"text"`
}

func clientTimeline(c *call) error {
	kinds := c.fs.String("kind", "", "only these kinds, comma separated: ticket, visit, scope, overrun, terms, invoice, touch")
	since := c.fs.String("since", "", "only entries on or after this day, like 2026-01-01")
	search := c.fs.String("search", "", "only entries holding these words")
	limit := c.fs.Int("limit", 50, "at most this many, newest first (0 for all)")
	if err := c.parseAny(1); err != nil {
		return err
	}
	if len(c.args) == 0 {
		return usageError{msg: "name the client: " + c.cmd.args}
	}
	if *limit < 0 {
		return usageError{msg: "--limit is how many entries to show, newest first: 50, say, or 0 for all"}
	}
	q := door.TimelineQuery{Search: *search, Limit: *limit}
	var bad model.Invalid
	for _, k := range strings.Split(*kinds, ",") {
		if strings.TrimSpace(k) == "" {
			continue
		}
		kind, err := model.ParseEntryKind(k)
		bad.Add("kind", err)
		q.Kinds = append(q.Kinds, kind)
	}
	if *since != "" {
		var err error
		q.Since, err = model.ParseDate("since", *since, c.env.Door.Now(), c.env.Door.Location())
		bad.Add("since", err)
	}
	if err := bad.Err(); err != nil {
		return err
	}
	cl, err := c.env.Door.FindClient(c.ctx, c.actor(), strings.Join(c.args, " "))
	if err != nil {
		return err
	}
	entries, more, err := c.env.Door.ClientTimeline(c.ctx, c.actor(), cl.ID, q)
	if err != nil {
		return err
	}
	out := []entryJSON{}
	for _, e := range entries {
		out = append(out, entryJSON{At: rfc3339(e.At), Kind: string(e.Kind), Ref: e.Ref, By: e.By, Text: e.Text})
	}
	return c.print(out, func(w io.Writer) {
		fmt.Fprintf(w, "%s — timeline, newest first\n", model.CleanLine(cl.Name))
		if len(entries) == 0 {
			fmt.Fprintln(w, "  nothing of that yet")
			return
		}
		var rows [][]string
		for _, e := range entries {
			rows = append(rows, []string{c.local(e.At), string(e.Kind), e.Ref, e.Text, e.By})
		}
		table(w, "  ", []string{"WHEN", "KIND", "ABOUT", "WHAT", "BY"}, rows)
		if more {
			fmt.Fprintf(w, "  … older entries: --limit %d, or --since a day\n", 2*max(*limit, 50))
		}
	})
}

func touchAdd(c *call) error {
	kind := c.fs.String("kind", "", "call, email or note")
	text := c.fs.String("text", "", "what was said or done, in a line")
	contact := c.fs.String("contact", "", "the client's contact it was with, if any")
	if err := c.parseAny(1); err != nil {
		return err
	}
	if len(c.args) == 0 {
		return usageError{msg: "name the client: " + c.cmd.args}
	}
	if err := required(map[string]*string{"kind": kind, "text": text}); err != nil {
		return err
	}
	k := model.TouchKind(strings.ToLower(strings.TrimSpace(*kind)))
	if k != model.TouchCall && k != model.TouchEmail && k != model.TouchNote {
		return model.FieldError{Field: "kind", Msg: fmt.Sprintf("%q is not a kind of touch; use call, email or note", model.CleanLine(*kind))}
	}
	cl, err := c.env.Door.FindClient(c.ctx, c.actor(), strings.Join(c.args, " "))
	if err != nil {
		return err
	}
	tc, err := c.env.Door.LogTouch(c.ctx, c.actor(), cl.ID, k, *text, *contact)
	if err != nil {
		return err
	}
	return c.print(entryJSON{At: rfc3339(tc.At), Kind: string(model.EntryTouch), Ref: tc.Ref, By: tc.By, Text: string(tc.Kind) + ": " + tc.Summary},
		func(w io.Writer) {
			fmt.Fprintf(w, "on %s's timeline: %s: %s\n", model.CleanLine(cl.Name), tc.Kind, model.CleanLine(tc.Summary))
		})
}

func init() {
	register(
		command{path: "client brief", args: "CLIENT", about: "before you call: what could go wrong on the call, drawn from the record now", run: clientBrief},
		command{path: "followup done", args: `V-311 --text "…"`, about: "record what the client said about a finished job; the brief stops asking", run: followupDone},
	)
}

type briefJSON struct {
	Title string   `json:"title"`
	Items []string `json:"items"`
}

func clientBrief(c *call) error {
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
	brief, err := c.env.Door.Brief(c.ctx, c.actor(), cl.ID)
	if err != nil {
		return err
	}
	out := []briefJSON{}
	for _, s := range brief {
		out = append(out, briefJSON{Title: s.Title, Items: s.Items})
	}
	return c.print(out, func(w io.Writer) {
		fmt.Fprintf(w, "%s — before you call\n", model.CleanLine(cl.Name))
		if len(brief) == 0 {
			fmt.Fprintln(w, "  nothing to know: no old tickets, disputes, overdue invoices, untold overruns or open questions")
		}
		for _, s := range brief {
			fmt.Fprintf(w, "\n%s\n", strings.ToUpper(s.Title))
			for _, it := range s.Items {
				fmt.Fprintf(w, "  · %s\n", model.CleanLine(it))
			}
		}
	})
}

func followupDone(c *call) error {
	text := c.fs.String("text", "", "what the client said")
	if err := c.parse(1); err != nil {
		return err
	}
	if err := required(map[string]*string{"text": text}); err != nil {
		return err
	}
	id, err := model.ParseID(model.PrefixVisit, c.args[0])
	if err != nil {
		return err
	}
	f, err := c.env.Door.FollowUpDone(c.ctx, c.actor(), id, *text)
	if err != nil {
		return err
	}
	return c.print(map[string]string{"visit": model.FormatID(model.PrefixVisit, f.VisitID), "text": f.Text, "at": rfc3339(f.At)}, func(w io.Writer) {
		fmt.Fprintf(w, "%s: %s — the brief stops asking\n", model.FormatID(model.PrefixVisit, f.VisitID), model.CleanLine(f.Text))
	})
}
