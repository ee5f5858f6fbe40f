// Command hotline runs the Korean Desk Telegram bot.
//
//	hotline           run the bot (long polling); without a bot token, the demo
//	hotline demo      run the bot against the browser simulator (no Telegram)
//	hotline migrate   apply database migrations and exit
//	hotline check     check the configuration, the database and the Bot API; exit 1 on a problem
//	hotline version   print the build's version and VCS revision
package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/koreandesk/hotline/app"
	"github.com/koreandesk/hotline/bot"
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/flows/distress"
	"github.com/koreandesk/hotline/flows/family"
	"github.com/koreandesk/hotline/flows/joboffer"
	"github.com/koreandesk/hotline/jobcheck"
	"github.com/koreandesk/hotline/locales"
	"github.com/koreandesk/hotline/postgres"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "hotline:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	cmd := "run"
	if len(args) > 0 {
		cmd = args[0]
	}
	switch cmd {
	case "run":
		return serve(ctx)
	case "demo":
		return demo(ctx)
	case "migrate":
		return migrate(ctx)
	case "check":
		return check(ctx, os.Stdout)
	case "version", "-version", "--version":
		printVersion(os.Stdout)
		return nil
	case "help", "-h", "--help":
		fmt.Println(usage)
		return nil
	}
	return fmt.Errorf("unknown command %q (%s)", cmd, usage)
}

const usage = "usage: hotline [run|demo|migrate|check|version]"

func newLogger(c Config) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.LogLevel)); err != nil {
		level = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: level}
	if c.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(os.Stderr, opts))
	}
	return slog.New(slog.NewTextHandler(os.Stderr, opts))
}

func migrate(ctx context.Context) error {
	c, err := loadConfig(false)
	if err != nil {
		return err
	}
	log := newLogger(c)
	db, err := postgres.Open(ctx, c.DatabaseURL)
	if err != nil {
		return err
	}
	defer db.Close()
	applied, err := postgres.Migrate(ctx, db.DB)
	if err != nil {
		return err
	}
	log.Info("migrations applied", "component", "migrate", "versions", applied)
	return nil
}

func serve(ctx context.Context) error {
	if token, err := getenv("TELEGRAM_BOT_TOKEN"); err == nil && token == "" {
		return demo(ctx) // no bot token: the browser simulator, so anyone can try the bot at once
	}
	c, err := loadConfig(true)
	if err != nil {
		return err
	}
	return serveWith(ctx, c)
}

// serveWith runs the bot with a loaded configuration, against Telegram
// (serve) or the built-in simulator (demo).
func serveWith(ctx context.Context, c Config) error {
	log := newLogger(c)
	db, err := postgres.Open(ctx, c.DatabaseURL)
	if err != nil {
		return err
	}
	defer db.Close()
	applied, err := postgres.Migrate(ctx, db.DB)
	if err != nil {
		return err
	}
	if len(applied) > 0 {
		log.Info("migrations applied", "component", "migrate", "versions", applied)
	}
	store := postgres.New(db)
	cat, err := locales.Load(log)
	if err != nil {
		return err
	}
	tg, err := tgbot.New(c.BotToken, tgbot.WithServerURL(c.APIURL), tgbot.WithSkipGetMe(),
		tgbot.WithHTTPClient(time.Minute, &http.Client{Timeout: 30 * time.Second}))
	if err != nil {
		return fmt.Errorf("telegram client: %w", err)
	}
	if err := checkToken(ctx, tg, log); err != nil {
		return err
	}

	reg := prometheus.NewRegistry()
	metrics := registerMetrics(reg)
	if n, err := store.Desk().SeedSupervisors(ctx, c.AdminIDs, time.Now()); err != nil {
		return fmt.Errorf("DESK_ADMIN_IDS: %w", err)
	} else if n > 0 {
		log.Info("supervisors added from DESK_ADMIN_IDS", "component", "main", "count", n)
	}
	checker, err := jobcheck.Load()
	if err != nil {
		return err
	}
	key, err := dataKey(c, log)
	if err != nil {
		return err
	}
	sealer, err := desk.NewSealer(key)
	if err != nil {
		return fmt.Errorf("DATA_KEY: %w", err)
	}
	engine := flows.NewEngine(c.Contacts, distress.New(c.Contacts), joboffer.New(), family.New())
	engine.Route("sos", "distress")
	engine.Route("job", joboffer.Name)
	engine.Route("check", joboffer.Name)
	engine.Route("family", family.Name)
	render := bot.NewRenderer(cat)
	application := app.New(engine, render, log, time.Now).WithDeskChat(c.DeskChatID, c.DeskLang).WithChecker(checker).
		WithSealer(sealer)
	bot.RegisterCommands(ctx, tg, application, log)
	if staff, err := store.Desk().ListStaff(ctx); err != nil {
		log.Warn("staff command menus not set", "component", "main", "err", err)
	} else {
		bot.RegisterStaffCommands(ctx, tg, application, staff, log)
	}
	handler := bot.NewHandler(application, render, log, time.Now)
	svc := bot.NewService(store, store, handler, bot.NewTelegramSender(tg), bot.Options{
		APIURL: c.APIURL, Token: c.BotToken, Workers: c.Workers, SendRate: c.SendRate,
		Metrics: metrics, Log: log, Now: time.Now, EscalateAfter: c.EscalateAfter,
	})

	mux := httpHandler(store, reg)
	mode := "polling"
	if c.WebhookURL != "" {
		mode = "webhook"
		mux.Handle("POST "+webhookPath, bot.WebhookHandler(svc, c.WebhookSecret, log))
	}
	if err := setDelivery(ctx, tg, c, log); err != nil {
		return err
	}
	srv := &http.Server{Addr: c.HTTPAddr, Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("http server", "component", "http", "err", err)
		}
	}()
	log.Info("korean desk bot running", "component", "main", "mode", mode, "api_url", c.APIURL, "http_addr", c.HTTPAddr,
		"version", readBuildVersion().String())
	svc.Run(ctx, c.WebhookURL == "")
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(shutdown)
}

// registerMetrics registers everything /metrics exposes. The alerting
// rules in deploy/prometheus are tested against what it registers.
func registerMetrics(reg prometheus.Registerer) *bot.Metrics {
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return bot.NewMetrics(reg)
}

// checkToken asks getMe once. A rejected token is fatal; an unreachable
// API is not: the bot keeps retrying and nothing is lost meanwhile.
func checkToken(ctx context.Context, tg *tgbot.Bot, log *slog.Logger) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	me, err := tg.GetMe(ctx)
	switch {
	case errors.Is(err, tgbot.ErrorUnauthorized):
		return errors.New("TELEGRAM_BOT_TOKEN was rejected by the Bot API (401 Unauthorized)")
	case err != nil:
		log.Warn("Bot API not reachable yet; will keep trying", "component", "main", "err", err)
	default:
		log.Info("connected to the Bot API", "component", "main", "bot_username", me.Username)
	}
	return nil
}

// webhookPath is where Telegram posts updates in webhook mode.
const webhookPath = "/telegram/webhook"

// setDelivery tells Telegram how to deliver updates: to the webhook, or
// (polling) by removing any webhook, since getUpdates is refused while one
// is set. Pending updates are never dropped.
func setDelivery(ctx context.Context, tg *tgbot.Bot, c Config, log *slog.Logger) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if c.WebhookURL == "" {
		if _, err := tg.DeleteWebhook(ctx, &tgbot.DeleteWebhookParams{}); err != nil {
			log.Warn("deleteWebhook failed; polling may be refused until it succeeds", "component", "main", "err", err)
		}
		return nil
	}
	_, err := tg.SetWebhook(ctx, &tgbot.SetWebhookParams{
		URL: c.WebhookURL, SecretToken: c.WebhookSecret,
		AllowedUpdates: []string{"message", "edited_message", "callback_query"},
	})
	if errors.Is(err, tgbot.ErrorBadRequest) {
		return fmt.Errorf("WEBHOOK_URL refused by the Bot API: %w", err)
	}
	if err != nil {
		log.Warn("setWebhook failed; Telegram keeps the previous setting", "component", "main", "err", err)
	}
	return nil
}

func httpHandler(store *postgres.Store, reg *prometheus.Registry) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := store.Ping(ctx); err != nil {
			http.Error(w, "database unavailable", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ok")
	})
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	return mux
}
