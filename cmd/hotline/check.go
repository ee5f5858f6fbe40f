package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	tgbot "github.com/go-telegram/bot"
	tgmodels "github.com/go-telegram/bot/models"
	"github.com/jmoiron/sqlx"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/postgres"
)

// checkTimeout bounds each thing check reaches out to.
const checkTimeout = 10 * time.Second

// report prints check's findings, one line each, and counts the problems.
// It never prints a secret: the token shows as the bot's id, the database
// URL without its password, the data key as its key id.
type report struct {
	w        io.Writer
	problems int
}

func (r *report) ok(what, format string, args ...any) { r.line(what, "ok", format, args...) }
func (r *report) warn(what, format string, args ...any) {
	r.line(what, "warn", format, args...)
}
func (r *report) fail(what, format string, args ...any) {
	r.problems++
	r.line(what, "FAIL", format, args...)
}

func (r *report) line(what, status, format string, args ...any) {
	fmt.Fprintf(r.w, "%-13s %-4s  %s\n", what, status, fmt.Sprintf(format, args...))
}

// check is `hotline check`: it loads and validates the configuration,
// reaches the database and the Bot API the way `run` would, prints what it
// found, and returns an error when anything would stop the bot or keep it
// from working. It changes nothing: no migration, no webhook, no key file.
func check(ctx context.Context, w io.Writer) error {
	r := &report{w: w}
	r.ok("version", "%s (%s)", readBuildVersion(), readBuildVersion().Go)
	c, err := loadConfig(modeRun)
	if err != nil {
		for _, e := range strings.Split(err.Error(), "\n") {
			r.fail("configuration", "%s", e)
		}
	} else {
		mode := "long polling (one process per token)"
		if c.WebhookURL != "" {
			mode = "webhook at " + c.WebhookURL
		}
		r.ok("configuration", "%s; HTTP on %s; %d workers; %d Bot API calls/s", mode, c.HTTPAddr, c.Workers, c.SendRate)
	}
	reportDataKey(r, c)
	if c.DatabaseURL != "" {
		checkDatabase(ctx, r, c)
	}
	if c.BotToken != "" {
		checkBotAPI(ctx, r, c)
	}
	if r.problems > 0 {
		return fmt.Errorf("check found %d problem(s)", r.problems)
	}
	fmt.Fprintln(w, "all checks passed")
	return nil
}

// reportDataKey reports the data key as run reads it (DATA_KEY or
// DATA_KEY_FILE, and DATA_KEY_OLD during a key change) by its key id,
// which names a key without revealing it: compare it with the id of a
// backup copy of the key. Run refuses to start without a key.
func reportDataKey(r *report, c Config) {
	const what = "data key"
	if c.DataKey == nil {
		r.fail(what, "DATA_KEY (or DATA_KEY_FILE) is not set or not valid: run refuses to start without it")
		return
	}
	sealer, err := desk.NewSealer(c.DataKey, c.OldDataKeys...)
	if err != nil {
		r.fail(what, "DATA_KEY: %v", err)
		return
	}
	if len(c.OldDataKeys) > 0 {
		r.ok(what, "key id %s, with %d old key(s) from DATA_KEY_OLD (a key change: run hotline rekey, then remove DATA_KEY_OLD)", sealer.KeyID(), len(c.OldDataKeys))
		return
	}
	r.ok(what, "key id %s", sealer.KeyID())
}

// checkSealed checks, writing nothing, what run checks before it starts:
// that the database is not the simulator's and that the data key opens
// the sealed values it holds.
func checkSealed(ctx context.Context, r *report, db *sqlx.DB, c Config) {
	if err := checkDeployment(ctx, db.DB, postgres.DeploymentLive); err != nil {
		r.fail("database", "%v", err)
		return
	}
	if c.DataKey == nil {
		return // reported above
	}
	sealer, err := desk.NewSealer(c.DataKey, c.OldDataKeys...)
	if err != nil {
		return // reported above
	}
	const what = "sealed data"
	hasCanary, stale, err := verifyDataKey(ctx, postgres.New(db), sealer)
	switch {
	case err != nil:
		r.fail(what, "%v", err)
	case stale:
		r.warn(what, "opened, but some values are sealed under an older key: run hotline rekey, then remove DATA_KEY_OLD")
	case !hasCanary:
		r.ok(what, "none checked yet: the first start seals a canary under key %s", sealer.KeyID())
	default:
		r.ok(what, "key %s opens what the database holds", sealer.KeyID())
	}
}

// checkDatabase connects, and reports the server, the schema's migration
// and the staff.
func checkDatabase(ctx context.Context, r *report, c Config) {
	const what = "database"
	where := describeDB(c.DatabaseURL)
	db, err := postgres.Open(ctx, c.DatabaseURL, 2)
	if err != nil {
		r.fail(what, "cannot connect to %s: %v", where, err)
		return
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(ctx, checkTimeout)
	defer cancel()
	version, err := postgres.ServerVersion(ctx, db.DB)
	if err != nil {
		r.fail(what, "%s: %v", where, err)
		return
	}
	r.ok(what, "PostgreSQL %s at %s", version, where)
	current, latest, err := postgres.MigrationStatus(ctx, db.DB)
	switch {
	case err != nil:
		r.fail("migrations", "%v", err)
		return
	case current == latest:
		r.ok("migrations", "all %d applied", latest)
	case current < latest:
		r.warn("migrations", "at %d of %d: run `hotline migrate` (as the schema's owner) before the bot starts", current, latest)
	default:
		r.warn("migrations", "the database is at %d, newer than this build's %d: is this an older release?", current, latest)
	}
	if current > 0 {
		checkStaff(ctx, r, db, c)
	}
	if current >= latest {
		checkSealed(ctx, r, db, c)
	}
}

func checkStaff(ctx context.Context, r *report, db *sqlx.DB, c Config) {
	staff, err := postgres.New(db).Desk().ListStaff(ctx)
	if err != nil {
		r.fail("staff", "%v", err)
		return
	}
	var sup, agents, onDuty int
	for _, s := range staff {
		if !s.Active {
			continue
		}
		if s.Role == desk.RoleSupervisor {
			sup++
		} else {
			agents++
		}
		if s.OnDuty {
			onDuty++
		}
	}
	if sup == 0 && len(c.AdminIDs) == 0 {
		r.warn("staff", "no supervisor yet: set DESK_ADMIN_IDS to the first supervisor's Telegram user id")
		return
	}
	r.ok("staff", "%d supervisor(s), %d agent(s), %d on duty; DESK_ADMIN_IDS names %d", sup, agents, onDuty, len(c.AdminIDs))
}

// describeDB shows where a database URL points, without its password.
func describeDB(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "DATABASE_URL"
	}
	return fmt.Sprintf("%s%s as %s (sslmode=%s)", u.Host, u.Path, u.User.Username(), u.Query().Get("sslmode"))
}

// checkBotAPI asks getMe, the webhook's state and the desk group.
func checkBotAPI(ctx context.Context, r *report, c Config) {
	const what = "bot api"
	tg, err := tgbot.New(c.BotToken, tgbot.WithServerURL(c.APIURL), tgbot.WithSkipGetMe(),
		tgbot.WithHTTPClient(checkTimeout, &http.Client{Timeout: checkTimeout}))
	if err != nil {
		r.fail(what, "%v", err)
		return
	}
	ctx, cancel := context.WithTimeout(ctx, 3*checkTimeout)
	defer cancel()
	me, err := tg.GetMe(ctx)
	switch {
	case errors.Is(err, tgbot.ErrorUnauthorized):
		r.fail(what, "TELEGRAM_BOT_TOKEN was rejected by the Bot API at %s (401 Unauthorized)", c.APIURL)
		return
	case err != nil:
		r.fail(what, "cannot reach the Bot API at %s: %v", c.APIURL, err)
		return
	}
	r.ok(what, "@%s (bot id %d) at %s", me.Username, me.ID, c.APIURL)
	if me.CanReadAllGroupMessages {
		r.warn("privacy", "privacy mode is off: the bot receives every message in the desk group (BotFather: /setprivacy, Enable)")
	}
	checkWebhook(ctx, r, tg, c)
	checkDeskGroup(ctx, r, tg, c)
}

func checkWebhook(ctx context.Context, r *report, tg *tgbot.Bot, c Config) {
	const what = "webhook"
	info, err := tg.GetWebhookInfo(ctx)
	if err != nil {
		r.fail(what, "getWebhookInfo: %v", err)
		return
	}
	switch {
	case c.WebhookURL == "" && info.URL == "":
		r.ok(what, "none (polling); %d update(s) waiting at Telegram", info.PendingUpdateCount)
	case c.WebhookURL == "":
		r.warn(what, "Telegram has a webhook set (%s): `run` in polling mode removes it", info.URL)
	case info.URL != c.WebhookURL:
		r.warn(what, "Telegram has %q, not WEBHOOK_URL: `run` sets it at start", info.URL)
	default:
		r.ok(what, "set; %d update(s) waiting at Telegram", info.PendingUpdateCount)
	}
	if info.LastErrorMessage != "" {
		at := time.Unix(int64(info.LastErrorDate), 0).UTC().Format(time.RFC3339)
		r.warn(what, "Telegram's last delivery error, at %s: %s", at, info.LastErrorMessage)
	}
}

func checkDeskGroup(ctx context.Context, r *report, tg *tgbot.Bot, c Config) {
	const what = "desk group"
	if c.DeskChatID == 0 {
		r.warn(what, "DESK_CHAT_ID is not set: new cases alert only the officers on duty")
		return
	}
	chat, err := tg.GetChat(ctx, &tgbot.GetChatParams{ChatID: c.DeskChatID})
	if err != nil {
		r.fail(what, "DESK_CHAT_ID %d: the bot cannot see this chat (add the bot to the desk group): %v", c.DeskChatID, err)
		return
	}
	switch chat.Type {
	case tgmodels.ChatTypeSupergroup:
		r.ok(what, "%q (supergroup %d)", chat.Title, chat.ID)
	case tgmodels.ChatTypeGroup:
		r.warn(what, "%q is a basic group: its id changes when Telegram makes it a supergroup; convert it now and set the new DESK_CHAT_ID", chat.Title)
	default:
		r.fail(what, "DESK_CHAT_ID %d is a %s chat, not the desk's group", c.DeskChatID, chat.Type)
	}
}
