package gen

// Word lists for names that read like an MSP's client list.
var (
	firstNames  = []string{"Dana", "Tom", "Lucy", "Helen", "Owen", "Aisha", "Marco", "Frank", "Nina", "Grace", "Ian", "Rosa", "Victor", "Sue", "James", "Ada", "Bill", "Jo", "Paul", "Carla", "Laura", "Mike", "Beth", "Lena", "Ray", "Kim", "Sam", "Priya", "Leo", "Maya", "Jon", "Rita", "Ken"}
	lastNames   = []string{"Ruiz", "Becker", "Fong", "Marsh", "Price", "Bello", "Silva", "Delgado", "Park", "Holm", "Voss", "Lind", "Hale", "Tran", "Reid", "Kim", "Carver", "Ellis", "Weiss", "Diaz", "Stone", "Rowe", "Moreau", "Ortiz", "Chen", "Howard", "Okafor", "Nair", "Brandt", "Reyes", "Gomez", "Walsh"}
	clientWords = []string{"Acme", "Birchwood", "Cedar Valley", "Delta", "Evergreen", "Foxglove", "Granite Peak", "Harbor Light", "Ironside", "Juniper", "Keystone", "Lakeside", "Northwind", "Oakridge", "Pinecrest", "Quarry Hill", "Riverside", "Summit", "Tidewater", "Union Square"}
	clientKinds = []string{"Dental", "Law LLP", "Vets", "Freight Co", "Realty", "Bakery", "Accounting", "Church", "Machining", "Family Clinic", "Insurance", "Montessori", "Pediatrics", "Builders", "Pharmacy", "Print Shop"}
	streets     = []string{"Main St", "Harbor Rd", "Cedar Valley Rd", "Rail Yard Way", "Pine St", "Market Square", "Summit Ave", "Lighthouse Ln", "Foundry Rd", "Juniper Ct", "Keystone Plaza", "Shoreline Dr"}
	jobs        = []string{"Replace wireless router", "Printer offline at front desk", "Set up new workstation", "Email not syncing on phone",
		"Replace failing NAS drive", "Firewall firmware update", "New starter: laptop and accounts", "Scan-to-email stopped working",
		"Wi-Fi dead spot in back office", "Backup job failing", "Move printer to new desk", "UPS battery replacement",
		"Slow PC after update", "Shared mailbox for team", "Conference room display", "Phone headset pairing"}
)
