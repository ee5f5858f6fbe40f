package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

var screenshotDir = flag.String("screenshots", "",
	"write PNG screenshots of the simulator in each language to this folder (make screenshots)")

// TestDemoScreenshots draws the reporter's and the officer's panes in
// Korean, Khmer and English for the README. It runs only when asked
// (make screenshots), since it writes files; Hangul and Khmer need fonts
// (Debian: fonts-noto-cjk, fonts-khmeros).
func TestDemoScreenshots(t *testing.T) {
	if *screenshotDir == "" {
		t.Skip("writes files: run with -screenshots=DIR (make screenshots)")
	}
	for _, tt := range []struct{ lang, reporter, officer, reply string }{
		{"ko", "민지", "김 경위", "경찰과 함께 가고 있습니다. 그 자리에 계세요."},
		{"km", "សុភា", "Officer Sok", "ប៉ូលិសកំពុងមកជួយ។ សូមនៅកន្លែងដដែល។"},
		{"en", "Alex", "Officer Kim", "The police are on the way with us. Stay where you are."},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			e := newDemoEnv(t)
			e.start()
			rename(t, e, 1001, tt.reporter, tt.lang)
			rename(t, e, 9001, tt.officer, tt.lang)
			b := newBrowser(t, 1280, 820)
			b.do("open the page", chromedp.EmulateViewport(1280, 760), chromedp.Navigate(e.url))
			if tt.lang != "ko" { // the desk speaks Korean unless an officer chooses otherwise
				b.say(officerPane, "/language")
				b.tap("the officer's language", officerPane+` .msg button[data-cb="lang:`+tt.lang+`"]`)
			}
			b.say(reporterPane, "/start")
			b.tap("the reporter's language", reporterPane+` .msg button[data-cb="lang:`+tt.lang+`"]`)
			b.say(reporterPane, "/sos")
			b.tap("the location button", reporterPane+` .kbd button[data-location]`)
			b.tap("Sihanoukville", reporterPane+` .loc-pop button[data-place="Sihanoukville"]`)
			b.until("the alert", `document.querySelector('`+officerPane+` .msg button[data-cb^="d:claim:"]') !== null`)
			ref := refPattern.FindString(eval[string](b, `[...document.querySelectorAll('`+officerPane+` .msg button[data-cb^="d:claim:"]')].pop().dataset.cb`))
			n := strconv.Itoa(eval[int](b, `document.querySelectorAll('`+officerPane+` .msg').length`))
			b.tap("Claim", officerPane+` .msg button[data-cb^="d:claim:"]`)
			b.until("the claim", `document.querySelectorAll('`+officerPane+` .msg').length > `+n)
			b.say(officerPane, "/reply "+ref+" "+tt.reply)
			b.shows(reporterPane, tt.reply)
			b.do("settle", chromedp.Sleep(500*time.Millisecond))
			png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(*screenshotDir, "simulator-"+tt.lang+".png")
			if err := os.MkdirAll(*screenshotDir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, png, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("wrote %s", path)
		})
	}
}

// rename sets a person's name and Telegram language through the page's API.
func rename(t *testing.T, e *demoEnv, id int64, name, lang string) {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"name": name, "lang": lang})
	resp, err := http.Post(e.url+"api/people/"+strconv.FormatInt(id, 10), "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("rename %d: %s", id, resp.Status)
	}
}
