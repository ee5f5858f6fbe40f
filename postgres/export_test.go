package postgres

// HotQueries are the statements the explain test checks, by name.
var HotQueries = map[string]string{
	"claimUpdate":   claimUpdate,
	"claimOutgoing": claimOutgoing,
	"pruneInbox":    pruneInbox,
	"pruneOutbox":   pruneOutbox,
	"pruneMessages": pruneMessages,
}
