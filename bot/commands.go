package bot

import (
	"context"
	"errors"
	"log/slog"
	"time"

	tgbot "github.com/go-telegram/bot"
	tgmodels "github.com/go-telegram/bot/models"

	"github.com/koreandesk/hotline/app"
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// RegisterCommands sets the command menu for each language, and English
// for everyone else. It is not essential: a Bot API server that refuses
// is logged and the bot carries on.
func RegisterCommands(ctx context.Context, b *tgbot.Bot, a *app.Handler, log *slog.Logger) {
	for _, lang := range append([]string{""}, flows.Languages...) {
		render := lang
		if render == "" {
			render = flows.DefaultLanguage
		}
		_, err := b.SetMyCommands(ctx, &tgbot.SetMyCommandsParams{
			Commands: botCommands(a.ReporterMenu(render)), Scope: &tgmodels.BotCommandScopeDefault{}, LanguageCode: lang,
		})
		if err != nil {
			log.Warn("setMyCommands refused; carrying on", "component", "commands", "lang", lang, "err", err)
		}
	}
}

func botCommands(menu []mailbox.Command) []tgmodels.BotCommand {
	cmds := make([]tgmodels.BotCommand, 0, len(menu))
	for _, c := range menu {
		cmds = append(cmds, tgmodels.BotCommand{Command: c.Command, Description: c.Description})
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
func RegisterStaffCommands(ctx context.Context, b *tgbot.Bot, a *app.Handler, staff []desk.Staff, log *slog.Logger) {
	for i := range staff {
		chatID, menu := a.StaffMenu(&staff[i])
		params := &tgbot.SetMyCommandsParams{Commands: botCommands(menu), Scope: &tgmodels.BotCommandScopeChat{ChatID: chatID}}
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
