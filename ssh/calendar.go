package ssh

import (
	"errors"
	"io"
	"net/http"
	"strings"
	"time"

	"charm.land/log/v2"

	"dispatch/model"
	"dispatch/model/door"
)

// CalendarFeed serves each technician's visits at /calendar/SECRET.ics,
// for a phone's calendar to subscribe to: no sign-in but the secret, the
// same 404 for a secret that never was and one rotated away, and nothing
// cached anywhere but the phone.
func CalendarFeed(d *door.Door, logger *log.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Referrer-Policy", "no-referrer")
		w.Header().Set("Cache-Control", "no-store") // a refusal is kept by no one; the calendar itself is private
		token, ok := feedToken(r.URL.Path)
		if !ok {
			http.NotFound(w, r)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		ics, err := d.CalendarFeed(r.Context(), token)
		switch {
		case errors.Is(err, model.ErrNotFound):
			http.NotFound(w, r)
			return
		case err != nil:
			logger.Error("calendar feed", "err", err)
			http.Error(w, "the calendar cannot be read just now; try again shortly", http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
		w.Header().Set("Cache-Control", "private")
		w.Header().Set("Content-Disposition", `inline; filename="visits.ics"`)
		if r.Method == http.MethodGet {
			io.WriteString(w, ics)
		}
	})
}

// feedToken reads the secret from /calendar/SECRET.ics; anything else is
// no address of ours.
func feedToken(path string) (string, bool) {
	token, ok := strings.CutPrefix(path, door.CalendarPath)
	if !ok {
		return "", false
	}
	token, ok = strings.CutSuffix(token, ".ics")
	if !ok || token == "" || len(token) > 64 {
		return "", false
	}
	for _, r := range token {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return "", false
		}
	}
	return token, true
}

// CalendarServer is the feed's HTTP server, with the timeouts a server on
// an office network needs against a slow or idle client.
func CalendarServer(d *door.Door, logger *log.Logger) *http.Server {
	return &http.Server{
		Handler:           CalendarFeed(d, logger),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       20 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    16 << 10,
	}
}
