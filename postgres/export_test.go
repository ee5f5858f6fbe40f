package postgres

// HotQueries are the statements the explain test checks, by name.
var HotQueries = map[string]string{
	"claimUpdates":  claimUpdates,
	"claimOutgoing": claimOutgoing,
	"insertUpdates": insertUpdates,
	"markClaimed":   markClaimed,
	"markSent":      markSentMany,
	"insertCalls":   insertOutgoingMany,
	"pruneInbox":    pruneInbox,
	"pruneOutbox":   pruneOutbox,
	"pruneMessages": pruneMessages,
}
