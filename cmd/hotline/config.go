package main

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

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
	Contacts      []flows.Contact
	WebhookURL    string
	WebhookSecret string
	Workers       int
	SendRate      int
	LogLevel      string
	LogFormat     string
	// DataKey seals passport numbers (DATA_KEY, base64 of 32 bytes);
	// when it is not set, DataKeyFile holds one, generated on first run.
	DataKey     []byte
	DataKeyFile string
}

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

// loadConfig reads and validates the configuration. needBot is false for
// commands that never talk to Telegram (migrate).
func loadConfig(needBot bool) (Config, error) {
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
		LogLevel:    get("LOG_LEVEL", "info"),
		LogFormat:   get("LOG_FORMAT", "text"),
	}
	if c.DatabaseURL == "" {
		errs = append(errs, errors.New("DATABASE_URL is not set (make run starts a private PostgreSQL and sets it)"))
	} else if u, err := url.Parse(c.DatabaseURL); err != nil || !strings.HasPrefix(u.Scheme, "postgres") {
		errs = append(errs, errors.New("DATABASE_URL must be a postgres:// URL"))
	} else if !u.Query().Has("sslmode") {
		errs = append(errs, errors.New("DATABASE_URL must set sslmode (e.g. ?sslmode=disable on a local socket, verify-full elsewhere)"))
	}
	if needBot {
		if c.BotToken == "" {
			errs = append(errs, errors.New("TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and set its token"))
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
		if c.DeskChatID, err = strconv.ParseInt(v, 10, 64); err != nil {
			errs = append(errs, errors.New("DESK_CHAT_ID must be a Telegram chat id such as -1001234567890"))
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
			errs = append(errs, errors.New("WEBHOOK_SECRET must be set with WEBHOOK_URL: 1-256 characters A-Z, a-z, 0-9, _ and -"))
		}
	}
	c.Workers = positive(get("WORKERS", "4"), "WORKERS", &errs)
	c.SendRate = positive(get("SEND_RATE", "25"), "SEND_RATE", &errs)
	if v := strings.TrimSpace(os.Getenv("DATA_KEY")); v != "" {
		if c.DataKey, err = decodeKey(v); err != nil {
			errs = append(errs, fmt.Errorf("DATA_KEY: %w", err))
		}
	}
	c.DataKeyFile = strings.TrimSpace(os.Getenv("DATA_KEY_FILE"))
	if c.LogFormat != "text" && c.LogFormat != "json" {
		errs = append(errs, errors.New("LOG_FORMAT must be text or json"))
	}
	return c, errors.Join(errs...)
}

// defaultKeyFile is where a newcomer's generated data key is kept.
const defaultKeyFile = ".data/data.key"

// decodeKey reads a data key: the base64 of 32 random bytes, as
// openssl rand -base64 32 writes it.
func decodeKey(v string) ([]byte, error) {
	key, err := base64.StdEncoding.DecodeString(strings.TrimSpace(v))
	if err != nil || len(key) != desk.KeySize {
		return nil, errors.New("must be the base64 of 32 random bytes (openssl rand -base64 32)")
	}
	return key, nil
}

// dataKey returns the key that seals passport numbers: DATA_KEY, or the
// key in DATA_KEY_FILE (.data/data.key by default). So that a newcomer's
// bot runs at once, a missing file is created with a new random key and
// a warning: production must set DATA_KEY (or point DATA_KEY_FILE at a
// kept secret), since losing the key loses every sealed number.
func dataKey(c Config, log *slog.Logger) ([]byte, error) {
	if c.DataKey != nil {
		return c.DataKey, nil
	}
	path := c.DataKeyFile
	if path == "" {
		path = defaultKeyFile
	}
	b, err := os.ReadFile(path)
	if err == nil {
		key, err := decodeKey(string(b))
		if err != nil {
			return nil, fmt.Errorf("DATA_KEY_FILE %s: %w", path, err)
		}
		return key, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("DATA_KEY_FILE: %w", err)
	}
	key := make([]byte, desk.KeySize)
	if _, err := rand.Read(key); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("DATA_KEY_FILE: %w", err)
	}
	if err := os.WriteFile(path, []byte(base64.StdEncoding.EncodeToString(key)+"\n"), 0o600); err != nil {
		return nil, fmt.Errorf("DATA_KEY_FILE: %w", err)
	}
	log.Warn("DATA_KEY is not set: generated a data key for passport numbers; production must set DATA_KEY (losing this key loses every sealed number)",
		"component", "main", "file", path)
	return key, nil
}

// validSecret checks Telegram's rule for a webhook secret_token.
func validSecret(s string) bool {
	if len(s) < 1 || len(s) > 256 {
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
