package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/lib/pq"

	"github.com/koreandesk/hotline/mailbox"
)

// A reporter's live location is one pin per staff chat that moves: the
// pin's sendLocation and its moves (editMessageLiveLocation) are outbox
// calls, and live_pins ties them to the reporter's message.

// pruneLivePins drops pins whose live period ended long ago.
const pruneLivePins = `DELETE FROM live_pins WHERE live_until < $1`

// enqueueOne queues one call and returns its outbox id.
func (x *tx) enqueueOne(ctx context.Context, now time.Time, o mailbox.Message) (int64, error) {
	var id int64
	err := x.t.GetContext(ctx, &id, insertOutgoing+" RETURNING id", o.ChatID, o.Priority, o.Method, o.Payload,
		o.CaseID, o.Kind, pq.Array(o.Refs), now, notBefore(o))
	if err != nil {
		return 0, mapError(fmt.Errorf("enqueue %s to %d: %w", o.Method, o.ChatID, err))
	}
	x.t.ho.others()
	return id, nil
}

const insertPin = `
INSERT INTO live_pins (reporter_chat_id, reporter_message_id, staff_chat_id, case_id, pin_outbox_id, live_until)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (reporter_chat_id, reporter_message_id, staff_chat_id) DO UPDATE SET
    case_id = EXCLUDED.case_id, pin_outbox_id = EXCLUDED.pin_outbox_id, pin_message_id = NULL,
    move_outbox_id = NULL, moved_at = NULL, live_until = EXCLUDED.live_until`

// PinLive queues a live location to a staff chat and records it as the
// pin of the reporter's live location there.
func (x *tx) PinLive(ctx context.Context, m mailbox.Message, pin mailbox.LivePin, now time.Time) error {
	id, err := x.enqueueOne(ctx, now, m)
	if err != nil {
		return err
	}
	if _, err := x.t.ExecContext(ctx, insertPin, pin.ReporterChat, pin.ReporterMessage, m.ChatID, pin.CaseID, id,
		pin.Until); err != nil {
		return mapError(fmt.Errorf("pin live location of %d in %d: %w", pin.ReporterChat, m.ChatID, err))
	}
	return nil
}

// selectPins locks the pins of a live location still live, with the
// pin's message id once it is sent.
const selectPins = `
SELECT p.staff_chat_id, p.case_id, p.pin_outbox_id, COALESCE(p.pin_message_id, o.sent_message_id, 0) AS message_id,
    COALESCE(o.status, '') AS pin_status, COALESCE(p.move_outbox_id, 0) AS move_id,
    COALESCE(p.moved_at, 'epoch') AS moved_at
FROM live_pins p LEFT JOIN outbox o ON o.id = p.pin_outbox_id
WHERE p.reporter_chat_id = $1 AND p.reporter_message_id = $2 AND p.live_until > $3
ORDER BY p.staff_chat_id
FOR UPDATE OF p`

type pinRow struct {
	StaffChat int64     `db:"staff_chat_id"`
	CaseID    int64     `db:"case_id"`
	PinID     int64     `db:"pin_outbox_id"`
	MessageID int64     `db:"message_id"`
	PinStatus string    `db:"pin_status"`
	MoveID    int64     `db:"move_id"`
	MovedAt   time.Time `db:"moved_at"`
}

// rewritePoint moves a pin or a move that has not gone out yet; $5 also
// makes a pin not sent yet a fixed one (the reporter stopped sharing).
const rewritePoint = `
UPDATE outbox SET payload = (payload || jsonb_build_object('latitude', $2::float8, 'longitude', $3::float8))
    - CASE WHEN $5::boolean THEN 'live_period' ELSE '' END
WHERE id = $1 AND status = 'pending' AND (leased_until IS NULL OR leased_until <= $4)`

const recordMove = `
UPDATE live_pins SET pin_message_id = NULLIF($4, 0), move_outbox_id = NULLIF($5, 0), moved_at = $6,
    live_until = CASE WHEN $7::boolean THEN $8 ELSE live_until END
WHERE reporter_chat_id = $1 AND reporter_message_id = $2 AND staff_chat_id = $3`

// MoveLive moves every pin of a live location still live.
func (x *tx) MoveLive(ctx context.Context, mv mailbox.LiveMove, now time.Time) (int, error) {
	var pins []pinRow
	if err := x.t.SelectContext(ctx, &pins, selectPins, mv.ReporterChat, mv.ReporterMessage, now); err != nil {
		return 0, mapError(fmt.Errorf("live pins of %d: %w", mv.ReporterChat, err))
	}
	moved := 0
	for _, p := range pins {
		ok, err := x.movePin(ctx, &p, mv, now)
		if err != nil {
			return moved, err
		}
		if ok {
			moved++
		}
		if _, err := x.t.ExecContext(ctx, recordMove, mv.ReporterChat, mv.ReporterMessage, p.StaffChat, p.MessageID,
			p.MoveID, p.MovedAt, mv.Stop, now); err != nil {
			return moved, mapError(fmt.Errorf("move live pin of %d in %d: %w", mv.ReporterChat, p.StaffChat, err))
		}
	}
	return moved, nil
}

// movePin moves one pin: the pin itself or its pending move when they
// have not gone out (the latest position wins), or a new move no sooner
// than Every after the last one. A pin being sent right now, or refused,
// is left alone: the next position moves it.
func (x *tx) movePin(ctx context.Context, p *pinRow, mv mailbox.LiveMove, now time.Time) (bool, error) {
	if p.PinStatus == "pending" {
		if ok, err := x.rewrite(ctx, p.PinID, mv, now); ok || err != nil {
			return ok, err
		}
	}
	if p.MessageID == 0 {
		return false, nil
	}
	moved, err := x.rewrite(ctx, p.MoveID, mv, now)
	if err != nil {
		return false, err
	}
	at := now
	if next := p.MovedAt.Add(mv.Every); next.After(now) {
		at = next // one move every Every: the latest position waits for it
	}
	if !moved {
		m, err := mailbox.New(p.StaffChat, mailbox.PriorityNormal, mailbox.MethodEditLive,
			mailbox.Call{MessageID: int(p.MessageID), Latitude: mv.Lat, Longitude: mv.Lon})
		if err != nil {
			return false, err
		}
		m.CaseID, m.NotBefore = p.CaseID, at
		if p.MoveID, err = x.enqueueOne(ctx, now, m); err != nil {
			return false, err
		}
		p.MovedAt = at
	}
	if mv.Stop {
		m, err := mailbox.New(p.StaffChat, mailbox.PriorityNormal, mailbox.MethodStopLive,
			mailbox.Call{MessageID: int(p.MessageID)})
		if err != nil {
			return false, err
		}
		m.CaseID, m.NotBefore = p.CaseID, at
		if _, err := x.enqueueOne(ctx, now, m); err != nil {
			return false, err
		}
	}
	return true, nil
}

// rewrite moves a call that has not gone out yet; false when there is
// none (id 0, sent, or being sent).
func (x *tx) rewrite(ctx context.Context, id int64, mv mailbox.LiveMove, now time.Time) (bool, error) {
	if id == 0 {
		return false, nil
	}
	res, err := x.t.ExecContext(ctx, rewritePoint, id, mv.Lat, mv.Lon, now, mv.Stop)
	if err != nil {
		return false, mapError(fmt.Errorf("move outgoing %d: %w", id, err))
	}
	n, err := res.RowsAffected()
	return n == 1, err
}
