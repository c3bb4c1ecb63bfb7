package door

import (
	"context"
	"fmt"
	"sort"
	"time"

	"dispatch/model"
	"dispatch/model/feed"
	"dispatch/model/store"
)

// TimelineQuery narrows a client's timeline: kinds (all when none), entries
// since an instant, words to find, and a page of Limit entries from Skip.
type TimelineQuery struct {
	Kinds  []model.EntryKind
	Since  time.Time
	Search string
	Skip   int
	Limit  int
}

// ClientTimeline is a client's timeline drawn from its records at this
// moment, newest first, a page at a time; more says whether older entries
// follow. What a technician may not see (amounts) is left out for them.
func (d *Door) ClientTimeline(ctx context.Context, who model.Actor, clientID int64, q TimelineQuery) (entries []model.Entry, more bool, err error) {
	err = d.read(ctx, who, model.ActViewBoard, func(tx *store.Tx) error {
		if _, err := tx.ClientByID(ctx, clientID); err != nil {
			return err
		}
		r, err := tx.ClientRecords(ctx, clientID)
		if err != nil {
			return err
		}
		entries, more = q.page(seenBy(r, who.Role), d.Location())
		return nil
	})
	return entries, more, err
}

// page draws the timeline from the records and cuts the query's page.
func (q TimelineQuery) page(r model.ClientRecords, loc *time.Location) (entries []model.Entry, more bool) {
	all := model.FilterTimeline(model.TimelineOf(r, loc), q.Kinds, q.Search)
	for len(all) > 0 && !q.Since.IsZero() && all[len(all)-1].At.Before(q.Since) {
		all = all[:len(all)-1]
	}
	start := min(q.Skip, len(all))
	end := len(all)
	if q.Limit > 0 {
		end = min(start+q.Limit, len(all))
	}
	return all[start:end], end < len(all)
}

// Brief is what to know before contacting a client, drawn from the record
// now; to a technician, without the invoices.
func (d *Door) Brief(ctx context.Context, who model.Actor, clientID int64) (model.Brief, error) {
	var b model.Brief
	err := d.read(ctx, who, model.ActViewBoard, func(tx *store.Tx) error {
		if _, err := tx.ClientByID(ctx, clientID); err != nil {
			return err
		}
		r, err := tx.ClientRecords(ctx, clientID)
		if err != nil {
			return err
		}
		b = d.briefFor(seenBy(r, who.Role), who.Role)
		return nil
	})
	return b, err
}

// FollowUpDone records what the client said when asked whether a finished
// job works well; the brief stops asking.
func (d *Door) FollowUpDone(ctx context.Context, who model.Actor, visitID int64, text string) (model.FollowUp, error) {
	f := model.FollowUp{VisitID: visitID, Text: model.CleanLine(text), By: who.Name}
	if f.Text == "" {
		return f, model.FieldError{Field: "text", Msg: "is empty; say what the client said, like \"all good, printing fine\""}
	}
	err := d.write(ctx, who, model.ActLogTouch, feed.Clients, func(tx *store.Tx, now time.Time) error {
		v, err := tx.VisitByID(ctx, visitID)
		if err != nil {
			return err
		}
		if v.Phase() != model.PhaseFinished {
			return model.Conflict{Msg: fmt.Sprintf("%s is %s; a follow-up is for a finished visit", v.Ref(), v.Phase())}
		}
		f.At = now
		if err := tx.SaveFollowUp(ctx, f); err != nil {
			return err
		}
		return tx.Audit(ctx, now, who.String(), "visit.followup", "visit", visitID, nil, f)
	})
	return f, err
}

// LogTouch records a call, an email or a note about a client, by hand:
// one line on its timeline.
func (d *Door) LogTouch(ctx context.Context, who model.Actor, clientID int64, kind model.TouchKind, text, contact string) (model.Touch, error) {
	var tc model.Touch
	text = model.CleanLine(text)
	if text == "" {
		return tc, model.FieldError{Field: "text", Msg: "is empty; say in a line what was said or done"}
	}
	if err := (model.TextLimit{Field: "text", Max: 500}).Check(text); err != nil {
		return tc, err
	}
	switch kind {
	case model.TouchCall, model.TouchEmail, model.TouchNote:
	default:
		return tc, model.FieldError{Field: "kind", Msg: "is not call, email or note"}
	}
	err := d.write(ctx, who, model.ActLogTouch, feed.Clients, func(tx *store.Tx, now time.Time) error {
		if _, err := tx.ClientByID(ctx, clientID); err != nil {
			return err
		}
		if contact != "" {
			ct, err := tx.ContactByName(ctx, clientID, model.CleanLine(contact))
			if err != nil {
				return model.FieldError{Field: "contact", Msg: model.CleanLine(contact) + " is not one of the client's contacts"}
			}
			text = "with " + ct.Name + ": " + text
		}
		var err error
		tc, err = tx.LogTouch(ctx, model.Touch{ClientID: clientID, At: now, Kind: kind, By: who.Name, Summary: text})
		if err != nil {
			return err
		}
		return tx.Audit(ctx, now, who.String(), "touch.add", "client", clientID, nil, tc)
	})
	return tc, err
}

// ClientPage is everything the client's page shows, read at one moment.
type ClientPage struct {
	Client   model.Client
	Terms    *ClientTerms // nil to those who may not see rates
	Notify   model.NotifyPolicy
	Contacts []model.Contact
	Sites    []model.Site
	Open     []model.Ticket
	Upcoming []model.Visit          // booked, not started
	Owed     []model.InvoiceSummary // sent and not settled; none to those who may not see amounts
	Notices  []model.Notice
	Meetings []model.Meeting // not yet held, soonest first
	// NeedsFirst is set while a new client has no first meeting: plan by then.
	NeedsFirst time.Time
	// AskAbout is the finished visit the brief asks after, if any.
	AskAbout *model.Visit
	Brief    model.Brief
	Timeline []model.Entry // the page the query asked for
	More     bool          // older entries follow the page
}

// ClientRecord reads a client's page: who they are, what is open and owed,
// the brief, and the timeline's page the query asks for.
func (d *Door) ClientRecord(ctx context.Context, who model.Actor, clientID int64, q TimelineQuery) (ClientPage, error) {
	var p ClientPage
	err := d.read(ctx, who, model.ActViewBoard, func(tx *store.Tx) error {
		c, err := tx.ClientByID(ctx, clientID)
		if err != nil {
			return err
		}
		p.Client = c.SeenBy(who.Role)
		if who.Role.Can(model.ActSeeRates) {
			t, err := termsOf(ctx, tx, clientID)
			if err != nil {
				return err
			}
			p.Terms = &t
		}
		if p.Notify, err = tx.ClientNotify(ctx, clientID); err != nil {
			return err
		}
		if p.Contacts, err = tx.Contacts(ctx, clientID); err != nil {
			return err
		}
		if p.Sites, err = tx.Sites(ctx, clientID); err != nil {
			return err
		}
		r, err := tx.ClientRecords(ctx, clientID)
		if err != nil {
			return err
		}
		r = seenBy(r, who.Role)
		for _, t := range r.Tickets {
			if t.Status == model.TicketOpen {
				p.Open = append(p.Open, t)
			}
		}
		for _, v := range r.Visits {
			if v.Phase() == model.PhaseScheduled {
				p.Upcoming = append(p.Upcoming, v)
			}
		}
		sort.Slice(p.Upcoming, func(i, j int) bool { return p.Upcoming[i].ScheduledAt.Before(p.Upcoming[j].ScheduledAt) })
		for _, inv := range r.Invoices {
			if s := inv.Summary(); s.State.Frozen() && s.State != model.InvoicePaid {
				p.Owed = append(p.Owed, s)
			}
		}
		p.Notices = r.Notices
		now, loc := d.Now(), d.Location()
		_, first := model.FirstMeetingOf(r.Meetings)
		for _, m := range r.Meetings {
			if m.Open() {
				p.Meetings = append(p.Meetings, m)
			}
		}
		if job := r.FirstJob(); !first && model.NeedsFirstMeeting(job, now) && who.Role.Can(model.ActManageClients) {
			p.NeedsFirst = model.FirstMeetingBy(job)
		}
		p.Brief = d.briefFor(r, who.Role)
		if v, _, ok := model.FollowUpDue(r); ok {
			p.AskAbout = &v
		}
		p.Timeline, p.More = q.page(r, loc)
		return nil
	})
	return p, err
}

// briefFor draws the brief now; the calls to make about meetings are the
// office's, so a technician's brief leaves them out.
func (d *Door) briefFor(r model.ClientRecords, role model.Role) model.Brief {
	b := model.BriefOf(r, d.Now(), d.Location())
	if role.Can(model.ActManageClients) {
		return b
	}
	out := b[:0]
	for _, s := range b {
		if s.Title != model.BriefMeetings {
			out = append(out, s)
		}
	}
	return out
}

// seenBy is a client's records as a role may see them: to someone who may
// not see what a client pays, no invoices, no quotes, no price notices.
func seenBy(r model.ClientRecords, role model.Role) model.ClientRecords {
	if role.Can(model.ActSeeRates) {
		return r
	}
	r.Invoices = nil
	var changes []model.RecordChange
	for _, c := range r.Changes {
		if c.Action != "terms.client" { // rates are not theirs to read
			changes = append(changes, c)
		}
	}
	r.Changes = changes
	for i := range r.Tickets {
		r.Tickets[i] = r.Tickets[i].SeenBy(role)
	}
	var notices []model.Notice
	for _, n := range r.Notices {
		if n.Kind != model.NoticePrice {
			notices = append(notices, n)
		}
	}
	r.Notices = notices
	var letters []model.OutboxLetter
	for _, l := range r.Letters {
		if l.Kind != model.MsgInvoice { // an invoice's letter names what it comes to
			letters = append(letters, l)
		}
	}
	r.Letters = letters
	return r
}
