package ssh

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"dispatch/model"
	"dispatch/model/door"
)

func TestBoardOverSSHAndResize(t *testing.T) {
	o := startOffice(t)
	tm := o.openTerm("Rita Gomez", 100, 30)
	tm.waitFor("DISPATCH", "Rita Gomez · dispatcher", "UNSCHEDULED (10)", "Label printers offline at depot", "q quit")
	if err := tm.sess.WindowChange(24, 80); err != nil {
		t.Fatal(err)
	}
	tm.mu.Lock()
	tm.emu.Resize(80, 24)
	tm.mu.Unlock()
	tm.waitFor("Label printers offli…") // the title column narrowed to fit 80 columns
	tm.typeKeys("q")
	tm.waitEnded()
}

func TestTicketCreatedInOneSessionAppearsInAnother(t *testing.T) {
	o := startOffice(t)
	a := o.openTerm("Rita Gomez", 120, 40)
	b := o.openTerm("Ann Admin", 120, 40)
	a.waitFor("UNSCHEDULED (10)")
	b.waitFor("UNSCHEDULED (10)")
	a.typeKeys("n")
	a.waitFor("New ticket")
	a.typeKeys("acme", "tab", "dana", "tab", "tab", "Printer offline at front desk", "tab",
		"Get it printing; done when a test page prints", "tab", "2", "tab", "1h30m", "enter")
	a.waitFor("Opened T-1042")
	b.waitFor("UNSCHEDULED (11)", "Printer offline at front desk") // nobody pressed anything in B
}

func TestUnregisteredKeyIsRefused(t *testing.T) {
	o := startOffice(t)
	_, err := o.dial(gossh.PublicKeys(newKey(t)))
	if err == nil || !strings.Contains(err.Error(), "unable to authenticate") {
		t.Fatalf("an unknown key must not get in: %v", err)
	}
}

func TestTechnicianCannotScheduleOverExec(t *testing.T) {
	o := startOffice(t)
	out, errs, code := o.exec("Sam Okafor", `visit schedule T-1040 --tech "Sam Okafor" --at 16:00`)
	if code != 1 || out != "" || !strings.Contains(errs, "scheduling visits is for dispatchers, managers and admins; you are signed in as tech") {
		t.Fatalf("exit %d, out %q, err %q", code, out, errs)
	}
	out, _, code = o.exec("Rita Gomez", `visit schedule T-1040 --tech "Sam Okafor" --at 16:00 --anyway --json`)
	var v struct{ ID, Tech, Phase string }
	if code != 0 || json.Unmarshal([]byte(out), &v) != nil || v.Tech != "Sam Okafor" || v.Phase != "scheduled" {
		t.Fatalf("dispatcher schedules: exit %d %s", code, out)
	}
}

// OpenSSH sends `ssh office ticket new --client "Acme Dental" …` with the
// local shell's quotes gone: the words must still find their flags.
func TestREADMECommandAsOpenSSHSendsIt(t *testing.T) {
	o := startOffice(t)
	out, errs, code := o.exec("Rita Gomez", `ticket new --client Acme Dental --contact Dana Ruiz --title Replace wireless router `+
		`--scope Swap the office router, restore Wi-Fi, confirm all 10 PCs online --priority P2 --estimate 2h --json`)
	var ticket struct {
		Title, Scope string
		Contact      struct{ Name string }
	}
	if code != 0 || json.Unmarshal([]byte(out), &ticket) != nil {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	if ticket.Title != "Replace wireless router" || ticket.Contact.Name != "Dana Ruiz" ||
		ticket.Scope != "Swap the office router, restore Wi-Fi, confirm all 10 PCs online" {
		t.Errorf("the words went to the wrong fields: %+v", ticket)
	}
}

func TestUnknownCommandPrintsUsage(t *testing.T) {
	o := startOffice(t)
	_, errs, code := o.exec("Rita Gomez", "frobnicate --now")
	if code != 2 || !strings.Contains(errs, "unknown command") || !strings.Contains(errs, "visit schedule") {
		t.Fatalf("exit %d: %s", code, errs)
	}
}

// A title built to attack another user's terminal arrives there as plain
// text: checked on the raw bytes the other session receives.
func TestHostileTitleNeverReachesAnotherTerminal(t *testing.T) {
	o := startOffice(t)
	viewer := o.openTerm("Ann Admin", 200, 50)
	viewer.waitFor("UNSCHEDULED (10)")
	titles := []string{
		"\x1b]52;c;SGVsbG8=\x07Router\x1b[2J",
		"ok\rFAKE",
		"c1\u009b2Jcsi",
		"bidi\u202Eevil",
	}
	for _, title := range titles {
		_, errs, code := o.exec("Rita Gomez", `ticket new --client "Acme Dental" --contact "Dana Ruiz" --scope x --priority P1 --estimate 1h --title '`+title+`'`)
		if code != 0 {
			t.Fatalf("create %q: %s", title, errs)
		}
	}
	viewer.waitFor("UNSCHEDULED (14)", "Router", "ok FAKE", "c1csi", "bidievil")
	raw := viewer.rawBytes()
	for _, bad := range []string{"52;c;", "SGVsbG8=", "Router\x1b[2J", "ok\rFAKE", "\u009b", "\u202E"} {
		if bytes.Contains(raw, []byte(bad)) {
			t.Errorf("the other terminal received %q", bad)
		}
	}
}

// offerOnly offers a public key it holds no private key for: the client asks
// the server whether the key would do (no signature), then cannot sign.
type offerOnly struct{ pub gossh.PublicKey }

func (o offerOnly) PublicKey() gossh.PublicKey { return o.pub }
func (o offerOnly) Sign(io.Reader, []byte) (*gossh.Signature, error) {
	return nil, errors.New("no private key")
}

// The soft-serve advisories (GHSA-pchf-49fh-w34r, CVE-2023-43809): a client
// offers the admin's key, which the server accepts as registered, and then
// signs with its own. It must be the owner of the key that signed.
func TestOfferingAnotherKeyDoesNotMakeYouItsOwner(t *testing.T) {
	o := startOffice(t)
	offered := 0
	steps := []gossh.AuthMethod{
		gossh.PublicKeysCallback(func() ([]gossh.Signer, error) {
			offered++
			return []gossh.Signer{offerOnly{o.keys["Ann Admin"].PublicKey()}}, nil
		}),
		gossh.PublicKeys(o.keys["Sam Okafor"]),
	}
	c, err := gossh.Dial("tcp", o.addr, &gossh.ClientConfig{User: "anyone", HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		AuthCallback: func(*gossh.ClientAuthContext) (gossh.AuthMethod, error) {
			if len(steps) == 0 {
				return nil, errors.New("no more methods")
			}
			next := steps[0]
			steps = steps[1:]
			return next, nil
		}})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if offered != 1 {
		t.Fatal("the admin's key was never offered")
	}
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out, err := sess.Output("whoami")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(out), "Sam Okafor (tech)") {
		t.Fatalf("signed with the tech's key but signed in as: %s", out)
	}
	// Offering the admin's key alone gets nobody in.
	if _, err := o.dial(gossh.PublicKeys(offerOnly{o.keys["Ann Admin"].PublicKey()})); err == nil {
		t.Fatal("a key that cannot sign must not get in")
	}
}

func TestRemovedUsersSessionEnds(t *testing.T) {
	o := startOffice(t)
	tm := o.openTerm("Sam Okafor", 100, 30)
	tm.waitFor("Sam Okafor · tech")
	for _, v := range []int64{322, 330} { // today's two overlap (the demo double-booked him): no one technician takes both
		if _, err := o.door.CancelVisit(context.Background(), model.Console, v, "Sam is leaving"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := o.door.Record(context.Background(), model.Console, 328, door.Step{Kind: model.EvShopStopped}); err != nil {
		t.Fatal(err) // nobody leaves with work under way
	}
	if _, err := o.door.RemoveUser(context.Background(), model.Console, "Sam Okafor", "Jon Reyes"); err != nil {
		t.Fatal(err)
	}
	tm.waitEnded()
	_ = tm.sess.Wait() // stderr is copied by its own goroutine: wait for it, not only for stdout's end
	if !strings.Contains(tm.errs.String(), "your access was removed") {
		t.Error("the session ended without saying why")
	}
	if _, err := o.dial(gossh.PublicKeys(o.keys["Sam Okafor"])); err == nil {
		t.Error("a removed user's key still signs in")
	}
}

// A session keeps the role it opened with, so changing the role ends it:
// the manager made a dispatcher must not keep the manager's keys. Sessions
// opened since, as what they are now, stay.
func TestARoleChangeEndsTheSessionsOpenedAsTheOldRole(t *testing.T) {
	o := startOffice(t)
	before := o.openTerm("Rita Gomez", 100, 30)
	before.waitFor("Rita Gomez · dispatcher")
	if _, err := o.door.SetRole(context.Background(), model.Console, "Rita Gomez", model.RoleManager); err != nil {
		t.Fatal(err)
	}
	before.waitEnded()
	_ = before.sess.Wait()
	if !strings.Contains(before.errs.String(), "you are a manager now") {
		t.Errorf("the session ended without saying why: %q", before.errs.String())
	}
	after := o.openTerm("Rita Gomez", 100, 30)
	after.waitFor("Rita Gomez · manager")
	if _, err := o.door.SetUserEmail(context.Background(), model.Console, "Rita Gomez", "rita@northside.example"); err != nil {
		t.Fatal(err) // a change to users that leaves her role as it is
	}
	select {
	case <-after.ended:
		t.Error("a session opened as the new role was ended")
	case <-time.After(500 * time.Millisecond): // the watcher has long read the change
	}
}

func TestShutdownClosesTerminalsAndReturns(t *testing.T) {
	o := startOffice(t)
	tm := o.openTerm("Rita Gomez", 80, 24)
	tm.waitFor("UNSCHEDULED (10)")
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := o.srv.Shutdown(ctx); err != nil {
		t.Fatalf("shutdown did not complete: %v", err)
	}
	tm.waitEnded()
	if !strings.Contains(tm.errs.String(), "the server is restarting") {
		t.Errorf("the terminal was not told why: %q", tm.errs.String())
	}
	if _, err := o.dial(gossh.PublicKeys(o.keys["Rita Gomez"])); err == nil {
		t.Error("a stopped server still accepts connections")
	}
}
