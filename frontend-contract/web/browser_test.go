package web_test

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

const chromium = "/usr/bin/chromium"

// TestBrowser runs tests/browser.mjs (playwright-core driving headless
// Chromium) against the real binary in local mode: a shopper searches,
// sets a reminder, watches the host go live and pin a product, asks a
// question, is declined and then buys; a guest sees the stock drop and the
// vendor's live sales page shows the sale. Screenshots go to SCREENSHOT_DIR
// (default test-output/screenshots in this folder).
//
// It is skipped without /usr/bin/chromium or node_modules (npm ci), except
// when CI is set: then it fails instead.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	missing := func(format string, args ...any) {
		t.Helper()
		if os.Getenv("CI") != "" {
			t.Fatalf(format+" (CI is set, so this is a failure)", args...)
		}
		t.Skipf(format, args...)
	}
	if _, err := os.Stat(chromium); err != nil {
		missing("no %s: install Debian's chromium package", chromium)
	}
	if _, err := os.Stat(filepath.Join("node_modules", "playwright-core")); err != nil {
		missing("node_modules not installed: run npm ci in frontend-contract/web")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("node is not installed")
	}

	shots := os.Getenv("SCREENSHOT_DIR")
	if shots == "" {
		shots = "test-output/screenshots"
	}
	shots, _ = filepath.Abs(shots)
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	// Screenshots of an earlier run must not pass for this run's.
	for _, name := range screenshotNames {
		if err := os.Remove(filepath.Join(shots, name+".png")); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	if old, _ := filepath.Glob(filepath.Join(shots, "failure-*.png")); len(old) > 0 {
		for _, f := range old {
			_ = os.Remove(f)
		}
	}
	t.Logf("screenshots: %s", shots)

	// Build the binary from the repository root (two levels up).
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "livemarket")
	build := exec.Command("go", "build", "-o", bin, "./cmd/livemarket")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	addr := freeAddr(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	var serverLog lockedBuffer
	srv := exec.CommandContext(ctx, bin)
	srv.Env = append(localEnv(), "DATA_DIR="+filepath.Join(tmp, "data"), "LISTEN_ADDR="+addr)
	srv.Stdout, srv.Stderr = &serverLog, &serverLog
	srv.Cancel = func() error { return srv.Process.Signal(os.Interrupt) }
	srv.WaitDelay = 10 * time.Second
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { _ = srv.Wait(); close(exited) }()
	defer func() {
		cancel()
		<-exited
		if t.Failed() {
			t.Logf("server log:\n%s", serverLog.String())
		}
	}()

	base := "http://" + addr
	deadline := time.Now().Add(90 * time.Second)
	for {
		resp, err := http.Get(base + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		select {
		case <-exited:
			t.Fatalf("server exited early:\n%s", serverLog.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("server not healthy at %s/healthz:\n%s", base, serverLog.String())
		}
		time.Sleep(200 * time.Millisecond)
	}

	cmd := exec.CommandContext(ctx, node, filepath.Join("tests", "browser.mjs"))
	cmd.Env = append(os.Environ(), "LIVEMARKET_URL="+base, "SCREENSHOT_DIR="+shots, "CHROMIUM="+chromium)
	var out lockedBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err = cmd.Run()
	t.Logf("browser test output (%s):\n%s", time.Since(start).Round(time.Millisecond), out.String())
	if err != nil {
		t.Fatalf("browser test failed: %v (screenshots in %s)", err, shots)
	}
	for _, name := range screenshotNames {
		if _, err := os.Stat(filepath.Join(shots, name+".png")); err != nil {
			t.Errorf("screenshot missing: %v", err)
		}
	}
	if strings.Contains(out.String(), "page error:") {
		t.Errorf("the app threw uncaught errors (see the output above)")
	}
}

// screenshotNames are the screenshots tests/browser.mjs writes (without .png).
var screenshotNames = []string{
	"discover-desktop", "discover-phone",
	"show-desktop", "show-phone",
	"vendor-live-sales-desktop", "vendor-live-sales-phone",
	"show-guest-phone", "show-host-desktop", "studio-earnings-desktop",
}

// serverSettings are the variables that would make the server use outside
// services or another address, data folder or admin account; the browser
// test runs it in local mode, so they are dropped from its environment.
var serverSettings = []string{
	"DATABASE_URL", "REDIS_URL", "MEILI_URL", "MEILI_API_KEY",
	"LIVEKIT_URL", "LIVEKIT_API_KEY", "LIVEKIT_API_SECRET",
	"LISTEN_ADDR", "DATA_DIR", "ADMIN_EMAIL", "ADMIN_PASSWORD",
}

// localEnv is this process's environment without serverSettings.
func localEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if !slices.Contains(serverSettings, name) {
			env = append(env, kv)
		}
	}
	return env
}

func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return fmt.Sprintf("127.0.0.1:%d", l.Addr().(*net.TCPAddr).Port)
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
