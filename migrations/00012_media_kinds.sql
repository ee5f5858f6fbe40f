-- +goose Up

-- Every kind of file a reporter can send is kept on the case: videos,
-- video notes and audio files besides photos, voice notes and documents.
ALTER TABLE case_events DROP CONSTRAINT case_events_file_kind_check;
ALTER TABLE case_events ADD CONSTRAINT case_events_file_kind_check
    CHECK (file_kind IN ('', 'photo', 'voice', 'document', 'video', 'video_note', 'audio'));

-- An album a reporter sends reaches an officer as one album: the items are
-- gathered into one pending sendMediaGroup call (kind 'album', bundle_refs
-- naming the album) that waits a few seconds for the rest of the album.
ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check CHECK (kind IN ('', 'alert', 'alert_bundle', 'album'));

-- +goose Down
ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check CHECK (kind IN ('', 'alert', 'alert_bundle'));
ALTER TABLE case_events DROP CONSTRAINT case_events_file_kind_check;
ALTER TABLE case_events ADD CONSTRAINT case_events_file_kind_check
    CHECK (file_kind IN ('', 'photo', 'voice', 'document'));
