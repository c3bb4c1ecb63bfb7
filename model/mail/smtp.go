package mail

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/smtp"
	"net/textproto"
	"net/url"
	"strings"
	"time"
)

// Refused is the mail server saying no: for now (4xx), or for good (5xx),
// in its own words.
type Refused struct {
	Code int
	Msg  string
}

func (e Refused) Error() string { return fmt.Sprintf("%d %s", e.Code, e.Msg) }

// Permanent reports whether trying again would not help.
func (e Refused) Permanent() bool { return e.Code >= 500 }

// Server is the shop's mail server, as configured by a URL:
// smtp://user:pass@host:587 upgrades with STARTTLS where the server offers
// it, and never sends a password without it; smtps://host:465 is TLS from
// the start; smtp://127.0.0.1:25 is a local relay, no password, no TLS.
type Server struct {
	implicitTLS bool
	host, addr  string
	user, pass  string
	timeout     time.Duration
	tls         *tls.Config // nil: the system's roots, the host's name
}

// ParseServer reads a mail server's URL.
func ParseServer(raw string) (*Server, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" || (u.Scheme != "smtp" && u.Scheme != "smtps") {
		return nil, fmt.Errorf("%q is not a mail server; write it like smtp://user:password@mail.example.com:587, smtps://mail.example.com:465 or smtp://127.0.0.1:25",
			redact(raw))
	}
	s := &Server{implicitTLS: u.Scheme == "smtps", host: u.Hostname(), timeout: 30 * time.Second}
	port := u.Port()
	if port == "" {
		port = map[bool]string{true: "465", false: "587"}[s.implicitTLS]
	}
	s.addr = net.JoinHostPort(s.host, port)
	if u.User != nil {
		s.user = u.User.Username()
		s.pass, _ = u.User.Password()
	}
	return s, nil
}

// WithTLS sets how the server's certificate is checked (tests trust their
// own).
func (s *Server) WithTLS(c *tls.Config) *Server { s.tls = c; return s }

// String is the server without its password, for logs and pages.
func (s *Server) String() string {
	scheme := map[bool]string{true: "smtps", false: "smtp"}[s.implicitTLS]
	if s.user != "" {
		return fmt.Sprintf("%s://%s@%s", scheme, s.user, s.addr)
	}
	return fmt.Sprintf("%s://%s", scheme, s.addr)
}

// Send hands one message to the server for one recipient.
func (s *Server) Send(ctx context.Context, from, to string, msg []byte) error {
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	conf := s.tls
	if conf == nil {
		conf = &tls.Config{ServerName: s.host}
	}
	var conn net.Conn
	var err error
	d := &net.Dialer{}
	if s.implicitTLS {
		conn, err = (&tls.Dialer{NetDialer: d, Config: conf}).DialContext(ctx, "tcp", s.addr)
	} else {
		conn, err = d.DialContext(ctx, "tcp", s.addr)
	}
	if err != nil {
		return fmt.Errorf("cannot reach the mail server %s: %w", s, err)
	}
	defer conn.Close()
	if deadline, ok := ctx.Deadline(); ok {
		conn.SetDeadline(deadline)
	}
	c, err := smtp.NewClient(conn, s.host)
	if err != nil {
		return refused(err)
	}
	defer c.Close()
	secure := s.implicitTLS
	if ok, _ := c.Extension("STARTTLS"); ok && !secure {
		if err := c.StartTLS(conf); err != nil {
			return refused(err)
		}
		secure = true
	}
	if s.user != "" {
		if !secure {
			return fmt.Errorf("the mail server %s offers no TLS, and a password is never sent without it: use smtps://, or a server that offers STARTTLS", s)
		}
		if err := c.Auth(plainAuth{s.user, s.pass}); err != nil {
			return refused(err)
		}
	}
	if err := c.Mail(from); err != nil {
		return refused(err)
	}
	if err := c.Rcpt(to); err != nil {
		return refused(err)
	}
	w, err := c.Data()
	if err != nil {
		return refused(err)
	}
	if _, err := w.Write(msg); err != nil {
		return refused(err)
	}
	if err := w.Close(); err != nil {
		return refused(err)
	}
	return refused(c.Quit())
}

// refused reads a server's reply code into a Refused; other errors (a
// connection lost) stay as they are, to be tried again.
func refused(err error) error {
	var tp *textproto.Error
	if errors.As(err, &tp) {
		return Refused{Code: tp.Code, Msg: tp.Msg}
	}
	return err
}

// plainAuth is AUTH PLAIN, sent only once the connection is TLS (checked
// above): net/smtp's own refuses a test server on loopback without TLS.
type plainAuth struct{ user, pass string }

func (a plainAuth) Start(*smtp.ServerInfo) (string, []byte, error) {
	return "PLAIN", []byte("\x00" + a.user + "\x00" + a.pass), nil
}

func (a plainAuth) Next(_ []byte, more bool) ([]byte, error) {
	if more {
		return nil, errors.New("the mail server asked more of AUTH PLAIN than it takes")
	}
	return nil, nil
}

// redact hides a password in a URL as typed.
func redact(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.User != nil {
		if _, ok := u.User.Password(); ok {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
			return u.String()
		}
	}
	return raw
}
