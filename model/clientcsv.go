package model

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ClientCSVColumns are the columns a client list moves in and out with, one
// row per client, contact or site: the same for import and export, so an
// export imports back unchanged.
var ClientCSVColumns = []string{"client", "row", "name", "role", "phone", "email", "address", "travel", "managed", "terms"}

// ClientRow is one row of a client list: the client itself (its contract
// and payment terms), one of its contacts, or one of its sites.
type ClientRow struct {
	Line    int // in the file, for errors
	Client  string
	Row     string // client, contact or site
	Contact Contact
	Site    Site
	Managed bool
	Terms   Terms
	// Whether the row's cell said so: an empty cell keeps what is on file.
	ManagedGiven, TermsGiven, TravelGiven bool
}

// RowError says where in a file a row is wrong and what was expected.
type RowError struct {
	Line   int
	Column string
	Msg    string
}

func (e RowError) Error() string { return fmt.Sprintf("line %d, %s: %s", e.Line, e.Column, e.Msg) }

// ReadClientCSV reads a client list. Every bad row is reported by line and
// column with what was expected; any error means nothing is to be imported.
func ReadClientCSV(r io.Reader) ([]ClientRow, error) {
	br := bufio.NewReader(r)
	if bom, err := br.Peek(3); err == nil && string(bom) == "\ufeff" {
		br.Discard(3) // a spreadsheet's "CSV UTF-8" starts with a byte-order mark
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return nil, RowError{Line: 1, Column: "header", Msg: "the file is empty or not CSV; its first line names the columns: " + strings.Join(ClientCSVColumns, ",")}
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	var missing []string
	for _, want := range ClientCSVColumns {
		if _, ok := col[want]; !ok {
			missing = append(missing, want)
		}
	}
	if len(missing) > 0 {
		return nil, RowError{Line: 1, Column: "header", Msg: fmt.Sprintf("lacks %s; the columns are %s (an empty cell is fine, a missing column is not)",
			strings.Join(missing, ", "), strings.Join(ClientCSVColumns, ","))}
	}
	var rows []ClientRow
	var errs []error
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, RowError{Line: line, Column: "row", Msg: "is not CSV: " + err.Error()}
		}
		cell := func(name string) string {
			if i, ok := col[name]; ok && i < len(rec) {
				v := strings.TrimSpace(rec[i])
				if len(v) > 1 && v[0] == '\'' && strings.ContainsRune("=+-@", rune(v[1])) {
					v = v[1:] // neutralised on export: the value as it was
				}
				return v
			}
			return ""
		}
		if strings.Join(rec, "") == "" {
			continue // a blank line
		}
		row, rowErrs := readClientRow(line, cell)
		errs = append(errs, rowErrs...)
		rows = append(rows, row)
	}
	if err := CheckClientRows(rows); err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return rows, nil
}

func readClientRow(line int, cell func(string) string) (ClientRow, []error) {
	row := ClientRow{Line: line, Client: CleanLine(cell("client")), Row: strings.ToLower(cell("row"))}
	var errs []error
	bad := func(column, msg string) { errs = append(errs, RowError{Line: line, Column: column, Msg: msg}) }
	if row.Client == "" {
		bad("client", "is empty; every row names its client")
	}
	switch row.Row {
	case "client":
		row.ManagedGiven = cell("managed") != ""
		switch strings.ToLower(cell("managed")) {
		case "", "no", "false":
		case "yes", "true":
			row.Managed = true
		default:
			bad("managed", fmt.Sprintf("%q is not yes or no", CleanLine(cell("managed"))))
		}
		if t := cell("terms"); t != "" {
			row.TermsGiven = true
			terms, err := ParseTerms(t)
			if err != nil {
				bad("terms", fmt.Sprintf("%q is not payment terms; write delivery or net30", CleanLine(t)))
			}
			row.Terms = terms
		}
	case "contact":
		role := ContactRole(strings.ToLower(cell("role")))
		if role == "" {
			role = ContactOther
		}
		row.Contact = Contact{Name: cell("name"), Role: role, Phone: cell("phone"), Email: cell("email")}
		if err := row.Contact.Validate(); err != nil {
			for _, fe := range asInvalid(err) {
				bad(fe.Field, fe.Msg)
			}
		}
	case "site":
		row.Site = Site{Name: cell("name"), Address: cell("address")}
		if t := cell("travel"); t != "" {
			row.TravelGiven = true
			d, err := ParseDuration("travel", t)
			if err != nil {
				bad("travel", fmt.Sprintf("%q is not a travel time; write it like 45m or 1h", CleanLine(t)))
			}
			row.Site.Travel = d
		}
		if err := row.Site.Validate(); err != nil {
			for _, fe := range asInvalid(err) {
				bad(fe.Field, fe.Msg)
			}
		}
	default:
		bad("row", fmt.Sprintf("%q is not a kind of row; write client, contact or site", CleanLine(cell("row"))))
	}
	return row, errs
}

func asInvalid(err error) Invalid {
	var inv Invalid
	inv.Add("", err)
	return inv
}

// CheckClientRows checks what a whole file says of each client: at most
// one authorised contact and one backup, no name twice.
func CheckClientRows(rows []ClientRow) error {
	var errs []error
	seen := map[string]int{}
	roles := map[string]int{}
	for _, r := range rows {
		key := strings.ToLower(r.Client) + "|" + r.Row + "|"
		switch r.Row {
		case "contact":
			key += strings.ToLower(r.Contact.Name)
			if r.Contact.Role.MayApprove() {
				rk := strings.ToLower(r.Client) + "|" + string(r.Contact.Role)
				if first, ok := roles[rk]; ok {
					errs = append(errs, RowError{Line: r.Line, Column: "role", Msg: fmt.Sprintf("%s has a second %s contact (the first is on line %d); a client has one", r.Client, r.Contact.Role, first)})
				}
				roles[rk] = r.Line
			}
		case "site":
			key += strings.ToLower(r.Site.Name)
		}
		if first, ok := seen[key]; ok {
			errs = append(errs, RowError{Line: r.Line, Column: "name", Msg: fmt.Sprintf("repeats line %d", first)})
		}
		seen[key] = r.Line
	}
	return errors.Join(errs...)
}

// WriteClientCSV writes clients with their contacts and sites in the
// import's columns; a text cell that would start a formula is neutralised.
func WriteClientCSV(w io.Writer, clients []Client, contacts map[int64][]Contact, sites map[int64][]Site) error {
	cw := csv.NewWriter(w)
	put := func(cells ...string) {
		for i := range cells {
			cells[i] = neutraliseCell(cells[i])
		}
		cw.Write(cells)
	}
	put(ClientCSVColumns...)
	for _, c := range clients {
		managed := "no"
		if c.Managed {
			managed = "yes"
		}
		terms := strings.ReplaceAll(c.Terms.String(), " ", "")
		if c.Terms.NetDays == 0 {
			terms = "delivery"
		}
		put(c.Name, "client", "", "", "", "", "", "", managed, terms)
		for _, ct := range contacts[c.ID] {
			put(c.Name, "contact", ct.Name, string(ct.Role), ct.Phone, ct.Email, "", "", "", "")
		}
		for _, s := range sites[c.ID] {
			put(c.Name, "site", s.Name, "", "", "", s.Address, FormatDuration(s.Travel), "", "")
		}
	}
	cw.Flush()
	return cw.Error()
}

// neutraliseCell keeps a spreadsheet from running a cell: text starting
// with = + - @ (or a tab or carriage return) gets a leading quote.
func neutraliseCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
