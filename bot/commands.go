package bot

import (
	"context"
	"log/slog"

	tgbot "github.com/go-telegram/bot"
	tgmodels "github.com/go-telegram/bot/models"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/locales"
)

// reporterCommands are shown in every user's command menu, in this order.
var reporterCommands = []string{"start", "status", "help", "language", "cancel", "forget"}

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
