package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"dispatch/model"
)

func init() {
	register(
		command{path: "ticket authorise", args: `T-12 --contact "Rob Grant" [--at 12:45]`,
			about: "record that the authorised or backup contact accepted the terms by phone (the work authorisation)", run: ticketAuthorise},
		command{path: "part add", args: `T-12 --desc "Wireless router" --price 189 [--qty 1] --approved-by "Rob Grant"`,
			about: "add a part sold with a ticket, its price approved by the authorised or backup contact", run: partAdd},
		command{path: "part remove", args: `PT-2 --reason "added twice"`, about: "take a part off a ticket whose invoice has not gone out", run: partRemove},
	)
}

func ticketAuthorise(c *call) error {
	contact := c.fs.String("contact", "", "the authorised or backup contact who accepted the terms")
	at := c.fs.String("at", "", atUsage)
	if err := c.parse(1); err != nil {
		return err
	}
	if err := required(map[string]*string{"contact": contact}); err != nil {
		return err
	}
	id, err := model.ParseID(model.PrefixTicket, c.args[0])
	if err != nil {
		return err
	}
	when, err := c.past(*at)
	if err != nil {
		return err
	}
	a, err := c.env.Door.Authorise(c.ctx, c.actor(), id, *contact, when)
	if err != nil {
		return err
	}
	return c.print(map[string]any{"id": model.FormatID(model.PrefixAuth, a.ID), "ticket": model.FormatID(model.PrefixTicket, a.TicketID),
		"contact": a.ContactName, "at": rfc3339(a.At), "terms": a.Terms}, func(w io.Writer) {
		fmt.Fprintf(w, "%s: %s accepted the terms at %s\n  %s\n", model.FormatID(model.PrefixTicket, a.TicketID), model.CleanLine(a.ContactName),
			c.local(a.At), model.CleanLine(a.Terms))
	})
}

func partAdd(c *call) error {
	desc := c.fs.String("desc", "", "what the part is")
	price := c.fs.String("price", "", "price each, like 189 or $189.50")
	qty := c.fs.String("qty", "1", "how many")
	approver := c.fs.String("approved-by", "", "the authorised or backup contact who approved the price")
	if err := c.parse(1); err != nil {
		return err
	}
	if err := required(map[string]*string{"desc": desc, "price": price, "approved-by": approver}); err != nil {
		return err
	}
	var inv model.Invalid
	id, err := model.ParseID(model.PrefixTicket, c.args[0])
	inv.Add("ticket", err)
	p := model.Part{TicketID: id, Description: *desc}
	p.Price, err = model.ParseMoney("price", *price)
	inv.Add("price", err)
	if p.Qty, err = strconv.Atoi(strings.TrimSpace(*qty)); err != nil {
		inv.Add("qty", model.FieldError{Field: "qty", Msg: fmt.Sprintf("%q is not a whole number; write it like 2", model.CleanLine(*qty))})
	}
	if err := inv.Err(); err != nil {
		return err
	}
	if p, err = c.env.Door.AddPart(c.ctx, c.actor(), p, *approver); err != nil {
		return err
	}
	return c.print(map[string]any{"id": p.Ref(), "ticket": model.FormatID(model.PrefixTicket, p.TicketID), "description": p.Description,
		"qty": p.Qty, "price_cents": int64(p.Price), "amount_cents": int64(p.Amount()), "approved_by": p.ApprovedBy}, func(w io.Writer) {
		fmt.Fprintf(w, "added %s to %s: %s × %d at %s = %s, approved by %s\n", p.Ref(), model.FormatID(model.PrefixTicket, p.TicketID),
			model.CleanLine(p.Description), p.Qty, p.Price, p.Amount(), model.CleanLine(p.ApprovedBy))
	})
}

func partRemove(c *call) error {
	reason := c.fs.String("reason", "", "why it comes off")
	if err := c.parse(1); err != nil {
		return err
	}
	if err := required(map[string]*string{"reason": reason}); err != nil {
		return err
	}
	id, err := model.ParseID(model.PrefixPart, c.args[0])
	if err != nil {
		return err
	}
	p, err := c.env.Door.RemovePart(c.ctx, c.actor(), id, *reason)
	if err != nil {
		return err
	}
	return c.print(map[string]any{"id": p.Ref(), "ticket": model.FormatID(model.PrefixTicket, p.TicketID), "removed": true}, func(w io.Writer) {
		fmt.Fprintf(w, "took %s (%s) off %s; a draft drawn again leaves it out\n", p.Ref(), model.CleanLine(p.Description),
			model.FormatID(model.PrefixTicket, p.TicketID))
	})
}
