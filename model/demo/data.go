package demo

import "time"

// The demo office: a small MSP with a few technicians and a dozen clients.

type demoContact struct {
	name, role, phone, email string
}

type demoSite struct {
	name, address string
	travel        time.Duration
}

type demoClient struct {
	name     string
	rate     int64 // dollars per hour
	netDays  int
	travel   bool
	managed  bool
	contacts []demoContact
	sites    []demoSite
}

var techs = []string{"Sam Okafor", "Priya Nair", "Leo Brandt", "Maya Chen", "Jon Reyes"}

var staff = []struct{ name, role string }{
	{"Rita Gomez", "dispatcher"},
	{"Ken Walsh", "manager"},
}

var clients = []demoClient{
	{"Acme Dental", 125, 0, true, false, []demoContact{
		{"Dana Ruiz", "authorised", "555-0142", "dana@acmedental.example"},
		{"Tom Becker", "backup", "555-0143", "tom@acmedental.example"},
		{"Lucy Fong", "other", "", "lucy@acmedental.example"}},
		[]demoSite{{"Main office", "12 Harbor Rd, Suite 4", 45 * time.Minute}}},
	{"Birchwood Law LLP", 150, 30, false, true, []demoContact{
		{"Helen Marsh", "authorised", "555-0210", "hmarsh@birchwood.example"},
		{"Owen Price", "backup", "555-0211", ""}},
		[]demoSite{{"Downtown", "400 Main St, Floor 9", 20 * time.Minute}, {"Records annex", "18 Mill Lane", 35 * time.Minute}}},
	{"Cedar Valley Vets", 110, 15, true, false, []demoContact{
		{"Dr. Aisha Bello", "authorised", "555-0301", "aisha@cedarvets.example"},
		{"Marco Silva", "backup", "555-0302", ""}},
		[]demoSite{{"Clinic", "77 Cedar Valley Rd", 55 * time.Minute}}},
	{"Delta Freight Co", 135, 30, true, true, []demoContact{
		{"Frank Delgado", "authorised", "555-0410", "frank@deltafreight.example"},
		{"Nina Park", "backup", "555-0411", ""},
		{"Warehouse desk", "other", "555-0419", ""}},
		[]demoSite{{"Depot", "2 Rail Yard Way", 30 * time.Minute}, {"Head office", "90 Commerce Blvd", 25 * time.Minute}}},
	{"Evergreen Realty", 120, 15, false, false, []demoContact{
		{"Grace Holm", "authorised", "555-0505", "grace@evergreen.example"},
		{"Ian Voss", "backup", "", "ian@evergreen.example"}},
		[]demoSite{{"Office", "31 Pine St", 15 * time.Minute}}},
	{"Foxglove Bakery", 95, 0, true, false, []demoContact{
		{"Rosa Lind", "authorised", "555-0620", ""}},
		[]demoSite{{"Shop", "8 Market Square", 25 * time.Minute}}},
	{"Granite Peak Accounting", 140, 30, false, true, []demoContact{
		{"Victor Hale", "authorised", "555-0730", "victor@granitepeak.example"},
		{"Sue Tran", "backup", "555-0731", "sue@granitepeak.example"}},
		[]demoSite{{"Office", "600 Summit Ave, Suite 210", 30 * time.Minute}}},
	{"Harbor Light Church", 85, 15, false, false, []demoContact{
		{"Pastor James Reid", "authorised", "555-0840", ""},
		{"Ada Kim", "backup", "555-0841", "office@harborlight.example"}},
		[]demoSite{{"Church office", "5 Lighthouse Ln", 40 * time.Minute}}},
	{"Ironside Machining", 130, 30, true, true, []demoContact{
		{"Bill Carver", "authorised", "555-0950", "bill@ironside.example"},
		{"Jo Ellis", "backup", "555-0951", ""}},
		[]demoSite{{"Plant", "1400 Foundry Rd", 50 * time.Minute}}},
	{"Juniper Family Clinic", 125, 15, true, false, []demoContact{
		{"Dr. Paul Weiss", "authorised", "555-1060", "pweiss@juniperclinic.example"},
		{"Carla Diaz", "backup", "555-1061", "frontdesk@juniperclinic.example"}},
		[]demoSite{{"Clinic", "22 Juniper Ct", 35 * time.Minute}}},
	{"Keystone Insurance", 145, 30, false, true, []demoContact{
		{"Laura Stone", "authorised", "555-1170", "laura@keystone.example"},
		{"Mike Rowe", "backup", "555-1171", ""}},
		[]demoSite{{"Branch office", "19 Keystone Plaza", 20 * time.Minute}}},
	{"Lakeside Montessori", 90, 0, true, false, []demoContact{
		{"Beth Moreau", "authorised", "555-1280", "beth@lakesidemontessori.example"}},
		[]demoSite{{"School", "3 Shoreline Dr", 45 * time.Minute}}},
	{"Northwind Pediatrics", 120, 0, true, false, []demoContact{
		{"Dr. Lena Ortiz", "authorised", "555-1390", "lena@northwindpeds.example"},
		{"Ray Chen", "backup", "555-1391", ""},
		{"Kim Howard", "other", "555-1392", "frontdesk@northwindpeds.example"}},
		[]demoSite{{"Practice", "48 Northwind Way", 30 * time.Minute}}},
}

// state is where a demo ticket stands.
type state int

const (
	unscheduled state = iota
	today             // scheduled later today
	lateToday         // scheduled earlier today, not started
	travelling
	onSite
	paused
	inShop
	upcoming
	done
	invoiced
	needsVisit // a visit ended with work left, nothing booked yet
)

type demoTicket struct {
	client, contact, site string
	title, scope          string
	priority              int
	estimate              string // "2h" or "$450"
	state                 state
	tech                  int           // index into techs
	offset                time.Duration // when, relative to now: the visit's start or the phase's start
	age                   time.Duration // how long ago the ticket was opened
}

const (
	h = time.Hour
	m = time.Minute
	d = 24 * time.Hour
)

var tickets = []demoTicket{
	// Unscheduled, across priorities.
	{"Delta Freight Co", "Frank Delgado", "Depot", "Label printers offline at depot", "Restore printing on both Zebra label printers at the depot; done when test labels print from the shipping PC.", 1, "1h30m", unscheduled, 0, 0, 40 * m},
	{"Granite Peak Accounting", "Sue Tran", "", "Tax software update before filing deadline", "Update the tax suite on 6 workstations and the license server; done when each opens a return.", 2, "3h", unscheduled, 0, 0, 5 * h},
	{"Juniper Family Clinic", "Carla Diaz", "", "Front desk scanner not saving to EHR", "Fix scan-to-folder on the front desk scanner so scans land in the EHR import folder.", 2, "1h", unscheduled, 0, 0, 26 * h},
	{"Birchwood Law LLP", "Owen Price", "Records annex", "Add two workstations at records annex", "Unbox, image and join two new PCs to the domain at the annex; done when both users sign in.", 3, "4h", unscheduled, 0, 0, 3 * d},
	{"Evergreen Realty", "Ian Voss", "", "Shared mailbox for listings team", "Create listings@ shared mailbox and give 5 agents access; done when all 5 see it in Outlook.", 3, "45m", unscheduled, 0, 0, 2 * d},
	{"Harbor Light Church", "Ada Kim", "", "Projector laptop slow to boot", "Diagnose slow boot on the sanctuary laptop; done when it boots to desktop in under 2 minutes or we quote a replacement.", 4, "1h", unscheduled, 0, 0, 6 * d},
	{"Keystone Insurance", "Laura Stone", "", "Quarterly firewall firmware review", "Review and apply firewall firmware updates in the maintenance window; done when version is current and VPN tested.", 4, "2h", unscheduled, 0, 0, 9 * d},
	{"Cedar Valley Vets", "Marco Silva", "", "Exam room PC keyboard replacement", "Replace the failed keyboards in exam rooms 2 and 3.", 4, "$60", unscheduled, 0, 0, 4 * d},
	{"Ironside Machining", "Jo Ellis", "", "CNC file share permissions", "Give the second-shift group read access to the CNC programs share; done when Jo confirms from a shop PC.", 3, "30m", unscheduled, 0, 0, 20 * h},
	{"Lakeside Montessori", "Beth Moreau", "", "Classroom Wi-Fi dead spot", "Survey Wi-Fi in the west classrooms and propose an access point location; done with a written quote.", 3, "1h30m", unscheduled, 0, 0, 30 * h},

	// Scheduled today, not yet started.
	{"Acme Dental", "Dana Ruiz", "", "Replace wireless router", "Swap the office router, restore Wi-Fi, confirm all 10 PCs online.", 2, "2h", today, 0, 45 * m, 2 * d},
	{"Foxglove Bakery", "Rosa Lind", "", "Set up new point-of-sale PC", "Install and configure the new POS PC and receipt printer; done when a test sale prints.", 2, "$450", today, 1, 90 * m, 5 * d},
	{"Evergreen Realty", "Grace Holm", "", "Replace failing NAS drive", "Replace drive 3 in the office NAS and rebuild the array; done when the array reports healthy.", 2, "1h30m", today, 2, 2*h + 30*m, 3 * d},
	{"Birchwood Law LLP", "Helen Marsh", "Downtown", "New partner onboarding", "Set up laptop, phone and accounts for the new partner; done when she signs in to all three.", 3, "3h", today, 3, 3 * h, 4 * d},
	{"Cedar Valley Vets", "Dr. Aisha Bello", "", "X-ray workstation won't see imaging plate", "Restore the connection between the X-ray workstation and the imaging plate reader.", 1, "2h", lateToday, 0, -25 * m, 6 * h},
	{"Keystone Insurance", "Mike Rowe", "", "Move printer to new desk cluster", "Move and re-address the Ricoh copier; done when all staff can print to it.", 4, "1h", today, 1, 5 * h, 7 * d},
	{"Granite Peak Accounting", "Victor Hale", "", "Scan-to-email stopped working", "Restore scan-to-email on the MFP after the mail provider change.", 3, "45m", today, 2, 4*h + 15*m, 2 * d},
	{"Harbor Light Church", "Pastor James Reid", "", "Livestream audio setup", "Connect the mixer to the streaming PC; done when a test stream has clean audio.", 3, "2h", today, 3, 6 * h, 8 * d},

	// In progress.
	{"Delta Freight Co", "Nina Park", "Head office", "Replace UPS batteries in server closet", "Swap the batteries in both rack UPS units and run a self-test.", 2, "1h", travelling, 1, -20 * m, 1 * d},
	{"Juniper Family Clinic", "Dr. Paul Weiss", "", "Exam room tablets won't sync", "Fix sync of the 4 exam-room tablets with the EHR; done when each shows today's schedule.", 2, "2h", onSite, 2, -70 * m, 2 * d},
	{"Ironside Machining", "Bill Carver", "", "Plant-floor Wi-Fi drops", "Find and fix the Wi-Fi drops on the plant floor; done when handhelds stay connected for a shift.", 2, "3h", paused, 3, -2 * h, 3 * d},
	{"Lakeside Montessori", "Beth Moreau", "", "Office PC won't boot after update", "Repair the office PC that fails to boot after updates; done when it boots and files are intact.", 2, "2h", inShop, 0, -90 * m, 1 * d},
	{"Northwind Pediatrics", "Dr. Lena Ortiz", "", "Set up practice-management PC", "A new client's first job: install the practice-management PC at reception; done when Dr. Ortiz books a test appointment.", 2, "1h", onSite, 4, -50 * m, 2 * d},

	// Upcoming days.
	{"Acme Dental", "Tom Becker", "", "Install second monitor at reception", "Mount and connect a second monitor at reception.", 4, "30m", upcoming, 2, 26 * h, 3 * d},
	{"Keystone Insurance", "Laura Stone", "", "Annual backup restore test", "Restore a sample of files and one VM from backup; done with a written report.", 3, "3h", upcoming, 3, 2*d + 2*h, 10 * d},
	{"Birchwood Law LLP", "Helen Marsh", "Downtown", "Conference room display", "Install the wall display and wireless presenter in the large conference room.", 3, "2h", upcoming, 1, 3*d + 1*h, 6 * d},
	{"Evergreen Realty", "Grace Holm", "", "Agent laptop refresh (3 of 5)", "Image and hand over three new agent laptops with data moved from the old ones.", 3, "4h", upcoming, 0, 4*d + 3*h, 12 * d},
	{"Foxglove Bakery", "Rosa Lind", "", "Back office printer jams", "Service or replace the back office printer; done when it prints 50 pages clean.", 4, "$120", upcoming, 2, 5*d + 2*h, 4 * d},

	// Done, waiting to be invoiced.
	{"Granite Peak Accounting", "Victor Hale", "", "Reset MFA for departed employee", "Remove the departed employee's MFA devices and disable the account.", 3, "30m", done, 1, -3 * h, 1 * d},
	{"Acme Dental", "Dana Ruiz", "", "Sterilisation log PC replacement", "Replace the PC that records sterilisation cycles and move the log software.", 2, "2h", done, 0, -26 * h, 4 * d},
	{"Cedar Valley Vets", "Dr. Aisha Bello", "", "Reception phone headset pairing", "Pair two new headsets with the reception phones.", 4, "30m", done, 3, -2 * d, 5 * d},
	{"Delta Freight Co", "Frank Delgado", "Depot", "Dock scanner battery swap", "Replace batteries in 6 dock scanners.", 3, "1h", done, 2, -5 * h, 2 * d},
	{"Harbor Light Church", "Ada Kim", "", "Office email on new phone", "Set up church email on the office manager's new phone.", 4, "30m", done, 1, -3 * d, 6 * d},
	{"Ironside Machining", "Bill Carver", "", "Time clock terminal network move", "Move the time clock terminal to the new VLAN.", 3, "1h", done, 3, -30 * h, 3 * d},

	// Invoiced: history, not on the board.
	{"Juniper Family Clinic", "Dr. Paul Weiss", "", "Annual workstation cleanup", "Clean and update 12 workstations.", 4, "6h", invoiced, 2, -20 * d, 30 * d},
	{"Lakeside Montessori", "Beth Moreau", "", "Install classroom printers", "Install printers in 4 classrooms.", 3, "$300", invoiced, 0, -15 * d, 25 * d},
	{"Keystone Insurance", "Laura Stone", "", "VPN client rollout", "Roll out the new VPN client to 14 laptops.", 3, "4h", invoiced, 1, -12 * d, 20 * d},
	{"Foxglove Bakery", "Rosa Lind", "", "Wi-Fi for customers", "Set up a guest Wi-Fi network separate from the POS network.", 3, "$250", invoiced, 3, -40 * d, 60 * d},
	{"Evergreen Realty", "Grace Holm", "", "Phone system cutover", "Support the phone system cutover day on site.", 2, "4h", invoiced, 0, -9 * d, 15 * d},
	{"Birchwood Law LLP", "Owen Price", "Records annex", "Scanner driver update", "Update drivers on the annex scanners.", 4, "45m", invoiced, 2, -7 * d, 14 * d},
}

// laterTickets were added to the demo after the first; they are numbered
// after the rest, so every id the README and the tests name stays as it was.
var laterTickets = []demoTicket{
	// Needs another visit: the technician found a part had to be ordered.
	{"Foxglove Bakery", "Rosa Lind", "", "Back office PC shuts itself off", "Find why the back office PC shuts down under load and fix it; done when it runs a full day without shutting down.", 4, "1h", needsVisit, 2, -5 * d, 6 * d},
}

// What was left when a visit ended with work to do: the needsVisit
// ticket's, and an inShop one's (the device came back to the shop).
const (
	followUp     = "power supply failing: replacement ordered, fit it when it arrives"
	shopFollowUp = "taken back to the shop; return it and set it up once repaired"
)
