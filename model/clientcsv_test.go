package model

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

const goodList = `client,row,name,role,phone,email,address,travel,managed,terms
Acme Dental,client,,,,,,,yes,net30
Acme Dental,contact,Dana Ruiz,authorised,+1 555 0142,dana@acme.example,,,,
Acme Dental,contact,Tom Becker,backup,,,,,,
Acme Dental,site,Main office,,,,12 Harbor Rd,45m,,
Bayside,site,Yard,,,,1 Dock St,20m,,
`

func TestReadingAClientList(t *testing.T) {
	rows, err := ReadClientCSV(strings.NewReader(goodList))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 5 || !rows[0].Managed || rows[0].Terms.NetDays != 30 || rows[1].Contact.Role != ContactAuthorised ||
		rows[3].Site.Travel != 45*time.Minute || rows[4].Client != "Bayside" {
		t.Errorf("rows %+v", rows)
	}
	if err := CheckClientRows(rows); err != nil {
		t.Error(err)
	}
	var buf bytes.Buffer
	clients := []Client{{ID: 1, Name: "Acme Dental", Managed: true, Terms: Terms{NetDays: 30}}, {ID: 2, Name: "Bayside"}}
	contacts := map[int64][]Contact{1: {rows[1].Contact, rows[2].Contact}}
	sites := map[int64][]Site{1: {rows[3].Site}, 2: {rows[4].Site}}
	if err := WriteClientCSV(&buf, clients, contacts, sites); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "'+1 555 0142") {
		t.Errorf("a phone that starts like a formula is not neutralised:\n%s", buf.String())
	}
	again, err := ReadClientCSV(&buf)
	if err != nil || len(again) != 6 || again[1].Contact.Phone != "+1 555 0142" {
		t.Errorf("an export does not read back as it was: %v %+v", err, again)
	}
}

func TestABadClientListSaysWhereAndWhat(t *testing.T) {
	bad := `client,row,name,role,phone,email,address,travel,managed,terms
Acme Dental,contact,Dana Ruiz,boss,,,,,,
,site,Yard,,,,,20m,,
Acme Dental,site,Main office,,,,12 Harbor Rd,forty,,
Acme Dental,client,,,,,,,maybe,net7x
Acme Dental,shop,X,,,,,,,
`
	_, err := ReadClientCSV(strings.NewReader(bad))
	for _, want := range []string{`line 2, role: "boss" is not a contact role`, "line 3, client: is empty", `line 4, travel: "forty" is not a travel time`,
		`line 5, managed: "maybe" is not yes or no`, `line 5, terms: "net7x" is not payment terms`, `line 6, row: "shop" is not a kind of row`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("errors lack %q:\n%v", want, err)
		}
	}
	const head = "client,row,name,role,phone,email,address,travel,managed,terms\n"
	_, err = ReadClientCSV(strings.NewReader(head + "A,contact,X,authorised,,,,,,\nA,contact,Y,authorised,,,,,,\nA,contact,X,other,,,,,,\nB,site,Yard,,,,,soon,,\n"))
	if err == nil || !strings.Contains(err.Error(), "line 3, role: A has a second authorised contact (the first is on line 2)") ||
		!strings.Contains(err.Error(), "line 4, name: repeats line 2") || !strings.Contains(err.Error(), `line 5, travel: "soon"`) {
		t.Errorf("a file at odds with itself, and with a bad cell: %v", err)
	}
	if _, err := ReadClientCSV(strings.NewReader("client,row,name\nFir,client,\n")); err == nil ||
		!strings.Contains(err.Error(), "line 1, header: lacks role, phone, email, address, travel, managed, terms") {
		t.Errorf("a header without every column: %v", err)
	}
	rows, err := ReadClientCSV(strings.NewReader("\ufeff" + strings.ReplaceAll(head+"Fir,client,,,,,,,no,net30\n", "\n", "\r\n")))
	if err != nil || len(rows) != 1 || rows[0].Client != "Fir" || rows[0].Terms.NetDays != 30 {
		t.Errorf("a spreadsheet's CSV UTF-8, with its byte-order mark and CRLF: %v %+v", err, rows)
	}
	if _, err := ReadClientCSV(strings.NewReader("")); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("an empty file: %v", err)
	}
}

func FuzzReadClientCSV(f *testing.F) {
	f.Add(goodList)
	f.Add("client,row,name\n\"unterminated,site,x\n")
	f.Add("client,row,name\nA,site,=cmd|' /C calc'!A0\n")
	f.Fuzz(func(t *testing.T, in string) {
		rows, err := ReadClientCSV(strings.NewReader(in))
		if err != nil {
			if !strings.Contains(err.Error(), "line ") {
				t.Fatalf("an error that says no line: %v", err)
			}
			return
		}
		for _, r := range rows {
			if r.Client == "" || r.Row != "client" && r.Row != "contact" && r.Row != "site" {
				t.Fatalf("a row read that should not be: %+v", r)
			}
		}
	})
}
