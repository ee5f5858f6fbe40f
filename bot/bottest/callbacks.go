package bottest

import (
	"fmt"

	"github.com/go-telegram/bot/models"

	"github.com/koreandesk/hotline/bot/bottest/tgapi"
)

// CallbackAnswer is what the bot answered to a callback query.
type CallbackAnswer struct {
	QueryID   string
	Text      string
	ShowAlert bool
	URL       string
	CacheTime int
}

type callbackState struct {
	answered bool
	answer   CallbackAnswer
}

// SendCallback queues a callback_query from u pressing an inline button of
// message msgID in its private chat, with a fresh query id, and returns the
// update_id. data is not checked against the keyboard (clients can forge it).
// For an unknown or deleted message the query carries an inaccessible message.
func (s *Server) SendCallback(u User, msgID int, data string) int64 {
	return s.SendCallbackInGroup(u.ID, u, msgID, data)
}

// SendCallbackInGroup is SendCallback for a message in chatID (a group, or the
// user's private chat when chatID == u.ID).
func (s *Server) SendCallbackInGroup(chatID int64, u User, msgID int, data string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.chatOf(chatID, u)
	s.cbSeq++
	qid := fmt.Sprintf("%d%07d", u.ID, s.cbSeq)
	cq := &models.CallbackQuery{ID: qid, From: u.model(), ChatInstance: chatInstance(chatID), Data: data}
	if m := c.byID[msgID]; m != nil && !m.Deleted {
		w := m.Raw
		cq.Message = models.MaybeInaccessibleMessage{Type: models.MaybeInaccessibleMessageTypeMessage, Message: &w}
	} else {
		cq.Message = models.MaybeInaccessibleMessage{
			Type:                models.MaybeInaccessibleMessageTypeInaccessibleMessage,
			InaccessibleMessage: &models.InaccessibleMessage{Chat: c.wire, MessageID: msgID},
		}
	}
	id := s.enqueue(&models.Update{CallbackQuery: cq})
	s.callbacks[qid] = &callbackState{}
	s.cbByUpd[id] = qid
	return id
}

// CallbackAnswer returns the bot's answer to the callback query queued as
// updateID; false while it is unanswered.
func (s *Server) CallbackAnswer(updateID int64) (CallbackAnswer, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if st := s.callbacks[s.cbByUpd[updateID]]; st != nil && st.answered {
		return st.answer, true
	}
	return CallbackAnswer{}, false
}

func (s *Server) apiAnswerCallbackQuery(rq *request) (any, *tgapi.Error) {
	qid := rq.p.Str("callback_query_id")
	st := s.callbacks[qid]
	if st == nil || st.answered {
		return nil, tgapi.BadRequest("query is too old and response timeout expired or query ID is invalid")
	}
	if tgapi.UTF16Len(rq.p.Str("text")) > 200 {
		return nil, tgapi.BadRequest("MESSAGE_TOO_LONG")
	}
	st.answered = true
	st.answer = CallbackAnswer{QueryID: qid, Text: rq.p.Str("text"), ShowAlert: rq.p.Bool("show_alert"),
		URL: rq.p.Str("url"), CacheTime: rq.p.Int("cache_time")}
	return true, nil
}
