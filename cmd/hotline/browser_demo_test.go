package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromiumPath finds Debian's Chromium. The browser tests fail, rather
// than skip, without it: an untested page is a broken page.
func chromiumPath(t *testing.T) string {
	t.Helper()
	names := []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"}
	if p := os.Getenv("CHROMIUM"); p != "" {
		names = []string{p}
	}
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("Chromium is not installed; the simulator's browser tests need it. Install it with\n" +
		"    sudo apt-get install chromium\n" +
		"(.ci/run does this), or set CHROMIUM to the path of a Chrome or Chromium binary.")
	return ""
}

// browser is a headless Chromium tab on the simulator page.
type browser struct {
	t   *testing.T
	ctx context.Context

	mu     sync.Mutex
	errors []string // uncaught exceptions and console errors of the page
}

func newBrowser(t *testing.T, width, height int) *browser {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath(t)), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(width, height))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(alloc)
	ctx, cancelTime := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelTime(); cancelTab(); cancelAlloc() })
	b := &browser{t: t, ctx: ctx}
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		t.Fatalf("start Chromium: %v", err)
	}
	console := chromedp.Console(ctx)
	go func() {
		for m, err := range console {
			if err != nil {
				return
			}
			// The event stream breaks while the program restarts; that is no error of the page.
			stream := strings.Contains(m.Text, "ERR_INCOMPLETE_CHUNKED_ENCODING") || strings.Contains(m.Text, "ERR_CONNECTION_REFUSED")
			if (m.Type == chromedp.ConsoleException || m.Type == chromedp.ConsoleError) && !stream {
				b.mu.Lock()
				b.errors = append(b.errors, m.Text)
				b.mu.Unlock()
			}
		}
	}()
	return b
}

// do runs actions and fails the test on an error.
func (b *browser) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v%s", what, err, b.pageErrors())
	}
}

// until waits for a JavaScript expression to be truthy.
func (b *browser) until(what, expr string) {
	b.t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(20*time.Second),
		chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
		b.t.Fatalf("waiting for %s: %v%s\npage text:\n%s", what, err, b.pageErrors(), b.text("#panes"))
	}
}

// eval returns the value of a JavaScript expression (of a promise, with
// chromedp.EvalAwaitPromise).
func eval[T any](b *browser, expr string, opts ...chromedp.EvaluateOption) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr, opts...))
	if err != nil {
		b.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

func (b *browser) text(sel string) string {
	v, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](fmt.Sprintf(`document.querySelector(%s)?.innerText ?? ""`, jsString(sel))))
	return v
}

// tap waits for the last element matching sel and clicks it.
func (b *browser) tap(what, sel string) {
	b.t.Helper()
	last := fmt.Sprintf(`[...document.querySelectorAll(%s)].pop()`, jsString(sel))
	b.until(what, last+` !== undefined`)
	if !eval[bool](b, `(() => { const el = `+last+`; el.scrollIntoView(); el.click(); return true })()`) {
		b.t.Fatalf("tap %s", what)
	}
}

// say types text into a pane's message box and presses Enter.
func (b *browser) say(pane, text string) {
	b.t.Helper()
	b.do("type "+text, chromedp.SendKeys(chromedp.CSS(pane+" textarea"), text+"\r"))
}

// shows waits until a pane's open chat shows text.
func (b *browser) shows(pane, text string) {
	b.t.Helper()
	b.until(fmt.Sprintf("%q in %s", text, pane),
		fmt.Sprintf(`(document.querySelector(%s)?.innerText ?? "").includes(%s)`, jsString(pane+" .log"), jsString(text)))
}

func (b *browser) pageErrors() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.errors) == 0 {
		return ""
	}
	return "\npage errors:\n  " + strings.Join(b.errors, "\n  ")
}

func jsString(s string) string {
	q, _ := json.Marshal(s)
	return string(q)
}
