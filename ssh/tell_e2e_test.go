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
	o := startOffice(t)
	o.door.SetMail(model.Mailbox{Name: "Northside IT", Email: "office@northside.example"})
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
	send()                                                                                                         // what the demo office had waiting
	if _, err := o.door.AddUser(context.Background(), model.Console, "Kim Tran", model.RoleTech, ""); err != nil { // free this afternoon
		t.Fatal(err)
	}
	before := len(inbox.Messages())

	ticket := refIn(t, "T", o.run("Rita Gomez", `ticket new --client "Acme Dental" --contact "Dana Ruiz" --title "New label printer" `+
		`--scope "Install the printer at reception" --priority P3 --estimate 1h`))
	visit := refIn(t, "V", o.run("Rita Gomez", `visit schedule `+ticket+` --tech "Kim Tran" --at "2026-11-25 15:30" --anyway`))
	o.run("Rita Gomez", "visit travel "+visit)
	o.clock.Advance(40 * time.Minute)
	o.run("Rita Gomez", `visit arrive `+visit+` --contact "Dana Ruiz"`)
	o.clock.Advance(50 * time.Minute)
	o.run("Rita Gomez", `visit depart `+visit+` --contact "Dana Ruiz" --done`)
	send()
	send() // a second round sends nothing twice

	got := inbox.Messages()[before:]
	var subjects []string
	for _, m := range got {
		subjects = append(subjects, m.To+" "+subjectOf(m.Data))
	}
	want := []string{"dana@acmedental.example Visit booked for Wed 25 Nov at 15:30: New label printer",
		"dana@acmedental.example Kim Tran is on the way: New label printer", "dana@acmedental.example Kim Tran has arrived: New label printer",
		"dana@acmedental.example Visit summary: New label printer"}
	if strings.Join(subjects, "\n") != strings.Join(want, "\n") {
		t.Fatalf("the inbox holds:\n%s\nwant:\n%s", strings.Join(subjects, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(textOf(got[1].Data), "Kim Tran set off to you at 15:00") || !strings.Contains(textOf(got[2].Data), "at 15:40, checked in with Dana Ruiz") {
		t.Errorf("the times and names:\n%s\n%s", textOf(got[1].Data), textOf(got[2].Data))
	}
	if !strings.Contains(got[0].Data, "text/calendar") || !strings.Contains(got[0].Data, "METHOD:REQUEST") {
		t.Errorf("the booking carries no invitation:\n%s", got[0].Data)
	}
	if summary := textOf(got[3].Data); !strings.Contains(summary, "- Travel: set off 15:00, arrived 15:40: 40 minutes") ||
		!strings.Contains(summary, "left 16:30: 50 minutes") || !strings.Contains(summary, "- Left at 16:30, checked out with Dana Ruiz") {
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
	if n := len(inbox.Messages()) - before; n != 4 {
		t.Errorf("a muted client was written to: %d messages", n)
	}
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
