package ssh

import (
	"strings"
	"testing"
)

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

// The authorised contact changed over SSH is the one the very next add-on
// check asks for: the old one may no longer approve, the new one may.
func TestANewAuthorisedContactIsAskedAtOnce(t *testing.T) {
	o := startOffice(t)
	ticket := refIn(t, "T", o.run("Rita Gomez", `ticket new --client "Acme Dental" --contact "Dana Ruiz" --title "New scanner" `+
		`--scope "Install the scanner on the front desk PC" --priority P3 --estimate 1h --at "2026-11-25 09:00"`))
	visit := refIn(t, "V", o.run("Rita Gomez", `visit schedule `+ticket+` --tech "Sam Okafor" --at "2026-11-25 09:00" --past --anyway`))
	o.run("Sam Okafor", `visit travel `+visit+` --at "2026-11-25 09:00"`)
	o.run("Sam Okafor", `visit arrive `+visit+` --contact "Dana Ruiz" --at "2026-11-25 09:30"`)
	scope := refIn(t, "S", o.run("Sam Okafor", `scope ask `+visit+` --asked-by "Dana Ruiz" --what "Set up scan-to-email" --at "2026-11-25 09:40"`))

	o.run("Rita Gomez", `contact edit "Tom Becker" --client "Acme Dental" --authorised`)
	_, errs, code := o.exec("Sam Okafor", `scope add-on `+scope+` --approved-by "Dana Ruiz" --estimate 30m --told-meter-running --at "2026-11-25 09:45"`)
	if code == 0 || !strings.Contains(errs, "Tom Becker") {
		t.Fatalf("Dana Ruiz approved after Tom Becker became the authorised contact (exit %d): %s", code, errs)
	}
	o.run("Sam Okafor", `scope add-on `+scope+` --approved-by "Tom Becker" --estimate 30m --told-meter-running --at "2026-11-25 09:45"`)
}
