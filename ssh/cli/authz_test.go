package cli

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/model/door/doortest"
	"dispatch/model/store"
)

// Every command, run by every role, on a fresh copy of the demo office:
// the roles the table allows succeed, every other is refused and told who
// may, and nothing a technician runs shows what a client pays. The server
// refuses a viewer every command before it gets here (TestAViewerOpensOnlyTheWall);
// this table shows the door refuses it too.
func TestEveryCommandForEveryRole(t *testing.T) {
	tmpl := authzTemplate(t)
	office := []model.Role{model.RoleAdmin, model.RoleManager, model.RoleDispatcher}
	staff := append(office[:3:3], model.RoleTech)
	all := append(staff[:4:4], model.RoleViewer)
	admin := []model.Role{model.RoleAdmin}
	managers := []model.Role{model.RoleAdmin, model.RoleManager}
	plain := func(argv ...string) func(*authzOffice) []string { return func(*authzOffice) []string { return argv } }

	cases := map[string]struct {
		argv    func(*authzOffice) []string
		allowed []model.Role
		tech    string             // who runs it for the tech role: the visit's own technician
		prep    func(*authzOffice) // done by the console on the copy first
		refusal string             // what a refusal says, when not "you are signed in as ROLE"
	}{
		"whoami":          {argv: plain("whoami"), allowed: all},
		"board":           {argv: plain("board"), allowed: staff},
		"policy show":     {argv: plain("policy", "show"), allowed: staff},
		"policy set":      {argv: plain("policy", "set", "--at-risk", "30%"), allowed: []model.Role{model.RoleAdmin, model.RoleManager}},
		"sla list":        {argv: plain("sla", "list"), allowed: staff},
		"client new":      {argv: plain("client", "new", "Zeta Labs", "--rate", "90"), allowed: office},
		"client list":     {argv: plain("client", "list"), allowed: staff},
		"client timeline": {argv: plain("client", "timeline", "Acme Dental"), allowed: staff},
		"notice add": {argv: plain("notice", "add", "--kind", "policy", "--text", "New hours from January", "--effective", "2026-12-01", "--all"),
			allowed: []model.Role{model.RoleAdmin, model.RoleManager}},
		"client import": {argv: plain("client", "import", "--csv", "-"), allowed: office},
		"client export": {argv: plain("client", "export", "--csv"), allowed: office},
		"client brief":  {argv: plain("client", "brief", "Birchwood Law LLP"), allowed: staff},
		"meeting plan": {argv: plain("meeting", "plan", "Acme Dental", "--kind", "roadmap", "--at", "2026-12-03 10:00", "--agenda", "how we work"),
			allowed: office},
		"meeting confirm": {argv: func(o *authzOffice) []string {
			return []string{"meeting", "confirm", o.meetingRef, "--note", "Dana will come"}
		},
			allowed: office, prep: func(o *authzOffice) { o.meeting() }},
		"meeting prep": {argv: func(o *authzOffice) []string { return []string{"meeting", "prep", o.meetingRef} }, allowed: staff, prep: func(o *authzOffice) { o.meeting() }},
		"meeting done": {argv: func(o *authzOffice) []string {
			return []string{"meeting", "done", o.meetingRef, "--notes", "agreed a roadmap"}
		},
			allowed: office, prep: func(o *authzOffice) { o.meeting() }},
		"meeting cancel": {argv: func(o *authzOffice) []string {
			return []string{"meeting", "cancel", o.meetingRef, "--reason", "the owner is away"}
		},
			allowed: office, prep: func(o *authzOffice) { o.meeting() }},
		"notice list":   {argv: plain("notice", "list"), allowed: staff},
		"client notify": {argv: plain("client", "notify", "Acme Dental", "--mute"), allowed: managers},
		"outbox list":   {argv: plain("outbox", "list"), allowed: managers},
		"outbox show":   {argv: plain("outbox", "show", "O-1"), allowed: managers},
		"outbox retry":  {argv: plain("outbox", "retry", "O-1"), allowed: managers},
		"outbox cancel": {argv: plain("outbox", "cancel", "O-1"), allowed: managers},
		"meeting list":  {argv: plain("meeting", "list"), allowed: staff},
		"calendar":      {argv: plain("calendar", "--tech", "Sam Okafor"), allowed: staff},
		// A technician sets their own address and calendar secret; a manager or an admin anyone's.
		"user calendar-token": {argv: plain("user", "calendar-token", "Sam Okafor"), allowed: []model.Role{model.RoleAdmin, model.RoleManager, model.RoleTech}},
		"user email":          {argv: plain("user", "email", "Sam Okafor", "sam@northside.example"), allowed: []model.Role{model.RoleAdmin, model.RoleManager, model.RoleTech}},
		"followup done":       {argv: plain("followup", "done", "V-317", "--text", "all good"), allowed: staff},
		"touch add":           {argv: plain("touch", "add", "Acme Dental", "--kind", "call", "--text", "asked about the invoice"), allowed: staff},
		"contact add":         {argv: plain("contact", "add", "Eve Long", "--client", "Acme Dental"), allowed: office},
		"site add":            {argv: plain("site", "add", "Annex", "--client", "Acme Dental", "--address", "1 Side St", "--travel", "10m"), allowed: office},
		"ticket new": {argv: plain("ticket", "new", "--client", "Acme Dental", "--contact", "Dana Ruiz", "--title", "New laptop",
			"--scope", "Set it up", "--priority", "P3", "--estimate", "1h"), allowed: office},
		"ticket show":      {argv: plain("ticket", "show", "T-1027"), allowed: staff},
		"ticket list":      {argv: plain("ticket", "list", "--search", "router"), allowed: staff},
		"ticket edit":      {argv: plain("ticket", "edit", "T-1027", "--estimate", "3h"), allowed: office},
		"ticket wait":      {argv: plain("ticket", "wait", "T-1033", "--reason", "waiting for the vendor"), allowed: office},
		"ticket resume":    {argv: func(o *authzOffice) []string { return []string{"ticket", "resume", o.waiting} }, allowed: office},
		"ticket priority":  {argv: plain("ticket", "priority", "T-1033", "P1"), allowed: office},
		"ticket contacted": {argv: plain("ticket", "contacted", "T-1033", "--note", "called Carla"), allowed: office},
		"ticket done":      {argv: plain("ticket", "done", "T-1033"), allowed: office},
		"visit schedule":   {argv: plain("visit", "schedule", "T-1033", "--tech", "Sam Okafor", "--at", "2026-11-25 15:00"), allowed: office},
		"visit show":       {argv: plain("visit", "show", "V-324"), allowed: staff},
		"visit move":       {argv: plain("visit", "move", "V-322", "--tech", "Priya Nair", "--anyway"), allowed: office},
		"visit cancel":     {argv: plain("visit", "cancel", "V-322", "--reason", "client closed today"), allowed: office},
		"ticket cancel":    {argv: plain("ticket", "cancel", "T-1033", "--reason", "client withdrew"), allowed: office},
		"ticket reopen":    {argv: plain("ticket", "reopen", "T-1031", "--reason", "scanners failing again"), allowed: office},
		"visit travel":     {argv: func(o *authzOffice) []string { return []string{"visit", "travel", o.kimsVisit} }, allowed: staff, tech: "Kim Free"},
		"visit arrive":     {argv: plain("visit", "arrive", "V-327", "--contact", "Frank Delgado"), allowed: staff, tech: "Priya Nair"},
		"visit pause":      {argv: plain("visit", "pause", "V-324"), allowed: staff, tech: "Leo Brandt"},
		"visit resume":     {argv: plain("visit", "resume", "V-319"), allowed: staff, tech: "Maya Chen"},
		"visit depart":     {argv: plain("visit", "depart", "V-324", "--contact", "Dr. Paul Weiss", "--follow-up", "a second visit"), allowed: staff, tech: "Leo Brandt"},
		"visit return": {argv: plain("visit", "return", "V-324"), allowed: staff, tech: "Leo Brandt",
			prep: func(o *authzOffice) {
				o.step(324, door.Step{Kind: model.EvDeparted, Contact: "Dr. Paul Weiss", Outcome: model.Outcome{FollowUp: "a second visit"}})
			}},
		"visit shop-start": {argv: plain("visit", "shop-start", "V-324"), allowed: staff, tech: "Leo Brandt",
			prep: func(o *authzOffice) {
				o.step(324, door.Step{Kind: model.EvDeparted, Contact: "Dr. Paul Weiss", Outcome: model.Outcome{FollowUp: "a second visit"}})
				o.step(324, door.Step{Kind: model.EvTravelEnded})
			}},
		"visit shop-stop": {argv: plain("visit", "shop-stop", "V-328"), allowed: staff, tech: "Sam Okafor"},
		"visit note":      {argv: plain("visit", "note", "V-324", "Switch replaced"), allowed: staff, tech: "Leo Brandt"},
		"visit fix": {argv: func(o *authzOffice) []string {
			return []string{"visit", "fix", o.priyasSetOff, "--at", "09:35", "--reason", "tapped late"}
		}, allowed: office},
		"visit work-on":    {argv: plain("visit", "work-on", "V-324", "S-1"), allowed: staff, tech: "Leo Brandt"},
		"visit overrun":    {argv: plain("visit", "overrun", "V-325", "told-continue"), allowed: staff, tech: "Jon Reyes"},
		"scope ask":        {argv: plain("scope", "ask", "V-324", "--asked-by", "Carla Diaz", "--what", "A label printer"), allowed: staff, tech: "Leo Brandt"},
		"scope new-ticket": {argv: plain("scope", "new-ticket", "S-4"), allowed: staff, tech: "Leo Brandt"},
		"scope add-on": {argv: plain("scope", "add-on", "S-4", "--approved-by", "Dr. Paul Weiss", "--estimate", "30m", "--told-meter-running"),
			allowed: staff, tech: "Leo Brandt"},
		"scope decline": {argv: plain("scope", "decline", "S-4", "--reason", "not today"), allowed: staff, tech: "Leo Brandt"},
		"scope approve": {argv: plain("scope", "approve", "S-3"), allowed: office, tech: "Jon Reyes"},
		"scope refuse":  {argv: plain("scope", "refuse", "S-3", "--reason", "next visit"), allowed: office, tech: "Jon Reyes"},
		"scope list":    {argv: plain("scope", "list"), allowed: staff},
		"scope show":    {argv: plain("scope", "show", "S-3"), allowed: staff},
		"user add": {argv: func(*authzOffice) []string {
			return []string{"user", "add", "New Hire", "--role", "tech", "--key", newAuthorizedKey(t)}
		}, allowed: admin},
		"user list": {argv: plain("user", "list"), allowed: admin},
		"user role": {argv: plain("user", "role", "Old Hand", "manager"), allowed: admin},
		"user key add": {argv: func(*authzOffice) []string {
			return []string{"user", "key", "add", "Old Hand", "--key", newAuthorizedKey(t)}
		}, allowed: admin},
		"user key remove": {argv: plain("user", "key", "remove", "Old Hand", oldHandKey), allowed: admin},
		"user remove":     {argv: plain("user", "remove", "Old Hand"), allowed: admin},
		"wall":            {argv: plain("wall"), refusal: "needs a terminal"},
		"client terms":    {argv: plain("client", "terms", "Acme Dental"), allowed: office},
		"client edit":     {argv: plain("client", "edit", "Acme Dental", "--managed"), allowed: office},
		"contact edit":    {argv: plain("contact", "edit", "Lucy Fong", "--client", "Acme Dental", "--phone", "555-0144"), allowed: office},
		"contact remove":  {argv: plain("contact", "remove", "Lucy Fong", "--client", "Acme Dental"), allowed: office},
		"site edit":       {argv: plain("site", "edit", "Main office", "--client", "Acme Dental", "--travel", "50m"), allowed: office},
		"site remove": {argv: plain("site", "remove", "Old annex", "--client", "Acme Dental"), allowed: office, prep: func(o *authzOffice) {
			acme, err := o.Door.FindClient(context.Background(), model.Console, "Acme Dental")
			if err == nil {
				_, err = o.Door.AddSite(context.Background(), model.Console, model.Site{ClientID: acme.ID, Name: "Old annex", Travel: 10 * time.Minute})
			}
			if err != nil {
				o.t.Fatal(err)
			}
		}},
		"ticket authorise": {argv: plain("ticket", "authorise", "T-1020", "--contact", "Dana Ruiz"), allowed: office},
		"part add":         {argv: plain("part", "add", "T-1020", "--desc", "PC", "--price", "899", "--approved-by", "Tom Becker"), allowed: office},
		"invoice draft":    {argv: plain("invoice", "draft", "T-1020"), allowed: office},
		"part remove": {argv: plain("part", "remove", "PT-1", "--reason", "added twice"), allowed: office,
			prep: func(o *authzOffice) { o.part(1020) }},
		"invoice show":  {argv: plain("invoice", "show", "I-1"), allowed: office},
		"invoice list":  {argv: plain("invoice", "list"), allowed: office},
		"invoice ready": {argv: plain("invoice", "ready"), allowed: office},
		"invoice adjust": {argv: plain("invoice", "adjust", "I-7", "--amount", "-20", "--reason", "goodwill"), allowed: managers,
			prep: func(o *authzOffice) { o.draft(1020) }},
		"invoice explain": {argv: plain("invoice", "explain", "I-7", "--text", "agreed by phone"), allowed: managers,
			prep: func(o *authzOffice) { o.draft(1020) }},
		"invoice approve": {argv: plain("invoice", "approve", "I-7"), allowed: managers, prep: func(o *authzOffice) { o.draft(1020) }},
		"invoice send": {argv: plain("invoice", "send", "I-7"), allowed: managers,
			prep: func(o *authzOffice) { o.draft(1020); o.approve(7) }},
		"invoice void":    {argv: plain("invoice", "void", "I-7"), allowed: managers, prep: func(o *authzOffice) { o.draft(1020) }},
		"invoice paid":    {argv: plain("invoice", "paid", "I-5", "--amount", "100"), allowed: office},
		"invoice dispute": {argv: plain("invoice", "dispute", "I-5", "--words", "too much"), allowed: office},
		"invoice credit":  {argv: plain("invoice", "credit", "I-5", "--line", "2", "--amount", "-5", "--reason", "goodwill"), allowed: managers},
		"invoice refund": {argv: plain("invoice", "refund", "I-1"), allowed: managers, prep: func(o *authzOffice) {
			if _, err := o.Door.CreditInvoice(context.Background(), model.Console, 1, 4, -10_00, "goodwill"); err != nil {
				o.t.Fatal(err)
			}
		}},
		"invoice export": {argv: plain("invoice", "export", "--from", "2026-10-01", "--to", "2026-11-30", "--format", "xero"), allowed: office},
		"time export":    {argv: plain("time", "export", "--from", "2026-11-20", "--to", "2026-11-25"), allowed: office},
	}

	for _, cmd := range commands {
		if _, ok := cases[cmd.path]; !ok {
			t.Errorf("%q has no row in the authorisation table", cmd.path)
		}
	}
	money := regexp.MustCompile(`\$\d|_rate_cents|net \d+|RATE`)
	for path, c := range cases {
		for _, role := range all {
			t.Run(path+"/"+string(role), func(t *testing.T) {
				o := openAuthzCopy(t, tmpl)
				if c.prep != nil {
					c.prep(o)
				}
				who := o.users[role]
				if role == model.RoleTech {
					who = o.tech(cmpOr(c.tech, "Sam Okafor"))
				}
				argv := c.argv(o)
				var out, errs bytes.Buffer
				code := Run(context.Background(), Env{Door: o.Door, User: who, Fingerprint: "SHA256:test", Out: &out, Err: &errs,
					In: strings.NewReader("client,row,name,role,phone,email,address,travel,managed,terms\nZeta Labs,contact,Zoe Park,authorised,,,,,,\n")}, argv)
				allowed := contains(c.allowed, role)
				switch {
				case allowed && code != ExitOK:
					t.Errorf("%s as %s: exit %d, want success:\n%s", strings.Join(argv, " "), role, code, errs.String())
				case !allowed && code != ExitError:
					t.Errorf("%s as %s: exit %d, want a refusal:\n%s%s", strings.Join(argv, " "), role, code, out.String(), errs.String())
				case !allowed:
					want := cmpOr(c.refusal, "you are signed in as "+string(role))
					if !strings.Contains(errs.String(), want) {
						t.Errorf("%s as %s: the refusal does not say %q:\n%s", strings.Join(argv, " "), role, want, errs.String())
					}
				}
				if role == model.RoleTech && money.MatchString(out.String()+errs.String()) {
					t.Errorf("%s shows a technician what the client pays:\n%s", strings.Join(argv, " "), out.String())
				}
			})
		}
	}
}

// authzOffice is one copy of the office, with a user for each role.
type authzOffice struct {
	*doortest.Office
	t            *testing.T
	users        map[model.Role]model.User
	waiting      string // a ticket waiting on its client
	kimsVisit    string // a visit booked for later today, its technician free
	priyasSetOff string // the event of Priya setting off, to correct
	meetingRef   string // a meeting planned for the case
}

func (o *authzOffice) tech(name string) model.User {
	o.t.Helper()
	u, err := o.Door.FindTech(context.Background(), model.Console, name)
	if err != nil {
		o.t.Fatal(err)
	}
	return u
}

// meeting plans a roadmap review with Acme Dental, as the console: invited
// three days ago, held an hour ago.
func (o *authzOffice) meeting() {
	o.t.Helper()
	acme, err := o.Door.FindClient(context.Background(), model.Console, "Acme Dental")
	var m model.Meeting
	if err == nil {
		m, err = o.Door.PlanMeeting(context.Background(), model.Console, model.Meeting{ClientID: acme.ID, Kind: model.MeetingRoadmap,
			At: authzNow.Add(-time.Hour), InvitedAt: authzNow.Add(-72 * time.Hour), Agenda: []string{"how we work"}})
	}
	if err != nil {
		o.t.Fatal(err)
	}
	o.meetingRef = m.Ref()
}

// part adds a part to a ticket, as the console.
func (o *authzOffice) part(ticket int64) {
	o.t.Helper()
	if _, err := o.Door.AddPart(context.Background(), model.Console, model.Part{TicketID: ticket, Description: "Cable", Qty: 1, Price: 9_00}, "Dana Ruiz"); err != nil {
		o.t.Fatal(err)
	}
}

// draft draws an invoice for a done ticket, as the console.
func (o *authzOffice) draft(ticket int64) {
	o.t.Helper()
	if _, err := o.Door.DraftInvoice(context.Background(), model.Console, []int64{ticket}); err != nil {
		o.t.Fatal(err)
	}
}

func (o *authzOffice) approve(invoice int64) {
	o.t.Helper()
	ctx := context.Background()
	if _, err := o.Door.ExplainInvoice(ctx, model.Console, invoice, "agreed by phone"); err != nil {
		o.t.Fatal(err)
	}
	if _, err := o.Door.ApproveInvoice(ctx, model.Console, invoice, 0); err != nil {
		o.t.Fatal(err)
	}
}

func (o *authzOffice) step(visit int64, s door.Step) {
	o.t.Helper()
	if _, err := o.Door.Record(context.Background(), model.Console, visit, s); err != nil {
		o.t.Fatal(err)
	}
}

var authzNow = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

// Old Hand's key, for removing it.
const (
	oldHandLine = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl old@hand"
	oldHandKey  = "SHA256:+DiY3wvvV6TuJJhbpZisF/zLDA0zPMSvHdkr4UvCOqU"
)

// authzTemplate seeds the demo once, with a user of every role, a free
// technician with a visit later today, a user to remove and a fresh
// request (S-4) on Leo's visit, and backs it up to copy for each case.
func authzTemplate(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	o := doortest.OpenDemo(t, authzNow)
	for name, role := range map[string]model.Role{"Ann Admin": model.RoleAdmin, "Mia Manager": model.RoleManager,
		"Rita Gomez": model.RoleDispatcher, "Lobby TV": model.RoleViewer, "Old Hand": model.RoleDispatcher, "Kim Free": model.RoleTech} {
		o.AddUser(t, name, role, "")
	}
	if _, err := o.Door.AddKey(ctx, model.Console, "Old Hand", oldHandLine); err != nil {
		t.Fatal(err)
	}
	kim, err := o.Door.FindTech(ctx, model.Console, "Kim Free")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := o.Door.ScheduleVisit(ctx, model.Console, 1026, kim.ID, authzNow.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if _, err := o.Door.AskScope(ctx, model.Console, 324, door.Ask{AskedBy: "Carla Diaz", What: "Waiting-room printer jams"}); err != nil {
		t.Fatal(err)
	}
	if _, err := o.Door.TrackTicket(ctx, model.Console, 1039, door.Track{Kind: model.TkWaiting, Note: "the client sends the licence key"}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "template.db")
	if _, err := store.Backup(ctx, o.Store.Path, path); err != nil {
		t.Fatal(err)
	}
	return path
}

func openAuthzCopy(t *testing.T, tmpl string) *authzOffice {
	t.Helper()
	o := &authzOffice{Office: doortest.OpenCopy(t, tmpl, authzNow), t: t, users: map[model.Role]model.User{}, waiting: "T-1039"}
	ctx := context.Background()
	users, err := o.Door.Users(ctx, model.Console)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range users {
		switch u.Name {
		case "Ann Admin", "Mia Manager", "Rita Gomez", "Lobby TV":
			o.users[u.Role] = u.User
		}
	}
	day, err := o.Door.MyDay(ctx, model.ActorOf(o.tech("Kim Free")))
	if err != nil || len(day) != 1 {
		t.Fatalf("Kim's day: %v %v", day, err)
	}
	o.kimsVisit = day[0].Ref()
	v, err := o.Door.Visit(ctx, model.Console, 327)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range v.Events {
		if e.Kind == model.EvTravelStarted {
			o.priyasSetOff = e.Ref()
		}
	}
	return o
}

func newAuthorizedKey(t *testing.T) string {
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	pk, err := gossh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(gossh.MarshalAuthorizedKey(pk)))
}

func contains(roles []model.Role, r model.Role) bool {
	for _, x := range roles {
		if x == r {
			return true
		}
	}
	return false
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
