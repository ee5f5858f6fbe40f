package bottest

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/go-telegram/bot/models"

	"github.com/koreandesk/hotline/bot/bottest/tgapi"
)

func (s *Server) apiGetMe(*request) (any, *tgapi.Error) {
	u := s.bot
	return &u, nil
}

var chatActions = []string{"typing", "upload_photo", "record_video", "upload_video", "record_voice",
	"upload_voice", "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note"}

func (s *Server) apiSendChatAction(rq *request) (any, *tgapi.Error) {
	if _, err := s.writableChat(rq.p); err != nil {
		return nil, err
	}
	if !slices.Contains(chatActions, rq.p.Str("action")) {
		return nil, tgapi.BadRequest("wrong parameter action in request")
	}
	return true, nil
}

// apiGetChat answers a minimal ChatFullInfo for a known chat.
func (s *Server) apiGetChat(rq *request) (any, *tgapi.Error) {
	c, err := s.knownChat(rq.p, "chat_id")
	if err != nil {
		return nil, err
	}
	info := map[string]any{"id": c.wire.ID, "type": c.wire.Type, "accent_color_id": 0, "max_reaction_count": 11,
		"accepted_gift_types": map[string]bool{}}
	for k, v := range map[string]string{"title": c.wire.Title, "username": c.wire.Username,
		"first_name": c.wire.FirstName, "last_name": c.wire.LastName} {
		if v != "" {
			info[k] = v
		}
	}
	return info, nil
}

var scopeTypes = []string{"default", "all_private_chats", "all_group_chats", "all_chat_administrators",
	"chat", "chat_administrators", "chat_member"}

// commandKey identifies a command list by scope and language; raw is the
// scope's JSON ("" for the default scope).
func commandKey(raw, lang string) (string, *tgapi.Error) {
	var sc struct {
		Type   string          `json:"type"`
		ChatID json.RawMessage `json:"chat_id"`
		UserID int64           `json:"user_id"`
	}
	if raw != "" && json.Unmarshal([]byte(raw), &sc) != nil {
		return "", tgapi.BadRequest("can't parse BotCommandScope JSON object")
	}
	if sc.Type == "" {
		sc.Type = "default"
	}
	if !slices.Contains(scopeTypes, sc.Type) {
		return "", tgapi.BadRequest("wrong bot command scope type specified")
	}
	chatID, _ := tgapi.JSONText(sc.ChatID)
	return fmt.Sprintf("%s|%s|%d|%s", sc.Type, chatID, sc.UserID, lang), nil
}

func validCommand(c models.BotCommand) bool {
	if len(c.Command) == 0 || len(c.Command) > 32 {
		return false
	}
	for _, r := range c.Command {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}

func (s *Server) apiSetMyCommands(rq *request) (any, *tgapi.Error) {
	key, err := commandKey(rq.p.Str("scope"), rq.p.Str("language_code"))
	if err != nil {
		return nil, err
	}
	var cmds []models.BotCommand
	if _, derr := rq.p.Decode("commands", &cmds); derr != nil {
		return nil, tgapi.BadRequest("can't parse commands JSON object")
	}
	if len(cmds) > 100 {
		return nil, tgapi.BadRequest("too many commands specified")
	}
	for _, c := range cmds {
		if !validCommand(c) {
			return nil, tgapi.BadRequest("BOT_COMMAND_INVALID")
		}
		if n := tgapi.UTF16Len(c.Description); n == 0 || n > 256 {
			return nil, tgapi.BadRequest("BOT_COMMAND_DESCRIPTION_INVALID")
		}
	}
	if len(cmds) == 0 {
		delete(s.commands, key)
	} else {
		s.commands[key] = cmds
	}
	return true, nil
}

func (s *Server) apiGetMyCommands(rq *request) (any, *tgapi.Error) {
	key, err := commandKey(rq.p.Str("scope"), rq.p.Str("language_code"))
	if err != nil {
		return nil, err
	}
	return append([]models.BotCommand{}, s.commands[key]...), nil
}

func (s *Server) apiDeleteMyCommands(rq *request) (any, *tgapi.Error) {
	key, err := commandKey(rq.p.Str("scope"), rq.p.Str("language_code"))
	if err != nil {
		return nil, err
	}
	delete(s.commands, key)
	return true, nil
}

// Commands returns the commands set for exactly this scope (nil for the
// default scope) and language code, like getMyCommands (no fallback).
func (s *Server) Commands(scope models.BotCommandScope, lang string) []models.BotCommand {
	raw := ""
	if scope != nil {
		b, err := scope.MarshalCustom()
		if err != nil {
			return nil
		}
		raw = string(b)
	}
	key, err := commandKey(raw, lang)
	if err != nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]models.BotCommand(nil), s.commands[key]...)
}
