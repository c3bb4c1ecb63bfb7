// Package mailtest is a real SMTP server for tests, on a free loopback
// port: it speaks the protocol, keeps what it is given, and refuses on
// demand.
package mailtest

import (
	"io"
	"net"
	"strings"
	"sync"
	"testing"

	"github.com/emersion/go-smtp"
)

// Message is one message the server took.
type Message struct {
	From, To string
	Data     string
}

// Server is a mail server that keeps every message it takes.
type Server struct {
	Addr string
	mu   sync.Mutex
	got  []Message
	// Refuse, when set, answers a recipient with its code and words before
	// anything is taken: 451 for "later", 550 for "never".
	refuse []*smtp.SMTPError
}

// Start runs a server until the test ends.
func Start(t testing.TB) *Server {
	t.Helper()
	s := &Server{}
	srv := smtp.NewServer(backend{s})
	srv.Domain = "mail.test"
	srv.AllowInsecureAuth = true
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.Addr = ln.Addr().String()
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return s
}

// RefuseNext makes the next recipients be refused, one reply each.
func (s *Server) RefuseNext(code int, msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refuse = append(s.refuse, &smtp.SMTPError{Code: code, EnhancedCode: smtp.NoEnhancedCode, Message: msg}) // msg carries its own
}

// Messages are what the server took, in order.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.got...)
}

type backend struct{ s *Server }

func (b backend) NewSession(*smtp.Conn) (smtp.Session, error) { return &session{s: b.s}, nil }

type session struct {
	s        *Server
	from, to string
}

func (x *session) Reset()        {}
func (x *session) Logout() error { return nil }
func (x *session) Mail(from string, _ *smtp.MailOptions) error {
	x.from = from
	return nil
}
func (x *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	x.s.mu.Lock()
	defer x.s.mu.Unlock()
	if len(x.s.refuse) > 0 {
		err := x.s.refuse[0]
		x.s.refuse = x.s.refuse[1:]
		return err
	}
	x.to = to
	return nil
}
func (x *session) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	x.s.mu.Lock()
	defer x.s.mu.Unlock()
	x.s.got = append(x.s.got, Message{From: x.from, To: x.to, Data: strings.ReplaceAll(string(b), "\r\n", "\n")})
	return nil
}
