// Command buqi-ferretdb runs FerretDB (MongoDB wire protocol over SQLite) for local development.
// It embeds FerretDB's package because `go install` of FerretDB's own command needs generated
// version files that the module does not ship. Clients connect to a proxy that makes single-document
// updates atomic (serialize.go) and lets guarded writes find their document by _id (idfirst.go);
// FerretDB itself listens on a Unix socket in the data directory. An indexer gives every collection
// an index SQLite can use for FerretDB's lookups by _id (pkindex.go).
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", envOr("BUQI_FERRETDB_LISTEN", "127.0.0.1:27217"), "TCP address to listen on")
	dataDir := flag.String("data-dir", envOr("BUQI_FERRETDB_DATA", "data"), "directory for the SQLite databases")
	indexEvery := flag.Duration("index-every", time.Second, "how often new collections get their primary-key index (pkindex.go)")
	debug := flag.Bool("debug", false, "log at debug level")
	flag.Parse()

	// The embedded package never starts FerretDB's telemetry reporter; the env var guards any
	// code path that reads it.
	os.Setenv("FERRETDB_TELEMETRY", "disable")

	level := slog.LevelInfo
	if *debug {
		level = slog.LevelDebug
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	dir, err := filepath.Abs(*dataDir)
	if err == nil {
		err = os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		fail(logger, "data directory", err)
	}

	socket := filepath.Join(dir, "ferretdb.sock")
	_ = os.Remove(socket) // left by a process that was killed
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{Unix: socket},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + dir + "/",
	})
	if err != nil {
		fail(logger, "start", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		fail(logger, "listen", err)
	}
	indexer := &pkIndexer{dir: dir, interval: *indexEvery, logger: logger}
	go indexer.run(ctx)

	proxy := &serializingProxy{backend: socket, logger: logger}
	go func() {
		if err := proxy.serve(ctx, ln); err != nil {
			fail(logger, "proxy", err)
		}
	}()

	logger.Info("buqi-ferretdb listening", "addr", *listen, "data", dir)
	if err := f.Run(ctx); err != nil {
		fail(logger, "run", err)
	}
	logger.Info("buqi-ferretdb stopped")
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func fail(logger *slog.Logger, what string, err error) {
	logger.Error(fmt.Sprintf("%s failed", what), "error", err)
	os.Exit(1)
}
