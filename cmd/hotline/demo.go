package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/koreandesk/hotline/postgres"
	"github.com/koreandesk/hotline/simulator"
)

// demoConfig is the simulator's part of the configuration.
type demoConfig struct {
	// Addr is where the page is served: DEMO_ADDR, loopback by default.
	Addr string
	// StateFile keeps the emulator's chats across restarts: DEMO_STATE_FILE.
	StateFile string
	// DatabaseURL is the simulator's own database: DEMO_DATABASE_URL, or
	// empty for hotline_demo on DATABASE_URL's server (created if missing).
	DatabaseURL string
}

// demoDatabase is the simulator's database name beside DATABASE_URL's.
const demoDatabase = "hotline_demo"

func loadDemoConfig() (demoConfig, error) {
	var errs []error
	get := func(name, def string) string {
		v, err := getenv(name)
		if err != nil {
			errs = append(errs, err)
		}
		if v == "" {
			return def
		}
		return v
	}
	d := demoConfig{Addr: get("DEMO_ADDR", "127.0.0.1:8090"), StateFile: get("DEMO_STATE_FILE", ".data/simulator.json"),
		DatabaseURL: get("DEMO_DATABASE_URL", "")}
	if d.DatabaseURL != "" {
		errs = append(errs, checkDatabaseURL("DEMO_DATABASE_URL", d.DatabaseURL))
	}
	if _, _, err := net.SplitHostPort(d.Addr); err != nil {
		errs = append(errs, errors.New("DEMO_ADDR must be host:port, such as 127.0.0.1:8090"))
	}
	return d, errors.Join(errs...)
}

// demo runs the bot exactly as serve does, but on a database of its own
// and against the built-in Bot API simulator instead of Telegram, and
// serves the simulator's web page. The bot talks to the emulator over
// HTTP on 127.0.0.1 and does not know the difference. The simulator's
// desk officer is made a supervisor and its group is the desk chat
// (unless DESK_CHAT_ID names another). It refuses a database that holds
// staff or cases it did not create, so it can never take over the real
// desk's queue or outbox.
func demo(ctx context.Context) error {
	c, err := loadConfig(modeDemo)
	d, derr := loadDemoConfig()
	if err = errors.Join(err, derr); err == nil && d.DatabaseURL == "" && c.DatabaseURL == "" {
		err = errors.New("DEMO_DATABASE_URL or DATABASE_URL must be set (make demo starts a private PostgreSQL)")
	}
	if err != nil {
		return err
	}
	if d.DatabaseURL == "" {
		if d.DatabaseURL, err = postgres.EnsureDatabase(ctx, c.DatabaseURL, demoDatabase); err != nil {
			return fmt.Errorf("DEMO_DATABASE_URL (the simulator's own database, %s beside DATABASE_URL's): %w", demoDatabase, err)
		}
	}
	c.DatabaseURL = d.DatabaseURL
	if v, _ := getenv("LOG_LEVEL"); v == "" {
		c.LogLevel = "warn" // the one line on the terminal is the page's address
	}
	log := newLogger(c)
	sim, err := simulator.Open(simulator.Options{Path: d.StateFile, DeskChatID: c.DeskChatID, Log: log})
	if err != nil {
		return err
	}
	defer func() {
		if err := sim.Close(); err != nil {
			log.Error("close the simulator", "component", "demo", "err", err)
		}
	}()
	api := sim.API()
	c.BotToken, c.APIURL, c.WebhookURL, c.WebhookSecret = api.Token(), api.URL(), "", ""
	c.AdminIDs = append(c.AdminIDs, sim.Supervisor().ID)
	c.DeskChatID = sim.DeskChatID()
	ln, err := net.Listen("tcp", d.Addr)
	if err != nil {
		return fmt.Errorf("DEMO_ADDR: %w", err)
	}
	if ip := ln.Addr().(*net.TCPAddr).IP; !ip.IsLoopback() {
		log.Warn("the simulator page is reachable from other machines, and whoever reaches it can talk to the bot as anyone in it",
			"component", "demo", "addr", ln.Addr().String())
	}
	page := &http.Server{Handler: sim.Handler(), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := page.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("simulator page", "component", "demo", "err", err)
		}
	}()
	defer page.Close() // first: closes the page and its event streams
	fmt.Fprintf(os.Stdout, "Korean Desk simulator: open http://%s in your browser (no Telegram; Ctrl-C stops)\n", ln.Addr())
	return serveWith(ctx, c, postgres.DeploymentDemo)
}
