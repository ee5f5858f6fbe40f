package schema

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/lib/pq"

	"github.com/koreandesk/hotline/postgres/internal/pgerr"
)

// grantRuntime gives the bot's runtime role what it needs and no more:
// rows of every table (SELECT, INSERT, UPDATE, DELETE), the sequences,
// but only SELECT and INSERT on the audit log and read access to the
// migration bookkeeping. Not being the tables' owner, it can neither
// alter nor drop the audit log or its triggers. %[1]s is the quoted role
// (an identifier cannot be a $n parameter; pq.QuoteIdentifier quotes it).
var grantRuntime = []string{
	`GRANT USAGE ON SCHEMA public TO %[1]s`,
	`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %[1]s`,
	`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %[1]s`,
	`REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM %[1]s`,
	`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON goose_db_version FROM %[1]s`,
}

// GrantRuntime grants the runtime role its privileges on db, whose
// connection is the owner's (hotline migrate with MIGRATE_DATABASE_URL).
// Run after every migration: tables added since get their grants too.
func GrantRuntime(ctx context.Context, db *sql.DB, role string) error {
	if role == "" {
		return fmt.Errorf("grant runtime role: no role")
	}
	for _, q := range grantRuntime {
		if _, err := db.ExecContext(ctx, fmt.Sprintf(q, pq.QuoteIdentifier(role))); err != nil {
			return pgerr.Map(fmt.Errorf("grant runtime role %s: %w", role, err))
		}
	}
	return nil
}

// selectOwnsAudit says whether the connected role can alter or drop the
// audit log: it is a superuser, or a member of the table's owner role.
const selectOwnsAudit = `
SELECT r.rolsuper OR pg_has_role(current_user, c.relowner, 'USAGE')
FROM pg_class c, pg_roles r
WHERE c.oid = 'audit_log'::regclass AND r.rolname = current_user`

// OwnsAuditLog reports whether the connected role could alter or drop the
// audit log, which the bot's runtime role should not.
func OwnsAuditLog(ctx context.Context, db *sql.DB) (bool, error) {
	var owns bool
	if err := db.QueryRowContext(ctx, selectOwnsAudit).Scan(&owns); err != nil {
		return false, pgerr.Map(fmt.Errorf("audit log owner: %w", err))
	}
	return owns, nil
}
