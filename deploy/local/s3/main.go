// Command buqi-s3 is an S3-compatible object store for local development and tests: the S3 REST
// protocol (path-style buckets) over a bbolt file in its data directory, built from the Go module
// proxy. It checks no signatures: any access key works. The buckets named by -buckets exist from
// the start.
package main

import (
	"context"
	"errors"
	"flag"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3bolt"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:19000", "TCP address to listen on")
	dataDir := flag.String("data-dir", "data", "directory for the object file")
	buckets := flag.String("buckets", "buqi-evidence", "comma-separated buckets to create at start")
	flag.Parse()
	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))

	if err := os.MkdirAll(*dataDir, 0o755); err != nil {
		fail(logger, "data directory", err)
	}
	backend, err := s3bolt.NewFile(filepath.Join(*dataDir, "objects.bolt"))
	if err != nil {
		fail(logger, "open the object file", err)
	}
	for _, name := range strings.Split(*buckets, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		exists, err := backend.BucketExists(name)
		if err == nil && !exists {
			err = backend.CreateBucket(name)
		}
		if err != nil {
			fail(logger, "bucket "+name, err)
		}
	}

	server := &http.Server{
		Addr:              *listen,
		Handler:           gofakes3.New(backend, gofakes3.WithoutVersioning()).Server(),
		ReadHeaderTimeout: 10 * time.Second,
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = server.Shutdown(shutdown)
	}()
	logger.Info("buqi-s3 listening", "addr", *listen, "data", *dataDir, "buckets", *buckets)
	if err := server.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fail(logger, "serve", err)
	}
	logger.Info("buqi-s3 stopped")
}

func fail(logger *slog.Logger, what string, err error) {
	logger.Error(what+" failed", "error", err)
	os.Exit(1)
}
