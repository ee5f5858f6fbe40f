package main

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestDemoScreenshotsTemplateAndCheckIn draws what issue 18 adds: a Korean
// officer answers a Khmer reporter from the reply library, and starts
// check-ins; the reporter reads both in Khmer. Like TestDemoScreenshots
// it runs only with -screenshots=DIR (make screenshots).
func TestDemoScreenshotsTemplateAndCheckIn(t *testing.T) {
	if *screenshotDir == "" {
		t.Skip("writes files: run with -screenshots=DIR (make screenshots)")
	}
	e := newDemoEnv(t)
	e.start()
	rename(t, e, 1001, "សុភា", "km")
	rename(t, e, 9001, "김 경위", "ko")
	b := newBrowser(t, 1280, 820)
	b.do("open the page", chromedp.EmulateViewport(1280, 760), chromedp.Navigate(e.url))
	b.say(reporterPane, "/start")
	b.tap("the reporter's language", reporterPane+` .msg button[data-cb="lang:km"]`)
	b.say(reporterPane, "/sos")
	b.tap("the location button", reporterPane+` .kbd button[data-location]`)
	b.tap("Sihanoukville", reporterPane+` .loc-pop button[data-place="Sihanoukville"]`)
	b.until("the alert", `document.querySelector('`+officerPane+` .msg button[data-cb^="d:claim:"]') !== null`)
	ref := refPattern.FindString(eval[string](b, `[...document.querySelectorAll('`+officerPane+` .msg button[data-cb^="d:claim:"]')].pop().dataset.cb`))
	n := strconv.Itoa(eval[int](b, `document.querySelectorAll('`+officerPane+` .msg').length`))
	b.tap("Claim", officerPane+` .msg button[data-cb^="d:claim:"]`)
	b.until("the claim", `document.querySelectorAll('`+officerPane+` .msg').length > `+n)
	b.say(officerPane, "/reply "+ref+" #location_received")
	b.shows(reporterPane, "យើងបានទទួលទីតាំងរបស់អ្នកហើយ")
	b.say(officerPane, "/checkin "+ref+" 6h")
	b.shows(reporterPane, "សួរសុខទុក្ខ ("+ref+")")
	b.do("settle", chromedp.Sleep(500*time.Millisecond))
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(*screenshotDir, "simulator-km-template-checkin.png")
	if err := os.MkdirAll(*screenshotDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", path)
}
