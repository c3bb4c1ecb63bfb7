package store

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"dispatch/model"
)

// A backup taken while a writer commits without pause holds every commit
// made before it began and nothing half made; restored, it opens as an
// office and passes SQLite's checks.
func TestBackupUnderLoadRestores(t *testing.T) {
	s := openTemp(t)
	_, _, _, _, ticket, _ := seed(t, s)
	ctx := context.Background()

	var committed atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			err := s.Write(ctx, func(tx *Tx) error {
				_, err := tx.InsertClient(ctx, model.Client{Name: fmt.Sprintf("load-%d", i), CreatedAt: at})
				return err
			})
			if err != nil {
				t.Error(err)
				return
			}
			committed.Add(1)
		}
	}()
	for committed.Load() < 50 { // the writer is well under way
	}
	before := committed.Load()
	dst := filepath.Join(t.TempDir(), "backup.db")
	rep, err := Backup(ctx, s.Path, dst)
	after := committed.Load()
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if rep.Tickets != 1 || rep.Visits != 1 || rep.Bytes == 0 {
		t.Errorf("report %+v", rep)
	}

	// Restore as the README says: copy the file into place and start.
	restored := filepath.Join(t.TempDir(), "office.db")
	copyFile(t, dst, restored)
	r, err := Open(ctx, restored)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var loaded int64
	err = r.Read(ctx, func(tx *Tx) error {
		clients, err := tx.Clients(ctx)
		for _, c := range clients {
			if strings.HasPrefix(c.Name, "load-") {
				loaded++
			}
		}
		if err != nil {
			return err
		}
		_, err = tx.TicketByID(ctx, ticket.ID)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if loaded < before || loaded > after {
		t.Errorf("the backup holds %d of the writer's clients; %d were committed before it began and %d by its end", loaded, before, after)
	}
	if err := r.Check(ctx); err != nil {
		t.Error(err)
	}
	t.Logf("backed up %d bytes while %d writes committed, in %s", rep.Bytes, after-before, rep.Took)
}

// A backup never replaces a good one with a bad one, and never the office
// with itself.
func TestBackupRefusesWhatWouldLoseData(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if _, err := Backup(ctx, s.Path, s.Path); err == nil || !strings.Contains(err.Error(), "is the office itself") {
		t.Errorf("backing up onto the office: %v", err)
	}
	if _, err := Backup(ctx, filepath.Join(t.TempDir(), "nothing.db"), filepath.Join(t.TempDir(), "b.db")); err == nil ||
		!strings.Contains(err.Error(), "no office at") {
		t.Errorf("backing up a missing office: %v", err)
	}
	garbage := filepath.Join(t.TempDir(), "garbage.db")
	if err := os.WriteFile(garbage, []byte("not a database at all, just text"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Check(ctx, garbage); err == nil {
		t.Error("a text file passed the check")
	}
	// A copy that fails leaves yesterday's backup as it was, and no
	// half-written file beside it.
	dir := t.TempDir()
	old := filepath.Join(dir, "backup.db")
	if err := os.WriteFile(old, []byte("yesterday's backup"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Backup(ctx, garbage, old); err == nil {
		t.Error("backing up a text file succeeded")
	}
	if b, _ := os.ReadFile(old); string(b) != "yesterday's backup" {
		t.Errorf("the old backup was touched: %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}
