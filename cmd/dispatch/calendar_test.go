package main

import (
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// serve --calendar-listen serves the feed, and the console, a process of
// its own, prints an address for it that a calendar reads.
func TestServeTheCalendarFeed(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := buildDispatch(t)
	db := filepath.Join(t.TempDir(), "office.db")
	if out, err := exec.Command(bin, "demo", "--db", db, "--tz", "UTC").CombinedOutput(); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	listen, feed := freeAddr(t), freeAddr(t)
	for feed == listen { // a port just freed may be handed out again
		feed = freeAddr(t)
	}
	var logs strings.Builder
	srv := exec.Command(bin, "serve", "--db", db, "--listen", listen, "--tz", "UTC", "--calendar-listen", feed,
		"--calendar-url", "http://"+feed)
	srv.Stderr = &logs
	defer func() {
		if t.Failed() {
			t.Logf("the server said:\n%s", logs.String())
		}
	}()
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		srv.Process.Signal(syscall.SIGTERM)
		srv.Wait()
	}()
	var url string
	for deadline := time.Now().Add(10 * time.Second); url == "" && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		out, err := exec.Command(bin, "user", "calendar-token", "Sam", "Okafor", "--rotate", "--db", db).CombinedOutput()
		if err != nil {
			t.Fatalf("calendar-token: %v\n%s", err, out)
		}
		url = regexp.MustCompile(`http://` + regexp.QuoteMeta(feed) + `/calendar/\S+\.ics`).FindString(string(out)) // once the server says where it serves
	}
	if url == "" {
		t.Fatal("no address was printed for the feed")
	}
	var body string
	var last error
	client := &http.Client{Timeout: 5 * time.Second}
	for deadline := time.Now().Add(30 * time.Second); body == "" && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		res, err := client.Get(url)
		if last = err; err != nil {
			continue
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || res.Header.Get("Cache-Control") != "private" {
			t.Fatalf("%d %v", res.StatusCode, res.Header)
		}
		body = string(b)
	}
	if !strings.Contains(body, "X-WR-CALNAME:Sam Okafor — visits") || !strings.Contains(body, "BEGIN:VEVENT") {
		t.Errorf("the feed at %s (last error %v):\n%s", url, last, body)
	}
}
