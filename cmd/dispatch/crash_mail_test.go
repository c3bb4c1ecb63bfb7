package main

import (
	"context"
	"database/sql"
	"fmt"
	netmail "net/mail"
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"dispatch/model"
	"dispatch/model/mail/mailtest"
)

// A stream of bookings, each owing the client a letter, with the server
// killed by SIGKILL at random moments while it sends. After the last
// restart has emptied the outbox, the mail server holds every letter of
// every booking the stream saw acknowledged, under the Message-ID its key
// gives, and nothing else; a letter whose send a kill interrupted came
// again as the very same message, byte for byte.
func TestLettersSurviveSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	const rounds = 8
	rng := crashRand(t, 11)

	bin, db, signer := demoWithDispatcher(t)
	smtp := mailtest.Start(t)
	serve := func() (*exec.Cmd, string) {
		addr := freeAddr(t)
		srv := exec.Command(bin, "serve", "--db", db, "--listen", addr, "--tz", "UTC",
			"--conn-rate", "0", "--smtp", "smtp://"+smtp.Addr, "--mail-from", "Northside IT <office@northside.example>")
		if err := srv.Start(); err != nil {
			t.Fatal(err)
		}
		return srv, addr
	}

	var booked []string // V-12: bookings acknowledged
	for round := range rounds {
		srv, addr := serve()
		stop := make(chan struct{})
		done := make(chan []string)
		go func() { done <- streamBookings(addr, signer, round, stop) }()
		time.Sleep(time.Duration(300+rng.IntN(700)) * time.Millisecond)
		if err := srv.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = srv.Wait()
		close(stop)
		booked = append(booked, <-done...)
	}
	if len(booked) < rounds {
		t.Fatalf("only %d bookings were acknowledged in %d rounds: the stream did not run", len(booked), rounds)
	}

	// The last start sends what is left, then is stopped.
	srv, _ := serve()
	outbox := openRO(t, db)
	deadline := time.Now().Add(model.SendLease + 60*time.Second) // a letter a kill left claimed waits out its lease
	for waiting(t, outbox) > 0 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	srv.Process.Signal(syscall.SIGTERM)
	_ = srv.Wait()
	if n := waiting(t, outbox); n > 0 {
		t.Fatalf("%d letters still wait a minute after the last start", n)
	}

	written := map[string]string{} // Message-ID → key
	// The demo's own letters, written long before or about visits begun
	// since, are stopped as news no longer ("not sent: …").
	rows, err := outbox.Query(`SELECT key, message_id, state FROM outbox WHERE last_error NOT LIKE 'not sent:%'`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var key, id, state string
		if err := rows.Scan(&key, &id, &state); err != nil {
			t.Fatal(err)
		}
		if state != "sent" {
			t.Errorf("%s is %s", key, state)
		}
		written[id] = key
	}
	rows.Close()
	for _, v := range booked {
		found := false
		for _, key := range written {
			found = found || strings.HasPrefix(key, v+"/booked/")
		}
		if !found {
			t.Errorf("%s was booked and acknowledged, and no letter was written for it", v)
		}
	}
	received := map[string]string{} // Message-ID → the message
	resent := 0
	for _, m := range smtp.Messages() {
		msg, err := netmail.ReadMessage(strings.NewReader(m.Data))
		if err != nil {
			t.Fatalf("the mail server got no message: %v", err)
		}
		id := msg.Header.Get("Message-Id")
		if _, ok := written[id]; !ok {
			t.Errorf("the mail server got %s, which no letter in the outbox carries", id)
		}
		if before, ok := received[id]; ok {
			resent++
			if before != m.Data {
				t.Errorf("%s was sent twice and differs the second time:\n%s\n---\n%s", id, before, m.Data)
			}
		}
		received[id] = m.Data
	}
	for id, key := range written {
		if _, ok := received[id]; !ok {
			t.Errorf("%s (%s) was marked sent and never reached the mail server", key, id)
		}
	}
	t.Logf("%d kills, %d bookings acknowledged, %d letters, each received under its own Message-ID; %d sends interrupted by a kill came again as the same message",
		rounds, len(booked), len(written), resent)
}

var scheduledVisit = regexp.MustCompile(`scheduled (V-\d+)`)

// streamBookings opens a ticket and books it, again and again, until stop;
// it returns the visits whose booking the server acknowledged.
func streamBookings(addr string, signer gossh.Signer, round int, stop chan struct{}) []string {
	var booked []string
	for i := 0; ; i++ {
		select {
		case <-stop:
			return booked
		default:
		}
		out, err := tryExec(addr, signer, fmt.Sprintf("ticket new --client 'Acme Dental' --contact 'Dana Ruiz' --title crash-mail-%d-%d --scope stream --priority P3 --estimate 1h", round, i))
		m := openedTicket.FindStringSubmatch(out)
		if err != nil || m == nil {
			time.Sleep(20 * time.Millisecond) // starting, or killed
			continue
		}
		at := time.Now().UTC().Add(48*time.Hour + time.Duration(round*500+i)*10*time.Minute).Format("2006-01-02 15:04")
		out, err = tryExec(addr, signer, fmt.Sprintf("visit schedule %s --tech 'Sam Okafor' --at '%s' --anyway", m[1], at))
		if v := scheduledVisit.FindStringSubmatch(out); err == nil && v != nil {
			booked = append(booked, v[1])
		}
	}
}

func openRO(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func waiting(t *testing.T, db *sql.DB) int {
	t.Helper()
	var n int
	if err := db.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM outbox WHERE state = 'queued'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
