// Package app is the Korean Desk's application: it handles one input
// inside its update's transaction, whatever transport brought it. A staff
// member's desk command, button or reply goes to the desk; a reporter's
// follow-up outside any conversation goes to their open case; anything
// else is a conversation step, whose effects (open a case, save answers,
// check a job offer...) it applies and whose alerts it raises. It writes
// what must be sent to the outbox; the transport sends it after commit.
// It never imports go-telegram/bot, and it runs no SQL of its own.
package app

import (
	"log/slog"
	"time"

	"github.com/koreandesk/hotline/app/staff"
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/jobcheck"
	"github.com/koreandesk/hotline/mailbox"
)

// Handler handles inputs: one per update, inside the update's
// transaction.
type Handler struct {
	engine *flows.Engine
	staff  *staff.Desk
	render mailbox.Renderer
	log    *slog.Logger
	now    func() time.Time
	// deskChat is the desk's group chat (0: none) and deskLang the
	// language alerts are written in there.
	deskChat int64
	deskLang string
	checker  *jobcheck.Checker
	// sealer seals family inquiries' passport numbers (see WithSealer).
	sealer *desk.Sealer
	// dailyCap caps a reporter's new cases a day (WithDailyCap).
	dailyCap int
	// partners are those cases may be referred to (see WithPartners).
	partners desk.Partners
}

// New returns a handler running engine and writing with render.
func New(engine *flows.Engine, render mailbox.Renderer, log *slog.Logger, now func() time.Time) *Handler {
	h := &Handler{engine: engine, render: render, log: log.With("component", "app"), now: now, deskLang: "ko",
		dailyCap: DefaultDailyCases}
	h.staff = staff.New(render, log, h.ReporterMenu)
	return h
}

// WithDeskChat makes the handler alert the desk's group chat, in lang.
func (h *Handler) WithDeskChat(chatID int64, lang string) *Handler {
	h.deskChat = chatID
	h.staff.WithDeskChat(chatID)
	if flows.MatchLanguage(lang) != "" {
		h.deskLang = flows.MatchLanguage(lang)
	}
	return h
}

// WithChecker lets the handler check job offers.
func (h *Handler) WithChecker(c *jobcheck.Checker) *Handler {
	h.checker = c
	return h
}

// WithSealer makes the handler seal family inquiries' passport numbers
// with s. Without a sealer a passport number is kept masked only.
func (h *Handler) WithSealer(s *desk.Sealer) *Handler {
	h.sealer = s
	h.staff.WithSealer(s)
	return h
}
