// Package ssh serves Dispatch over SSH with Wish: public-key sign-in mapped
// to a user, the board for terminals, commands for scripts.
package ssh

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/bubbletea"
	gossh "golang.org/x/crypto/ssh"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/model/feed"
	"dispatch/ssh/cli"
	"dispatch/tui"
)

// Config is how the server listens and how long it waits.
type Config struct {
	Addr             string // ":23234"
	HostKeyPath      string // created on first start and kept
	HandshakeTimeout time.Duration
	Limits           Limits // the zero value turns every limit off; DefaultLimits suit an office
	Logger           *log.Logger
}

// Server is the Wish server with its sessions.
type Server struct {
	cfg      Config
	door     *door.Door
	srv      *ssh.Server
	sessions *registry
	rate     *rateLimiter
	log      *log.Logger
}

type ctxKey struct{ name string }

var (
	userKey = ctxKey{"user"}
	subKey  = ctxKey{"sub"}
	appKey  = ctxKey{"app"}
)

// New builds a server over the door.
func New(cfg Config, d *door.Door) (*Server, error) {
	if cfg.Logger == nil {
		cfg.Logger = log.Default()
	}
	if cfg.HandshakeTimeout == 0 {
		cfg.HandshakeTimeout = 20 * time.Second
	}
	s := &Server{cfg: cfg, door: d, log: cfg.Logger, sessions: newRegistry(), rate: newRateLimiter(cfg.Limits.ConnectionsPerMinute)}
	srv, err := wish.NewServer(
		wish.WithAddress(cfg.Addr),
		wish.WithHostKeyPath(cfg.HostKeyPath),
		wish.WithPublicKeyAuth(s.keyRegistered),
		wish.WithMiddleware(s.serve),
	)
	if err != nil {
		return nil, fmt.Errorf("ssh server: %w", err)
	}
	srv.HandshakeTimeout = cfg.HandshakeTimeout
	srv.ConnCallback = s.admit
	srv.ServerConfigCallback = func(ssh.Context) *gossh.ServerConfig {
		return &gossh.ServerConfig{MaxAuthTries: cfg.Limits.MaxAuthTries}
	}
	s.srv = srv
	return s, nil
}

// admit runs before the handshake: an address opening connections faster
// than the limit is dropped before it costs a key exchange.
func (s *Server) admit(ctx ssh.Context, conn net.Conn) net.Conn {
	if !s.rate.allow(conn.RemoteAddr()) {
		s.log.Warn("connection refused: too many from one address", "remote", conn.RemoteAddr(),
			"limit_per_minute", s.cfg.Limits.ConnectionsPerMinute)
		return nil
	}
	return conn
}

// keyRegistered only answers whether a key may sign in. It stores nothing:
// a client may offer keys it cannot sign with, so who the user is comes
// later from the key that actually signed (Session.PublicKey).
func (s *Server) keyRegistered(ctx ssh.Context, key ssh.PublicKey) bool {
	_, err := s.door.UserForKey(ctx, key)
	if err != nil && !errors.Is(err, model.ErrNotFound) {
		s.log.Error("key lookup failed", "err", err)
	}
	if err != nil {
		s.log.Info("key refused", "remote", ctx.RemoteAddr(), "fingerprint", gossh.FingerprintSHA256(key))
	}
	return err == nil
}

// Serve accepts connections on ln until Shutdown; it also ends the sessions
// of users who are removed, whichever process removed them.
func (s *Server) Serve(ln net.Listener) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.sessions.watchRemovals(ctx, s.door)
	err := s.srv.Serve(ln)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// ListenAndServe listens on the configured address.
func (s *Server) ListenAndServe() error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return err
	}
	return s.Serve(ln)
}

// Shutdown stops accepting, tells open terminals and closes them, and waits
// until ctx ends for running commands to finish, so a script's write that
// has begun is committed and answered.
func (s *Server) Shutdown(ctx context.Context) error {
	done := make(chan error, 1)
	go func() { done <- s.srv.Shutdown(ctx) }()
	s.sessions.endTerminals("the server is restarting; connect again in a moment")
	return <-done
}

// serve is the one session handler: find the user by the key that signed,
// then give a terminal the board and a command its output.
func (s *Server) serve(next ssh.Handler) ssh.Handler {
	program := bubbletea.MiddlewareWithProgramHandler(s.newProgram)(next)
	return func(sess ssh.Session) {
		pk := sess.PublicKey()
		if pk == nil {
			wish.Fatalln(sess, "dispatch: sign in with a registered SSH key")
			return
		}
		user, err := s.door.UserForKey(sess.Context(), pk)
		if err != nil {
			wish.Fatalln(sess, "dispatch: this key is not registered; an admin can add it with: dispatch user add NAME --role ROLE --key-file KEY.pub")
			return
		}
		fp := gossh.FingerprintSHA256(pk)
		_, _, isPty := sess.Pty()
		argv := cli.Split(sess.RawCommand())
		wall := cli.WallCommand(argv) || (user.Role == model.RoleViewer && len(argv) == 0)
		terminal := isPty && (len(argv) == 0 || wall)
		if wall && !isPty {
			wish.Fatalln(sess, "dispatch: the wall display needs a terminal to draw on; connect with ssh -t HOST wall")
			return
		}
		if user.Role == model.RoleViewer && !wall {
			// The door refuses every other read too; this says what the account is for.
			wish.Fatalln(sess, "dispatch: "+user.Name+" is a viewer account, for the wall display only: ssh -t HOST wall")
			return
		}
		done, err := s.sessions.add(user.ID, user.Role, sess, terminal, s.cfg.Limits)
		if err != nil {
			s.log.Warn("session refused", "user", user.Name, "fingerprint", fp, "remote", sess.RemoteAddr(), "why", err)
			wish.Fatalln(sess, "dispatch: "+err.Error())
			return
		}
		defer done()
		go s.keepAlive(sess)
		s.log.Info("session", "user", user.Name, "role", user.Role, "fingerprint", fp, "remote", sess.RemoteAddr(),
			"pty", isPty, "command", model.CleanLine(sess.RawCommand()))
		if terminal {
			ctx, cancel := context.WithCancel(sess.Context())
			defer cancel()
			sub := s.door.Feed().Subscribe()
			defer sub.Close()
			sess.Context().SetValue(userKey, user)
			sess.Context().SetValue(subKey, sessionDeps{ctx: ctx, sub: sub, wall: wall})
			program(sess)
			if app, ok := sess.Context().Value(appKey).(*tui.App); ok && app.Ended() != "" {
				s.log.Info("session ended", "user", user.Name, "why", app.Ended())
				_, _ = io.WriteString(sess.Stderr(), "\r\ndispatch: "+app.Ended()+"\r\n")
			}
			return
		}
		code := cli.Run(sess.Context(), cli.Env{Door: s.door, User: user, Fingerprint: fp, Out: sess, Err: sess.Stderr(), In: sess}, argv)
		_ = sess.Exit(code)
	}
}

type sessionDeps struct {
	ctx  context.Context
	sub  *feed.Sub
	wall bool
}

// newProgram builds one session's Bubble Tea program at its terminal's size
// and colour profile (MakeOptions reads both from the session).
func (s *Server) newProgram(sess ssh.Session) *tea.Program {
	user, _ := sess.Context().Value(userKey).(model.User)
	deps, _ := sess.Context().Value(subKey).(sessionDeps)
	app := tui.New(tui.Deps{Ctx: deps.ctx, Door: s.door, User: user, Sub: deps.sub, Wall: deps.wall, KeyIdle: s.cfg.Limits.KeyIdle})
	sess.Context().SetValue(appKey, app)
	opts := bubbletea.MakeOptions(sess)
	if limit := s.cfg.Limits.WriteStall; limit > 0 {
		out := newStallGuard(sess)
		go out.watch(deps.ctx, limit, func() {
			s.log.Warn("client stopped reading its screen; session dropped", "user", user.Name, "remote", sess.RemoteAddr(), "after", limit)
			// Nothing can be said to it: its window is full. Close the connection.
			if conn, ok := sess.Context().Value(ssh.ContextKeyConn).(io.Closer); ok {
				_ = conn.Close()
			}
		})
		opts = append(opts, tea.WithOutput(out)) // after MakeOptions: the last output given is used
	}
	return tea.NewProgram(app, opts...)
}
