// Command hotline runs the Korean Desk Telegram bot.
//
//	hotline [run]     run the bot; refuses to start without a bot token or a data key
//	hotline demo      run the bot against the browser simulator (no Telegram), on a database of its own
//	hotline migrate   apply database migrations as the schema's owner, grant the bot's role, and exit
//	hotline rekey     re-seal stored passport and phone numbers under DATA_KEY (DATA_KEY_OLD still set)
//	hotline check     check the configuration, the database and the Bot API; exit 1 on a problem
//	hotline version   print the build's version and VCS revision
package main

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
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
	"github.com/koreandesk/hotline/flows/registry"
	"github.com/koreandesk/hotline/jobcheck"
	"github.com/koreandesk/hotline/locales"
	"github.com/koreandesk/hotline/postgres"
	"github.com/koreandesk/hotline/postgres/listen"
	"github.com/koreandesk/hotline/postgres/schema"
)

// shutdownBound is how long the bot may take to stop after SIGTERM or
// SIGINT: the service's own bound (bot.Options.ShutdownTimeout, 25 s) and
// the HTTP server's (5 s). Past it, or at a second signal, the process
// exits at once; anything unfinished is in PostgreSQL for the next start.
const shutdownBound = 30 * time.Second

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go forceExit(sigs, cancel, shutdownBound+5*time.Second, os.Exit)
	if err := run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "hotline:", err)
		os.Exit(1)
	}
}

// forceExit starts a graceful stop at the first signal, and exits at a
// second one or when the stop takes longer than bound.
func forceExit(sigs <-chan os.Signal, stop func(), bound time.Duration, exit func(int)) {
	sig := <-sigs
	fmt.Fprintf(os.Stderr, "hotline: %s: stopping within %s (send it again to exit at once)\n", sig, shutdownBound)
	stop()
	select {
	case sig = <-sigs:
		fmt.Fprintf(os.Stderr, "hotline: second %s: exiting now\n", sig)
	case <-time.After(bound):
		fmt.Fprintf(os.Stderr, "hotline: shutdown took longer than %s: exiting now\n", bound)
	}
	exit(1)
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
	case "rekey":
		return rekey(ctx)
	case "help", "-h", "--help":
		fmt.Println(usage)
		return nil
	}
	return fmt.Errorf("unknown command %q (%s)", cmd, usage)
}

const usage = "usage: hotline [run|demo|migrate|rekey|check|version]"

// logOutput is where logs go; tests read it.
var logOutput io.Writer = os.Stderr

func newLogger(c Config) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.LogLevel)); err != nil {
		level = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: level}
	if c.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(logOutput, opts))
	}
	return slog.New(slog.NewTextHandler(logOutput, opts))
}

// migrate applies the migrations as the schema's owner
// (MIGRATE_DATABASE_URL, else DATABASE_URL). With both set and different
// roles, it then grants the bot's role (DATABASE_URL's user) rows of every
// table and no power over the audit log.
func migrate(ctx context.Context) error {
	c, err := loadConfig(modeMigrate)
	if err != nil {
		return err
	}
	log := newLogger(c)
	ownerURL := cmp.Or(c.MigrateURL, c.DatabaseURL)
	db, err := postgres.Open(ctx, ownerURL, 2)
	if err != nil {
		return err
	}
	defer db.Close()
	applied, err := schema.Migrate(ctx, db.DB)
	if err != nil {
		return err
	}
	log.Info("migrations applied", "component", "migrate", "versions", applied)
	if c.MigrateURL == "" || c.DatabaseURL == "" {
		return nil
	}
	owner, runtime := urlUser(c.MigrateURL), urlUser(c.DatabaseURL)
	if runtime == "" || runtime == owner {
		log.Warn("DATABASE_URL uses the schema owner's role: the bot could alter the audit log; give it a role of its own (README: Deploy)",
			"component", "migrate")
		return nil
	}
	if err := schema.GrantRuntime(ctx, db.DB, runtime); err != nil {
		return err
	}
	log.Info("runtime role granted", "component", "migrate", "role", runtime)
	return nil
}

// urlUser is the role a PostgreSQL URL connects as.
func urlUser(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return ""
	}
	return u.User.Username()
}

// rekey re-seals every stored passport and phone number under DATA_KEY,
// opening them with DATA_KEY_OLD (or DATA_KEY itself, for values sealed
// before key ids). Run it while both keys are configured, then drop
// DATA_KEY_OLD.
func rekey(ctx context.Context) error {
	c, err := loadConfig(modeRekey)
	if err != nil {
		return err
	}
	log := newLogger(c)
	sealer, err := desk.NewSealer(c.DataKey, c.OldDataKeys...)
	if err != nil {
		return fmt.Errorf("DATA_KEY: %w", err)
	}
	db, err := postgres.Open(ctx, c.DatabaseURL, 2)
	if err != nil {
		return err
	}
	defer db.Close()
	if pending, err := schema.Pending(ctx, db.DB); err != nil {
		return err
	} else if pending {
		return errors.New("the database schema is not up to date: run hotline migrate first")
	}
	store := postgres.New(db)
	if err := checkDataKey(ctx, store, sealer, log); err != nil {
		return err
	}
	n, err := store.Rekey(ctx, sealer, time.Now())
	if err != nil {
		return fmt.Errorf("rekey: %w", err)
	}
	log.Info("stored values re-sealed under the new key; DATA_KEY_OLD may now be removed",
		"component", "rekey", "values", n, "key_id", sealer.KeyID())
	return nil
}

func serve(ctx context.Context) error {
	c, err := loadConfig(modeRun)
	if err != nil {
		return err
	}
	return serveWith(ctx, c, postgres.DeploymentLive)
}

// serveWith runs the bot with a loaded configuration, against Telegram
// (serve, kind live) or the built-in simulator (demo, kind demo). Before
// anything is written, the database must be of that kind (or new), and
// the data key must open what the database holds.
func serveWith(ctx context.Context, c Config, kind string) error {
	log := newLogger(c)
	sealer, err := desk.NewSealer(c.DataKey, c.OldDataKeys...)
	if err != nil {
		return fmt.Errorf("DATA_KEY: %w", err)
	}
	dbURL, replica := listen.WithReplica(c.DatabaseURL)
	db, err := postgres.Open(ctx, dbURL, poolSize(c.Workers))
	if err != nil {
		return err
	}
	defer db.Close()
	if err := checkDeployment(ctx, db.DB, kind); err != nil {
		return err
	}
	applied, err := schema.Migrate(ctx, db.DB)
	if err != nil {
		return fmt.Errorf("%w (if the bot's role may not change the schema, run hotline migrate with MIGRATE_DATABASE_URL first)", err)
	}
	if len(applied) > 0 {
		log.Info("migrations applied", "component", "migrate", "versions", applied)
	}
	if kind == postgres.DeploymentLive {
		if owns, err := schema.OwnsAuditLog(ctx, db.DB); err != nil {
			return err
		} else if owns {
			log.Warn("the bot's database role owns the schema and could alter the audit log: in production, migrate with MIGRATE_DATABASE_URL and give the bot a role with DML grants only (README: Deploy)",
				"component", "main")
		}
	}
	store := postgres.New(db)
	if err := store.MarkDeployment(ctx, kind, time.Now()); err != nil {
		return err
	}
	if err := checkDataKey(ctx, store, sealer, log); err != nil {
		return err
	}
	cat, err := locales.Load(log)
	if err != nil {
		return err
	}
	tg, err := tgbot.New(c.BotToken, tgbot.WithServerURL(c.APIURL), tgbot.WithSkipGetMe(),
		tgbot.WithHTTPClient(time.Minute, bot.TelegramClient(30*time.Second)))
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
		log.Info("supervisors added from DESK_ADMIN_IDS (the desk had none)", "component", "main", "count", n)
	}
	checker, err := jobcheck.Load()
	if err != nil {
		return err
	}
	engine := registry.New(c.Contacts)
	render := bot.NewRenderer(cat)
	application := app.New(engine, render, log, time.Now).WithDeskChat(c.DeskChatID, c.DeskLang).WithChecker(checker).
		WithSealer(sealer).WithDailyCap(c.DailyCases).WithPartners(c.Partners)
	bot.RegisterCommands(ctx, tg, application, log)
	if staff, err := store.Desk().ListStaff(ctx); err != nil {
		log.Warn("staff command menus not set", "component", "main", "err", err)
	} else {
		bot.RegisterStaffCommands(ctx, tg, application, staff, log)
	}
	handler := bot.NewHandler(application, render, log, time.Now)
	svc := bot.NewService(store, store, handler, bot.NewTelegramSender(tg), bot.Options{
		APIURL: c.APIURL, Token: c.BotToken, Workers: c.Workers, SendRate: c.SendRate,
		ChatPace: c.ChatPace, ChatBurst: chatBurst, AckOverdue: time.Minute, AckCheckEvery: 10 * time.Second,
		Metrics: metrics, Log: log, Now: time.Now, EscalateAfter: c.EscalateAfter,
	})

	// Health and metrics on their own listener (METRICS_ADDR), never on
	// the public one, which serves only the webhook.
	servers := []*http.Server{newServer(c.MetricsAddr, opsHandler(svc, reg))}
	mode := "polling"
	if c.WebhookURL != "" {
		mode = "webhook"
		hook := http.NewServeMux()
		hook.Handle("POST "+webhookPath, bot.WebhookHandler(svc, c.WebhookSecret, log))
		servers = append(servers, newServer(c.HTTPAddr, hook))
	}
	if err := setDelivery(ctx, tg, c, log); err != nil {
		return err
	}
	for _, srv := range servers {
		ln, err := net.Listen("tcp", srv.Addr)
		if err != nil {
			return fmt.Errorf("listen on %s: %w", srv.Addr, err)
		}
		go func() {
			if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				log.Error("http server", "component", "http", "addr", srv.Addr, "err", err)
			}
		}()
	}
	go retain(ctx, store, postgres.Retention{Cases: c.CaseRetention, Inbox: c.InboxRetention}, log)
	// Another replica's commits wake this one at once; the workers' and
	// the dispatcher's slow timers stay as the safety net.
	if err := listen.Listen(ctx, c.DatabaseURL, replica, log, svc.WakeWorkers, svc.WakeDispatcher); err != nil {
		log.Warn("not listening for other replicas' work; polling only", "component", "main", "err", err)
	}
	log.Info("korean desk bot running", "component", "main", "mode", mode, "api_url", c.APIURL,
		"http_addr", c.HTTPAddr, "metrics_addr", c.MetricsAddr, "key_id", sealer.KeyID(),
		"version", readBuildVersion().String())
	svc.Run(ctx, c.WebhookURL == "")
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	var errs []error
	for _, srv := range servers {
		errs = append(errs, srv.Shutdown(shutdown))
	}
	return errors.Join(errs...)
}

// newServer is an HTTP server with every timeout set: a slow or idle
// client cannot hold a connection open.
func newServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr: addr, Handler: h,
		ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 15 * time.Second,
		WriteTimeout: 30 * time.Second, IdleTimeout: 60 * time.Second,
		MaxHeaderBytes: 16 << 10,
	}
}

// checkDeployment refuses a database of the other kind: the bot never runs
// on the simulator's database, and the simulator never on one holding
// staff or cases it did not create.
func checkDeployment(ctx context.Context, db *sql.DB, kind string) error {
	got, populated, err := postgres.Deployment(ctx, db)
	if err != nil {
		return err
	}
	switch {
	case kind == postgres.DeploymentLive && got == postgres.DeploymentDemo:
		return errors.New("DATABASE_URL is the simulator's database (hotline demo created it): point DATABASE_URL at the bot's own database")
	case kind == postgres.DeploymentDemo && got == postgres.DeploymentLive:
		return errors.New("DEMO_DATABASE_URL is the bot's live database: the simulator runs only on a database of its own (DEMO_DATABASE_URL, by default hotline_demo beside DATABASE_URL)")
	case kind == postgres.DeploymentDemo && got == "" && populated:
		return errors.New("DEMO_DATABASE_URL holds staff or cases the simulator did not create: the simulator runs only on a database of its own (DEMO_DATABASE_URL, by default hotline_demo beside DATABASE_URL)")
	}
	return nil
}

// checkDataKey refuses a key that does not open what the database holds:
// the canary sealed at the first start (or the last rekey) and one stored
// value per key. On a new database it seals the canary. Values sealed
// under an old key (DATA_KEY_OLD) are fine, with a reminder to rekey.
// Callback numbers an earlier release kept in the clear are sealed.
func checkDataKey(ctx context.Context, store *postgres.Store, sealer *desk.Sealer, log *slog.Logger) error {
	hasCanary, stale, err := verifyDataKey(ctx, store, sealer)
	if err != nil {
		return err
	}
	if !hasCanary {
		c, err := sealer.Canary()
		if err != nil {
			return err
		}
		if err := store.SetKeyCanary(ctx, c, time.Now()); err != nil {
			return err
		}
	}
	if stale {
		log.Warn("some stored values are sealed under an older key: run hotline rekey, then remove DATA_KEY_OLD",
			"component", "main", "key_id", sealer.KeyID())
	}
	n, err := store.SealClearPhones(ctx, sealer, time.Now()) // kept in the clear before they were sealed
	if n > 0 {
		log.Info("sealed callback numbers kept in the clear by an earlier release", "component", "main", "values", n)
	}
	return err
}

// verifyDataKey checks, writing nothing, that the sealer opens the
// database's canary (if it has one yet) and one stored value per key, and
// says whether some are sealed under an older key than the current one.
func verifyDataKey(ctx context.Context, store *postgres.Store, sealer *desk.Sealer) (hasCanary, stale bool, err error) {
	wrong := func(sealed []byte) error {
		id, ok := desk.SealedKeyID(sealed)
		if !ok {
			id = "from before key ids"
		}
		return fmt.Errorf("DATA_KEY does not open the data in this database (sealed under key %s; this DATA_KEY is %s): "+
			"set the DATA_KEY it was sealed with; to change keys, set the new key as DATA_KEY and the old one as DATA_KEY_OLD, then run hotline rekey",
			id, sealer.KeyID())
	}
	canary, err := store.KeyCanary(ctx)
	if flows.ErrorCode(err) == flows.ENotFound {
		canary = nil
	} else if err != nil {
		return false, false, err
	}
	if canary != nil {
		if err := sealer.CheckCanary(canary); err != nil {
			return true, false, wrong(canary)
		}
		stale = !sealer.Current(canary)
	}
	samples, err := store.SealedSamples(ctx)
	if err != nil {
		return canary != nil, stale, err
	}
	for _, s := range samples {
		if _, err := sealer.OpenAs(s.Kind, s.Sealed); err != nil {
			return canary != nil, stale, wrong(s.Sealed)
		}
		stale = stale || !sealer.Current(s.Sealed)
	}
	return canary != nil, stale, nil
}

// retain erases what the retention periods say is due, at start and then
// every hour, until ctx ends.
func retain(ctx context.Context, store *postgres.Store, r postgres.Retention, log *slog.Logger) {
	log = log.With("component", "retention")
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		got, err := store.Retain(ctx, time.Now(), r)
		switch {
		case err != nil && ctx.Err() == nil:
			log.Error("retention pass", "err", err)
		case got.Cases+got.Sessions+got.Inbox > 0:
			log.Info("personal data erased after the retention period", "cases", got.Cases, "sessions", got.Sessions, "updates", got.Inbox)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
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

// poolSize is the database connections a process needs: one per worker,
// and ten for the rest (the dispatcher's concurrent results, the poller or
// webhook calls, the escalator and janitor, retention, probes and metrics).
func poolSize(workers int) int { return workers + 10 }

// chatBurst is how many messages go into one chat at once before
// CHAT_PACE applies: Telegram allows short bursts, so a reply of a few
// messages is not held back.
const chatBurst = 3

// opsHandler serves the operators' endpoints on METRICS_ADDR: the probes
// (/livez, /readyz, and /healthz as /readyz) and Prometheus metrics.
func opsHandler(svc *bot.Service, reg *prometheus.Registry) *http.ServeMux {
	mux := http.NewServeMux()
	probes := svc.Probes()
	mux.Handle("GET /livez", probes)
	mux.Handle("GET /readyz", probes)
	mux.Handle("GET /healthz", probes)
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	return mux
}
