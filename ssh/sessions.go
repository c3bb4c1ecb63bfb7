package ssh

import (
	"context"
	"fmt"
	"io"
	"sync"
	"time"

	"charm.land/ssh"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/model/feed"
)

// registry knows which users have sessions open, and as what, so removing
// a user or changing their role ends theirs at once.
type registry struct {
	mu     sync.Mutex
	byUser map[int64]map[ssh.Session]opened
}

// opened is a session as it was opened.
type opened struct {
	terminal bool
	role     model.Role // what the user could do then; every check the session makes uses it
}

func newRegistry() *registry { return &registry{byUser: map[int64]map[ssh.Session]opened{}} }

// add records a session if the limits leave room for it; the returned
// func forgets it.
func (r *registry) add(userID int64, role model.Role, sess ssh.Session, terminal bool, l Limits) (func(), error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if n := len(r.byUser[userID]); l.MaxSessionsPerUser > 0 && n >= l.MaxSessionsPerUser {
		return nil, sessionLimitError{open: n, limit: l.MaxSessionsPerUser, mine: true}
	}
	if n := r.countLocked(); l.MaxSessions > 0 && n >= l.MaxSessions {
		return nil, sessionLimitError{open: n, limit: l.MaxSessions}
	}
	if r.byUser[userID] == nil {
		r.byUser[userID] = map[ssh.Session]opened{}
	}
	r.byUser[userID][sess] = opened{terminal: terminal, role: role}
	return func() {
		r.mu.Lock()
		defer r.mu.Unlock()
		delete(r.byUser[userID], sess)
		if len(r.byUser[userID]) == 0 {
			delete(r.byUser, userID)
		}
	}, nil
}

// Count is the number of open sessions.
func (r *registry) Count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.countLocked()
}

func (r *registry) countLocked() int {
	n := 0
	for _, s := range r.byUser {
		n += len(s)
	}
	return n
}

func (r *registry) users() []int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	ids := make([]int64, 0, len(r.byUser))
	for id := range r.byUser {
		ids = append(ids, id)
	}
	return ids
}

// end closes every connection a user opened under another role than now
// (all of them when removed, role "").
func (r *registry) end(userID int64, role model.Role, why string) {
	r.mu.Lock()
	var sessions []ssh.Session
	for s, o := range r.byUser[userID] {
		if o.role != role {
			sessions = append(sessions, s)
		}
	}
	r.mu.Unlock()
	closeAll(sessions, why)
}

// endTerminals closes every interactive session: a screen has nothing in
// flight worth waiting for, unlike a command that is mid-write.
func (r *registry) endTerminals(why string) {
	r.mu.Lock()
	var sessions []ssh.Session
	for _, byUser := range r.byUser {
		for s, o := range byUser {
			if o.terminal {
				sessions = append(sessions, s)
			}
		}
	}
	r.mu.Unlock()
	closeAll(sessions, why)
}

// closeAll tells each session why, closes its channel, and a moment later
// its connection: closed at once, a socket with unread input is reset, and
// the reset can overtake the message on its way to the client.
//
// The message is written on its own goroutine: a client that has stopped
// reading would block the write for ever, and with it a shutdown or a
// removal; its connection is closed a moment later all the same.
func closeAll(sessions []ssh.Session, why string) {
	for _, s := range sessions {
		go func() {
			_, _ = io.WriteString(s.Stderr(), "\r\ndispatch: "+why+"\r\n")
			_ = s.Close()
		}()
		if conn, ok := s.Context().Value(ssh.ContextKeyConn).(io.Closer); ok {
			time.AfterFunc(200*time.Millisecond, func() { _ = conn.Close() })
		}
	}
}

// watchRemovals checks, whenever users change (here or in another process),
// that everyone connected may still be here as what they signed in as: a
// session keeps the role it opened with, so one opened under another ends.
func (r *registry) watchRemovals(ctx context.Context, d *door.Door) {
	sub := d.Feed().Subscribe()
	defer sub.Close()
	for {
		select {
		case <-ctx.Done():
			return
		case <-sub.Ready():
		}
		if !sub.Take().Has(feed.Users) {
			continue
		}
		for _, id := range r.users() {
			role, active, err := d.RoleNow(ctx, id)
			switch {
			case err != nil:
			case !active:
				r.end(id, "", "your access was removed")
			default:
				r.end(id, role, fmt.Sprintf("you are a %s now; connect again to carry on as one", role))
			}
		}
	}
}
