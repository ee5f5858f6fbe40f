package postgres_test

// Staff of the tests.
const (
	agentA int64 = 1001
	agentB int64 = 1002
	boss   int64 = 1003
)

// second returns the error of a two-valued call.
func second[T any](_ T, err error) error { return err }
