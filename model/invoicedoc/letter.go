package invoicedoc

import (
	"fmt"
	"strings"

	"dispatch/model"
)

// Letter is the message that sends the invoice to one of the client's
// contacts: a few lines saying what it is for and when it is due, and the
// printable page beside them. It is sent once per invoice and recipient.
func (d Doc) Letter(office, to model.Mailbox, domain string) (model.Letter, error) {
	inv := d.Invoice
	var page strings.Builder
	if err := d.HTML(&page); err != nil {
		return model.Letter{}, err
	}
	key := inv.Ref() + "/" + string(model.MsgInvoice)
	due := ""
	if !inv.DueAt.IsZero() {
		due = " due " + inv.DueAt.In(d.loc()).Format("2 Jan 2006")
	}
	paragraphs := []string{fmt.Sprintf("Here is invoice %s for %s,%s (payment %s).", inv.Ref(), inv.Total(), due, inv.Terms.Payment)}
	var work []string
	for _, s := range d.Sections() {
		work = append(work, fmt.Sprintf("- %s: %s", model.CleanLine(s.Heading), s.Subtotal))
	}
	if len(work) > 0 {
		paragraphs = append(paragraphs, "It is for:\n"+strings.Join(work, "\n"))
	}
	if told := inv.ToldTotal(); told > 0 {
		paragraphs = append(paragraphs, fmt.Sprintf("The estimates you were given as the work went — the job, each add-on, the travel — came to %s; "+
			"the invoice sets each line beside its estimate.", told))
	}
	paragraphs = append(paragraphs, "Every line names the visit it counts, with the times we wrote to you as they happened. The invoice itself is attached, ready to print.")
	return model.Letter{
		Key: key, Kind: model.MsgInvoice, To: to,
		Subject:   model.CleanLine(fmt.Sprintf("Invoice %s from %s: %s%s", inv.Ref(), office.Name, inv.Total(), due)),
		Text:      model.LetterText(to, office.Name, paragraphs),
		HTML:      page.String(),
		MessageID: model.LetterMessageID(key, to, domain),
	}, nil
}
