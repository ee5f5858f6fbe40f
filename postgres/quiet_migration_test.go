package postgres_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/migrations"
	"github.com/koreandesk/hotline/postgres"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

// TestQuietOneRuleBackfill runs migration 00019's backfill again on data
// it must handle: a reporter who said "not safe to talk" and one with
// check-ins get the chat's quiet flag; one who turned quiet mode off
// themselves keeps their choice; anyone else stays as they were.
func TestQuietOneRuleBackfill(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	d := postgres.New(db).Desk()
	now := time.Date(2026, 12, 4, 1, 0, 0, 0, time.UTC)
	open := func(chat int64, answers map[string]string) *desk.Case {
		c, err := d.OpenCase(ctx, desk.NewCase{Type: desk.TypeDistress, Priority: desk.PriorityUrgent, ReporterUserID: chat,
			ReporterChatID: chat, ReporterLang: "ko", ReporterName: "R", Answers: answers}, now)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	open(1, map[string]string{"safe_to_talk": "no"})
	checkin := open(2, map[string]string{})
	if _, err := db.ExecContext(ctx, `INSERT INTO checkins (case_id, every_seconds, grace_seconds, next_at, started_by, started_at)
		VALUES ($1, 3600, 900, $2, 1, $2)`, checkin.ID, now); err != nil {
		t.Fatal(err)
	}
	chose := open(3, map[string]string{"safe_to_talk": "no"})
	if _, err := d.AddEvent(ctx, chose.ID, desk.Event{Kind: desk.EventQuiet, At: now, Data: map[string]string{"asked": "off"}}); err != nil {
		t.Fatal(err)
	}
	open(4, map[string]string{"safe_to_talk": "yes"})

	b, err := migrations.FS.ReadFile("00019_quiet_one_rule.sql")
	if err != nil {
		t.Fatal(err)
	}
	up, _, _ := strings.Cut(string(b), "-- +goose Down")
	if _, err := db.ExecContext(ctx, up); err != nil {
		t.Fatal(err)
	}
	var quiet []int64
	if err := db.SelectContext(ctx, &quiet, `SELECT chat_id FROM chats WHERE quiet ORDER BY chat_id`); err != nil {
		t.Fatal(err)
	}
	if got := quiet; len(got) != 2 || got[0] != 1 || got[1] != 2 {
		t.Errorf("quiet chats = %v, want [1 2]", got)
	}
}
