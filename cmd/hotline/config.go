package main

import (
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/koreandesk/hotline/app"
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

// Config is everything read from the environment, validated at start.
type Config struct {
	BotToken      string
	APIURL        string
	DatabaseURL   string
	HTTPAddr      string
	AdminIDs      []int64
	DeskChatID    int64
	DeskLang      string
	EscalateAfter time.Duration
	// ChatPace is the per-chat pace (CHAT_PACE, 0 for none).
	ChatPace      time.Duration
	Contacts      []flows.Contact
	WebhookURL    string
	WebhookSecret string
	Workers       int
	SendRate      int
	LogLevel      string
	LogFormat     string
	// MetricsAddr serves health, readiness and metrics, apart from the
	// public webhook on HTTPAddr.
	MetricsAddr string
	// MigrateURL connects as the schema's owner (hotline migrate); the
	// bot itself connects with DatabaseURL, a role with DML grants only.
	MigrateURL string
	// DataKey seals passport and phone numbers (DATA_KEY or
	// DATA_KEY_FILE, base64 of 32 bytes). OldDataKeys still open what
	// they sealed, during a key change (DATA_KEY_OLD).
	DataKey     []byte
	OldDataKeys [][]byte
	// CaseRetention and InboxRetention: how long a closed case's personal
	// fields and a set-aside update's content are kept.
	CaseRetention  time.Duration
	InboxRetention time.Duration
	// DailyCases caps the new cases, distress reports aside, that one
	// reporter opens in 24 hours (CASE_DAILY_CAP; 0: no cap).
	DailyCases int
	// Partners are those cases may be referred to (PARTNERS_FILE).
	Partners desk.Partners
}

// mode is the command a configuration is loaded for: each needs a part.
type mode int

const (
	modeRun     mode = iota // hotline run: Telegram, a data key
	modeDemo                // hotline demo: a data key, no token
	modeMigrate             // hotline migrate: only the database
	modeRekey               // hotline rekey: the database and the keys
)

// Defaults of the retention periods (README, docs/threat-model.md).
const (
	defaultCaseRetention  = "365d"
	defaultInboxRetention = "14d"
)

// defaultContacts are public emergency numbers: Cambodian police 117,
// ambulance 119, fire 118, and the Korean foreign ministry's 24-hour
// consular call centre. EMERGENCY_CONTACTS replaces the list.
const defaultContacts = "police=117,ambulance=119,fire=118,consular=+82-2-3210-0404"

// knownContacts have a localised label in the catalogue.
var knownContacts = map[string]bool{"police": true, "ambulance": true, "fire": true, "consular": true}

// getenv reads NAME, or the file named by NAME_FILE (for secrets kept in
// files by Docker, Kubernetes or systemd credentials).
func getenv(name string) (string, error) {
	if path := os.Getenv(name + "_FILE"); path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			return "", fmt.Errorf("%s_FILE: %w", name, err)
		}
		return strings.TrimSpace(string(b)), nil
	}
	return strings.TrimSpace(os.Getenv(name)), nil
}

// loadConfig reads and validates the configuration for a command. It
// opens nothing: a missing token or key stops the program before it
// touches the database.
func loadConfig(m mode) (Config, error) {
	needBot, needKey := m == modeRun, m != modeMigrate
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
	c := Config{
		BotToken:    get("TELEGRAM_BOT_TOKEN", ""),
		APIURL:      strings.TrimRight(get("TELEGRAM_API_URL", "https://api.telegram.org"), "/"),
		DatabaseURL: get("DATABASE_URL", ""),
		HTTPAddr:    get("HTTP_ADDR", "127.0.0.1:8080"),
		MetricsAddr: get("METRICS_ADDR", "127.0.0.1:9090"),
		MigrateURL:  get("MIGRATE_DATABASE_URL", ""),
		LogLevel:    get("LOG_LEVEL", "info"),
		LogFormat:   get("LOG_FORMAT", "text"),
	}
	switch {
	case c.DatabaseURL != "":
		errs = append(errs, checkDatabaseURL("DATABASE_URL", c.DatabaseURL))
	case m == modeMigrate && c.MigrateURL != "":
	case m == modeDemo:
		// the demo may be given DEMO_DATABASE_URL alone (loadDemoConfig)
	default:
		errs = append(errs, errors.New("DATABASE_URL is not set (make run starts a private PostgreSQL and sets it)"))
	}
	if c.MigrateURL != "" {
		errs = append(errs, checkDatabaseURL("MIGRATE_DATABASE_URL", c.MigrateURL))
	}
	if needBot {
		if c.BotToken == "" {
			errs = append(errs, errors.New("TELEGRAM_BOT_TOKEN (or TELEGRAM_BOT_TOKEN_FILE) is not set or empty: create a bot with @BotFather and set its token. "+
				"hotline run never starts without one; to try the bot offline, run the simulator: make run without a token, or hotline demo"))
		} else if id, _, ok := strings.Cut(c.BotToken, ":"); !ok || !isDigits(id) {
			errs = append(errs, errors.New("TELEGRAM_BOT_TOKEN does not look like a bot token (<digits>:<secret>)"))
		}
		if u, err := url.Parse(c.APIURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			errs = append(errs, errors.New("TELEGRAM_API_URL must be an http(s) URL"))
		}
	}
	var err error
	if c.AdminIDs, err = parseIDs(get("DESK_ADMIN_IDS", "")); err != nil {
		errs = append(errs, fmt.Errorf("DESK_ADMIN_IDS: %w", err))
	}
	if v := get("DESK_CHAT_ID", ""); v != "" {
		// A group's id is negative; a positive one is a person's private
		// chat, which would get the group's alerts and be treated as it.
		if c.DeskChatID, err = strconv.ParseInt(v, 10, 64); err != nil || c.DeskChatID >= 0 {
			errs = append(errs, errors.New("DESK_CHAT_ID must be a Telegram group's chat id, negative, such as -1001234567890"))
		}
	}
	c.DeskLang = get("DESK_LANGUAGE", "ko")
	if flows.MatchLanguage(c.DeskLang) != c.DeskLang {
		errs = append(errs, errors.New("DESK_LANGUAGE must be ko, km or en"))
	}
	if c.EscalateAfter, err = time.ParseDuration(get("URGENT_ESCALATE_AFTER", "5m")); err != nil || c.EscalateAfter <= 0 {
		errs = append(errs, errors.New("URGENT_ESCALATE_AFTER must be a duration such as 5m or 90s"))
	}
	if c.Contacts, err = parseContacts(get("EMERGENCY_CONTACTS", defaultContacts)); err != nil {
		errs = append(errs, fmt.Errorf("EMERGENCY_CONTACTS: %w", err))
	}
	c.WebhookURL, c.WebhookSecret = get("WEBHOOK_URL", ""), get("WEBHOOK_SECRET", "")
	if c.WebhookURL != "" {
		if u, err := url.Parse(c.WebhookURL); err != nil || u.Scheme != "https" || u.Host == "" {
			errs = append(errs, errors.New("WEBHOOK_URL must be the public https:// URL Telegram calls, ending in "+webhookPath))
		}
		if !validSecret(c.WebhookSecret) {
			errs = append(errs, fmt.Errorf("WEBHOOK_SECRET must be set with WEBHOOK_URL: %d-256 characters A-Z, a-z, 0-9, _ and - (openssl rand -hex 32)", minSecret))
		}
	}
	for _, a := range []struct{ name, addr string }{{"HTTP_ADDR", c.HTTPAddr}, {"METRICS_ADDR", c.MetricsAddr}} {
		if _, _, err := net.SplitHostPort(a.addr); err != nil {
			errs = append(errs, fmt.Errorf("%s must be host:port, such as 127.0.0.1:9090", a.name))
		}
	}
	if c.WebhookURL != "" && c.HTTPAddr == c.MetricsAddr {
		errs = append(errs, errors.New("METRICS_ADDR must differ from HTTP_ADDR: the public webhook listener serves only the webhook"))
	}
	c.CaseRetention = days(get("CASE_RETENTION", defaultCaseRetention), "CASE_RETENTION", &errs)
	c.InboxRetention = days(get("INBOX_RETENTION", defaultInboxRetention), "INBOX_RETENTION", &errs)
	c.Workers = positive(get("WORKERS", "4"), "WORKERS", &errs)
	if c.Workers > maxWorkers {
		errs = append(errs, fmt.Errorf("WORKERS must be at most %d (each holds a database connection)", maxWorkers))
	}
	c.SendRate = positive(get("SEND_RATE", "25"), "SEND_RATE", &errs)
	if c.DailyCases, err = strconv.Atoi(get("CASE_DAILY_CAP", strconv.Itoa(app.DefaultDailyCases))); err != nil || c.DailyCases < 0 {
		errs = append(errs, errors.New("CASE_DAILY_CAP must be a whole number of cases a reporter may open a day (0: no cap)"))
	}
	if c.ChatPace, err = time.ParseDuration(get("CHAT_PACE", "1s")); err != nil || c.ChatPace < 0 {
		errs = append(errs, errors.New("CHAT_PACE must be a duration such as 1s, or 0 for none"))
	}
	if c.Partners, err = loadPartners(get("PARTNERS_FILE", "")); err != nil {
		errs = append(errs, fmt.Errorf("PARTNERS_FILE: %w", err))
	}
	if needKey {
		if v := get("DATA_KEY", ""); v == "" {
			errs = append(errs, errors.New("DATA_KEY (or DATA_KEY_FILE) is not set or empty: the key that seals passport and phone numbers. "+
				"Make one with openssl rand -base64 32, keep it apart from the database and its backups, and never lose it "+
				"(make run and make demo create a development key in .data/data.key)"))
		} else if c.DataKey, err = decodeKey(v); err != nil {
			errs = append(errs, fmt.Errorf("DATA_KEY: %w", err))
		}
		if v := get("DATA_KEY_OLD", ""); v != "" {
			old, err := decodeKey(v)
			if err != nil {
				errs = append(errs, fmt.Errorf("DATA_KEY_OLD: %w", err))
			}
			c.OldDataKeys = append(c.OldDataKeys, old)
		}
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		errs = append(errs, errors.New("LOG_FORMAT must be text or json"))
	}
	return c, errors.Join(errs...)
}

// checkDatabaseURL validates a PostgreSQL URL named by the variable name.
func checkDatabaseURL(name, v string) error {
	if u, err := url.Parse(v); err != nil || !strings.HasPrefix(u.Scheme, "postgres") {
		return fmt.Errorf("%s must be a postgres:// URL", name)
	} else if !u.Query().Has("sslmode") {
		return fmt.Errorf("%s must set sslmode (e.g. ?sslmode=disable on a local socket, verify-full elsewhere)", name)
	}
	return nil
}

// maxWorkers bounds WORKERS, and so the database pool (WORKERS + 10).
const maxWorkers = 64

// decodeKey reads a data key: the base64 of 32 random bytes, as
// openssl rand -base64 32 writes it.
func decodeKey(v string) ([]byte, error) {
	key, err := base64.StdEncoding.DecodeString(strings.TrimSpace(v))
	if err != nil || len(key) != desk.KeySize {
		return nil, errors.New("must be the base64 of 32 random bytes (openssl rand -base64 32)")
	}
	return key, nil
}

// days reads a period such as 365d, 12h or 90m; it must be positive.
func days(v, name string, errs *[]error) time.Duration {
	var d time.Duration
	var err error
	if n, ok := strings.CutSuffix(v, "d"); ok {
		var k int
		k, err = strconv.Atoi(n)
		d = time.Duration(k) * 24 * time.Hour
	} else {
		d, err = time.ParseDuration(v)
	}
	if err != nil || d <= 0 {
		*errs = append(*errs, fmt.Errorf("%s must be a period such as 365d or 72h, not %q", name, v))
	}
	return d
}

// minSecret is the shortest WEBHOOK_SECRET accepted: a shorter one can be
// guessed by whoever finds the webhook's address.
const minSecret = 32

// validSecret checks Telegram's rule for a webhook secret_token.
func validSecret(s string) bool {
	if len(s) < minSecret || len(s) > 256 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

func isDigits(s string) bool {
	_, err := strconv.ParseUint(s, 10, 64)
	return err == nil
}

func positive(v, name string, errs *[]error) int {
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		*errs = append(*errs, fmt.Errorf("%s must be a positive whole number, not %q", name, v))
	}
	return n
}

func parseIDs(v string) ([]int64, error) {
	var ids []int64
	for _, f := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' }) {
		id, err := strconv.ParseInt(f, 10, 64)
		if err != nil || id <= 0 {
			return nil, fmt.Errorf("%q is not a Telegram user id", f)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// parseContacts reads "police=117,Embassy in Phnom Penh=+855 23 000 000".
// A label that is a known key (police, ambulance, fire, consular) is shown
// in the reader's language; any other label is shown as written.
func parseContacts(v string) ([]flows.Contact, error) {
	var out []flows.Contact
	for _, item := range strings.Split(v, ",") {
		label, number, ok := strings.Cut(strings.TrimSpace(item), "=")
		label, number = strings.TrimSpace(label), strings.TrimSpace(number)
		if !ok || label == "" || number == "" {
			return nil, fmt.Errorf("%q is not label=number", item)
		}
		if strings.Trim(number, "+0123456789 -()") != "" {
			return nil, fmt.Errorf("%q is not a phone number", number)
		}
		l := flows.Literal(label)
		if knownContacts[label] {
			l = flows.M("contacts." + label)
		}
		out = append(out, flows.Contact{Label: l, Number: number})
	}
	return out, nil
}
