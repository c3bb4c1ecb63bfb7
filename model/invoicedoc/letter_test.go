package invoicedoc

import (
	"flag"
	"os"
	"strings"
	"testing"

	"dispatch/model"
)

var update = flag.Bool("update", false, "rewrite the golden letters in testdata")

var office = model.Mailbox{Name: "Northside IT", Email: "office@northside-it.example"}

// An invoice's letter says what it is for, what it comes to and when it is
// due, and carries the page itself; sent twice, it is the same message.
func TestAnInvoiceLetter(t *testing.T) {
	doc := sample(t)[1]
	to := model.Mailbox{Name: "Dana Ruiz", Email: "dana@bayside.example"}
	l, err := doc.Letter(office, to, "northside-it.example")
	if err != nil {
		t.Fatal(err)
	}
	path := "testdata/invoice-letter.txt"
	got := "Subject: " + l.Subject + "\n\n" + l.Text
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if want, err := os.ReadFile(path); err != nil || string(want) != got {
		t.Errorf("%s differs (rerun with -update if meant): %v\n%s", path, err, got)
	}
	var page strings.Builder
	if err := doc.HTML(&page); err != nil || l.HTML != page.String() {
		t.Errorf("the letter does not carry the invoice's page (%v)", err)
	}
	if l.Kind != model.MsgInvoice || l.Key != "I-8/invoice" {
		t.Errorf("kind %s, key %s", l.Kind, l.Key)
	}
	again, _ := doc.Letter(office, to, "northside-it.example")
	other, _ := doc.Letter(office, model.Mailbox{Email: "rob@bayside.example"}, "northside-it.example")
	if again.MessageID != l.MessageID || other.MessageID == l.MessageID {
		t.Errorf("message ids: %s, again %s, to another %s", l.MessageID, again.MessageID, other.MessageID)
	}
	if strings.Contains(l.HTML, "<b>Realty") || !strings.Contains(l.HTML, "Bayside &lt;b&gt;Realty&lt;/b&gt;") {
		t.Error("the client's name reached the page as markup")
	}
}
