package ssh

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"charm.land/log/v2"

	"dispatch/model"
	"dispatch/model/door/doortest"
)

// The feed over real HTTP: a technician's secret gets their visits, not
// cached by anyone but them; a wrong secret and a rotated one get the same
// 404; a moved visit keeps its UID with a higher SEQUENCE.
func TestTheCalendarFeedOverHTTP(t *testing.T) {
	ctx := context.Background()
	o := doortest.OpenDemo(t, officeNow)
	srv := httptest.NewServer(CalendarFeed(o.Door, log.New(io.Discard)))
	defer srv.Close()
	get := func(path string) (int, http.Header, string) {
		t.Helper()
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, res.Header, string(b)
	}
	token, _, err := o.Door.CalendarToken(ctx, model.Console, "Sam Okafor", false)
	if err != nil {
		t.Fatal(err)
	}
	code, head, body := get("/calendar/" + token + ".ics")
	if code != 200 || head.Get("Cache-Control") != "private" || !strings.HasPrefix(head.Get("Content-Type"), "text/calendar") {
		t.Fatalf("%d %v\n%s", code, head, body)
	}
	for _, want := range []string{"METHOD:PUBLISH", "X-WR-CALNAME:Sam Okafor — visits", "REFRESH-INTERVAL;VALUE=DURATION:PT60M"} {
		if !strings.Contains(body, want) {
			t.Errorf("the feed lacks %q", want)
		}
	}
	// Sam's first visit to come, by its UID and SEQUENCE.
	m := regexp.MustCompile(`UID:(visit-(\d+)@\S+)\r\nSEQUENCE:\d+\r\nDTSTAMP:\S+\r\nDTSTART:(\S+)`).FindAllStringSubmatch(body, -1)
	var next model.Visit
	var uid string
	for _, e := range m {
		at, _ := time.Parse("20060102T150405Z", e[3])
		if at.After(officeNow) {
			next.ID, _ = strconv.ParseInt(e[2], 10, 64)
			next.ScheduledAt, uid = at, e[1]
			break
		}
	}
	if next.ID == 0 {
		t.Fatalf("Sam has no visit to come in the demo:\n%s", body)
	}
	sequence := func(body string) int {
		m := regexp.MustCompile(`UID:` + regexp.QuoteMeta(uid) + `\r\nSEQUENCE:(\d+)`).FindStringSubmatch(strings.ReplaceAll(body, "\r\n ", ""))
		if m == nil {
			t.Fatalf("%s is not in the feed:\n%s", uid, body)
		}
		n, _ := strconv.Atoi(m[1])
		return n
	}
	before := sequence(body)
	if _, err := o.Door.MoveVisit(ctx, model.Console, next.ID, model.Move{At: next.ScheduledAt.Add(24 * time.Hour), Anyway: true}); err != nil {
		t.Fatal(err)
	}
	_, _, body = get("/calendar/" + token + ".ics")
	if after := sequence(body); after <= before {
		t.Errorf("moved, the visit's SEQUENCE went from %d to %d", before, after)
	}

	_, _, notFound := get("/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics")
	rotated, _, err := o.Door.CalendarToken(ctx, model.Console, "Sam Okafor", true)
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/calendar/" + token + ".ics", "/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics", "/calendar/" + token, "/" + token + ".ics",
		"/calendar/../" + token + ".ics"} {
		if code, _, body := get(path); code != 404 || body != notFound {
			t.Errorf("%s: %d %q (an unknown secret gets %q)", path, code, body, notFound)
		}
	}
	if code, _, body := get("/calendar/" + rotated + ".ics"); code != 200 || !strings.Contains(body, uid) {
		t.Errorf("the new secret: %d", code)
	}
}
