package door

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"dispatch/model"
)

// A technician with an email hears of every booking of theirs, its move
// and its cancellation, muted client or not; a visit handed to someone
// else is withdrawn from the first technician's calendar and sent to the
// second's, under the same UID.
func TestTheTechnicianGetsTheInvitations(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	f.d.SetMail(context.Background(), model.Mailbox{Email: "office@northside.example"})
	if _, err := f.d.SetUserEmail(ctx, f.tech, "Sam", "sam@northside.example"); err != nil {
		t.Fatal(err)
	}
	lee, err := f.d.AddUser(ctx, model.Console, "Lee", model.RoleTech, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.d.SetUserEmail(ctx, model.Console, "Lee", "lee@northside.example"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.d.SetClientNotify(ctx, f.admin, f.client.ID, func(p *model.NotifyPolicy) { p.Muted = true }); err != nil {
		t.Fatal(err)
	}
	v := f.visitFor(t, f.tech)
	if _, err := f.d.MoveVisit(ctx, f.disp, v.ID, model.Move{At: f.clock.T.Add(3 * time.Hour), Anyway: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.d.MoveVisit(ctx, f.disp, v.ID, model.Move{TechID: lee.ID, Anyway: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.d.CancelVisit(ctx, f.disp, v.ID, "Dana fixed it"); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range f.letters(t) {
		if l.UserID == 0 {
			t.Errorf("a muted client was written to: %s", l.Subject)
			continue
		}
		method := "REQUEST"
		if strings.Contains(l.ICS, "METHOD:CANCEL") {
			method = "CANCEL"
		}
		seq := l.ICS[strings.Index(l.ICS, "SEQUENCE:")+9:]
		got = append(got, l.To.Email+" "+method+" "+seq[:strings.Index(seq, "\r")])
		if !strings.Contains(l.ICS, fmt.Sprintf("UID:visit-%d@", v.ID)) {
			t.Errorf("%s: not the visit's UID", l.Subject)
		}
	}
	want := []string{"lee@northside.example CANCEL 3", "sam@northside.example CANCEL 2", "lee@northside.example REQUEST 2",
		"sam@northside.example REQUEST 1", "sam@northside.example REQUEST 0"} // newest first
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the technicians got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, l := range f.letters(t) {
		if strings.Contains(l.Text, "$") {
			t.Errorf("a technician's letter states money: %s", l.Text)
		}
	}
}

// A calendar secret opens its technician's feed until it is rotated; an
// unknown one and a rotated one are the same not found. A technician reads
// only their own calendar.
func TestACalendarSecret(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	v := f.visitFor(t, f.tech)
	token, _, err := f.d.CalendarToken(ctx, f.tech, "Sam", false)
	if err != nil || len(token) < 32 {
		t.Fatalf("token %q: %v", token, err)
	}
	again, since, err := f.d.CalendarToken(ctx, f.tech, "Sam", false)
	if err != nil || again != "" || !since.Equal(f.clock.T) {
		t.Errorf("asked again without rotating: %q since %s (%v)", again, since, err)
	}
	ics, err := f.d.CalendarFeed(ctx, token)
	if err != nil || !strings.Contains(ics, fmt.Sprintf("UID:visit-%d@", v.ID)) || !strings.Contains(ics, "REFRESH-INTERVAL") {
		t.Fatalf("the feed: %v\n%s", err, ics)
	}
	rotated, _, err := f.d.CalendarToken(ctx, model.Console, "Sam", true)
	if err != nil || rotated == token {
		t.Fatalf("rotated: %q %v", rotated, err)
	}
	_, errOld := f.d.CalendarFeed(ctx, token)
	_, errUnknown := f.d.CalendarFeed(ctx, "not-a-token")
	if !errors.Is(errOld, model.ErrNotFound) || errOld.Error() != errUnknown.Error() {
		t.Errorf("a rotated secret: %v; an unknown one: %v", errOld, errUnknown)
	}
	if _, err := f.d.CalendarFeed(ctx, rotated); err != nil {
		t.Errorf("the new secret: %v", err)
	}
	if _, _, err := f.d.CalendarToken(ctx, f.tech, "Rita", true); !errors.As(err, new(model.Forbidden)) {
		t.Errorf("a technician made someone else's secret: %v", err)
	}
	if _, err := f.d.TechCalendar(ctx, f.tech, "Rita", f.clock.T, f.clock.T.AddDate(0, 0, 14)); !errors.As(err, new(model.Forbidden)) {
		t.Errorf("a technician read someone else's calendar: %v", err)
	}
	mine, err := f.d.TechCalendar(ctx, f.disp, "Sam", f.clock.T, f.clock.T.AddDate(0, 0, 14))
	if err != nil || strings.Count(mine, "BEGIN:VEVENT") != 1 {
		t.Errorf("the office reads Sam's fortnight: %v\n%s", err, mine)
	}
	if _, err := f.d.SetUserEmail(ctx, f.tech, "Sam", "not an address"); err == nil {
		t.Error("a broken address was kept")
	}
}

// However a booked visit ends — its ticket withdrawn or done on site on
// another visit, its technician leaving — the technician's calendar and
// the client hear of it.
func TestEveryWayABookingEndsIsTold(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	f.d.SetMail(context.Background(), model.Mailbox{Email: "office@northside.example"})
	if _, err := f.d.SetUserEmail(ctx, model.Console, "Sam", "sam@northside.example"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.d.EditContact(ctx, f.disp, f.contact.ID, ContactChange{Email: ptr("dana@acme.example")}); err != nil {
		t.Fatal(err)
	}
	told := func(v model.Visit) []string {
		var out []string
		for _, l := range f.letters(t) {
			if l.VisitID == v.ID {
				out = append(out, string(l.Kind)+" "+l.To.Email)
			}
		}
		return out
	}
	withdrawn := func(v model.Visit, want ...string) {
		t.Helper()
		got := told(v)
		if len(got) < len(want) || strings.Join(got[:len(want)], ", ") != strings.Join(want, ", ") {
			t.Errorf("%s: told %q, want first %q", v.Ref(), got, want)
		}
	}

	withdrawnTicket := f.visitFor(t, f.tech)
	if _, err := f.d.TrackTicket(ctx, f.disp, withdrawnTicket.TicketID, Track{Kind: model.TkCancelled, Note: "they bought a new one"}); err != nil {
		t.Fatal(err)
	}
	withdrawn(withdrawnTicket, "cancelled sam@northside.example", "cancelled dana@acme.example") // newest first

	first := f.visitFor(t, f.tech)
	second, err := f.d.Book(ctx, f.disp, Booking{TicketID: first.TicketID, TechID: f.tech.UserID, At: f.clock.T.Add(48 * time.Hour), Anyway: true})
	if err != nil {
		t.Fatal(err)
	}
	f.arrive(t, first, 30*time.Minute)
	f.record(t, f.tech, first, Step{Kind: model.EvDeparted, Contact: "Dana Ruiz", Outcome: model.Outcome{Done: true}})
	f.record(t, f.tech, first, Step{Kind: model.EvTravelEnded})
	withdrawn(second, "cancelled sam@northside.example", "cancelled dana@acme.example")

	if _, err := f.d.AddUser(ctx, model.Console, "Lee", model.RoleTech, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := f.d.SetUserEmail(ctx, model.Console, "Lee", "lee@northside.example"); err != nil {
		t.Fatal(err)
	}
	handed := f.visitFor(t, f.tech)
	if _, err := f.d.RemoveUser(ctx, model.Console, "Sam", "Lee"); err != nil {
		t.Fatal(err)
	}
	withdrawn(handed, "cancelled sam@northside.example", "booked lee@northside.example", "moved dana@acme.example")
}

// A visit keeps one calendar UID whatever address the office sends from,
// and set before or after: a calendar never holds it twice.
func TestOneUIDWhateverTheAddress(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if _, err := f.d.EditContact(ctx, f.disp, f.contact.ID, ContactChange{Email: ptr("dana@acme.example")}); err != nil {
		t.Fatal(err)
	}
	v := f.visitFor(t, f.tech) // no sending address yet
	if err := f.d.SetMail(ctx, model.Mailbox{Name: "Northside IT", Email: "office@northside.example"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.d.MoveVisit(ctx, f.disp, v.ID, model.Move{At: f.clock.T.Add(3 * time.Hour), Anyway: true}); err != nil {
		t.Fatal(err)
	}
	uids := map[string]bool{}
	for _, l := range f.letters(t) {
		_, rest, _ := strings.Cut(l.ICS, "UID:")
		uid, _, _ := strings.Cut(rest, "\r\n")
		uids[uid] = true
	}
	moved := f.letters(t)[0]
	if len(uids) != 1 || !strings.HasSuffix(moved.Text, "— Northside IT\n") || !strings.HasSuffix(moved.MessageID, "@northside.example>") {
		t.Errorf("UIDs %v; the move reads:\n%s\n%s", uids, moved.Text, moved.MessageID)
	}
}

// A move is news of the booking itself to whoever was never told of it (a
// technician who set an address since, a contact added to the letters
// since), and a cancellation goes only to those who were.
func TestAMoveToSomeoneNeverToldIsABooking(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	f.mailing(t)
	if _, err := f.d.AddContact(ctx, f.disp, model.Contact{ClientID: f.client.ID, Name: "Tom Becker", Role: model.ContactBackup, Email: "tom@acme.example"}); err != nil {
		t.Fatal(err)
	}
	v := f.visitFor(t, f.tech) // Dana is told; Sam has no address yet, Tom is not in the letters
	if _, err := f.d.SetUserEmail(ctx, f.tech, "Sam", "sam@northside.example"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.d.SetClientNotify(ctx, f.admin, f.client.ID, func(p *model.NotifyPolicy) {
		p.To = []model.Audience{model.ToAuthorised, model.ToBackup}
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.d.MoveVisit(ctx, f.disp, v.ID, model.Move{At: f.clock.T.Add(3 * time.Hour), Anyway: true}); err != nil {
		t.Fatal(err)
	}
	got := f.outbox(t)
	want := []string{"booked dana@acme.example: Visit booked for", "moved dana@acme.example: Visit moved to", "booked tom@acme.example: Visit booked for",
		"booked sam@northside.example: Booked"}
	if len(got) != len(want) {
		t.Fatalf("the outbox holds %q", got)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("letter %d is %q, want %q…", i, got[i], want[i])
		}
	}
	if _, err := f.d.SetClientNotify(ctx, f.admin, f.client.ID, func(p *model.NotifyPolicy) {
		p.To = []model.Audience{model.ToAuthorised, model.ToBackup, model.ToRequester}
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.d.CancelVisit(ctx, f.disp, v.ID, "fixed"); err != nil {
		t.Fatal(err)
	}
	if n := len(f.outbox(t)) - len(want); n != 3 { // Dana, Tom, Sam: all told before
		t.Errorf("the cancellation went to %d: %q", n, f.outbox(t)[len(want):])
	}
}

// Someone told of a booking is still told of its move after their address
// changed: it is the same person's calendar entry.
func TestTheToldAreKnownByWhoNotByAddress(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	f.mailing(t)
	v := f.visitFor(t, f.tech)
	if _, err := f.d.EditContact(ctx, f.disp, f.contact.ID, ContactChange{Email: ptr("dana.ruiz@acme.example")}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.d.MoveVisit(ctx, f.disp, v.ID, model.Move{At: f.clock.T.Add(3 * time.Hour), Anyway: true}); err != nil {
		t.Fatal(err)
	}
	if got := f.outbox(t); len(got) != 2 || !strings.HasPrefix(got[1], "moved dana.ruiz@acme.example: Visit moved to") {
		t.Errorf("the outbox holds %q", got)
	}
}
