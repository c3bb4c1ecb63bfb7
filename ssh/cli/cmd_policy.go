package cli

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"dispatch/model"
)

func init() {
	register(
		command{path: "policy show", about: "how to get service from us: hours, holidays, response and resolution times", run: policyShow},
		command{path: "policy set", args: `[--tz Z] [--hours "mon-fri 08:00-17:00"]… [--holiday 2026-12-25]… [--p2 4h/1bd] [--at-risk 25%]`,
			about: "change the office policy (managers, admins); every clock follows", run: policySet},
	)
}

// listFlag collects a flag given more than once.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ", ") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

var priorityWords = map[model.Priority]string{model.P1: "emergency", model.P2: "urgent", model.P3: "normal", model.P4: "when convenient"}

type policyJSON struct {
	Zone     string            `json:"time_zone"`
	Hours    map[string]string `json:"hours"` // "monday": "08:00-17:00" or "closed"
	Holidays []string          `json:"holidays"`
	Targets  map[string]string `json:"targets"` // "P1": "1h/4h 24x7"
	AtRisk   int               `json:"at_risk_percent"`
	DaySecs  int64             `json:"business_day_seconds"`
}

func policyShow(c *call) error {
	if err := c.parse(0); err != nil {
		return err
	}
	return c.showPolicy()
}

// showPolicy prints the policy as the page a client reads: how to get
// service from us.
func (c *call) showPolicy() error {
	p, loc, err := c.env.Door.Policy(c.ctx, c.actor())
	if err != nil {
		return err
	}
	out := policyJSON{Zone: loc.String(), Hours: map[string]string{}, Holidays: append([]string{}, p.Holidays...),
		Targets: map[string]string{}, AtRisk: int(p.AtRisk * 100), DaySecs: seconds(p.DayLength())}
	for d := time.Sunday; d <= time.Saturday; d++ {
		out.Hours[strings.ToLower(d.String())] = hoursText(p.Week[d])
	}
	for _, pr := range []model.Priority{model.P1, model.P2, model.P3, model.P4} {
		out.Targets[pr.String()] = model.FormatTarget(p.Targets[pr])
	}
	return c.print(out, func(w io.Writer) {
		fmt.Fprintln(w, "HOW TO GET SERVICE FROM US")
		fmt.Fprintln(w)
		fmt.Fprintf(w, "Our hours (%s):\n", loc)
		for _, line := range weekLines(p) {
			fmt.Fprintf(w, "  %s\n", line)
		}
		if len(p.Holidays) > 0 {
			fmt.Fprintf(w, "Closed on: %s\n", strings.Join(p.Holidays, ", "))
		}
		fmt.Fprintln(w, "\nHow fast we respond and resolve, by priority:")
		for _, pr := range []model.Priority{model.P1, model.P2, model.P3, model.P4} {
			t := p.Targets[pr]
			when := "counted in business hours"
			if t.AroundTheClock {
				when = "around the clock"
			}
			fmt.Fprintf(w, "  %s %-16s respond within %s, resolve within %s, %s\n", pr, priorityWords[pr], t.Response, t.Resolution, when)
		}
		fmt.Fprintln(w, "\nOutside our hours only P1 emergencies are worked: call the support line and say it is an emergency.")
		fmt.Fprintln(w, "Anything else is logged and its clock starts when we open.")
		fmt.Fprintln(w, "While we wait on you (a password, a decision, access), the resolution clock is paused.")
		fmt.Fprintf(w, "A business day is %s.\n", model.FormatDuration(p.DayLength()))
	})
}

func hoursText(h model.OpenHours) string {
	if h.Closed() {
		return "closed"
	}
	at := func(d time.Duration) string {
		return fmt.Sprintf("%02d:%02d", int(d/time.Hour), int(d%time.Hour/time.Minute))
	}
	return at(h.Open) + "-" + at(h.Close)
}

// weekLines groups weekdays with the same hours: "Monday–Friday 08:00-17:00".
func weekLines(p model.Policy) []string {
	var out []string
	order := []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}
	for i := 0; i < len(order); {
		j := i
		for j+1 < len(order) && p.Week[order[j+1]] == p.Week[order[i]] {
			j++
		}
		days := order[i].String()
		if j > i {
			days += "–" + order[j].String()
		}
		out = append(out, fmt.Sprintf("%-20s %s", days, hoursText(p.Week[order[i]])))
		i = j + 1
	}
	return out
}

func policySet(c *call) error {
	var hours, holidays, unholidays listFlag
	c.fs.Var(&hours, "hours", `business hours for some days: "mon-fri 08:00-17:00", "sat closed" (repeatable)`)
	c.fs.Var(&holidays, "holiday", "a date the office is closed, like 2026-12-25 (repeatable)")
	c.fs.Var(&unholidays, "not-holiday", "remove a holiday (repeatable)")
	tz := c.fs.String("tz", "", "the office's time zone, like America/Chicago")
	atRisk := c.fs.String("at-risk", "", "the share of a target left at which a clock turns amber, like 25%")
	targets := map[model.Priority]*string{}
	for _, pr := range []model.Priority{model.P1, model.P2, model.P3, model.P4} {
		targets[pr] = c.fs.String(strings.ToLower(pr.String()), "", pr.String()+` targets: response/resolution like 4h/1bd, "24x7" for around the clock`)
	}
	if err := c.parse(0); err != nil {
		return err
	}
	who := c.actor()
	if err := who.Role.Check(model.ActSetPolicy); err != nil {
		return err
	}
	p, _, err := c.env.Door.Policy(c.ctx, who)
	if err != nil {
		return err
	}
	var inv model.Invalid
	if *tz != "" {
		p.Zone = strings.TrimSpace(*tz)
	}
	for _, h := range hours {
		days, open, err := model.ParseHours(h)
		inv.Add("hours", err)
		for _, d := range days {
			p.Week[d] = open
		}
	}
	for _, h := range holidays {
		if _, err := time.Parse(model.DateLayout, strings.TrimSpace(h)); err != nil {
			inv.Add("holiday", model.FieldError{Field: "holiday", Msg: fmt.Sprintf("%q is not a date; write it like 2026-12-25", model.CleanLine(h))})
		} else if !p.IsHoliday(strings.TrimSpace(h)) {
			p.Holidays = append(p.Holidays, strings.TrimSpace(h))
		}
	}
	for _, h := range unholidays {
		kept := p.Holidays[:0]
		for _, d := range p.Holidays {
			if d != strings.TrimSpace(h) {
				kept = append(kept, d)
			}
		}
		p.Holidays = kept
	}
	sort.Strings(p.Holidays)
	for pr, v := range targets {
		if strings.TrimSpace(*v) != "" {
			t, err := model.ParseTarget(strings.ToLower(pr.String()), *v)
			inv.Add(strings.ToLower(pr.String()), err)
			p.Targets[pr] = t
		}
	}
	if *atRisk != "" {
		n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(*atRisk), "%"))
		if err != nil || n < 1 || n > 99 {
			inv.Add("at risk", model.FieldError{Field: "at risk", Msg: fmt.Sprintf("%q is not a share; write it like 25%%", model.CleanLine(*atRisk))})
		} else {
			p.AtRisk = float64(n) / 100
		}
	}
	if err := inv.Err(); err != nil {
		return err
	}
	if err := c.env.Door.SetPolicy(c.ctx, who, p); err != nil {
		return err
	}
	return c.showPolicy()
}
