// Package sending holds what the outbox dispatcher (package bot) keeps
// while it sends: the pace that keeps Telegram's limits ahead of time,
// per chat and as a whole, shared by the replicas through a budget
// (pace.go); the leases of the calls in hand, kept alive while they wait
// for the pace and while they are sent (leases.go); and the results of
// sends, written in groups (recorder.go). It knows the outbox's contract
// (mailbox), not Telegram's client or SQL.
package sending
