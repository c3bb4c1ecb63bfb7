package invoicedoc

import (
	_ "embed"
	"html/template"
	"io"
	"strings"

	"dispatch/model"
)

//go:embed invoice.html.tmpl
var htmlSource string

// page is the HTML template; html/template escapes every stored word.
var page = template.Must(template.New("invoice").Funcs(template.FuncMap{
	"clean": model.CleanLine,
	"hours": Hours,
	"rate":  Rate,
	"label": ComparisonLabel,
	"join":  func(s []string) string { return strings.Join(s, "; ") },
	"signed": func(c model.Cents) string {
		return signed(c)
	},
}).Parse(htmlSource))

// htmlView is what the template reads.
type htmlView struct {
	Doc
	Inv      model.Invoice
	Compared []model.Comparison
}

// HTML writes the invoice as one self-contained printable page: styles
// inline, no scripts, nothing fetched.
func (d Doc) HTML(w io.Writer) error {
	return page.Execute(w, htmlView{Doc: d, Inv: d.Invoice, Compared: model.CompareTold(d.Invoice.Lines, d.Invoice.Told)})
}
