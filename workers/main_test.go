package workers_test

import (
	"os"
	"testing"
)

// TestMain lets the test binary run as a payout worker process (see
// payout_crash_test.go), so a test can kill it and start another.
func TestMain(m *testing.M) {
	if os.Getenv(workerEnv) != "" {
		os.Exit(payoutWorkerMain())
	}
	os.Exit(m.Run())
}
