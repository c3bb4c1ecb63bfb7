package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"dispatch/model"
)

func writeKey(t *testing.T, path string) string {
	t.Helper()
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	pk, _ := gossh.NewPublicKey(pub)
	line := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(pk))) + " me@laptop"
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(line+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return line
}

func TestDemoSeedsOnceAndLetsLocalKeysIn(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	cfg := config{db: filepath.Join(t.TempDir(), "demo.db"), tz: "UTC"}
	ctx := context.Background()
	st, d, err := cfg.office(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	var out bytes.Buffer
	if err := prepareDemo(ctx, st, d, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Seeded a demo office") || !strings.Contains(out.String(), `ssh-keygen -t ed25519 -f ~/.ssh/id_ed25519 -N ""`) {
		t.Errorf("without a key the demo must say how to make one:\n%s", out.String())
	}

	writeKey(t, filepath.Join(home, ".ssh", "id_ed25519.pub"))
	out.Reset()
	if err := prepareDemo(ctx, st, d, &out); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "Seeded") || !strings.Contains(out.String(), "(admin)") {
		t.Errorf("second run must not seed again but must add the key:\n%s", out.String())
	}
	users, _ := d.Users(ctx, model.Console)
	admins := 0
	for _, u := range users {
		if u.Role == model.RoleAdmin && len(u.Keys) == 1 {
			admins++
		}
	}
	if admins != 1 {
		t.Errorf("want one admin with the local key, got %+v", users)
	}
	clients, _ := d.Clients(ctx, model.Console)
	if len(clients) != 13 {
		t.Errorf("clients after two runs: %d", len(clients))
	}

	// Restarted by someone without a key: the office is not locked, so do not say so.
	t.Setenv("HOME", t.TempDir())
	out.Reset()
	if err := prepareDemo(ctx, st, d, &out); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "nobody can sign in") || !strings.Contains(out.String(), "dispatch user list") {
		t.Errorf("with keys on file a keyless restart must point at user list:\n%s", out.String())
	}
}

func TestDemoNeverAddsKeysToARealOffice(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	writeKey(t, filepath.Join(home, ".ssh", "id_ed25519.pub"))
	cfg := config{db: filepath.Join(t.TempDir(), "real.db"), tz: "UTC"}
	ctx := context.Background()
	st, d, err := cfg.office(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := d.CreateClient(ctx, model.Console, model.Client{Name: "A real client"}); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := prepareDemo(ctx, st, d, &out); err != nil {
		t.Fatal(err)
	}
	if users, _ := d.Users(ctx, model.Console); len(users) != 0 {
		t.Errorf("--demo on a real office added users: %+v", users)
	}
	if !strings.Contains(out.String(), "holds a real office") {
		t.Errorf("it should say why: %s", out.String())
	}
}

func TestConsoleManagesUsers(t *testing.T) {
	db := filepath.Join(t.TempDir(), "office.db")
	key := filepath.Join(t.TempDir(), "sam.pub")
	writeKey(t, key)
	t.Setenv("DISPATCH_TZ", "UTC")
	if code := runConsole([]string{"user", "add", "Sam Okafor", "--role", "tech", "--key-file", key, "--db", db}); code != 0 {
		t.Fatalf("user add: exit %d", code)
	}
	if code := runConsole([]string{"user", "add", "Eve", "--role", "boss", "--key-file", key, "--db=" + db}); code != 1 {
		t.Errorf("a bad role must be refused: exit %d", code)
	}
	if code := runConsole([]string{"--db", db, "user", "remove", "Sam Okafor"}); code != 0 {
		t.Errorf("user remove: exit %d", code)
	}
	if code := runConsole([]string{"user", "remove", "Sam Okafor", "--db", db}); code != 1 {
		t.Errorf("removing someone not there: exit %d", code)
	}
}

// dispatch backup copies the office and checks the copy; dispatch check
// passes the copy and refuses what is not an office; bad command lines say
// what to give.
func TestBackupAndCheckCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "office.db")
	if code := runDemo([]string{"--db", db, "--tz", "UTC"}); code != 0 {
		t.Fatalf("demo: exit %d", code)
	}
	backup := filepath.Join(dir, "nightly.db")
	if code := runBackup([]string{"--db", db, backup}); code != 0 {
		t.Fatalf("backup: exit %d", code)
	}
	if code := runCheck([]string{backup}); code != 0 {
		t.Errorf("check of the backup: exit %d", code)
	}
	text := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(text, []byte("not an office"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		run  func([]string) int
		args []string
		want int
	}{
		{"check a text file", runCheck, []string{text}, 1},
		{"backup with no file", runBackup, []string{"--db", db}, 2},
		{"backup onto the office", runBackup, []string{"--db", db, db}, 1},
		{"check two files", runCheck, []string{backup, db}, 2},
	} {
		if code := tt.run(tt.args); code != tt.want {
			t.Errorf("%s: exit %d, want %d", tt.name, code, tt.want)
		}
	}
}
