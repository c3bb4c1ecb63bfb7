package model

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// A billing day: Tuesday 24 Nov 2026, mainOffice time UTC.
var billDay = time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)

func hm(h, m int) time.Time {
	return billDay.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute)
}

// trip builds a visit's log from steps; ids count up from base so lines can
// be traced to them.
type trip struct {
	id     int64
	events []Event
}

func newTrip(id int64) *trip { return &trip{id: id} }

func (t *trip) step(kind EventKind, at time.Time, opts ...func(*Event)) *trip {
	e := Event{ID: t.id*100 + int64(len(t.events)) + 1, VisitID: t.id, Kind: kind, At: at, RecordedAt: at}
	for _, o := range opts {
		o(&e)
	}
	t.events = append(t.events, e)
	return t
}

func with(contact string) func(*Event) { return func(e *Event) { e.ContactName = contact } }
func on(scope int64) func(*Event)      { return func(e *Event) { e.ScopeID = scope } }
func answered(a OverrunAnswer) func(*Event) {
	return func(e *Event) { e.Answer = a }
}

func (t *trip) visit() Visit { return Visit{ID: t.id, TicketID: 12, Events: t.events} }

// standardTrip: set off 12:00, arrived 12:45, left 13:55, back 14:40 — 45m
// each way and 1h10m on site.
func standardTrip(id int64) Visit {
	return newTrip(id).step(EvTravelStarted, hm(12, 0)).step(EvArrived, hm(12, 45), with("Rob Grant")).
		step(EvDeparted, hm(13, 55), with("Rob Grant")).step(EvTravelEnded, hm(14, 40)).visit()
}

func hourly(est time.Duration) Ticket {
	return Ticket{ID: 12, Title: "Replace wireless router", Estimate: Estimate{Duration: est}, Status: TicketDone}
}

var mainOffice = Site{ID: 41, Name: "Main mainOffice", Travel: 45 * time.Minute}

func termsAt(rate Cents, travel TravelPolicy, inc time.Duration, mode RoundingMode, scope RoundingScope) BillingTerms {
	return BillingTerms{Rate: rate, Travel: travel, Increment: inc, Mode: mode, Scope: scope}
}

var authorised = &WorkAuthorisation{ID: 1, ContactName: "Rob Grant"}

func draft(t *testing.T, terms BillingTerms, work ...TicketWork) Bill {
	t.Helper()
	b, err := DraftBill(BillInput{Terms: terms, Tickets: work, Loc: time.UTC})
	if err != nil {
		t.Fatalf("DraftBill: %v", err)
	}
	for i, l := range b.Lines {
		if l.N != i+1 {
			t.Fatalf("line %d numbered %d", i+1, l.N)
		}
		if len(l.Sources) == 0 { // every line traced: rounding, minimum and cap to the lines they were computed from
			t.Fatalf("line %d (%s) names nothing it came from", l.N, l.Kind)
		}
	}
	return b
}

// kinds renders lines as "kind billed amount" for comparing whole bills.
func kinds(b Bill) string {
	var parts []string
	for _, l := range b.Lines {
		parts = append(parts, string(l.Kind)+" "+FormatDuration(l.Billed)+" "+l.Amount.String())
	}
	return strings.Join(parts, " | ")
}

func TestBillingRoundingScopesAndModes(t *testing.T) {
	hourlyTravel := TravelPolicy{Kind: TravelHourly}
	cases := []struct {
		name  string
		terms BillingTerms
		visit Visit
		want  string
		total Cents
	}{
		{"ticket scope rounds work up once, travel already whole", termsAt(120_00, hourlyTravel, 15*time.Minute, RoundUp, RoundTicket), standardTrip(1),
			"travel 45m $90.00 | work 1h10m $140.00 | travel 45m $90.00 | rounding 5m $10.00", 330_00},
		{"ticket scope nearest rounds down", termsAt(120_00, hourlyTravel, 15*time.Minute, RoundNearest, RoundTicket),
			newTrip(1).step(EvTravelStarted, hm(12, 0)).step(EvArrived, hm(12, 45)).step(EvDeparted, hm(13, 52)).step(EvTravelEnded, hm(14, 40)).visit(),
			"travel 45m $90.00 | work 1h07m $134.00 | travel 48m $96.00 | rounding -7m -$14.00 | rounding -3m -$6.00", 300_00},
		{"line scope rounds each line up", termsAt(120_00, hourlyTravel, 15*time.Minute, RoundUp, RoundLine),
			newTrip(1).step(EvTravelStarted, hm(12, 0)).step(EvArrived, hm(12, 40)).step(EvDeparted, hm(13, 50)).step(EvTravelEnded, hm(14, 31)).visit(),
			"travel 45m $90.00 | work 1h15m $150.00 | travel 45m $90.00", 330_00},
		{"line scope nearest", termsAt(120_00, hourlyTravel, 15*time.Minute, RoundNearest, RoundLine),
			newTrip(1).step(EvTravelStarted, hm(12, 0)).step(EvArrived, hm(12, 37)).step(EvDeparted, hm(13, 44)).step(EvTravelEnded, hm(14, 22)).visit(),
			"travel 30m $60.00 | work 1h $120.00 | travel 45m $90.00", 270_00},
		{"no increment, no rounding", termsAt(120_00, hourlyTravel, 0, RoundUp, RoundTicket), standardTrip(1),
			"travel 45m $90.00 | work 1h10m $140.00 | travel 45m $90.00", 320_00},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := draft(t, c.terms, TicketWork{Ticket: hourly(2 * time.Hour), Site: mainOffice, Visits: []Visit{c.visit}, Authorisation: authorised})
			if got := kinds(b); got != c.want {
				t.Errorf("lines\n got %s\nwant %s", got, c.want)
			}
			if b.Total() != c.total {
				t.Errorf("total %s, want %s", b.Total(), c.total)
			}
			for _, l := range b.Lines {
				if l.Kind != LineRounding && l.Actual != l.Billed && c.terms.Scope == RoundTicket {
					t.Errorf("ticket scope changed a recorded line's time: %+v", l)
				}
			}
		})
	}
}

func TestBillingTravelPolicies(t *testing.T) {
	cases := []struct {
		policy    string
		want      string
		toldTrave Cents
	}{
		{"none", "travel 45m $0.00 | work 1h10m $140.00 | travel 45m $0.00 | rounding 5m $10.00", 0},
		{"hourly", "travel 45m $90.00 | work 1h10m $140.00 | travel 45m $90.00 | rounding 5m $10.00", 180_00},
		{"rate:85", "travel 45m $63.75 | work 1h10m $140.00 | travel 45m $63.75 | rounding 5m $10.00", 127_50},
		{"flat:45", "travel 45m $0.00 | work 1h10m $140.00 | travel 45m $0.00 | travel 0m $45.00 | rounding 5m $10.00", 45_00},
	}
	for _, c := range cases {
		t.Run(c.policy, func(t *testing.T) {
			p, err := ParseTravelPolicy(c.policy)
			if err != nil {
				t.Fatal(err)
			}
			b := draft(t, termsAt(120_00, p, 15*time.Minute, RoundUp, RoundTicket),
				TicketWork{Ticket: hourly(2 * time.Hour), Site: mainOffice, Visits: []Visit{standardTrip(1)}, Authorisation: authorised})
			if got := kinds(b); got != c.want {
				t.Errorf("lines\n got %s\nwant %s", got, c.want)
			}
			var told Cents
			for _, it := range b.Told {
				if it.Group == GroupTravel {
					told += it.Amount
				}
			}
			if told != c.toldTrave {
				t.Errorf("told travel %s, want %s", told, c.toldTrave)
			}
			if p.String() != c.policy {
				t.Errorf("policy reads back as %q", p.String())
			}
		})
	}
}

func TestBillingMinimumCharge(t *testing.T) {
	short := newTrip(1).step(EvTravelStarted, hm(12, 0)).step(EvArrived, hm(12, 45)).step(EvDeparted, hm(13, 5)).step(EvTravelEnded, hm(13, 50)).visit()
	terms := termsAt(120_00, TravelPolicy{Kind: TravelNone}, 15*time.Minute, RoundUp, RoundTicket)
	terms.Minimum = time.Hour
	b := draft(t, terms, TicketWork{Ticket: hourly(30 * time.Minute), Site: mainOffice, Visits: []Visit{short}, Authorisation: authorised})
	want := "travel 45m $0.00 | work 20m $40.00 | travel 45m $0.00 | rounding 10m $20.00 | minimum 30m $60.00"
	if got := kinds(b); got != want {
		t.Errorf("lines\n got %s\nwant %s", got, want)
	}
	// Over the minimum, no minimum line.
	b = draft(t, terms, TicketWork{Ticket: hourly(2 * time.Hour), Site: mainOffice, Visits: []Visit{standardTrip(1)}, Authorisation: authorised})
	for _, l := range b.Lines {
		if l.Kind == LineMinimum {
			t.Errorf("minimum line on a ticket past it: %+v", l)
		}
	}
}

func TestBillingFirstJobCap(t *testing.T) {
	long := newTrip(1).step(EvTravelStarted, hm(9, 0)).step(EvArrived, hm(9, 45), with("Rob Grant")).
		step(EvDeparted, hm(14, 45), with("Rob Grant")).step(EvTravelEnded, hm(15, 30)).visit()
	terms := termsAt(120_00, TravelPolicy{Kind: TravelHourly}, 15*time.Minute, RoundUp, RoundTicket)
	cases := []struct {
		name    string
		ticket  Ticket
		want    string
		total   Cents
		capText string
	}{
		{"hourly estimate: capped at estimate × rate", Ticket{ID: 12, FirstJob: true, Estimate: Estimate{Duration: 2 * time.Hour}},
			"travel 45m $90.00 | work 5h $600.00 | travel 45m $90.00 | cap 0m -$360.00", 420_00, "$360.00 written off"},
		{"fixed quote: the quote, the time beside it", Ticket{ID: 12, FirstJob: true, Estimate: Estimate{Quote: 450_00}},
			"travel 45m $90.00 | work 5h $0.00 | travel 45m $90.00 | work 0m $450.00 | cap 0m $0.00", 630_00, "$150.00 of time"},
		{"fixed quote, not a first job: no cap line", Ticket{ID: 12, Estimate: Estimate{Quote: 450_00}},
			"travel 45m $90.00 | work 5h $0.00 | travel 45m $90.00 | work 0m $450.00", 630_00, ""},
		{"within its estimate: nothing written off", Ticket{ID: 12, FirstJob: true, Estimate: Estimate{Duration: 6 * time.Hour}},
			"travel 45m $90.00 | work 5h $600.00 | travel 45m $90.00", 780_00, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := draft(t, terms, TicketWork{Ticket: c.ticket, Site: mainOffice, Visits: []Visit{long}, Authorisation: authorised})
			if got := kinds(b); got != c.want {
				t.Errorf("lines\n got %s\nwant %s", got, c.want)
			}
			if b.Total() != c.total {
				t.Errorf("total %s, want %s", b.Total(), c.total)
			}
			found := false
			for _, l := range b.Lines {
				if l.Kind == LineCap {
					found = strings.Contains(l.Description, c.capText) && strings.Contains(l.Description, "first job — capped at the quote")
				}
			}
			if found != (c.capText != "") {
				t.Errorf("cap line with %q: %v in %+v", c.capText, found, b.Lines)
			}
		})
	}
}

// The router story of seed 001: the contact approved an add-on; on site
// 12:45 to 18:05; the device went back to the shop the next morning.
func routerStory() TicketWork {
	v1 := newTrip(1).step(EvTravelStarted, hm(12, 0)).step(EvArrived, hm(12, 45), with("Rob Grant")).
		step(EvWorkOn, hm(13, 45), on(3)).step(EvWorkOn, hm(17, 5), on(0)).
		step(EvDeparted, hm(18, 5), with("Rob Grant")).step(EvTravelEnded, hm(18, 50)).
		step(EvShopStarted, hm(33, 0)).step(EvShopStopped, hm(35, 0)).visit()
	v2 := newTrip(2).step(EvTravelStarted, hm(36, 0)).step(EvArrived, hm(36, 45), with("Rob Grant")).
		step(EvDeparted, hm(37, 0), with("Rob Grant")).step(EvTravelEnded, hm(37, 45)).visit()
	addOn := ScopeRequest{ID: 3, VisitID: 1, TicketID: 12, AskedBy: "Rob Grant", What: "replace antivirus on 10 PCs",
		Decisions: []ScopeDecision{{Kind: DecAddOn, At: hm(13, 40), ContactName: "Rob Grant", Estimate: 3 * time.Hour, ToldMeterRunning: true}}}
	return TicketWork{Ticket: hourly(time.Hour), Site: mainOffice, Visits: []Visit{v1, v2}, Requests: []ScopeRequest{addOn}, Authorisation: authorised}
}

func TestBillingAddOnsShopAndSurprise(t *testing.T) {
	terms := termsAt(120_00, TravelPolicy{Kind: TravelHourly}, 15*time.Minute, RoundUp, RoundTicket)
	b := draft(t, terms, routerStory())
	want := "travel 45m $90.00 | work 2h $240.00 | add-on 3h20m $400.00 | travel 45m $90.00 | shop 2h $240.00 | " +
		"travel 45m $90.00 | work 15m $30.00 | travel 45m $90.00 | rounding 10m $20.00"
	if got := kinds(b); got != want {
		t.Errorf("lines\n got %s\nwant %s", got, want)
	}
	inv := Invoice{Lines: b.Lines, Told: b.Told, Tolerance: DefaultTolerance}
	// told: 1h job $120 + add-on 3h $360 + two visits' travel 2 × 1h30m $180 each.
	if inv.ToldTotal() != 840_00 || inv.Total() != 1290_00 {
		t.Fatalf("told %s billed %s, want $840.00 and $1,290.00", inv.ToldTotal(), inv.Total())
	}
	if !inv.Surprise() || inv.Held() == "" {
		t.Errorf("a bill $450 over what was told is not held as a surprise")
	}
	on := strings.Join(b.Warnings, "\n")
	for _, w := range []string{"T-12 took 4h15m on the job", "add-on S-3 took 3h20m against the 3h Rob Grant was told"} {
		if !strings.Contains(on, w) {
			t.Errorf("warnings lack %q:\n%s", w, on)
		}
	}
	line2 := b.Lines[1]
	if !strings.Contains(line2.Description, "arrived 12:45, checked in with Rob Grant; left 18:05, checked out with Rob Grant") {
		t.Errorf("on-site line reads %q", line2.Description)
	}
	if strings.Join(line2.Sources, ",") != "E-102,E-103,E-104,E-105" {
		t.Errorf("on-site line traced to %v", line2.Sources)
	}
	cmp := CompareTold(b.Lines, b.Told)
	if len(cmp) != 3 || cmp[0].Group != GroupJob || cmp[0].Told != 120_00 || cmp[0].Billed != 530_00 {
		t.Errorf("told against billed: %+v", cmp)
	}
	// Explained, it may go; grown past what was explained, it is held again.
	inv.Explanation, inv.ExplainedOver = "the notebook failed after the antivirus; the client agreed to the shop", inv.Over()
	if inv.Held() != "" {
		t.Errorf("an explained surprise is still held: %s", inv.Held())
	}
	inv.Lines = append(inv.Lines, InvoiceLine{Kind: LineAdjustment, Amount: 500_00})
	if held := inv.Held(); !strings.Contains(held, "the explanation was written for $450.00 over") {
		t.Errorf("a surprise grown past its explanation: %q", held)
	}
}

// What the client was told is priced at the terms they accepted: raising
// the rate after the work makes the invoice a surprise, and says why.
func TestToldIsPricedAtTheTermsAccepted(t *testing.T) {
	accepted := termsAt(140_00, TravelPolicy{Kind: TravelNone}, 15*time.Minute, RoundUp, RoundTicket)
	now := termsAt(300_00, TravelPolicy{Kind: TravelHourly}, 15*time.Minute, RoundUp, RoundTicket)
	work := TicketWork{Ticket: hourly(2 * time.Hour), Site: mainOffice, Visits: []Visit{standardTrip(1)},
		Authorisation: &WorkAuthorisation{ContactName: "Rob Grant", Accepted: accepted}}
	b := draft(t, now, work)
	inv := Invoice{Lines: b.Lines, Told: b.Told, Tolerance: DefaultTolerance}
	// told: 2h at $140; billed: 1h15m at $300 and 1h30m of travel at $300.
	if inv.ToldTotal() != 280_00 || inv.Total() != 825_00 || !inv.Surprise() {
		t.Errorf("told %s billed %s surprise %v", inv.ToldTotal(), inv.Total(), inv.Surprise())
	}
	if w := strings.Join(b.Warnings, "\n"); !strings.Contains(w, "the terms changed since Rob Grant accepted them (rate $140.00/h → $300.00/h, travel none → hourly)") {
		t.Errorf("warnings: %s", w)
	}
}

func TestBillingPartsAndSeveralTickets(t *testing.T) {
	terms := termsAt(120_00, TravelPolicy{Kind: TravelNone}, 15*time.Minute, RoundUp, RoundTicket)
	first := TicketWork{Ticket: hourly(2 * time.Hour), Site: mainOffice, Visits: []Visit{standardTrip(1)}, Authorisation: authorised,
		Parts: []Part{{ID: 2, Description: "Wireless router", Qty: 2, Price: 189_00, ApprovedBy: "Rob Grant"}}}
	second := TicketWork{Ticket: Ticket{ID: 13, Estimate: Estimate{Duration: time.Hour}}, Site: mainOffice, Visits: []Visit{standardTrip(2)}}
	b := draft(t, terms, first, second)
	if b.Total() != SumLines(b.Lines) || b.Total() != 150_00+378_00+150_00 {
		t.Errorf("total %s", b.Total())
	}
	var part InvoiceLine
	for _, l := range b.Lines {
		if l.Kind == LinePart {
			part = l
		}
	}
	if part.Amount != 378_00 || part.Qty != 2 || part.Rate != 189_00 || part.Sources[0] != "PT-2" || part.TicketID != 12 {
		t.Errorf("part line %+v", part)
	}
	if b.Lines[len(b.Lines)-1].TicketID != 13 {
		t.Errorf("second ticket's lines are not its own")
	}
	if !strings.Contains(strings.Join(b.Warnings, "\n"), "T-13 has no work authorisation") {
		t.Errorf("no warning for a ticket without authorisation: %v", b.Warnings)
	}
}

func TestBillingVisitsThatDoNotBill(t *testing.T) {
	terms := termsAt(120_00, TravelPolicy{Kind: TravelHourly}, 15*time.Minute, RoundUp, RoundTicket)
	cancelled := newTrip(5).step(EvScheduled, hm(8, 0)).step(EvCancelled, hm(8, 30)).visit()
	b := draft(t, terms, TicketWork{Ticket: hourly(2 * time.Hour), Site: mainOffice, Visits: []Visit{cancelled, standardTrip(1)}, Authorisation: authorised})
	for _, l := range b.Lines {
		if l.VisitID == 5 {
			t.Errorf("a cancelled visit is billed: %+v", l)
		}
	}
	under := newTrip(6).step(EvTravelStarted, hm(12, 0)).step(EvArrived, hm(12, 45)).visit()
	_, err := DraftBill(BillInput{Terms: terms, Tickets: []TicketWork{{Ticket: hourly(time.Hour), Visits: []Visit{under}}}})
	var uw UnderWay
	if !errors.As(err, &uw) || !strings.Contains(err.Error(), "V-6") || !strings.Contains(err.Error(), "on site") {
		t.Errorf("a visit under way does not block the draft: %v", err)
	}
}

func TestBillingVisitPastMidnight(t *testing.T) {
	late := newTrip(1).step(EvTravelStarted, hm(23, 30)).step(EvArrived, hm(24, 15), with("Rob Grant")).
		step(EvDeparted, hm(26, 0), with("Rob Grant")).step(EvTravelEnded, hm(26, 45)).visit()
	b := draft(t, termsAt(120_00, TravelPolicy{Kind: TravelHourly}, 15*time.Minute, RoundUp, RoundTicket),
		TicketWork{Ticket: hourly(2 * time.Hour), Site: mainOffice, Visits: []Visit{late}, Authorisation: authorised})
	if got := kinds(b); got != "travel 45m $90.00 | work 1h45m $210.00 | travel 45m $90.00" {
		t.Errorf("lines %s", got)
	}
	if d := b.Lines[0].Description; !strings.Contains(d, "Tue 24 Nov · travel to Main mainOffice: set off 23:30, arrived Wed 25 Nov 00:15") {
		t.Errorf("a leg past midnight reads %q", d)
	}
}

func TestBillingToldOverrunCarryingOn(t *testing.T) {
	v := newTrip(1).step(EvTravelStarted, hm(9, 0)).step(EvArrived, hm(9, 45)).
		step(EvEstimateOver, hm(10, 50), answered(ToldContinue)).step(EvDeparted, hm(12, 45)).step(EvTravelEnded, hm(13, 30)).visit()
	b := draft(t, termsAt(120_00, TravelPolicy{Kind: TravelNone}, 0, RoundUp, RoundTicket),
		TicketWork{Ticket: hourly(time.Hour), Site: mainOffice, Visits: []Visit{v}, Authorisation: authorised})
	var overrun Cents
	for _, it := range b.Told {
		if strings.Contains(it.Description, "carrying on") {
			overrun += it.Amount
		}
	}
	if overrun != 230_00 { // 3h on site, 1h estimate: 1h55m after the answer, 2h past the estimate
		t.Errorf("told overrun %s, want $230.00 (1h55m after the answer)", overrun)
	}
}

func TestSurpriseTolerance(t *testing.T) {
	cases := []struct {
		billed, told Cents
		surprise     bool
	}{
		{1100_00, 1000_00, false}, // 10% exactly
		{1100_01, 1000_00, true},
		{125_00, 100_00, false}, // $25 is more than 10% of $100
		{125_01, 100_00, true},
		{25_00, 0, false},
		{25_01, 0, true},
		{50_00, 900_00, false}, // under is never a surprise
	}
	for _, c := range cases {
		if got := IsSurprise(c.billed, c.told, DefaultTolerance); got != c.surprise {
			t.Errorf("billed %s told %s: surprise %v, want %v", c.billed, c.told, got, c.surprise)
		}
	}
}

func TestAmountForRoundsHalfUpOncePerLine(t *testing.T) {
	cases := []struct {
		d    time.Duration
		rate Cents
		want Cents
	}{
		{time.Hour, 120_00, 120_00},
		{15 * time.Second, 1_20, 1}, // half a cent rounds up
		{14 * time.Second, 1_20, 0},
		{-15 * time.Second, 1_20, -1},
		{20 * time.Minute, 100_00, 33_33},
		{40 * time.Minute, 100_00, 66_67},
		{200 * time.Hour, MaxMoney, 200 * MaxMoney},
	}
	for _, c := range cases {
		if got := AmountFor(c.d, c.rate); got != c.want {
			t.Errorf("AmountFor(%s, %s) = %s, want %s", c.d, c.rate, got, c.want)
		}
	}
}

func TestRoundTime(t *testing.T) {
	q := 15 * time.Minute
	cases := []struct {
		d    time.Duration
		mode RoundingMode
		want time.Duration
	}{
		{0, RoundUp, 0},
		{time.Minute, RoundUp, q},
		{q, RoundUp, q},
		{q + time.Second, RoundUp, 2 * q},
		{7 * time.Minute, RoundNearest, 0},
		{7*time.Minute + 30*time.Second, RoundNearest, q}, // a half rounds up
		{22 * time.Minute, RoundNearest, q},
	}
	for _, c := range cases {
		if got := RoundTime(c.d, q, c.mode); got != c.want {
			t.Errorf("RoundTime(%s, %s) = %s, want %s", c.d, c.mode, got, c.want)
		}
	}
}

func TestOwnTermsOverOffice(t *testing.T) {
	officeTerms := DefaultBillingTerms()
	officeTerms.Rate = 100_00
	five := 5 * time.Minute
	got := OwnTerms{Rate: 150_00, Increment: &five, Travel: TravelPolicy{Kind: TravelFlat, Amount: 45_00}}.Over(officeTerms, Terms{NetDays: 15})
	want := BillingTerms{Rate: 150_00, Travel: TravelPolicy{Kind: TravelFlat, Amount: 45_00}, Increment: five, Mode: RoundUp, Scope: RoundTicket, Payment: Terms{NetDays: 15}}
	if got != want {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if got := (OwnTerms{}).Over(officeTerms, Terms{}); got.Rate != 100_00 || got.Travel.Kind != TravelNone {
		t.Errorf("unset terms do not follow the mainOffice: %+v", got)
	}
}

func TestParseTravelPolicy(t *testing.T) {
	for in, ok := range map[string]bool{"none": true, "Hourly": true, "rate:85": true, "flat:45.50": true, "rate": false, "flat:": false,
		"none:5": false, "weekly": false, "rate:-5": false, "": false} {
		if _, err := ParseTravelPolicy(in); (err == nil) != ok {
			t.Errorf("ParseTravelPolicy(%q) error %v", in, err)
		}
	}
}

// Told at 80% and never at 100%: the warning says which.
func TestOverrunWarningSaysWhatTheContactWasTold(t *testing.T) {
	v := newTrip(1).step(EvTravelStarted, hm(9, 0)).step(EvArrived, hm(9, 45)).
		step(EvEstimateNear, hm(10, 35), answered(ToldContinue)).step(EvDeparted, hm(11, 30)).step(EvTravelEnded, hm(12, 15)).visit()
	b := draft(t, termsAt(120_00, TravelPolicy{Kind: TravelNone}, 0, RoundUp, RoundTicket),
		TicketWork{Ticket: hourly(time.Hour), Site: mainOffice, Visits: []Visit{v}, Authorisation: authorised})
	if w := strings.Join(b.Warnings, "\n"); !strings.Contains(w, "V-1: the contact was told the job was near its estimate, and nobody recorded telling them it passed it") {
		t.Errorf("warnings: %s", w)
	}
}
