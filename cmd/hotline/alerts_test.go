package main

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"go.yaml.in/yaml/v3"
)

// alertRules is the shape of a Prometheus rule file, read strictly: a
// misspelt key fails the test instead of being ignored.
type alertRules struct {
	Groups []struct {
		Name  string `yaml:"name"`
		Rules []struct {
			Alert       string            `yaml:"alert"`
			Expr        string            `yaml:"expr"`
			For         string            `yaml:"for"`
			Labels      map[string]string `yaml:"labels"`
			Annotations map[string]string `yaml:"annotations"`
		} `yaml:"rules"`
	} `yaml:"groups"`
}

// TestAlertRules checks deploy/prometheus/alerts.yml against the program:
// every metric a rule names is one the program registers (a renamed metric
// fails here, not silently in production), every expression is well formed
// as far as brackets, functions and keywords go, and every alert has a
// section in the operator's guide saying what to do.
func TestAlertRules(t *testing.T) {
	raw, err := os.ReadFile("../../deploy/prometheus/alerts.yml")
	if err != nil {
		t.Fatal(err)
	}
	guide, err := os.ReadFile("../../docs/operations.md")
	if err != nil {
		t.Fatal(err)
	}
	var rules alertRules
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(&rules); err != nil {
		t.Fatalf("alerts.yml: %v", err)
	}
	registered := registeredMetrics(t)
	seen := map[string]bool{}
	n := 0
	for _, g := range rules.Groups {
		for _, r := range g.Rules {
			n++
			t.Run(r.Alert, func(t *testing.T) {
				if !regexp.MustCompile(`^Hotline[A-Z][A-Za-z]+$`).MatchString(r.Alert) || seen[r.Alert] {
					t.Errorf("alert name %q: want a unique HotlineCamelCase name", r.Alert)
				}
				seen[r.Alert] = true
				if r.For != "" {
					if d, err := time.ParseDuration(r.For); err != nil || d <= 0 {
						t.Errorf("for: %q is not a duration", r.For)
					}
				}
				if s := r.Labels["severity"]; s != "page" && s != "ticket" {
					t.Errorf("severity %q, want page or ticket", s)
				}
				for _, k := range []string{"summary", "description", "runbook"} {
					if strings.TrimSpace(r.Annotations[k]) == "" {
						t.Errorf("no %s annotation", k)
					}
				}
				if want := "docs/operations.md#" + strings.ToLower(r.Alert); r.Annotations["runbook"] != want {
					t.Errorf("runbook = %q, want %q", r.Annotations["runbook"], want)
				}
				if !regexp.MustCompile(`(?m)^#+ ` + r.Alert + `\s*$`).Match(guide) {
					t.Errorf("docs/operations.md has no section headed %q", r.Alert)
				}
				names, err := promqlMetrics(r.Expr)
				if err != nil {
					t.Fatalf("expr %q: %v", r.Expr, err)
				}
				if len(names) == 0 {
					t.Errorf("expr %q names no metric", r.Expr)
				}
				for _, name := range names {
					if !registered[name] && !prometheusSeries[name] {
						t.Errorf("expr names %s, which the program does not register", name)
					}
				}
			})
		}
	}
	if n == 0 {
		t.Fatal("alerts.yml has no rules")
	}
}

// prometheusSeries are made by Prometheus itself, not by the program.
var prometheusSeries = map[string]bool{"up": true, "scrape_duration_seconds": true}

// registeredMetrics returns the names of every metric the program
// registers: what registerMetrics describes (vectors included, which
// /metrics shows only once they have a series), and what a running bot
// serves on /metrics (collectors the service adds, such as the backlog
// gauges read from the database), with the series names of histograms
// and summaries.
func registeredMetrics(t *testing.T) map[string]bool {
	t.Helper()
	rec := &recordingRegisterer{Registerer: prometheus.NewRegistry(), names: map[string]bool{}}
	registerMetrics(rec)
	if len(rec.names) == 0 {
		t.Fatal("registerMetrics registered nothing")
	}
	deployed(t)
	t.Setenv("DATA_KEY", newDataKey(t))
	bot := startHotline(t, "bot")
	bot.ready()
	body, ok := bot.get("/metrics")
	if !ok {
		t.Fatal("the bot serves no /metrics")
	}
	bot.stop()
	for _, line := range strings.Split(body, "\n") {
		if f := strings.Fields(line); len(f) == 4 && f[0] == "#" && f[1] == "TYPE" {
			rec.add(f[2])
		}
	}
	return rec.names
}

type recordingRegisterer struct {
	prometheus.Registerer
	names map[string]bool
}

var fqName = regexp.MustCompile(`fqName: "([^"]+)"`)

func (r *recordingRegisterer) Register(c prometheus.Collector) error {
	ch := make(chan *prometheus.Desc)
	go func() {
		c.Describe(ch)
		close(ch)
	}()
	for d := range ch {
		if m := fqName.FindStringSubmatch(d.String()); m != nil {
			r.add(m[1])
		}
	}
	return r.Registerer.Register(c)
}

func (r *recordingRegisterer) add(name string) {
	for _, suffix := range []string{"", "_bucket", "_sum", "_count"} {
		r.names[name+suffix] = true
	}
}

func (r *recordingRegisterer) MustRegister(cs ...prometheus.Collector) {
	for _, c := range cs {
		if err := r.Register(c); err != nil {
			panic(err)
		}
	}
}

// promqlFuncs are the PromQL functions and aggregations the rules may use.
var promqlFuncs = []string{
	"abs", "absent", "absent_over_time", "avg", "avg_over_time", "ceil", "changes", "clamp_max", "clamp_min",
	"count", "count_over_time", "delta", "deriv", "floor", "histogram_quantile", "idelta", "increase", "irate",
	"label_replace", "max", "max_over_time", "min", "min_over_time", "predict_linear", "quantile", "rate",
	"resets", "round", "scalar", "sort", "sum", "sum_over_time", "time", "timestamp", "topk", "vector",
}

// promqlKeywords may stand where a metric could; by, without, on and
// ignoring are followed by a list of label names.
var promqlKeywords = []string{"and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring",
	"group_left", "group_right"}

// promqlMetrics returns the metric names in a PromQL expression, checking
// on the way that brackets balance, strings end, every function is one
// PromQL has and a range or matcher follows only a name or a bracket. It
// is no parser: the Prometheus server checks the rest when it loads the
// file (promtool check rules deploy/prometheus/alerts.yml).
func promqlMetrics(expr string) ([]string, error) {
	var names []string
	var stack []byte
	closing := map[byte]byte{'{': '}', '[': ']'}
	for i := 0; i < len(expr); {
		c := expr[i]
		switch {
		case c == ' ' || c == '\n' || c == '\t':
			i++
		case c == '"' || c == '\'':
			end := strings.IndexByte(expr[i+1:], c)
			if end < 0 {
				return nil, fmt.Errorf("unterminated string at %d", i)
			}
			i += end + 2
		case c == '{' || c == '[':
			// Label matchers and ranges hold no metric names: skip them.
			end := closeOf(expr, i, closing[c])
			if end < 0 {
				return nil, fmt.Errorf("unclosed %c at %d", c, i)
			}
			i = end + 1
		case c == '(':
			stack = append(stack, ')')
			i++
		case c == ')':
			if len(stack) == 0 {
				return nil, fmt.Errorf("unbalanced %c at %d", c, i)
			}
			stack = stack[:len(stack)-1]
			i++
		case isIdentStart(c):
			j := i
			for j < len(expr) && isIdent(expr[j]) {
				j++
			}
			word := expr[i:j]
			next := strings.TrimLeft(expr[j:], " \t\n")
			switch {
			case slices.Contains(promqlKeywords, word):
				if slices.Contains([]string{"by", "without", "on", "ignoring"}, word) {
					if !strings.HasPrefix(next, "(") {
						return nil, fmt.Errorf("%s without a label list", word)
					}
					end := strings.IndexByte(next, ')')
					if end < 0 {
						return nil, fmt.Errorf("unclosed label list after %s", word)
					}
					j = len(expr) - len(next) + end + 1
				}
			case strings.HasPrefix(next, "("), regexp.MustCompile(`^(by|without)\b`).MatchString(next):
				if !slices.Contains(promqlFuncs, word) {
					return nil, fmt.Errorf("unknown function %s", word)
				}
			default:
				names = append(names, word)
			}
			i = j
		case c >= '0' && c <= '9' || c == '.':
			for i < len(expr) && (isIdent(expr[i]) || expr[i] == '.') {
				i++
			}
		case strings.ContainsRune("+-*/%^<>=!,", rune(c)):
			i++
		default:
			return nil, fmt.Errorf("unexpected %q at %d", c, i)
		}
	}
	if len(stack) > 0 {
		return nil, fmt.Errorf("%d unclosed (", len(stack))
	}
	return names, nil
}

// closeOf returns the index of the close byte that ends the block opened
// at expr[i], outside quoted strings, or -1.
func closeOf(expr string, i int, close byte) int {
	var quote byte
	for j := i + 1; j < len(expr); j++ {
		switch c := expr[j]; {
		case quote != 0 && c == '\\':
			j++
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == close:
			return j
		}
	}
	return -1
}

func isIdentStart(c byte) bool {
	return c == '_' || c == ':' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
func isIdent(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' }

func TestPromQLChecker(t *testing.T) {
	tests := []struct {
		expr string
		want []string
		bad  bool
	}{
		{expr: `up{job="hotline"} == 0`, want: []string{"up"}},
		{expr: `sum by (instance) (increase(a_total{result="x"}[15m])) > 0`, want: []string{"a_total"}},
		{expr: `time() - b_seconds > 120`, want: []string{"b_seconds"}},
		{expr: `deriv(c[10m]) > 0 and c > 100`, want: []string{"c", "c"}},
		{expr: `sum(rate(a[5m])`, bad: true},
		{expr: `rte(a[5m])`, bad: true},
		{expr: `a{job="x}`, bad: true},
		{expr: `sum by instance (a)`, bad: true},
	}
	for _, tt := range tests {
		got, err := promqlMetrics(tt.expr)
		if tt.bad {
			if err == nil {
				t.Errorf("%q: accepted, want an error", tt.expr)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("%q = %v, %v; want %v", tt.expr, got, err, tt.want)
		}
	}
}
