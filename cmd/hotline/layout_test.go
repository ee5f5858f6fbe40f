package main

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// module is this repository's module path.
const module = "github.com/koreandesk/hotline"

// goPackage is what `go list -json` says of one package.
type goPackage struct {
	ImportPath     string
	Dir            string
	Imports        []string
	GoFiles        []string
	IgnoredGoFiles []string
}

func listPackages(t *testing.T) []goPackage {
	t.Helper()
	out, err := exec.Command("go", "list", "-json", module+"/...").Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("go list: %v\n%s", err, ee.Stderr)
		}
		t.Fatalf("go list: %v", err)
	}
	var pkgs []goPackage
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var p goPackage
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	if len(pkgs) < 10 {
		t.Fatalf("go list found %d packages", len(pkgs))
	}
	return pkgs
}

// under reports whether pkg is dir or inside it (dir relative to the
// module, "" for the module root).
func under(pkg, dir string) bool {
	p := module + "/" + dir
	return pkg == p || strings.HasPrefix(pkg, p+"/")
}

// TestImportGraph keeps the layout of docs/architecture.md: the Bot API
// client only in the transport, SQL drivers only in postgres, and the
// domain packages free of the rest of the project. .golangci.yml's
// depguard rules say the same for golangci-lint.
func TestImportGraph(t *testing.T) {
	// may lists, for packages that must stay small in their imports, the
	// project packages they may import.
	may := map[string][]string{
		"desk":       {},
		"desk/phone": {},
		"flows":      {},
		"jobcheck": {"jobcheck/entity", "jobcheck/pay", "jobcheck/internal/aho", "jobcheck/internal/alert",
			"jobcheck/internal/combo", "jobcheck/internal/cut", "jobcheck/internal/fold",
			"jobcheck/internal/quote", "jobcheck/internal/span"},
		"jobcheck/entity":         {"desk/phone", "jobcheck/internal/fold"},
		"jobcheck/pay":            {},
		"jobcheck/internal/aho":   {},
		"jobcheck/internal/alert": {},
		"jobcheck/internal/combo": {},
		"jobcheck/internal/cut":   {},
		"jobcheck/internal/fold":  {},
		"jobcheck/internal/quote": {},
		"jobcheck/internal/span":  {},
		"locales":                 {},
		"mailbox":                 {"desk", "flows"},
	}
	for _, p := range listPackages(t) {
		rel := strings.TrimPrefix(strings.TrimPrefix(p.ImportPath, module), "/")
		for _, imp := range p.Imports {
			switch {
			case strings.HasPrefix(imp, "github.com/go-telegram/bot") &&
				!under(p.ImportPath, "bot") && !under(p.ImportPath, "cmd") && !under(p.ImportPath, "simulator"):
				t.Errorf("%s imports %s: only bot/, cmd/ and simulator/ speak the Bot API", rel, imp)
			case (strings.HasPrefix(imp, "github.com/jmoiron/sqlx") || strings.HasPrefix(imp, "github.com/lib/pq") ||
				imp == "database/sql") && !under(p.ImportPath, "postgres") && !under(p.ImportPath, "cmd"):
				t.Errorf("%s imports %s: SQL stays in postgres/", rel, imp)
			case (under(p.ImportPath, "app") || under(p.ImportPath, "flows") || under(p.ImportPath, "desk")) &&
				(under(imp, "bot") || under(imp, "postgres") || under(imp, "simulator")):
				t.Errorf("%s imports %s: the application and the domain know no transport or database", rel, imp)
			}
			if !strings.HasPrefix(imp, module+"/") {
				continue
			}
			target := strings.TrimPrefix(imp, module+"/")
			if allowed, ok := may[rel]; ok && !slices.Contains(allowed, target) {
				t.Errorf("%s imports %s; it may import only %v of the project", rel, target, allowed)
			}
			// desk/phone is a leaf (stdlib and phonenumbers): the one phone normaliser.
			if strings.HasPrefix(rel, "flows/") && rel != "flows/flowtest" && rel != "flows/registry" && target != "flows" &&
				target != "desk/phone" {
				t.Errorf("%s imports %s: a conversation imports only flows (and the leaf desk/phone)", rel, target)
			}
		}
	}
}

// maxPackageLines is the project's limit on the non-test Go lines of one package: past it, a
// package is split along a real seam (docs/architecture.md).
const maxPackageLines = 2500

// TestPackageSize keeps every package of the module at most maxPackageLines lines of non-test
// Go, counting the files of every build (ignored ones too).
func TestPackageSize(t *testing.T) {
	for _, p := range listPackages(t) {
		n := 0
		for _, f := range append(p.GoFiles, p.IgnoredGoFiles...) {
			if strings.HasSuffix(f, "_test.go") || !strings.HasSuffix(f, ".go") {
				continue
			}
			b, err := os.ReadFile(filepath.Join(p.Dir, f))
			if err != nil {
				t.Fatal(err)
			}
			n += strings.Count(string(b), "\n")
		}
		if n > maxPackageLines {
			rel := strings.TrimPrefix(p.ImportPath, module+"/")
			t.Errorf("%s has %d lines of non-test Go, more than %d: split it along a real seam", rel, n, maxPackageLines)
		}
	}
}

// TestArchitectureDoc keeps docs/architecture.md honest: every package is
// on its map, and every file its checklists and its update path name
// exists.
func TestArchitectureDoc(t *testing.T) {
	doc, err := os.ReadFile("../../docs/architecture.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(doc)
	for _, p := range listPackages(t) {
		rel := strings.TrimPrefix(p.ImportPath, module+"/")
		if !strings.Contains(text, "`"+rel+"`") {
			t.Errorf("docs/architecture.md does not map package %s", rel)
		}
	}
	for _, m := range regexp.MustCompile("`([a-z/._]+\\.(?:go|md|toml|yml))`").FindAllStringSubmatch(text, -1) {
		path := m[1]
		if !strings.Contains(path, "/") {
			continue // a file of the package the row names, checked below
		}
		if _, err := os.Stat(filepath.Join("../..", path)); err != nil {
			t.Errorf("docs/architecture.md names %s: %v", path, err)
		}
	}
	// Files named bare in a package's row exist in that package.
	for _, row := range strings.Split(text, "\n") {
		cells := strings.Split(row, "|")
		if len(cells) < 4 || !strings.HasPrefix(strings.TrimSpace(cells[1]), "`") {
			continue
		}
		pkg := strings.Trim(strings.TrimSpace(cells[1]), "`")
		for _, m := range regexp.MustCompile("`([a-z_]+\\.go)`").FindAllStringSubmatch(cells[2], -1) {
			if _, err := os.Stat(filepath.Join("../..", pkg, m[1])); err != nil {
				t.Errorf("docs/architecture.md names %s in %s: %v", m[1], pkg, err)
			}
		}
	}
}
