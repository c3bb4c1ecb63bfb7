package main

import (
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// server is a server under test, run as its own process so its CPU and
// memory are its own.
type server struct {
	cmd  *exec.Cmd
	addr string
}

func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// serverLog takes what the servers under test log: a session line each,
// thousands in a run, which would bury the tool's own progress.
var serverLog io.Writer = os.Stderr

// start runs a server and waits until it accepts connections.
func start(name string, args ...string) (*server, error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(name, append(args, "--listen", addr)...)
	cmd.Stdout, cmd.Stderr = serverLog, serverLog
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return &server{cmd: cmd, addr: addr}, nil
		}
	}
	cmd.Process.Kill()
	return nil, fmt.Errorf("%s did not listen on %s within 30 s", name, addr)
}

func (s *server) stop() {
	s.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		s.cmd.Process.Kill()
	}
}

// usage is the process's CPU time so far and its resident memory, from /proc.
type usage struct {
	cpu time.Duration
	rss int64 // bytes
}

func (s *server) usage() (usage, error) {
	var u usage
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", s.cmd.Process.Pid))
	if err != nil {
		return u, err
	}
	// The command name may hold spaces; the fields after it are fixed.
	fields := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+2:]))
	utime, _ := strconv.ParseInt(fields[11], 10, 64)
	stime, _ := strconv.ParseInt(fields[12], 10, 64)
	u.cpu = time.Duration(utime+stime) * time.Second / 100 // USER_HZ
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return u, err
	}
	for _, line := range strings.Split(string(status), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			u.rss = kb * 1024
		}
	}
	return u, nil
}

// cores is the CPU the server used over an interval, in cores.
func (s *server) cores(over time.Duration) (float64, usage, error) {
	a, err := s.usage()
	if err != nil {
		return 0, a, err
	}
	time.Sleep(over)
	b, err := s.usage()
	return float64(b.cpu-a.cpu) / float64(over), b, err
}
