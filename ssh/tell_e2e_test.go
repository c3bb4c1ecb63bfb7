package ssh

import (
	"context"
	"io"
	"mime"
	"mime/quotedprintable"
	"strings"
	"testing"
	"time"

	"dispatch/model"
	"dispatch/model/mail"
	"dispatch/model/mail/mailtest"
)

// A technician's steps over SSH reach the client's inbox through a real
// mail server, each once, with the times and names of the record; a muted
// client hears nothing.
func TestTheClientHearsOfTheVisitByEmail(t *testing.T) {
	o, inbox, send := mailOffice(t)
	kim := newKey(t)
	if _, err := o.door.AddUser(context.Background(), model.Console, "Kim Tran", model.RoleTech, authorizedLine(kim)); err != nil { // free this afternoon
		t.Fatal(err)
	}
	o.keys["Kim Tran"] = kim
	before := len(inbox.Messages())

	ticket := refIn(t, "T", o.run("Rita Gomez", `ticket new --client "Acme Dental" --contact "Dana Ruiz" --title "New label printer" `+
		`--scope "Install the printer at reception" --priority P3 --estimate 1h`))
	visit := refIn(t, "V", o.run("Rita Gomez", `visit schedule `+ticket+` --tech "Kim Tran" --at "2026-11-25 15:30" --anyway`))
	send() // the booking goes out as it is made: once the visit begins it would be old news
	o.run("Kim Tran", "visit travel "+visit)
	o.clock.Advance(40 * time.Minute)
	o.run("Kim Tran", `visit arrive `+visit+` --contact "Dana Ruiz"`)
	o.clock.Advance(20 * time.Minute)
	ask := refIn(t, "S", o.run("Kim Tran", `scope ask `+visit+` --asked-by "Dana Ruiz" --what "Set up scan to email on the copier"`))
	o.run("Kim Tran", `scope add-on `+ask+` --approved-by "Dana Ruiz" --estimate 30m --told-meter-running`)
	o.run("Kim Tran", `visit work-on `+visit+` `+ask)
	o.clock.Advance(30 * time.Minute)
	o.run("Kim Tran", `visit depart `+visit+` --contact "Dana Ruiz" --done`)
	send()
	send() // a second round sends nothing twice

	got := inbox.Messages()[before:]
	var subjects []string
	for _, m := range got {
		subjects = append(subjects, m.To+" "+subjectOf(m.Data))
	}
	want := []string{"dana@acmedental.example Visit booked for Wed 25 Nov at 15:30: New label printer",
		"dana@acmedental.example Kim Tran is on the way: New label printer", "dana@acmedental.example Kim Tran has arrived: New label printer",
		"dana@acmedental.example Added to the visit: Set up scan to email on the copier", "dana@acmedental.example Visit summary: New label printer"}
	if strings.Join(subjects, "\n") != strings.Join(want, "\n") {
		t.Fatalf("the inbox holds:\n%s\nwant:\n%s", strings.Join(subjects, "\n"), strings.Join(want, "\n"))
	}
	if addOn := textOf(got[3].Data); !strings.Contains(addOn, "The meter is running on: Set up scan to email on the copier — about 30 minutes") ||
		!strings.Contains(addOn, "approved by Dana Ruiz at 16:00") {
		t.Errorf("the add-on:\n%s", addOn)
	}
	if !strings.Contains(textOf(got[1].Data), "Kim Tran set off to you at 15:00") || !strings.Contains(textOf(got[2].Data), "at 15:40, checked in with Dana Ruiz") {
		t.Errorf("the times and names:\n%s\n%s", textOf(got[1].Data), textOf(got[2].Data))
	}
	if !strings.Contains(got[0].Data, "text/calendar") || !strings.Contains(got[0].Data, "METHOD:REQUEST") {
		t.Errorf("the booking carries no invitation:\n%s", got[0].Data)
	}
	if summary := textOf(got[4].Data); !strings.Contains(summary, "- Travel: set off 15:00, arrived 15:40: 40 minutes") ||
		!strings.Contains(summary, "left 16:30: 50 minutes") || !strings.Contains(summary, "  - New label printer: 20 minutes") ||
		!strings.Contains(summary, "added at your request: Set up scan to email on the copier, approved by Dana Ruiz at 16:00: 30 minutes") ||
		!strings.Contains(summary, "- Left at 16:30, checked out with Dana Ruiz") {
		t.Errorf("the visit summary:\n%s", summary)
	}

	if out := o.run("Rita Gomez", `client timeline "Acme Dental" --kind touch`); !strings.Contains(out, "email to Dana Ruiz: Kim Tran has arrived: New label printer") {
		t.Errorf("the letters sent are not on the timeline:\n%s", out)
	}
	o.run("Ann Admin", `client notify "Acme Dental" --mute`)
	again := refIn(t, "T", o.run("Rita Gomez", `ticket new --client "Acme Dental" --contact "Dana Ruiz" --title "Second printer" --scope x --priority P3 --estimate 1h`))
	other := refIn(t, "V", o.run("Rita Gomez", `visit schedule `+again+` --tech "Kim Tran" --at "2026-11-26 10:30" --anyway`))
	o.run("Rita Gomez", "visit cancel "+other+` --reason "not needed"`)
	send()
	if n := len(inbox.Messages()) - before; n != len(want) {
		t.Errorf("a muted client was written to: %d messages", n)
	}
}

// mailOffice is the demo office sending through a real mail server in the
// test, with what the demo had waiting already sent; send hands the
// server what is due, as serve's sender does.
func mailOffice(t *testing.T) (*office, *mailtest.Server, func()) {
	t.Helper()
	o := startOffice(t)
	o.door.SetMail(context.Background(), model.Mailbox{Name: "Northside IT", Email: "office@northside.example"})
	inbox := mailtest.Start(t)
	server, err := mail.ParseServer("smtp://" + inbox.Addr)
	if err != nil {
		t.Fatal(err)
	}
	send := func() {
		t.Helper()
		if _, err := o.door.SendDue(context.Background(), server, 100); err != nil {
			t.Fatal(err)
		}
	}
	send()
	return o, inbox, send
}

// subjectOf reads a message's subject, its encoded words decoded.
func subjectOf(data string) string {
	for _, l := range strings.Split(data, "\n") {
		if s, ok := strings.CutPrefix(l, "Subject: "); ok {
			out, err := new(mime.WordDecoder).DecodeHeader(s)
			if err != nil {
				return s
			}
			return out
		}
	}
	return ""
}

// textOf is a message with its quoted-printable undone, to read as sent.
func textOf(data string) string {
	b, _ := io.ReadAll(quotedprintable.NewReader(strings.NewReader(data)))
	return string(b)
}

// A real mail server saying "later" gets the letter again after the wait
// and takes it; one saying "never" leaves it failed, with its words, in the
// outbox a manager reads over SSH, where it can be tried again.
func TestTheMailServerSaysLaterOrNever(t *testing.T) {
	o, inbox, send := mailOffice(t)
	before := len(inbox.Messages())
	book := func(title string) string {
		ticket := refIn(t, "T", o.run("Rita Gomez", `ticket new --client "Acme Dental" --contact "Dana Ruiz" --title "`+title+`" --scope x --priority P3 --estimate 1h`))
		o.run("Rita Gomez", `visit schedule `+ticket+` --tech "Sam Okafor" --at "2026-11-27 10:00" --anyway`)
		return refIn(t, "O", o.run("Ann Admin", "outbox list --state queued"))
	}

	later := book("Label printer")
	inbox.RefuseNext(451, "4.3.0 greylisted, try again later")
	send()
	if out := o.run("Ann Admin", "outbox show "+later); !strings.Contains(out, later+" · queued · 1 try · next try ") {
		t.Errorf("after a 451:\n%s", out)
	}
	send()
	if len(inbox.Messages()) != before {
		t.Fatal("the letter was tried again before its wait was over")
	}
	o.clock.Advance(time.Minute)
	send()
	if got := inbox.Messages()[before:]; len(got) != 1 || subjectOf(got[0].Data) != "Visit booked for Fri 27 Nov at 10:00: Label printer" {
		t.Fatalf("after the wait the inbox holds %d", len(got))
	}
	if out := o.run("Ann Admin", "outbox show "+later); !strings.Contains(out, later+" · sent · 2 tries") {
		t.Errorf("once taken:\n%s", out)
	}

	never := book("Scanner")
	inbox.RefuseNext(550, "5.1.1 dana@acmedental.example: no such mailbox")
	send()
	if out := o.run("Ann Admin", "outbox list --state failed"); !strings.Contains(out, never) || !strings.Contains(out, "failed") {
		t.Errorf("the failed letter is not in the outbox:\n%s", out)
	}
	if out := o.run("Ann Admin", "outbox show "+never); !strings.Contains(out, "failed · 1 try · the server said: 550 5.1.1 dana@acmedental.example: no such mailbox") {
		t.Errorf("the failed letter:\n%s", out)
	}
	o.clock.Advance(5 * time.Hour)
	send()
	if n := len(inbox.Messages()) - before; n != 1 {
		t.Errorf("a failed letter was tried again on its own: %d messages", n)
	}
	o.run("Ann Admin", "outbox retry "+never)
	send()
	if n := len(inbox.Messages()) - before; n != 2 {
		t.Errorf("retried, the letter was not sent: %d messages", n)
	}
}
