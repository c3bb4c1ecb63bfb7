package ssh

import "testing"

// A dispute recorded over SSH by a manager appears in the brief of the
// client's page a dispatcher has open, without a key press.
func TestADisputeReachesAnOpenClientPage(t *testing.T) {
	o := startOffice(t)
	rita := o.openTerm("Rita Gomez", 120, 40)
	rita.waitFor("UNSCHEDULED")
	rita.typeKeys("/", "Phone system cutover", "enter")
	rita.waitFor("Phone system cutover")
	rita.typeKeys("enter")
	rita.waitFor("T-", "Phone system cutover")
	rita.typeKeys("K")
	rita.waitFor("Evergreen Realty", "CONTACTS", "OWED (1)")
	o.run("Ann Admin", `invoice dispute I-5 --words "the cutover ran two hours longer than we were told"`)
	rita.waitFor("Disputes", "the cutover ran two hours longer than we were told")
}
