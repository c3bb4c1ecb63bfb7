package cli

import (
	"cmp"
	"fmt"
	"io"
	"strings"

	"dispatch/model"
	"dispatch/model/door"
)

func init() {
	register(
		command{path: "client terms", args: "(CLIENT | --office) [--rate 120] [--travel none|hourly|rate:85|flat:45] [--rounding 15m] " +
			"[--rounding-mode up|nearest] [--rounding-scope ticket|line] [--minimum 1h] [--terms delivery|net15] [office: --tolerance 10% --tolerance-min 25 --from \"name · address\"]",
			about: "show or set billing terms: a client's own (\"office\" resets one to the office's), or the office's defaults (managers)", run: clientTerms},
	)
}

type termsJSON struct {
	Client          string   `json:"client,omitempty"`
	RateCents       int64    `json:"rate_cents"`
	Travel          string   `json:"travel"`
	RoundingSeconds int64    `json:"rounding_seconds"`
	RoundingMode    string   `json:"rounding_mode"`
	RoundingScope   string   `json:"rounding_scope"`
	MinimumSeconds  int64    `json:"minimum_seconds"`
	Payment         string   `json:"payment"`
	Own             []string `json:"own,omitempty"` // the client's own settings; the rest are the office's
	TolerancePct    int      `json:"tolerance_percent,omitempty"`
	ToleranceCents  int64    `json:"tolerance_cents,omitempty"`
	From            string   `json:"from,omitempty"`
}

// termsFlags are the flags both forms of client terms take.
type termsFlags struct {
	rate, travel, rounding, mode, scope, minimum, payment *string
	anyway                                                *bool // raise prices without the notice owed, the client having agreed
}

func (f termsFlags) any() bool {
	for _, v := range []*string{f.rate, f.travel, f.rounding, f.mode, f.scope, f.minimum, f.payment} {
		if *v != "" {
			return true
		}
	}
	return false
}

func clientTerms(c *call) error {
	f := termsFlags{
		rate:     c.fs.String("rate", "", "hourly rate, like 120 or $120.50"),
		travel:   c.fs.String("travel", "", "travel: none (shown at no charge), hourly (the rate), rate:85 (its own), flat:45 (a call-out fee per visit)"),
		rounding: c.fs.String("rounding", "", "rounding increment, like 15m or 6m (0 for none)"),
		mode:     c.fs.String("rounding-mode", "", "up or nearest"),
		scope:    c.fs.String("rounding-scope", "", "ticket (each ticket's total, once) or line (each line)"),
		minimum:  c.fs.String("minimum", "", "minimum work billed per ticket, like 1h (0 for none)"),
		payment:  c.fs.String("terms", "", "payment terms: delivery or net15, net30 …"),
		anyway:   c.fs.Bool("anyway", false, "raise prices now without the 30 days' notice a client without a contract is owed: they agreed"),
	}
	office := c.fs.Bool("office", false, "the office's defaults, for every client without its own")
	tolerance := c.fs.String("tolerance", "", "office: how far over what the client was told an invoice may be, in percent, like 10%")
	toleranceMin := c.fs.String("tolerance-min", "", "office: and at least this amount, like 25")
	from := c.fs.String("from", "", "office: who invoices are from, as they head them: \"Northside IT · 4 Mill St · 555-0100\"")
	if err := c.parseAny(1); err != nil {
		return err
	}
	who := c.actor()
	if *office {
		if len(c.args) > 0 {
			return usageError{msg: "--office sets the office's defaults; name no client with it"}
		}
		return c.officeTerms(who, f, *tolerance, *toleranceMin, *from)
	}
	if len(c.args) == 0 {
		return usageError{msg: "name the client, or give --office: " + c.cmd.args}
	}
	if *tolerance != "" || *toleranceMin != "" || *from != "" {
		return usageError{msg: "the surprise tolerance and who invoices are from are the office's: client terms --office --tolerance 10% --from \"…\""}
	}
	cl, err := c.env.Door.FindClient(c.ctx, who, strings.Join(c.args, " "))
	if err != nil {
		return err
	}
	if strings.EqualFold(strings.TrimSpace(*f.payment), "office") { // payment terms are the client's own: "office" copies the office's
		o, err := c.env.Door.OfficeTerms(c.ctx, who)
		if err != nil {
			return err
		}
		*f.payment = o.Payment.String()
	}
	var ct door.ClientTerms
	if f.any() {
		ct, err = c.env.Door.SetClientTerms(c.ctx, who, cl.ID, func(o *model.OwnTerms, pay *model.Terms) error { return f.applyOwn(o, pay) }, *f.anyway)
		err = withAnyway(err)
	} else {
		ct, err = c.env.Door.TermsOf(c.ctx, who, cl.ID)
	}
	if err != nil {
		return err
	}
	return c.printTerms(ct.Client.Name, ct.Effective, ownFields(ct.Client.Own), nil)
}

func (c *call) officeTerms(who model.Actor, f termsFlags, tolerance, toleranceMin, from string) error {
	var o model.OfficeTerms
	var err error
	if f.any() || tolerance != "" || toleranceMin != "" || from != "" {
		o, err = c.env.Door.SetOfficeTerms(c.ctx, who, func(o *model.OfficeTerms) error {
			inc, minimum := o.Increment, o.Minimum
			own := model.OwnTerms{Rate: o.Rate, Travel: o.Travel, Increment: &inc, Mode: o.Mode, Scope: o.Scope, Minimum: &minimum}
			if err := f.applyOwn(&own, &o.Payment); err != nil {
				return err
			}
			if own.Travel.Kind == "" || own.Increment == nil || own.Mode == "" || own.Scope == "" || own.Minimum == nil ||
				strings.EqualFold(*f.rate, "office") {
				return model.FieldError{Field: "office", Msg: "terms are the defaults: \"office\" has nothing to fall back to; give a value"}
			}
			o.Rate, o.Travel, o.Increment, o.Mode, o.Scope, o.Minimum = own.Rate, own.Travel, *own.Increment, own.Mode, own.Scope, *own.Minimum
			var inv model.Invalid
			if tolerance != "" {
				o.Tolerance.Percent, err = model.ParsePercent("tolerance", tolerance)
				inv.Add("tolerance", err)
			}
			if toleranceMin != "" {
				o.Tolerance.Amount, err = model.ParseMoney("tolerance-min", toleranceMin)
				inv.Add("tolerance-min", err)
			}
			if from != "" {
				o.From = model.CleanLine(from)
				inv.Add("from", model.TextLimit{Field: "from", Max: 200}.Check(o.From))
			}
			return inv.Err()
		}, *f.anyway)
		err = withAnyway(err)
	} else {
		o, err = c.env.Door.OfficeTerms(c.ctx, who)
	}
	if err != nil {
		return err
	}
	return c.printTerms("", o.BillingTerms, nil, &o)
}

// applyOwn sets what the flags say; "office" clears a client's own setting.
func (f termsFlags) applyOwn(o *model.OwnTerms, pay *model.Terms) error {
	return model.TermsChange{Rate: *f.rate, Travel: *f.travel, Rounding: *f.rounding, Mode: *f.mode, Scope: *f.scope,
		Minimum: *f.minimum, Payment: *f.payment}.Apply(o, pay)
}

// ownFields names the settings a client has of its own.
func ownFields(o model.OwnTerms) []string {
	var out []string
	for _, f := range []struct {
		name string
		set  bool
	}{{"rate", o.Rate > 0}, {"travel", o.Travel.Kind != ""}, {"rounding", o.Increment != nil}, {"rounding-mode", o.Mode != ""},
		{"rounding-scope", o.Scope != ""}, {"minimum", o.Minimum != nil}, {"terms", true}} {
		if f.set {
			out = append(out, f.name)
		}
	}
	return out
}

func (c *call) printTerms(client string, t model.BillingTerms, own []string, office *model.OfficeTerms) error {
	j := termsJSON{Client: client, RateCents: int64(t.Rate), Travel: t.Travel.String(), RoundingSeconds: seconds(t.Increment),
		RoundingMode: string(t.Mode), RoundingScope: string(t.Scope), MinimumSeconds: seconds(t.Minimum), Payment: t.Payment.String(), Own: own}
	if office != nil {
		j.TolerancePct, j.ToleranceCents, j.From = office.Tolerance.Percent, int64(office.Tolerance.Amount), office.From
	}
	whose := func(names ...string) string {
		if client == "" {
			return ""
		}
		for _, o := range own {
			for _, name := range names {
				if o == name {
					return "  (its own)"
				}
			}
		}
		return "  (the office's)"
	}
	return c.print(j, func(w io.Writer) {
		if client == "" {
			fmt.Fprintln(w, "office terms — the defaults for every client without its own")
		} else {
			fmt.Fprintf(w, "%s — terms\n", model.CleanLine(client))
		}
		rate := t.Rate.String() + "/h"
		if t.Rate == 0 {
			rate = "not set — invoices bill time at $0.00 until it is"
		}
		field(w, "rate", rate+whose("rate"))
		field(w, "travel", fmt.Sprintf("%s — %s%s", t.Travel, t.Travel.Describe(t.Rate), whose("travel")))
		rounding := "none"
		if t.Increment > 0 {
			rounding = fmt.Sprintf("%s %s, per %s", model.FormatDuration(t.Increment), t.Mode, t.Scope)
		}
		field(w, "rounding", rounding+whose("rounding", "rounding-mode", "rounding-scope"))
		minimum := "none"
		if t.Minimum > 0 {
			minimum = model.FormatDuration(t.Minimum) + " per ticket"
		}
		field(w, "minimum", minimum+whose("minimum"))
		field(w, "payment", t.Payment.String())
		if office != nil {
			field(w, "surprise", "an invoice over what the client was told by more than "+office.Tolerance.String())
			field(w, "from", cmp.Or(office.From, "not set — invoices name no sender until --from is given"))
		}
	})
}
