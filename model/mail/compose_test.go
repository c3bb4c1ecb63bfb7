package mail

import (
	"flag"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"os"
	"strings"
	"testing"
	"time"

	"dispatch/model"
)

var update = flag.Bool("update", false, "rewrite the golden messages in testdata")

var office = model.Mailbox{Name: "Northside IT", Email: "office@northside-it.example"}

func letter() model.Letter {
	return model.Letter{Key: "V-311/travel/E-903", MessageID: "<4c38@northside-it.example>", Kind: model.MsgTravel,
		To: model.Mailbox{Name: "Dana Ruiz", Email: "dana@acmedental.example"}, Subject: "Sam Okafor is on the way: Replace router — café",
		Text: "Hello Dana,\n\nSam Okafor set off to you at 12:00.\n\n— Northside IT\n"}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := "testdata/" + name
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil || string(want) != string(got) {
		t.Errorf("%s differs (rerun with -update if meant): %v\n%s", path, err, got)
	}
}

// A letter makes the same message every time, readable by any mail reader.
func TestALetterAsAMessage(t *testing.T) {
	at := time.Date(2026, 11, 19, 12, 0, 5, 0, time.UTC)
	plain, err := Compose(letter(), office, at)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "travel.eml", plain)
	l := letter()
	l.ICS = model.ICalendar(model.CalendarRequest, "", []model.CalendarEvent{{UID: "visit-311@northside-it.example", Start: at, End: at.Add(time.Hour),
		Summary: "Replace router"}}, at, 0)
	invite, err := Compose(l, office, at)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "booked.eml", invite)
	again, _ := Compose(l, office, at)
	if string(again) != string(invite) {
		t.Error("the same letter made two messages")
	}
	m, err := mail.ReadMessage(strings.NewReader(string(invite)))
	if err != nil || m.Header.Get("Message-Id") != "<4c38@northside-it.example>" || !strings.Contains(m.Header.Get("Content-Type"), "multipart/alternative") {
		t.Errorf("not a message a reader reads: %v %v", err, m.Header)
	}
	if subject, _ := new(mimeDecoder).decode(m.Header.Get("Subject")); subject != l.Subject {
		t.Errorf("the subject reads %q", subject)
	}
}

// Nothing typed into a contact's name or email makes a header of its own,
// and an address that is none is refused with what to do.
func TestTypedTextNeverMakesAHeader(t *testing.T) {
	l := letter()
	l.To.Name = "Dana\r\nBcc: everyone@example.com"
	l.Subject = "Router\r\nBcc: everyone@example.com"
	msg, err := Compose(l, office, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	head, _, _ := strings.Cut(string(msg), "\r\n\r\n")
	for _, line := range strings.Split(head, "\r\n") {
		if strings.HasPrefix(strings.ToLower(line), "bcc:") {
			t.Errorf("a typed name made a header: %q", line)
		}
	}
	l.To.Email = "dana@acme.example\r\nBcc: x@y.z"
	if _, err := Compose(l, office, time.Now()); err == nil || !strings.Contains(err.Error(), "is not an email address; correct it") {
		t.Errorf("a broken address: %v", err)
	}
}

type mimeDecoder struct{}

func (mimeDecoder) decode(s string) (string, error) { return new(mime.WordDecoder).DecodeHeader(s) }

func TestTheTextIsThere(t *testing.T) {
	msg, err := Compose(letter(), office, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	m, err := mail.ReadMessage(strings.NewReader(string(msg)))
	if err != nil {
		t.Fatal(err)
	}
	body := new(strings.Builder)
	if _, err := io.Copy(body, quotedprintable.NewReader(m.Body)); err != nil || body.String() != strings.ReplaceAll(letter().Text, "\n", "\r\n") {
		t.Errorf("the body reads %q (%v)", body, err)
	}
}

// An invoice goes as its letter's text with the page attached as I-6.html,
// so the letter is read whatever the reader shows; both decode to what was
// written.
func TestAnInvoiceGoesWithItsPage(t *testing.T) {
	l := letter()
	l.Key, l.Kind, l.Subject = "I-6/invoice", model.MsgInvoice, "Invoice I-6: $412.50 due 30 Dec"
	l.HTML = "<!doctype html><p>Invoice I-6 — " + strings.Repeat("café ", 40) + "</p>"
	msg, err := Compose(l, office, time.Date(2026, 11, 19, 12, 0, 5, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "invoice.eml", msg)
	m, err := mail.ReadMessage(strings.NewReader(string(msg)))
	if err != nil {
		t.Fatal(err)
	}
	_, params, err := mime.ParseMediaType(m.Header.Get("Content-Type"))
	if err != nil {
		t.Fatal(err)
	}
	parts := multipart.NewReader(m.Body, params["boundary"])
	var kinds, bodies []string
	for {
		p, err := parts.NextPart() // decodes quoted-printable itself
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(p)
		kinds, bodies = append(kinds, p.Header.Get("Content-Type")), append(bodies, string(b))
		if strings.HasPrefix(p.Header.Get("Content-Type"), "text/html") && p.FileName() != "I-6.html" {
			t.Errorf("the page is attached as %q", p.FileName())
		}
	}
	if !strings.HasPrefix(m.Header.Get("Content-Type"), "multipart/mixed") || len(kinds) != 2 || !strings.HasPrefix(kinds[0], "text/plain") ||
		!strings.HasPrefix(kinds[1], "text/html") {
		t.Fatalf("parts: %q", kinds)
	}
	if bodies[1] != l.HTML || bodies[0] != strings.ReplaceAll(l.Text, "\n", "\r\n") {
		t.Errorf("the parts read back as:\n%q\n%q", bodies[0], bodies[1])
	}
}
