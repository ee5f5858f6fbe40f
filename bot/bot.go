// Package bot is the Telegram side of the Korean Desk: it receives updates
// (long polling it owns, or a webhook) into the durable inbox, turns each
// one into a flows.Input inside one database transaction, renders the
// conversation's replies in the chat's language into the outbox, and
// dispatches the outbox to the Bot API with retries. It is the only package
// that imports go-telegram/bot.
package bot

import (
	"log/slog"
	"time"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/jobcheck"
	"github.com/koreandesk/hotline/locales"
)

// Clock tells the time; tests inject their own.
type Clock func() time.Time

// Store is everything the bot needs from the database.
type Store interface {
	flows.Inbox
	flows.Outbox
}

// Handler turns one stored update into a conversation step, inside the
// update's transaction.
type Handler struct {
	engine *flows.Engine
	render *Renderer
	log    *slog.Logger
	now    Clock
	// deskChat is the desk's group chat (0: none) and deskLang the
	// language alerts are written in there.
	deskChat int64
	deskLang string
	checker  *jobcheck.Checker
	// sealer seals family inquiries' passport numbers (see WithSealer).
	sealer *desk.Sealer
}

// NewHandler returns a handler running engine and rendering with cat.
func NewHandler(engine *flows.Engine, cat *locales.Catalog, log *slog.Logger, now Clock) *Handler {
	return &Handler{engine: engine, render: NewRenderer(cat), log: log.With("component", "handler"), now: now,
		deskLang: "ko"}
}

// WithDeskChat makes the handler alert the desk's group chat, in lang.
func (h *Handler) WithDeskChat(chatID int64, lang string) *Handler {
	h.deskChat = chatID
	if flows.MatchLanguage(lang) != "" {
		h.deskLang = flows.MatchLanguage(lang)
	}
	return h
}
