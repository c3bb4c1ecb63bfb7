package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"dispatch/model"
)

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "office.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

var at = time.Date(2026, 11, 25, 14, 0, 0, 0, time.UTC)

func TestMigrateFromEmptyAndAgain(t *testing.T) {
	path := filepath.Join(t.TempDir(), "office.db")
	ctx := context.Background()
	for i := 0; i < 2; i++ { // the second open must find nothing to do
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		var version int
		if err := s.w.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
			t.Fatal(err)
		}
		all, _ := migrations()
		if version != all[len(all)-1].version {
			t.Errorf("user_version = %d, want %d", version, all[len(all)-1].version)
		}
		var mode string
		if err := s.r.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
			t.Errorf("journal_mode = %q, %v", mode, err)
		}
		var fk, sync int
		s.r.QueryRow("PRAGMA foreign_keys").Scan(&fk)
		s.r.QueryRow("PRAGMA synchronous").Scan(&sync)
		if fk != 1 || sync != 2 {
			t.Errorf("foreign_keys=%d synchronous=%d; want 1 and 2 (FULL) on every connection", fk, sync)
		}
		if err := s.Check(ctx); err != nil {
			t.Error(err)
		}
		s.Close()
	}
}

func TestRefusesNewerSchema(t *testing.T) {
	s := openTemp(t)
	if _, err := s.w.Exec("PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	if err := migrate(context.Background(), s.w); err == nil {
		t.Fatal("a database from a newer dispatch must not be opened")
	}
}

func TestReadPoolIsReadOnly(t *testing.T) {
	s := openTemp(t)
	err := s.Read(context.Background(), func(tx *Tx) error { return tx.SetSetting(context.Background(), "k", "v") })
	if err == nil {
		t.Fatal("a write through the read pool must fail")
	}
}

// seed writes one of everything and returns the ids.
func seed(t *testing.T, s *Store) (model.Client, model.Contact, model.Site, model.User, model.Ticket, model.Visit) {
	t.Helper()
	ctx := context.Background()
	var c model.Client
	var ct model.Contact
	var st model.Site
	var u model.User
	var k model.Ticket
	var v model.Visit
	err := s.Write(ctx, func(tx *Tx) error {
		var err error
		c, err = tx.InsertClient(ctx, model.Client{Name: "Acme Dental", Terms: model.Terms{NetDays: 30}, Managed: true, CreatedAt: at,
			Own: model.OwnTerms{Rate: 12500, Travel: model.TravelPolicy{Kind: model.TravelRate, Amount: 6000}}})
		if err != nil {
			return err
		}
		if ct, err = tx.InsertContact(ctx, model.Contact{ClientID: c.ID, Name: "Dana Ruiz", Role: model.ContactAuthorised, Phone: "555", Email: "d@a.example"}); err != nil {
			return err
		}
		if st, err = tx.InsertSite(ctx, model.Site{ClientID: c.ID, Name: "Main", Address: "12 Harbor Rd", Travel: 45 * time.Minute}); err != nil {
			return err
		}
		if u, err = tx.UpsertUser(ctx, model.User{Name: "Sam", Role: model.RoleTech}, at); err != nil {
			return err
		}
		if err := tx.AddKey(ctx, u.ID, UserKey{Fingerprint: "SHA256:abc", AuthorizedKey: "ssh-ed25519 AAAA"}, at); err != nil {
			return err
		}
		if k, err = tx.InsertTicket(ctx, model.Ticket{ClientID: c.ID, ContactID: ct.ID, SiteID: st.ID, Title: "Router", Scope: "Swap",
			Priority: model.P2, Estimate: model.Estimate{Duration: 2 * time.Hour}, FirstJob: true, Status: model.TicketOpen,
			CreatedAt: at, CreatedBy: "Rita"}); err != nil {
			return err
		}
		v, err = tx.InsertVisit(ctx, model.Visit{TicketID: k.ID, TechID: u.ID, ScheduledAt: at.Add(time.Hour)}, "Rita",
			model.Event{At: at, RecordedAt: at, By: "Rita"})
		if err != nil {
			return err
		}
		_, err = tx.AppendEvent(ctx, model.Event{VisitID: v.ID, Kind: model.EvArrived, At: at.Add(time.Hour), RecordedAt: at.Add(2 * time.Hour), By: "Sam", ContactID: ct.ID, Note: "front desk"})
		if err != nil {
			return err
		}
		return tx.Audit(ctx, at, "Rita", "ticket.create", "ticket", k.ID, nil, k)
	})
	if err != nil {
		t.Fatal(err)
	}
	return c, ct, st, u, k, v
}

func TestRoundTripEveryEntity(t *testing.T) {
	s := openTemp(t)
	c, ct, st, u, k, v := seed(t, s)
	ctx := context.Background()
	if k.ID != 1001 || v.ID != 301 || c.ID != 11 {
		t.Errorf("readable ids should start at T-1001, V-301, C-11: got %d %d %d", k.ID, v.ID, c.ID)
	}
	err := s.Read(ctx, func(tx *Tx) error {
		gc, err := tx.ClientByName(ctx, "acme dental")
		if err != nil || gc != c {
			return fmt.Errorf("client: %+v %v, want %+v", gc, err, c)
		}
		gct, err := tx.ContactByName(ctx, c.ID, "DANA RUIZ")
		if err != nil || gct != ct {
			return fmt.Errorf("contact: %+v %v", gct, err)
		}
		gst, err := tx.SiteByID(ctx, st.ID)
		if err != nil || gst != st {
			return fmt.Errorf("site: %+v %v", gst, err)
		}
		gu, err := tx.UserByKey(ctx, "SHA256:abc")
		if err != nil || gu != u {
			return fmt.Errorf("user by key: %+v %v", gu, err)
		}
		gk, err := tx.TicketByID(ctx, k.ID)
		if err != nil || gk != k {
			return fmt.Errorf("ticket:\n got %+v %v\nwant %+v", gk, err, k)
		}
		visits, err := tx.VisitsForTicket(ctx, k.ID)
		if err != nil || len(visits) != 1 || len(visits[0].Events) != 2 {
			return fmt.Errorf("visits: %+v %v", visits, err)
		}
		got := visits[0]
		if got.TechName != "Sam" || !got.ScheduledAt.Equal(v.ScheduledAt) || got.Phase() != model.PhaseOnSite {
			return fmt.Errorf("visit: %+v", got)
		}
		arrived := got.Events[1]
		if arrived.ContactID != ct.ID || arrived.Note != "front desk" || !arrived.RecordedAt.Equal(at.Add(2*time.Hour)) {
			return fmt.Errorf("event: %+v", arrived)
		}
		board, err := tx.BoardTickets(ctx)
		if err != nil || len(board) != 1 || board[0].Client != "Acme Dental" || len(board[0].Visits) != 1 {
			return fmt.Errorf("board: %+v %v", board, err)
		}
		audit, err := tx.AuditFor(ctx, "ticket", k.ID)
		if err != nil || len(audit) != 1 || audit[0].Actor != "Rita" {
			return fmt.Errorf("audit: %+v %v", audit, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestConstraintsHold(t *testing.T) {
	s := openTemp(t)
	c, _, _, _, _, _ := seed(t, s)
	ctx := context.Background()
	cases := map[string]func(tx *Tx) error{
		"second authorised contact": func(tx *Tx) error {
			_, err := tx.InsertContact(ctx, model.Contact{ClientID: c.ID, Name: "Other", Role: model.ContactAuthorised})
			return err
		},
		"ticket for a missing client": func(tx *Tx) error {
			_, err := tx.InsertTicket(ctx, model.Ticket{ClientID: 999, ContactID: 1, SiteID: 1, Title: "x", Scope: "y", Priority: 1, Status: "open", CreatedAt: at})
			return err
		},
		"priority out of range": func(tx *Tx) error {
			_, err := tx.InsertTicket(ctx, model.Ticket{ClientID: c.ID, ContactID: 21, SiteID: 41, Title: "x", Scope: "y", Priority: 7, Status: "open", CreatedAt: at})
			return err
		},
	}
	for name, fn := range cases {
		if err := s.Write(ctx, fn); err == nil {
			t.Errorf("%s: the schema should refuse it", name)
		}
	}
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}
}

func TestNotFoundIsDomainError(t *testing.T) {
	s := openTemp(t)
	err := s.Read(context.Background(), func(tx *Tx) error {
		_, err := tx.ClientByName(context.Background(), "Nobody Inc")
		return err
	})
	if !errors.Is(err, model.ErrNotFound) || err.Error() != `no client "Nobody Inc" (see: client list)` {
		t.Errorf("got %v", err)
	}
}

// TestConcurrentWritersNeverSeeBusy runs writers in this process and in a
// second Store on the same file — as the command line is — at once.
func TestConcurrentWritersNeverSeeBusy(t *testing.T) {
	s := openTemp(t)
	other, err := Open(context.Background(), s.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 2*8*2*25)
	for w := 0; w < 8; w++ {
		for _, st := range []*Store{s, other} {
			wg.Add(1)
			go func(w int, st *Store) {
				defer wg.Done()
				for i := 0; i < 25; i++ {
					errs <- st.Write(ctx, func(tx *Tx) error {
						_, err := tx.InsertClient(ctx, model.Client{Name: fmt.Sprintf("c-%p-%d-%d", st, w, i), CreatedAt: at})
						return err
					})
					errs <- st.Read(ctx, func(tx *Tx) error { _, err := tx.Clients(ctx); return err })
				}
			}(w, st)
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("a writer saw: %v", err)
		}
	}
	var n int
	s.Read(ctx, func(tx *Tx) error { c, _ := tx.Clients(ctx); n = len(c); return nil })
	if n != 400 {
		t.Errorf("clients = %d, want 400", n)
	}
}

func TestDataVersionSeesOtherProcess(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	before, _ := s.DataVersion(ctx)
	s.Write(ctx, func(tx *Tx) error { return tx.SetSetting(ctx, "a", "1") })
	if v, _ := s.DataVersion(ctx); v != before {
		t.Errorf("our own write changed data_version (%d -> %d); the watcher would echo every write", before, v)
	}
	other, err := Open(ctx, s.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	other.Write(ctx, func(tx *Tx) error { return tx.SetSetting(ctx, "b", "2") })
	if v, _ := s.DataVersion(ctx); v == before {
		t.Error("a write from another connection must change data_version")
	}
}

// A name kept from before runs of spaces were collapsed is still found, by
// its collapsed form and in any case.
func TestAnOldNameWithDoubleSpacesIsStillFound(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	err := s.Write(ctx, func(tx *Tx) error {
		_, err := tx.UpsertUser(ctx, model.User{Name: "Jo  Ann", Role: model.RoleTech}, time.Now())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Jo  Ann", "Jo Ann", "jo ann"} {
		err := s.Read(ctx, func(tx *Tx) error {
			u, err := tx.UserByName(ctx, name)
			if err == nil && u.Name != "Jo  Ann" {
				t.Errorf("%q found %q", name, u.Name)
			}
			return err
		})
		if err != nil {
			t.Errorf("%q: %v", name, err)
		}
	}
}
