// Package migrations holds the database schema as numbered SQL files,
// embedded in the binary and applied by goose. Files are forward-only and
// never edited once they have landed: change the schema with a new file.
package migrations

import "embed"

// FS holds the migration files.
//
//go:embed *.sql
var FS embed.FS
