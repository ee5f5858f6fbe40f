package bot

import (
	"context"
	"errors"
	"fmt"
	"net"
	"testing"

	tgbot "github.com/go-telegram/bot"
)

func TestClassify(t *testing.T) {
	dial := &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")}
	tests := []struct {
		name string
		err  error
		want outcome
	}{
		{"429", &tgbot.TooManyRequestsError{RetryAfter: 7}, outcome{verdict: retrySafe, retryAfter: 7}},
		{"migrated", &tgbot.MigrateError{MigrateToChatID: -1002}, outcome{verdict: migrate, chatID: -1002}},
		{"blocked", fmt.Errorf("%w, Forbidden: bot was blocked by the user", tgbot.ErrorForbidden), outcome{verdict: giveUp}},
		{"not modified", fmt.Errorf("%w, Bad Request: message is not modified", tgbot.ErrorBadRequest), outcome{verdict: treatAsSent}},
		{"refused", fmt.Errorf("error do request for method sendMessage, %w", dial), outcome{verdict: retrySafe}},
		{"timeout", fmt.Errorf("error do request for method sendMessage, %w", context.DeadlineExceeded), outcome{verdict: retryAmbiguous}},
		{"500", errors.New("error response from telegram for method sendMessage, 500 Internal Server Error"), outcome{verdict: retryAmbiguous}},
		{"nginx 502", errors.New("error decode response body for method sendMessage, <html>502 Bad Gateway</html>, invalid character"), outcome{verdict: retrySafe}},
		{"decoded after ok", errors.New("error decode response result for method sendMessage, unexpected end"), outcome{verdict: treatAsSent}},
		{"revoked token", fmt.Errorf("%w, Unauthorized", tgbot.ErrorUnauthorized), outcome{verdict: retrySafe}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := classify(tt.err); got != tt.want {
				t.Errorf("classify = %+v, want %+v", got, tt.want)
			}
		})
	}
}
