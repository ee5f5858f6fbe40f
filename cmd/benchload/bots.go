package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"time"

	tgbot "github.com/go-telegram/bot"
	tgmodels "github.com/go-telegram/bot/models"
	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/koreandesk/hotline/app"
	"github.com/koreandesk/hotline/bot"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/flows/registry"
	"github.com/koreandesk/hotline/locales"
	"github.com/koreandesk/hotline/postgres"
	"github.com/koreandesk/hotline/postgres/schema"
)

// runEcho starts a bare go-telegram/bot echo bot: every message is sent
// back, nothing stored. It returns its stop.
func runEcho(srv *loadServer) func() {
	b, err := tgbot.New(srv.token, tgbot.WithServerURL(srv.URL()), tgbot.WithSkipGetMe(),
		tgbot.WithDefaultHandler(func(ctx context.Context, b *tgbot.Bot, u *tgmodels.Update) {
			if u.Message != nil {
				_, _ = b.SendMessage(ctx, &tgbot.SendMessageParams{ChatID: u.Message.Chat.ID, Text: u.Message.Text})
			}
		}))
	if err != nil {
		panic(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { b.Start(ctx); close(done) }()
	return func() { cancel(); <-done }
}

// officer is the desk's supervisor on duty, who gets the alerts; deskChat
// the desk's group.
const (
	officer  = 777000
	deskChat = -100777
)

// hotline is this bot on a database of its own, as cmd/hotline wires it.
type hotline struct {
	admin *sqlx.DB // the server's maintenance connection
	name  string   // its database
	base  int64    // commits before it started
	stop  func()
}

// finish stops the bot and returns the transactions it committed.
func (h *hotline) finish(ctx context.Context) int64 {
	h.stop()
	time.Sleep(500 * time.Millisecond) // backends report their commits as they exit
	return commits(ctx, h.admin, h.name) - h.base
}

// newDatabase creates an empty, migrated database for one scenario.
func newDatabase(ctx context.Context, admin *sqlx.DB, baseURL, name string) (string, error) {
	if _, err := admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+pq.QuoteIdentifier(name)+" WITH (FORCE)"); err != nil {
		return "", err
	}
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+pq.QuoteIdentifier(name)); err != nil {
		return "", err
	}
	u, err := url.Parse(baseURL)
	if err != nil {
		return "", err
	}
	u.Path = "/" + name
	db, err := postgres.Open(ctx, u.String(), 2)
	if err != nil {
		return "", err
	}
	defer db.Close()
	if _, err := schema.Migrate(ctx, db.DB); err != nil {
		return "", err
	}
	store := postgres.New(db)
	if _, err := store.Desk().SeedSupervisors(ctx, []int64{officer}, time.Now()); err != nil {
		return "", err
	}
	if err := store.Desk().SetDuty(ctx, officer, true, time.Now()); err != nil {
		return "", err
	}
	return u.String(), nil
}

// runHotline starts the bot against srv on a fresh database; sendRate
// is its global pace (calls a second), chatPace its per-chat pace (as
// cmd/hotline's defaults: 1 s, 3 at once; 0 lifts it).
func runHotline(ctx context.Context, admin *sqlx.DB, baseURL, name string, srv *loadServer, workers, sendRate int,
	chatPace time.Duration) (*hotline, error) {
	dbURL, err := newDatabase(ctx, admin, baseURL, name)
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", name, err)
	}
	time.Sleep(300 * time.Millisecond) // the migration's backend reports its commits as it exits
	base := commits(ctx, admin, name)
	db, err := postgres.Open(ctx, dbURL, workers+10)
	if err != nil {
		return nil, err
	}
	store := postgres.New(db)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	cat, err := locales.Load(log)
	if err != nil {
		return nil, err
	}
	tg, err := tgbot.New(srv.token, tgbot.WithServerURL(srv.URL()), tgbot.WithSkipGetMe(),
		tgbot.WithHTTPClient(time.Minute, bot.TelegramClient(30*time.Second)))
	if err != nil {
		return nil, err
	}
	render := bot.NewRenderer(cat)
	engine := registry.New([]flows.Contact{{Label: flows.M("contacts.police"), Number: "117"}})
	a := app.New(engine, render, log, time.Now).WithDeskChat(deskChat, "ko")
	svc := bot.NewService(store, store, bot.NewHandler(a, render, log, time.Now), bot.NewTelegramSender(tg), bot.Options{
		APIURL: srv.URL(), Token: srv.token, Workers: workers, SendRate: sendRate, ChatPace: chatPace, ChatBurst: 3,
		Metrics: bot.NewMetrics(prometheus.NewRegistry()), Log: log, Now: time.Now,
	})
	run, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { svc.Run(run, true); close(done) }()
	return &hotline{admin: admin, name: name, base: base,
		stop: func() { cancel(); <-done; db.Close() }}, nil
}

// commits is the database's committed transactions so far. Backends
// report them when they exit or go idle, so read it after stop.
func commits(ctx context.Context, admin *sqlx.DB, name string) int64 {
	var n int64
	_ = admin.GetContext(ctx, &n, `SELECT xact_commit FROM pg_stat_database WHERE datname = $1`, name)
	return n
}
