package bot

import (
	"context"
	"errors"
	"log/slog"
	"time"

	tgbot "github.com/go-telegram/bot"
	tgmodels "github.com/go-telegram/bot/models"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/locales"
)

// reporterCommands are shown in every user's command menu, in this order.
var reporterCommands = []string{"start", "sos", "check", "family", "status", "help", "language", "cancel", "forget"}

// RegisterCommands sets the command menu for each language, and English
// for everyone else. It is not essential: a Bot API server that refuses
// is logged and the bot carries on.
func RegisterCommands(ctx context.Context, b *tgbot.Bot, cat *locales.Catalog, log *slog.Logger) {
	r := NewRenderer(cat)
	for _, lang := range append([]string{""}, flows.Languages...) {
		render := lang
		if render == "" {
			render = flows.DefaultLanguage
		}
		cmds := make([]tgmodels.BotCommand, 0, len(reporterCommands))
		for _, c := range reporterCommands {
			cmds = append(cmds, tgmodels.BotCommand{Command: c, Description: r.Text(render, flows.M("commands."+c))})
		}
		_, err := b.SetMyCommands(ctx, &tgbot.SetMyCommandsParams{
			Commands: cmds, Scope: &tgmodels.BotCommandScopeDefault{}, LanguageCode: lang,
		})
		if err != nil {
			log.Warn("setMyCommands refused; carrying on", "component", "commands", "lang", lang, "err", err)
		}
	}
}

// staffMenu is the desk part of a staff member's command menu, in order;
// supervisor-only commands (deskCommands) are left out for agents.
var staffMenu = []string{"queue", "case", "claim", "reply", "note", "priority", "assign", "close", "reopen",
	"find", "block", "flag", "risk", "stats", "staff", "export"}

// staffMenuFor returns the whole menu of a staff member: the reporter
// commands, since a chat's menu replaces the default one, then the desk's.
// supervisorOnly are the desk commands agents do not get (kept apart from
// deskCommands, whose handlers build menus themselves).
var supervisorOnly = map[string]bool{"export": true}

func staffMenuFor(r *Renderer, lang string, supervisor bool) []tgmodels.BotCommand {
	cmds := make([]tgmodels.BotCommand, 0, len(reporterCommands)+len(staffMenu))
	for _, c := range reporterCommands {
		cmds = append(cmds, tgmodels.BotCommand{Command: c, Description: r.Text(lang, flows.M("commands."+c))})
	}
	for _, c := range staffMenu {
		if supervisorOnly[c] && !supervisor {
			continue
		}
		cmds = append(cmds, tgmodels.BotCommand{Command: c, Description: r.Text(lang, flows.M("desk.command_"+c))})
	}
	return cmds
}

// RegisterStaffCommands shows each staff member, in their private chat
// (BotCommandScopeChat) and their language, the desk commands their role
// may use; reporters never see them. Call it at startup with the active
// staff: /staff add and remove take effect for the commands themselves at
// once (every desk command checks the staff table), for menus at the next
// start. Like RegisterCommands it is not essential: a refusal (a staff
// member who never opened the bot: "chat not found") is logged.
func RegisterStaffCommands(ctx context.Context, b *tgbot.Bot, cat *locales.Catalog, staff []desk.Staff, log *slog.Logger) {
	r := NewRenderer(cat)
	for i := range staff {
		rc := staffRecipient(&staff[i])
		params := &tgbot.SetMyCommandsParams{Commands: staffMenuFor(r, rc.lang, staff[i].Supervisor()),
			Scope: &tgmodels.BotCommandScopeChat{ChatID: rc.chatID}}
		_, err := b.SetMyCommands(ctx, params)
		var tooMany *tgbot.TooManyRequestsError
		if errors.As(err, &tooMany) {
			select {
			case <-ctx.Done():
				return
			case <-time.After(time.Duration(max(tooMany.RetryAfter, 1)) * time.Second):
			}
			_, err = b.SetMyCommands(ctx, params)
		}
		if err != nil {
			log.Warn("setMyCommands for staff refused; carrying on", "component", "commands",
				"user_id", staff[i].UserID, "err", err)
		}
		if ctx.Err() != nil {
			return
		}
	}
}
