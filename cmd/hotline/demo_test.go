package main

import (
	"context"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Panes of the people the simulator starts with.
const (
	reporterPane = `.pane[data-person="1001"]`
	officerPane  = `.pane[data-person="9001"]`
)

// demoEnv is the environment `hotline demo` runs in: a fresh database,
// its own state file and ports.
type demoEnv struct {
	t    *testing.T
	url  string
	args []string // the command line: demo, or nothing for the default run
	stop func()
}

func newDemoEnv(t *testing.T) *demoEnv {
	t.Helper()
	addr := freeAddr(t)
	t.Setenv("TELEGRAM_BOT_TOKEN", "")
	t.Setenv("DATABASE_URL", "")
	t.Setenv("DEMO_DATABASE_URL", freshDB(t))
	t.Setenv("DATA_KEY", newDataKey(t))
	t.Setenv("DEMO_ADDR", addr)
	t.Setenv("DEMO_STATE_FILE", filepath.Join(t.TempDir(), "simulator.json"))
	t.Setenv("HTTP_ADDR", freeAddr(t))
	t.Setenv("METRICS_ADDR", freeAddr(t))
	t.Setenv("LOG_LEVEL", "error")
	e := &demoEnv{t: t, url: "http://" + addr + "/", args: []string{"demo"}, stop: func() {}}
	t.Cleanup(func() { e.stop() })
	return e
}

// start runs the program until stop, and waits for the simulator's page.
func (e *demoEnv) start() {
	e.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, e.args) }()
	e.stop = func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				e.t.Errorf("demo: %v", err)
			}
		case <-time.After(30 * time.Second):
			e.t.Error("demo did not stop within 30 s")
		}
		e.stop = func() {}
	}
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		resp, err := http.Get(e.url + "api/config")
		if err == nil {
			resp.Body.Close()
			return
		}
		select {
		case err := <-done:
			e.t.Fatalf("demo stopped: %v", err)
		default:
		}
		if time.Now().After(deadline) {
			e.t.Fatalf("the simulator page did not answer: %v", err)
		}
	}
}

var refPattern = regexp.MustCompile(`KD-[0-9A-Z]{4}`)

// TestDemoInBrowser is a newcomer's first session, in a real headless
// Chromium: a reporter in Korean starts the bot, asks for help, shares
// a named place with the location button; the desk officer sees the
// alert, claims the case and replies; the reporter reads the reply in
// Korean. The page is reloaded, the program restarted: the conversation is
// still there. Then /forget, the export, a family member with a deep link,
// a live location and a photo.
func TestDemoInBrowser(t *testing.T) {
	b := newBrowser(t, 1400, 900)
	e := newDemoEnv(t)
	e.start()
	b.do("open the page", chromedp.Navigate(e.url))

	b.tap("the Korean language of the reporter's Telegram", reporterPane+` .langs button[data-lang="ko"]`)
	b.until("the reporter speaks Korean", `document.querySelector('`+reporterPane+` .langs button[data-lang="ko"]').classList.contains("on")`)
	b.say(reporterPane, "/start")
	b.tap("the 한국어 button", reporterPane+` .msg button[data-cb="lang:ko"]`)
	b.shows(reporterPane, "언어")
	b.tap("the Emergency contacts menu button", reporterPane+` .msg button[data-cb="go:contacts"]`)
	b.shows(reporterPane, "117")
	b.tap("the command menu", reporterPane+` .menu-btn`)
	b.until("the Korean command menu", `document.querySelector('`+reporterPane+` .menu-pop').innerText.includes("처음 메뉴")`)
	b.tap("/help in the menu", reporterPane+` .menu-pop [data-command="help"]`)
	b.shows(reporterPane, "/forget")

	b.say(reporterPane, "/sos")
	b.tap("the send-my-location button", reporterPane+` .kbd button[data-location]`)
	b.tap("Sihanoukville", reporterPane+` .loc-pop button[data-place="Sihanoukville"]`)
	b.until("the shared location", `document.querySelector('`+reporterPane+` .msg.out[data-kind="location"]') !== null`)
	b.shows(reporterPane, "near Sihanoukville")

	b.tap("the officer's Claim button", officerPane+` .msg button[data-cb^="d:claim:"]`)
	ref := refPattern.FindString(eval[string](b, `[...document.querySelectorAll('`+officerPane+` .msg button[data-cb^="d:claim:"]')].pop().dataset.cb`))
	if ref == "" {
		t.Fatal("no case reference on the Claim button")
	}
	b.shows(officerPane, "사건을 담당합니다")
	b.say(officerPane, "/reply "+ref+" 경찰과 함께 가고 있습니다. 그 자리에 계세요.")
	b.shows(reporterPane, "💬 답장")
	b.shows(reporterPane, "경찰과 함께 가고 있습니다")

	// The supervisor's CSV export downloads from its document message.
	b.say(officerPane, "/export")
	b.until("the export", `document.querySelector('`+officerPane+` .msg[data-kind="document"] a[download]') !== null`)
	csv := eval[string](b, `fetch(document.querySelector('`+officerPane+` .msg[data-kind="document"] a[download]').href).then(r => r.text())`, chromedp.EvalAwaitPromise)
	if !strings.Contains(csv, ref) {
		t.Errorf("the export lacks %s:\n%.300s", ref, csv)
	}

	b.do("reload the page", chromedp.Reload())
	b.shows(reporterPane, "경찰과 함께 가고 있습니다")
	e.stop() // the page stays open and reconnects by itself
	b.until("the page noticing", `document.getElementById("status").textContent !== "connected"`)
	e.start()
	b.until("the page reconnecting", `document.getElementById("status").textContent === "connected"`)
	b.shows(reporterPane, "경찰과 함께 가고 있습니다")
	b.shows(officerPane, ref)
	b.say(reporterPane, "/status")
	b.shows(reporterPane, ref+" ·")

	// A phone that may be inspected: /forget deletes the conversation from it.
	b.say(reporterPane, "/forget")
	b.until("the conversation gone", `(() => { const log = document.querySelector('`+reporterPane+` .log');
		return log.querySelectorAll(".msg").length === 1 && log.innerText.includes("✓") })()`)

	// A family member, added from the page, opens a poster's deep link.
	b.tap("Add person", "#add-person")
	b.do("fill in the family member", chromedp.SetValue(chromedp.CSS(`#add-form [name="name"]`), "Mother Park"),
		chromedp.SetValue(chromedp.CSS(`#add-form [name="lang"]`), "ko"))
	b.tap("Add", `#add-form button[value="add"]`)
	const familyPane = `.pane[data-person="1002"]`
	b.tap("the deep link", familyPane+` .deep`)
	b.tap("Open t.me/…?start=sos", familyPane+` .deeplink button`)
	b.shows(familyPane, "/start sos")
	b.until("a case for the family member", `/KD-[0-9A-Z]{4}/.test(document.querySelector('`+familyPane+` .log').innerText)`)
	b.tap("the location button", familyPane+` .kbd button[data-location]`)
	b.tap("live location", familyPane+` .loc-pop input.live`)
	b.tap("Phnom Penh", familyPane+` .loc-pop button[data-place="Phnom Penh"]`)
	b.until("the live location bar", `!document.querySelector('`+familyPane+` .live-bar').hidden`)
	b.shows(familyPane, "Live location")
	b.tap("Stop sharing", familyPane+` .live-bar button`)
	b.until("the live location stopped", `document.querySelector('`+familyPane+` .live-bar').hidden`)
	b.tap("the attachment menu", familyPane+` .compose .attach`)
	b.tap("a photo", familyPane+` .attach-photo`)
	b.until("the photo", `document.querySelector('`+familyPane+` .msg.out[data-kind="photo"] svg') !== null`)
	if errs := b.pageErrors(); errs != "" {
		t.Error(errs)
	}
}
