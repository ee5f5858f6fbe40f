// Package bot is the Telegram transport of the Korean Desk: it receives
// updates (long polling it owns, or a webhook) into the durable inbox,
// turns each one into a flows.Input and hands it to the application (the
// app package) inside one database transaction, renders replies into
// Bot API calls and keyboards, and dispatches the outbox to the Bot API
// with retries. With cmd/ and the simulator, it is the only code that
// imports go-telegram/bot.
package bot

import "time"

// Clock tells the time; tests inject their own.
type Clock func() time.Time
