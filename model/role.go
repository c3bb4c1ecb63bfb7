package model

import (
	"fmt"
	"strings"
)

// Role is what a user may do in the office.
type Role string

const (
	RoleAdmin      Role = "admin"
	RoleManager    Role = "manager"
	RoleDispatcher Role = "dispatcher"
	RoleTech       Role = "tech"
	RoleViewer     Role = "viewer" // a wall display: sees the shop, touches nothing
)

// Roles lists every role, most powerful first.
var Roles = []Role{RoleAdmin, RoleManager, RoleDispatcher, RoleTech, RoleViewer}

// ParseRole accepts a role name in any case.
func ParseRole(s string) (Role, error) {
	r := Role(strings.ToLower(strings.TrimSpace(s)))
	for _, known := range Roles {
		if r == known {
			return r, nil
		}
	}
	return "", FieldError{Field: "role", Msg: fmt.Sprintf("%q is not a role; use admin, manager, dispatcher, tech or viewer", s)}
}

// Action names everything a user can do, for the permission table.
type Action string

const (
	ActViewBoard     Action = "view board"
	ActManageClients Action = "manage clients"
	ActCreateTicket  Action = "create ticket"
	ActScheduleVisit Action = "schedule visit"
	ActManageUsers   Action = "manage users"
	ActRecordVisit   Action = "record visit"   // a technician on their own visits; the office on anyone's behalf
	ActFixVisitTime  Action = "fix visit time" // correct a recorded time, with a reason
	ActSuperviseWork Action = "supervise work" // approve or refuse an add-on on a first job
	ActTrackTicket   Action = "track ticket"   // waiting on client, resumed, priority, contacted, done
	ActSetPolicy     Action = "set policy"     // business hours, holidays, targets
	ActViewWall      Action = "view wall"      // the read-only wall display
	ActSeeRates      Action = "see rates"      // clients' rates and payment terms
	ActEditTicket    Action = "edit ticket"    // its title, scope and estimate
	ActSetTerms      Action = "set terms"      // rates, travel, rounding, minimum, payment terms
	ActAddPart       Action = "add part"       // a part sold with a ticket, approved by the contact
	ActDraftInvoice  Action = "draft invoice"  // draw a draft from the record
	ActReviewInvoice Action = "review invoice" // adjust, explain, approve, send, credit, void
	ActRecordPayment Action = "record payment" // paid, part paid, disputed
	ActAuthoriseWork Action = "authorise work" // terms accepted by phone (at check-in it is a step of the visit)
	ActLogTouch      Action = "log touch"      // a call, an email or a note on a client's timeline
	ActTellClients   Action = "tell clients"   // choose what clients hear of, read and retry the outbox
)

var (
	office = []Role{RoleAdmin, RoleManager, RoleDispatcher}
	staff  = []Role{RoleAdmin, RoleManager, RoleDispatcher, RoleTech} // everyone but a wall display
)

// permissions is the one table of who may do what; the door consults it for
// every action, whichever way the action arrives.
var permissions = map[Action][]Role{
	ActViewBoard:     staff,
	ActManageClients: office,
	ActCreateTicket:  office,
	ActScheduleVisit: office,
	ActManageUsers:   {RoleAdmin},
	ActRecordVisit:   staff,
	ActFixVisitTime:  office,
	ActSuperviseWork: office,
	ActTrackTicket:   office,
	ActSetPolicy:     {RoleAdmin, RoleManager},
	ActViewWall:      Roles,
	ActSeeRates:      office,
	ActEditTicket:    office,
	ActSetTerms:      {RoleAdmin, RoleManager},
	ActAddPart:       office,
	ActDraftInvoice:  office,
	ActReviewInvoice: {RoleAdmin, RoleManager},
	ActRecordPayment: office,
	ActAuthoriseWork: office,
	ActLogTouch:      staff,
	ActTellClients:   {RoleAdmin, RoleManager},
}

var actionText = map[Action]string{
	ActViewBoard:     "viewing the board",
	ActManageClients: "adding and changing clients, their contacts, sites and meetings",
	ActCreateTicket:  "creating tickets",
	ActScheduleVisit: "scheduling visits",
	ActManageUsers:   "managing users",
	ActRecordVisit:   "recording visits",
	ActFixVisitTime:  "correcting recorded times",
	ActSuperviseWork: "approving add-ons on a first job",
	ActTrackTicket:   "marking tickets waiting, resumed, re-prioritised, contacted, done, cancelled or reopened",
	ActSetPolicy:     "setting the office policy",
	ActViewWall:      "the wall display",
	ActSeeRates:      "seeing clients' rates and terms",
	ActEditTicket:    "editing tickets",
	ActSetTerms:      "setting rates and billing terms",
	ActAddPart:       "adding parts to tickets",
	ActDraftInvoice:  "drafting invoices",
	ActReviewInvoice: "adjusting, explaining, approving, sending, crediting and voiding invoices",
	ActRecordPayment: "recording payments and disputes",
	ActAuthoriseWork: "recording a work authorisation given by phone",
	ActLogTouch:      "logging a call, an email or a note",
	ActTellClients:   "choosing what clients are told, and the outbox",
}

// AllowedRoles lists the roles that may take the action.
func (a Action) AllowedRoles() []Role { return permissions[a] }

// Describe is the action as the subject of a sentence: "scheduling visits".
func (a Action) Describe() string {
	if s, ok := actionText[a]; ok {
		return s
	}
	return string(a)
}

// Can reports whether role may take action.
func (r Role) Can(a Action) bool {
	for _, allowed := range permissions[a] {
		if allowed == r {
			return true
		}
	}
	return false
}

// Check returns Forbidden when the role may not take the action.
func (r Role) Check(a Action) error {
	if r.Can(a) {
		return nil
	}
	return Forbidden{Action: a, Role: r}
}

// RolesList renders roles for a sentence: "dispatchers, managers and admins".
func RolesList(roles []Role) string {
	names := make([]string, len(roles))
	for i := range roles {
		// Least powerful first reads naturally: "dispatchers, managers and admins".
		names[len(roles)-1-i] = string(roles[i]) + "s"
	}
	switch len(names) {
	case 0:
		return "nobody"
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
