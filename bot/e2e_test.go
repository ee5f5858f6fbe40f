package bot_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/koreandesk/hotline/bot/bottest"
	"github.com/koreandesk/hotline/bot/bottest/tgapi"
)

func TestStartInEachLanguage(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	tests := []struct {
		code        string
		welcome     string
		menuHelpNow string
	}{
		{"ko", "코리안 데스크", "🆘 지금 도움이 필요해요"},
		{"km", "សួស្តី", "🆘 ខ្ញុំត្រូវការជំនួយឥឡូវនេះ"},
		{"en", "Korean Desk", "🆘 I need help now"},
		{"ru", "Korean Desk", "🆘 I need help now"}, // not served: English
	}
	for i, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			u := bottest.User{ID: int64(1000 + i), FirstName: "U", LanguageCode: tt.code}
			h.api.SendText(u, "/start")
			msgs, err := h.api.WaitMessages(u.ID, 2, wait)
			if err != nil {
				t.Fatal(err)
			}
			contains(t, msgs[0].Text, tt.welcome)
			var langs []string
			for _, b := range msgs[0].InlineKeyboard[0] {
				langs = append(langs, b.Text+"="+b.CallbackData)
			}
			if diff := cmp.Diff([]string{"한국어=lang:ko", "ខ្មែរ=lang:km", "English=lang:en"}, langs); diff != "" {
				t.Errorf("language buttons (-want +got):\n%s", diff)
			}
			if len(msgs[1].InlineKeyboard) != 4 {
				t.Fatalf("menu has %d rows, want 4", len(msgs[1].InlineKeyboard))
			}
			if got := msgs[1].InlineKeyboard[0][0]; got.Text != tt.menuHelpNow || got.CallbackData != "go:sos" {
				t.Errorf("first menu button = %+v, want %q go:sos", got, tt.menuHelpNow)
			}
		})
	}
}

func TestLanguageSwitchIsRemembered(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	u := bottest.User{ID: 2001, FirstName: "Sok", LanguageCode: "en"}
	h.api.SendText(u, "/start")
	msgs, err := h.api.WaitMessages(u.ID, 2, wait)
	if err != nil {
		t.Fatal(err)
	}
	h.api.SendCallback(u, msgs[0].ID, "lang:km")
	got := h.texts(u.ID, 4)
	contains(t, got[2], "ភាសាខ្មែរ")
	contains(t, got[3], "តើអ្នកត្រូវការអ្វី")
	if n := h.count(`SELECT count(*) FROM chats WHERE chat_id = $1 AND language = 'km'`, u.ID); n != 1 {
		t.Errorf("stored language rows = %d, want 1", n)
	}
	if answers := h.api.Calls("answerCallbackQuery"); len(answers) != 1 {
		t.Errorf("answerCallbackQuery calls = %d, want 1", len(answers))
	}

	h.restart()
	h.api.SendText(u, "/help") // Telegram still says "en"
	contains(t, h.texts(u.ID, 5)[4], "Korean Desk")
	contains(t, h.texts(u.ID, 5)[4], "បូត")
	contains(t, h.texts(u.ID, 5)[4], "ការសុំជំនួយមិនមែនជាបទល្មើសទេ") // the honest line on investigations
}

func TestRestartMidConversation(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	u := bottest.User{ID: 3001, FirstName: "Min", LanguageCode: "ko"}
	h.api.SendText(u, "/start survey")
	h.texts(u.ID, 1)
	h.api.SendText(u, "Kim Minsu")
	contains(t, h.texts(u.ID, 2)[1], "name Kim Minsu")

	h.restart()
	h.api.SendText(u, "Bavet")
	contains(t, h.texts(u.ID, 3)[2], "done: Kim Minsu in Bavet")
	if n := h.count(`SELECT count(*) FROM chats WHERE chat_id = $1 AND flow = ''`, u.ID); n != 1 {
		t.Errorf("conversation not finished in the database")
	}
}

func TestUpdateReceivedButNotProcessedSurvivesACrash(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.stop() // the bot is down while the user writes
	u := bottest.User{ID: 3101, FirstName: "Dara", LanguageCode: "km"}
	h.api.SendText(u, "/start")
	// Stored in the inbox but never processed, as after a crash between
	// the two: the next process must still answer it.
	raw := fmt.Sprintf(`{"update_id": 990001, "message": {"message_id": 50, "date": %d,
		"chat": {"id": %d, "type": "private"}, "from": {"id": %d, "is_bot": false, "first_name": "Dara", "language_code": "km"},
		"text": "/help", "entities": [{"type": "bot_command", "offset": 0, "length": 5}]}}`, time.Now().Unix(), u.ID, u.ID)
	if _, err := h.db.Exec(`INSERT INTO inbox (update_id, chat_id, payload, received_at) VALUES (990001, $1, $2, now())`, u.ID, raw); err != nil {
		t.Fatal(err)
	}
	h.start()
	got := h.texts(u.ID, 4)
	contains(t, got[0], "បូត") // the stored /help first, then its menu
	contains(t, got[2], "សួស្តី")
}

func TestDuplicateUpdateHasOneEffect(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	u := bottest.User{ID: 4001, FirstName: "A", LanguageCode: "en"}
	id := h.api.SendText(u, "/help")
	h.texts(u.ID, 2) // help + menu
	if !h.api.Redeliver(id) {
		t.Fatal("emulator could not redeliver")
	}
	h.api.SendText(u, "/language") // a marker after the duplicate
	got := h.texts(u.ID, 3)
	contains(t, got[2], "Choose your language")
	h.quiet(u.ID, 3)
	if n := h.count(`SELECT count(*) FROM inbox WHERE update_id = $1`, id); n != 1 {
		t.Errorf("inbox rows for update %d = %d, want 1", id, n)
	}
}

func TestOneChatInOrderManyChatsAtOnce(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	const chats = 20
	var wg sync.WaitGroup
	for i := range chats {
		u := bottest.User{ID: int64(5000 + i), FirstName: "P", LanguageCode: "en"}
		wg.Go(func() {
			h.api.SendText(u, "/start survey")
			h.api.SendText(u, fmt.Sprintf("name%d", i))
			h.api.SendText(u, "city")
		})
	}
	wg.Wait()
	for i := range chats {
		id := int64(5000 + i)
		got := h.texts(id, 3)
		want := []string{"ask name?", fmt.Sprintf("city? (name name%d)", i), fmt.Sprintf("done: name%d in city", i)}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("chat %d (-want +got):\n%s", id, diff)
		}
	}
}

func TestRetryAfter429(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	u := bottest.User{ID: 6001, FirstName: "B", LanguageCode: "en"}
	h.api.FailNext("sendMessage", 1, tgapi.TooManyRequests(1))
	start := time.Now()
	h.api.SendText(u, "/start")
	got := h.texts(u.ID, 2)
	if elapsed := time.Since(start); elapsed < time.Second {
		t.Errorf("answered after %v, want at least retry_after (1s)", elapsed)
	}
	contains(t, got[0], "Korean Desk")
	contains(t, got[1], "What do you need?")
	h.quiet(u.ID, 2)
}

func TestBotAPIDownThenBack(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	u := bottest.User{ID: 7001, FirstName: "C", LanguageCode: "en"}
	// Sending fails with the nginx 502 page three times, then works.
	h.api.FailNext("sendMessage", 3, tgapi.BadGateway())
	h.api.SendText(u, "/start")
	h.api.SendText(u, "/language")
	// The whole API goes away for a while, polling included.
	h.api.SetDown(true)
	time.Sleep(500 * time.Millisecond)
	h.api.SetDown(false)
	h.api.SendText(u, "/help")
	got := h.texts(u.ID, 5)
	want := []string{"Korean Desk", "What do you need?", "Choose your language", "This bot", "What do you need?"}
	for i, w := range want {
		contains(t, got[i], w)
	}
	h.quiet(u.ID, 5)
	if n := h.count(`SELECT count(*) FROM outbox WHERE status <> 'sent'`); n != 0 {
		t.Errorf("%d outbox rows not sent", n)
	}
}

func TestBlockedChatDoesNotHoldUpOthers(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	blocked := bottest.User{ID: 8001, FirstName: "X", LanguageCode: "en"}
	other := bottest.User{ID: 8002, FirstName: "Y", LanguageCode: "en"}
	h.api.SendText(blocked, "/start")
	h.api.SetBlocked(blocked.ID, true)
	h.api.SendText(other, "/start")
	h.texts(other.ID, 2)
	err := h.eventually(func() bool {
		return h.count(`SELECT count(*) FROM outbox WHERE chat_id = $1 AND status = 'failed'`, blocked.ID) >= 1
	}, wait)
	if err != nil {
		t.Fatalf("the blocked chat's messages were not given up: %v", err)
	}
	var reason string
	if err := h.db.Get(&reason, `SELECT last_error FROM outbox WHERE chat_id = $1 AND status = 'failed' LIMIT 1`, blocked.ID); err != nil {
		t.Fatal(err)
	}
	contains(t, reason, "blocked")
}

func TestBadInputGetsALocalisedAnswer(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	u := bottest.User{ID: 9001, FirstName: "D", LanguageCode: "ko"}
	h.api.SendText(u, "/start survey")
	h.texts(u.ID, 1)

	h.api.SendSticker(u, "😀")
	contains(t, h.texts(u.ID, 3)[1], "이 형식의 메시지는")
	h.api.SendText(u, strings.Repeat("가", 10000))
	contains(t, h.texts(u.ID, 5)[3], "4096자")
	h.api.SendText(u, "/frobnicate")
	contains(t, h.texts(u.ID, 7)[5], "모르는 명령어")
	h.api.SendCallback(u, 1, "forged:data")
	contains(t, h.texts(u.ID, 9)[7], "쓸 수 없는 버튼")
	if _, err := h.api.SendRawUpdate([]byte(`{"update_id": 424242, "message": "garbage"}`)); err != nil {
		t.Fatal(err)
	}
	// Still in the same conversation, at the same question.
	h.api.SendText(u, "Kim")
	contains(t, h.texts(u.ID, 10)[9], "city? (name Kim)")
	if n := h.count(`SELECT count(*) FROM inbox WHERE update_id = 424242 AND processed_at IS NOT NULL`); n != 1 {
		t.Errorf("malformed update not acknowledged")
	}
}
