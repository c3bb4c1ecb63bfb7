package model

import (
	"fmt"
	"time"
)

// drawTold is what the client heard a ticket would cost: its estimate or
// quote at the rate, each approved add-on's estimate, the expected travel of
// each visit under the policy, the time past the estimate they agreed to
// when told, and the parts they approved.
func (b *ticketBill) drawTold(visits []Visit) {
	t := b.work.Ticket
	tell := func(group, desc string, amount Cents, sources ...string) {
		b.told = append(b.told, ToldItem{TicketID: t.ID, Group: group, Description: desc, Amount: amount, Sources: sources})
	}
	switch {
	case b.fixed():
		tell(GroupJob, fmt.Sprintf("%s fixed quote %s", t.Ref(), t.Estimate.Quote), t.Estimate.Quote)
	case t.Estimate.Duration > 0:
		est := t.Estimate.Duration
		what := fmt.Sprintf("%s estimate %s at %s/h", t.Ref(), FormatDuration(est), b.toldAt.Rate)
		if b.toldAt.Minimum > est {
			est, what = b.toldAt.Minimum, fmt.Sprintf("%s minimum charge %s at %s/h (estimate %s)", t.Ref(), FormatDuration(b.toldAt.Minimum), b.toldAt.Rate, FormatDuration(t.Estimate.Duration))
		}
		tell(GroupJob, what, AmountFor(est, b.toldAt.Rate))
		if !t.FirstJob {
			b.toldOverrun(visits)
		}
	default:
		tell(GroupJob, t.Ref()+" no estimate was given", 0)
		b.warn("%s has no estimate, so the client was told nothing of its cost; every hour of it is a surprise", t.Ref())
	}
	for _, r := range b.work.Requests {
		if r.State() != ScopeApproved {
			continue
		}
		a := r.addOnApproval()
		tell(GroupAddOn(r.ID), fmt.Sprintf("add-on %s: about %s at %s/h, approved by %s", r.Ref(), FormatDuration(a.Estimate), b.toldAt.Rate, orSomeone(a.ContactName)),
			AmountFor(a.Estimate, b.toldAt.Rate), r.Ref())
	}
	for _, v := range visits {
		b.toldTravel(v)
	}
	for _, p := range b.work.Parts {
		tell(GroupParts, fmt.Sprintf("%s %s, approved by %s", p.Ref(), p.Description, orSomeone(p.ApprovedBy)), p.Amount(), p.Ref())
	}
}

// toldTravel is a visit's expected travel under the policy: the site's
// travel time each way.
func (b *ticketBill) toldTravel(v Visit) {
	each := b.work.Site.Travel
	var amount Cents
	var desc string
	switch b.toldAt.Travel.Kind {
	case TravelFlat:
		amount, desc = b.toldAt.Travel.Amount, fmt.Sprintf("%s call-out fee %s", v.Ref(), b.toldAt.Travel.Amount)
	case TravelHourly, TravelRate:
		// each way priced as a leg is, so a trip that took the usual time bills to the cent what was told
		amount, desc = 2*AmountFor(each, travelRateOf(b.toldAt)), fmt.Sprintf("%s travel %s each way at %s/h", v.Ref(), FormatDuration(each), travelRateOf(b.toldAt))
	default:
		return
	}
	b.told = append(b.told, ToldItem{TicketID: b.work.Ticket.ID, Group: GroupTravel, Description: desc, Amount: amount, Sources: []string{v.Ref()}})
}

// toldOverrun is the time past the estimate the contact agreed to: main-job
// time after they were told and said carry on, as far as it ran past the
// estimate.
func (b *ticketBill) toldOverrun(visits []Visit) {
	var total, afterTold time.Duration
	var refs []string
	for _, v := range visits {
		total += AttributeOnSite(v.Events, time.Time{})[0]
		for _, e := range v.Events {
			if (e.Kind == EvEstimateNear || e.Kind == EvEstimateOver) && e.Answer == ToldContinue {
				afterTold += mainAfter(v.Events, e.At)
				refs = append(refs, e.Ref())
				break
			}
		}
	}
	past := total - b.work.Ticket.Estimate.Duration
	if len(refs) == 0 || past <= 0 {
		return
	}
	d := min(past, afterTold)
	b.told = append(b.told, ToldItem{TicketID: b.work.Ticket.ID, Group: GroupJob, Amount: AmountFor(d, b.toldAt.Rate), Sources: refs,
		Description: fmt.Sprintf("%s told the job would run past its estimate, carrying on: %s at %s/h", b.ticketRef(), FormatDuration(d), b.toldAt.Rate)})
}

// mainAfter is main-job time on site after an instant.
func mainAfter(events []Event, from time.Time) time.Duration {
	var d time.Duration
	var before []Event
	for _, e := range events {
		if !e.At.After(from) {
			before = append(before, e)
		}
	}
	d = AttributeOnSite(events, time.Time{})[0] - AttributeOnSite(before, from)[0]
	return max(d, 0)
}

// lookForSurprises tells the reviewer what may make the invoice wrong or
// unexpected: corrected and late times, a contact nobody reached, time past
// what was told.
func (b *ticketBill) lookForSurprises(visits []Visit) {
	t := b.work.Ticket
	var main time.Duration
	for _, v := range visits {
		main += AttributeOnSite(v.Events, time.Time{})[0] + TimesOf(v.Events, time.Time{}).Shop
		if v.AfterTheFact {
			b.warn("%s was entered after the fact; check its times against the technician's notes", v.Ref())
		}
		for _, e := range v.Events {
			if e.Fix != nil {
				b.warn("%s: %s %s was corrected from %s to %s (%s)", v.Ref(), e.Ref(), e.Kind.Label(),
					e.Fix.OriginalAt.In(b.loc).Format("Mon 15:04"), e.At.In(b.loc).Format("Mon 15:04"), e.Fix.Reason)
			}
		}
		if e, unreachable := OverrunAlert(v.Events); unreachable {
			b.warn("%s: nobody could be reached when the job %s its estimate (%s)", v.Ref(),
				map[EventKind]string{EvEstimateNear: "neared", EvEstimateOver: "passed"}[e.Kind], e.Ref())
		}
		if last := lastTimed(v.Events); last != nil && !b.fixed() && OverrunDue(v.Events, t.Estimate.Duration, last.At) != EstimateNone {
			if answeredLevel(v.Events) == EstimateNear {
				b.warn("%s: the contact was told the job was near its estimate, and nobody recorded telling them it passed it", v.Ref())
			} else {
				b.warn("%s: the job ran past its estimate and nobody recorded telling the contact", v.Ref())
			}
		}
	}
	if est := t.Estimate.Duration; est > 0 && main > est {
		b.warn("%s took %s on the job (on site and in the shop) against an estimate of %s", t.Ref(), FormatDuration(main), FormatDuration(est))
	}
	for _, r := range b.work.Requests {
		if r.State() != ScopeApproved {
			continue
		}
		var d time.Duration
		for _, v := range visits {
			d += AttributeOnSite(v.Events, time.Time{})[r.ID]
		}
		if a := r.addOnApproval(); d > a.Estimate {
			b.warn("add-on %s took %s against the %s %s was told", r.Ref(), FormatDuration(d), FormatDuration(a.Estimate), orSomeone(a.ContactName))
		}
	}
}

// Comparison is one row of told against billed: a ticket's job, an add-on,
// its travel, its parts, or the adjustments.
type Comparison struct {
	TicketID int64
	Group    string
	Told     Cents
	Billed   Cents
	ToldWhat []string // what the client was told, as said
}

// Over is how much this row bills past what was told.
func (c Comparison) Over() Cents { return c.Billed - c.Told }

// CompareTold sets what was told beside what is billed, group by group, in
// the order the invoice reads.
func CompareTold(lines []InvoiceLine, told []ToldItem) []Comparison {
	type key struct {
		ticket int64
		group  string
	}
	var order []key
	rows := map[key]*Comparison{}
	row := func(k key) *Comparison {
		if r, ok := rows[k]; ok {
			return r
		}
		order = append(order, k)
		rows[k] = &Comparison{TicketID: k.ticket, Group: k.group}
		return rows[k]
	}
	for _, t := range told {
		r := row(key{t.TicketID, t.Group})
		r.Told += t.Amount
		r.ToldWhat = append(r.ToldWhat, t.Description)
	}
	for _, l := range lines {
		row(key{l.TicketID, l.Group}).Billed += l.Amount
	}
	out := make([]Comparison, len(order))
	for i, k := range order {
		out[i] = *rows[k]
	}
	return out
}
