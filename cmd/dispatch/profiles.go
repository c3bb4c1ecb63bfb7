package main

import (
	"net/http"
	"net/http/pprof"

	"charm.land/log/v2"
)

// serveProfiles serves the runtime's live profiles (heap, goroutines, CPU)
// for go tool pprof, so memory per session can be read off a running
// server under load. It is off unless asked for.
func serveProfiles(addr string, logger *log.Logger) {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	logger.Info("profiles", "url", "http://"+addr+"/debug/pprof/")
	if err := http.ListenAndServe(addr, mux); err != nil {
		logger.Error("profiles", "err", err)
	}
}
