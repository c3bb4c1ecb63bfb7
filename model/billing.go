package model

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// TicketWork is everything an invoice reads about one done ticket.
type TicketWork struct {
	Ticket        Ticket
	Site          Site
	Visits        []Visit
	Requests      []ScopeRequest // asked on its visits; the approved ones are add-ons
	Parts         []Part
	Authorisation *WorkAuthorisation // the latest, or nil
}

// BillInput is what a draft is drawn from: terms, the tickets' records, and
// the office's zone to write times in.
type BillInput struct {
	Terms   BillingTerms
	Tickets []TicketWork
	Loc     *time.Location
}

// Bill is a draft's lines, what the client was told, and what a reviewer
// should know before it goes out.
type Bill struct {
	Lines    []InvoiceLine
	Told     []ToldItem
	Warnings []string
}

// Total is the sum of the bill's lines.
func (b Bill) Total() Cents { return SumLines(b.Lines) }

// UnderWay refuses a draft while a visit of its tickets is still going: its
// time is not yet known.
type UnderWay struct{ Visit Visit }

func (e UnderWay) Error() string {
	return fmt.Sprintf("%s of T-%d is still under way (%s); an invoice reads only finished visits — finish it, or correct its steps, then draft again",
		e.Visit.Ref(), e.Visit.TicketID, e.Visit.Phase())
}

// DraftBill draws an invoice's lines from the recorded steps of its tickets'
// visits, with what the client was told beside them. It reads nothing else
// and changes nothing: the same records give the same bill.
func DraftBill(in BillInput) (Bill, error) {
	if in.Loc == nil {
		in.Loc = time.UTC
	}
	var bill Bill
	if in.Terms.Rate == 0 {
		bill.Warnings = append(bill.Warnings, "the hourly rate is $0.00, so time is billed at nothing; set it with client terms CLIENT --rate … (or --office)")
	}
	for _, tw := range in.Tickets {
		for _, v := range tw.Visits {
			if v.Phase().Active() {
				return Bill{}, UnderWay{Visit: v}
			}
		}
		tb := ticketBill{terms: in.Terms, work: tw, loc: in.Loc}
		tb.draw()
		bill.Lines = append(bill.Lines, tb.lines...)
		bill.Told = append(bill.Told, tb.told...)
		bill.Warnings = append(bill.Warnings, tb.warnings...)
	}
	for i := range bill.Lines {
		bill.Lines[i].N = i + 1
	}
	return bill, nil
}

// ticketBill draws one ticket's share of a bill.
type ticketBill struct {
	terms    BillingTerms // what the work is billed at: the client's terms now
	toldAt   BillingTerms // what the client was told at: the terms they accepted
	work     TicketWork
	loc      *time.Location
	lines    []InvoiceLine
	told     []ToldItem
	warnings []string
}

func (b *ticketBill) warn(format string, args ...any) {
	b.warnings = append(b.warnings, fmt.Sprintf(format, args...))
}

func (b *ticketBill) ticketRef() string { return b.work.Ticket.Ref() }

// fixed reports whether the job is billed at its fixed quote.
func (b *ticketBill) fixed() bool { return b.work.Ticket.Estimate.Quote > 0 }

// travelRate is what an hour of travel costs under the policy.
func (b *ticketBill) travelRate() Cents { return travelRateOf(b.terms) }

func travelRateOf(t BillingTerms) Cents {
	switch t.Travel.Kind {
	case TravelHourly:
		return t.Rate
	case TravelRate:
		return t.Travel.Amount
	}
	return 0
}

func (b *ticketBill) draw() {
	t := b.work.Ticket
	b.toldAt = b.terms
	switch a := b.work.Authorisation; {
	case a == nil:
		b.warn("%s has no work authorisation: nobody accepted the terms for it, so what the client was told is priced at today's terms; record one (T on the ticket's page, or ticket authorise %s --contact NAME)", t.Ref(), t.Ref())
	case a.Accepted.Travel.Kind == "": // recorded before terms were kept as figures
	default:
		b.toldAt = a.Accepted
		if changed := termsChanged(a.Accepted, b.terms); changed != "" {
			b.warn("%s: the terms changed since %s accepted them (%s); what the client was told is priced at the terms accepted", t.Ref(), orSomeone(a.ContactName), changed)
		}
	}
	visits := workedVisits(b.work.Visits)
	for _, v := range b.work.Visits {
		if v.Phase() == PhaseScheduled {
			b.warn("%s was booked and never started; it is not billed", v.Ref())
		}
	}
	if len(visits) == 0 {
		what := "nothing on site or in the shop is billed"
		if b.fixed() {
			what = "its fixed quote is billed all the same"
		}
		b.warn("%s has no visit that was worked: %s", t.Ref(), what)
	}
	for _, v := range visits {
		b.visitLines(v)
	}
	if b.fixed() {
		b.quoteLine()
	}
	b.rounding()
	b.minimum()
	b.firstJobCap()
	b.partLines()
	b.drawTold(visits)
	b.lookForSurprises(visits)
	for i := range b.lines {
		b.lines[i].TicketID = t.ID
		b.lines[i].Amount = b.amountOf(b.lines[i])
	}
}

// amountOf is a line's money: its fixed amount, a part's price times its
// quantity, or its billed time at its rate.
func (b *ticketBill) amountOf(l InvoiceLine) Cents {
	switch {
	case l.Kind == LinePart:
		return l.Rate * Cents(max(l.Qty, 1))
	case l.Rate == 0:
		return l.Amount
	}
	return AmountFor(l.Billed, l.Rate)
}

// workedVisits are the visits that happened, in the order they did: cancelled and
// never-started ones are not billed.
func workedVisits(visits []Visit) []Visit {
	var out []Visit
	for _, v := range visits {
		if p := v.Phase(); p != PhaseCancelled && p != PhaseScheduled {
			out = append(out, v)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return firstStep(out[i]).Before(firstStep(out[j])) })
	return out
}

func firstStep(v Visit) time.Time {
	for _, e := range v.Events {
		if e.Timed() {
			return e.At
		}
	}
	return v.ScheduledAt
}

// timeLine is a line of recorded time at a rate, billed as recorded until
// the rounding says otherwise.
func timeLine(kind LineKind, group string, v Visit, desc string, d time.Duration, rate Cents, sources []string) InvoiceLine {
	return InvoiceLine{VisitID: v.ID, Kind: kind, Group: group, Description: desc, Actual: d, Billed: d, Rate: rate, Sources: sources}
}

func (b *ticketBill) visitLines(v Visit) {
	day := b.day(v)
	shares := AttributeOnSite(v.Events, time.Time{})
	travelRate := b.travelRate()
	workRate := b.terms.Rate
	covered := ""
	if b.fixed() {
		workRate, covered = 0, " — covered by the fixed quote"
	}
	travelled := false
	for _, leg := range LegsOf(v.Events) {
		from, to := leg.From, leg.To
		refs := []string{from.Ref(), to.Ref()}
		switch leg.Phase {
		case PhaseTravelling:
			travelled = true
			b.lines = append(b.lines, timeLine(LineTravel, GroupTravel, v,
				fmt.Sprintf("%s %s · travel to %s: set off %s, arrived %s%s", v.Ref(), day, b.work.Site.Name, b.clock(from.At, v), b.clock(to.At, v), b.noCharge(travelRate)),
				leg.Took(), travelRate, refs))
		case PhaseReturning:
			b.lines = append(b.lines, timeLine(LineTravel, GroupTravel, v,
				fmt.Sprintf("%s %s · travel back: left %s, back %s%s", v.Ref(), day, b.clock(from.At, v), b.clock(to.At, v), b.noCharge(travelRate)),
				leg.Took(), travelRate, refs))
		case PhaseOnSite:
			b.onSiteLines(v, leg, shares, workRate, covered)
		case PhaseInShop:
			b.lines = append(b.lines, timeLine(LineShop, GroupJob, v,
				fmt.Sprintf("%s %s · shop: worked on it at the shop %s–%s%s", v.Ref(), b.dayOf(from.At), b.hm(from.At), b.hm(to.At), covered),
				leg.Took(), workRate, refs))
		}
	}
	if travelled && b.terms.Travel.Kind == TravelFlat {
		b.lines = append(b.lines, InvoiceLine{VisitID: v.ID, Kind: LineTravel, Group: GroupTravel,
			Description: fmt.Sprintf("%s %s · call-out fee", v.Ref(), day), Amount: b.terms.Travel.Amount,
			Sources: eventRefs(v.Events, func(e Event) bool { return e.Kind == EvTravelStarted })})
	}
}

// onSiteLines are the stay's time on the main job, then on each add-on.
func (b *ticketBill) onSiteLines(v Visit, leg Leg, shares Shares, workRate Cents, covered string) {
	in, out := leg.From, leg.To
	inLeg := func(e Event) bool { return within(e, leg) && (e.Timed() || e.Kind == EvWorkOn) }
	desc := fmt.Sprintf("%s %s · on site: arrived %s, checked in with %s; left %s, checked out with %s",
		v.Ref(), b.day(v), b.clock(in.At, v), orSomeone(in.ContactName), b.clock(out.At, v), orSomeone(out.ContactName))
	if paused := TimesOf(v.Events, out.At).Paused; paused > 0 {
		desc += fmt.Sprintf(" (%s paused, not billed)", FormatDuration(paused))
	}
	main := shares[0]
	b.lines = append(b.lines, timeLine(LineWork, GroupJob, v, desc+covered, main, workRate, eventRefs(v.Events, inLeg)))
	for _, r := range b.work.Requests {
		d, ok := shares[r.ID]
		if !ok || r.VisitID != v.ID {
			continue
		}
		approval := r.addOnApproval()
		line := timeLine(LineAddOn, GroupAddOn(r.ID), v,
			fmt.Sprintf("%s %s · add-on %s %s — asked by %s, approved by %s at %s, about %s", v.Ref(), b.day(v), r.Ref(), r.What,
				orSomeone(r.AskedBy), orSomeone(approval.ContactName), b.clock(approval.At, v), FormatDuration(approval.Estimate)),
			d, b.terms.Rate, append([]string{r.Ref()}, eventRefs(v.Events, func(e Event) bool { return e.Kind == EvWorkOn && e.ScopeID == r.ID })...))
		b.lines = append(b.lines, line)
	}
}

// addOnApproval is the contact's approval of an add-on.
func (r ScopeRequest) addOnApproval() ScopeDecision {
	for _, d := range r.Decisions {
		if d.Kind == DecAddOn {
			return d
		}
	}
	return ScopeDecision{}
}

func orSomeone(name string) string {
	if name == "" {
		return "nobody named"
	}
	return name
}

func (b *ticketBill) noCharge(rate Cents) string {
	switch {
	case b.terms.Travel.Kind == TravelFlat:
		return " — covered by the call-out fee"
	case rate == 0:
		return " — at no charge"
	}
	return ""
}

// quoteLine bills a fixed quote, with the job's time beside it.
func (b *ticketBill) quoteLine() {
	var d time.Duration
	var refs []string
	for _, l := range b.lines {
		if l.Kind == LineWork || l.Kind == LineShop {
			d += l.Actual
			refs = append(refs, l.Sources...)
		}
	}
	t := b.work.Ticket
	if len(refs) == 0 {
		refs = []string{t.Ref()} // no visit worked: the quote is the ticket's own
	}
	b.lines = append(b.lines, InvoiceLine{Kind: LineWork, Group: GroupJob, Actual: d, Amount: t.Estimate.Quote, Sources: refs,
		Description: fmt.Sprintf("%s %s — fixed quote %s", t.Ref(), t.Title, t.Estimate.Quote)})
}

// sourcesOf are the sources of the lines a computed line (rounding, a
// minimum, a cap) was computed from, each once, in order; the ticket's own
// id when there are none.
func (b *ticketBill) sourcesOf(from func(InvoiceLine) bool) []string {
	var out []string
	seen := map[string]bool{}
	for _, l := range b.lines {
		if !from(l) {
			continue
		}
		for _, s := range l.Sources {
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	if len(out) == 0 {
		return []string{b.ticketRef()}
	}
	return out
}

// roundedTo says how time was rounded, as the client reads it: "up to the
// next 15m: 1h15m", "to the nearest 15m: 1h".
func (b *ticketBill) roundedTo(d time.Duration) string {
	to := RoundTime(d, b.terms.Increment, b.terms.Mode)
	if b.terms.Mode == RoundNearest {
		return fmt.Sprintf("to the nearest %s: %s", FormatDuration(b.terms.Increment), FormatDuration(to))
	}
	return fmt.Sprintf("up to the next %s: %s", FormatDuration(b.terms.Increment), FormatDuration(to))
}

// rounding applies the terms' rounding: each line's time, or each ticket's
// work and travel summed and rounded once, the difference a line of its own.
func (b *ticketBill) rounding() {
	if b.terms.Increment <= 0 {
		return
	}
	rounded := func(l InvoiceLine) bool {
		return l.Rate > 0 && (l.Kind == LineTravel || l.Kind == LineWork || l.Kind == LineAddOn || l.Kind == LineShop)
	}
	if b.terms.Scope == RoundLine {
		for i, l := range b.lines {
			if rounded(l) {
				b.lines[i].Billed = RoundTime(l.Actual, b.terms.Increment, b.terms.Mode)
			}
		}
		return
	}
	var work, travel time.Duration
	for _, l := range b.lines {
		switch {
		case !rounded(l):
		case l.Kind == LineTravel:
			travel += l.Actual
		default:
			work += l.Actual
		}
	}
	if diff := RoundTime(work, b.terms.Increment, b.terms.Mode) - work; diff != 0 && work > 0 {
		b.lines = append(b.lines, InvoiceLine{Kind: LineRounding, Group: GroupJob, Billed: diff, Rate: b.terms.Rate,
			Sources:     b.sourcesOf(func(l InvoiceLine) bool { return rounded(l) && l.Kind != LineTravel }),
			Description: fmt.Sprintf("%s rounding: work %s rounded %s", b.ticketRef(), FormatExact(work), b.roundedTo(work))})
	}
	if diff := RoundTime(travel, b.terms.Increment, b.terms.Mode) - travel; diff != 0 && travel > 0 {
		b.lines = append(b.lines, InvoiceLine{Kind: LineRounding, Group: GroupTravel, Billed: diff, Rate: b.travelRate(),
			Sources:     b.sourcesOf(func(l InvoiceLine) bool { return rounded(l) && l.Kind == LineTravel }),
			Description: fmt.Sprintf("%s rounding: travel %s rounded %s", b.ticketRef(), FormatExact(travel), b.roundedTo(travel))})
	}
}

// billedWork is the work time billed by the hour: the job, its add-ons, its
// shop time and their rounding.
func (b *ticketBill) billedWork() time.Duration {
	var d time.Duration
	for _, l := range b.lines {
		if l.Rate > 0 && l.Kind != LineTravel && !(l.Kind == LineRounding && l.Group == GroupTravel) {
			d += l.Billed
		}
	}
	return d
}

// minimum tops a ticket's billed work up to the terms' minimum charge.
func (b *ticketBill) minimum() {
	if b.fixed() || b.terms.Minimum <= 0 {
		return
	}
	if short := b.terms.Minimum - b.billedWork(); short > 0 {
		b.lines = append(b.lines, InvoiceLine{Kind: LineMinimum, Group: GroupJob, Billed: short, Rate: b.terms.Rate,
			Sources:     b.sourcesOf(func(l InvoiceLine) bool { return l.Rate > 0 && l.Kind != LineTravel && l.Group != GroupTravel }),
			Description: fmt.Sprintf("%s minimum charge: %s per ticket, %s worked", b.ticketRef(), FormatDuration(b.terms.Minimum), FormatDuration(b.billedWork()))})
	}
}

// groupAmount is what the lines of a group bill so far.
func (b *ticketBill) groupAmount(group string) Cents {
	var c Cents
	for _, l := range b.lines {
		if l.Group == group {
			c += b.amountOf(l)
		}
	}
	return c
}

// firstJobCap holds a first job to its quote: what the job bills past it is
// written off on a line of its own, so the client sees how much. Travel,
// add-ons and parts were agreed separately and are billed as agreed.
func (b *ticketBill) firstJobCap() {
	t := b.work.Ticket
	if !t.FirstJob {
		return
	}
	if b.fixed() {
		var d time.Duration
		for _, l := range b.lines {
			if l.Kind == LineWork && l.Rate == 0 && l.Amount == 0 || l.Kind == LineShop {
				d += l.Actual
			}
		}
		if value := AmountFor(d, b.terms.Rate); value > t.Estimate.Quote {
			b.lines = append(b.lines, InvoiceLine{Kind: LineCap, Group: GroupJob, Actual: d, Sources: b.sourcesOf(inGroup(GroupJob)),
				Description: fmt.Sprintf("%s first job — capped at the quote of %s: %s of time (%s at %s/h) written off",
					t.Ref(), t.Estimate.Quote, value-t.Estimate.Quote, FormatDuration(d), b.terms.Rate)})
		}
		return
	}
	if t.Estimate.Duration <= 0 {
		return
	}
	// The quote is what the client was told the job would cost: its
	// estimate (or the minimum, if more) at the rate they accepted.
	est := max(t.Estimate.Duration, b.toldAt.Minimum)
	quote := AmountFor(est, b.toldAt.Rate)
	if job := b.groupAmount(GroupJob); job > quote {
		b.lines = append(b.lines, InvoiceLine{Kind: LineCap, Group: GroupJob, Amount: quote - job, Sources: b.sourcesOf(inGroup(GroupJob)),
			Description: fmt.Sprintf("%s first job — capped at the quote of %s (%s at %s/h): %s written off",
				t.Ref(), quote, FormatDuration(est), b.toldAt.Rate, job-quote)})
	}
}

func inGroup(group string) func(InvoiceLine) bool {
	return func(l InvoiceLine) bool { return l.Group == group }
}

func (b *ticketBill) partLines() {
	seen := map[string]string{}
	for _, p := range b.work.Parts {
		same := fmt.Sprintf("%s|%d|%d", strings.ToLower(p.Description), p.Qty, p.Price)
		if first, ok := seen[same]; ok {
			b.warn("%s and %s are the same part at the same price; if it was added twice, take one off (part remove %s --reason …)", first, p.Ref(), p.Ref())
		}
		seen[same] = p.Ref()
		b.lines = append(b.lines, InvoiceLine{Kind: LinePart, Group: GroupParts, Qty: p.Qty, Rate: p.Price, Sources: []string{p.Ref()},
			Description: fmt.Sprintf("%s %s × %d at %s, approved by %s", p.Ref(), p.Description, p.Qty, p.Price, orSomeone(p.ApprovedBy))})
	}
}

// clock is an instant as the client reads it: the time of day, and the date
// too when it is not the visit's first day (a visit past midnight).
func (b *ticketBill) clock(t time.Time, v Visit) string {
	local := t.In(b.loc)
	if start := firstStep(v).In(b.loc); local.YearDay() != start.YearDay() || local.Year() != start.Year() {
		return local.Format("Mon 2 Jan 15:04")
	}
	return local.Format("15:04")
}

func (b *ticketBill) hm(t time.Time) string { return t.In(b.loc).Format("15:04") }

func (b *ticketBill) day(v Visit) string { return b.dayOf(firstStep(v)) }

func (b *ticketBill) dayOf(t time.Time) string { return t.In(b.loc).Format("Mon 2 Jan") }

// termsChanged says how the terms billed differ from those accepted, where
// it changes the money: "rate $140.00/h → $300.00/h".
func termsChanged(accepted, now BillingTerms) string {
	var out []string
	if accepted.Rate != now.Rate {
		out = append(out, fmt.Sprintf("rate %s/h → %s/h", accepted.Rate, now.Rate))
	}
	if accepted.Travel != now.Travel {
		out = append(out, fmt.Sprintf("travel %s → %s", accepted.Travel, now.Travel))
	}
	if accepted.Minimum != now.Minimum {
		out = append(out, fmt.Sprintf("minimum %s → %s", FormatDuration(accepted.Minimum), FormatDuration(now.Minimum)))
	}
	if accepted.Increment != now.Increment || accepted.Mode != now.Mode || accepted.Scope != now.Scope {
		out = append(out, "rounding")
	}
	return strings.Join(out, ", ")
}
