package jobcheck

// Level is the verdict: how strongly the text matches known recruitment patterns of scam
// compounds. There is no "safe": LevelLow only means that no known red flag was found.
type Level string

// The levels, from the strongest warning down.
const (
	LevelHigh   Level = "high"
	LevelMedium Level = "medium"
	LevelLow    Level = "low"
)

// Message is the message id of the level's one-line headline, rendered by the bot.
func (l Level) Message() string { return "jobcheck.level_" + string(l) }

// Flag is one red flag (or, in Result.Signals, one legitimacy signal) found in the text.
type Flag struct {
	ID       string // the rule id, e.g. "high_pay_low_skill"
	Message  string // message id of the one-line reason, e.g. "jobcheck.flag_high_pay_low_skill"
	Weight   int    // contribution to the score; negative for legitimacy signals
	Critical bool   // forces LevelHigh on its own (or as part of a critical combination)
	Evidence string // the exact words of the original text that triggered it
	Start    int    // byte offset of Evidence in the original text
	End      int    // byte offset just past Evidence
}

// Pay is one amount of money found in the text, read as pay.
type Pay struct {
	Amount     float64 // as written, the upper end of a range, in Currency per Period
	Currency   string  // "KRW", "USD", "USDT", "THB", "KHR"; NZD, AUD, SGD, AED, QAR, MYR, EUR, GBP, JPY
	Period     string  // "month", "week", "day", "hour", "year"; "month" when not stated
	MonthlyUSD float64 // estimate at the ruleset's rates
	Evidence   string  // the exact words of the original text
	Start, End int
}

// Entities are the contacts and identifiers found in the text, normalised as the desk's list
// is (NormalizePhone and friends) and deduplicated, for an Index lookup.
type Entities struct {
	Phones    []string // "+85512000001"
	Handles   []string // Telegram usernames and t.me links: "@fake_recruiter_1"
	Domains   []string // lower-case hosts of links and of non-webmail e-mail addresses
	Companies []string // company names without legal forms: "golden example"
	Crypto    []string // wallet addresses (TRC20 kept as written, hex lower-cased)
	Accounts  []string // bank account numbers, digits only
	Emails    []string // lower-case e-mail addresses
}

// Result is the outcome of one check.
type Result struct {
	Level          Level
	Score          int    // sum of the weights of Flags and Signals
	Flags          []Flag // red flags, in the order they appear in the text
	Signals        []Flag // legitimacy signals that lowered the score
	Entities       Entities
	Pay            []Pay
	RulesetVersion string
}

// Empty reports whether the entities hold nothing to look up.
func (e Entities) Empty() bool {
	return len(e.Phones)+len(e.Handles)+len(e.Domains)+len(e.Companies)+len(e.Crypto)+
		len(e.Accounts)+len(e.Emails) == 0
}
