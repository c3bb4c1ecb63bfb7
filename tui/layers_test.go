package tui

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// shared are the packages under tui/ that every screen family may use.
var shared = map[string]bool{"page": true, "form": true, "theme": true, "draw": true, "screentest": true}

// The arrows inside tui/: a screen family imports only the shared packages,
// never another family nor the App (it opens another family's pages through
// page.Deps.Go); the shared packages import no family; and model/ learns
// nothing of the interface.
func TestTheArrowsPointOneWay(t *testing.T) {
	dirs, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	families := map[string]bool{}
	for _, d := range dirs {
		if d.IsDir() && d.Name() != "testdata" && !shared[d.Name()] {
			families[d.Name()] = true
		}
	}
	for _, d := range dirs {
		if !d.IsDir() || d.Name() == "testdata" {
			continue
		}
		for _, imp := range importsOf(t, d.Name()) {
			rest, inTUI := strings.CutPrefix(imp, "dispatch/tui")
			if !inTUI || d.Name() == "screentest" {
				continue
			}
			if rest == "" || families[strings.TrimPrefix(rest, "/")] {
				t.Errorf("tui/%s imports %s: open another family's page with page.Deps.Go instead", d.Name(), imp)
			}
		}
	}
	for _, imp := range importsOf(t, "../model/...") {
		if strings.HasPrefix(imp, "dispatch/tui") || strings.HasPrefix(imp, "charm.land/") {
			t.Errorf("model imports %s: the domain knows nothing of the interface", imp)
		}
	}
}

// importsOf lists what the non-test Go files in dir import; "dir/..." takes
// its subfolders too.
func importsOf(t *testing.T, dir string) []string {
	t.Helper()
	root, all := strings.CutSuffix(dir, "/...")
	var out []string
	err := filepath.WalkDir(root, func(path string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() && path != root && !all {
			return filepath.SkipDir
		}
		if e.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
