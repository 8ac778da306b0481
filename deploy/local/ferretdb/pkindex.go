package main

// FerretDB 1.24 looks a document up by _id with `WHERE _ferretdb_sjson->'$._id' = ?`, but the
// unique index it creates for _id is on `_ferretdb_sjson->"_id"`. SQLite matches an index to a
// query by the expression's text, so it never uses that index: every read, update and delete by _id
// walks the whole table and parses each document's JSON (20–40 ms a write at 3,200 documents of
// 1 KB, growing with the collection; a find by _id seems fast only when its document sits near the
// start of the table, where the scan stops).
//
// The indexer below adds, to every collection table of every database file, a plain index on the
// very expression FerretDB queries with. It changes no answer (FerretDB's own unique index still
// enforces uniqueness and is the only one it lists); it only lets SQLite find the row. It runs
// every `interval`, so a collection created since the last pass is indexed within it; dropping a
// collection or a database drops its index with it.

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the SQLite driver FerretDB itself uses
)

const (
	pkIndexSuffix = "_buqi_pk"
	pkExpression  = `_ferretdb_sjson->'$._id'` // FerretDB's metadata.IDColumn
)

type pkIndexer struct {
	dir      string
	interval time.Duration
	logger   *slog.Logger
}

func (ix *pkIndexer) run(ctx context.Context) {
	tick := time.NewTicker(ix.interval)
	defer tick.Stop()
	for {
		ix.pass(ctx)
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// pass indexes what is missing in every database file of the directory.
func (ix *pkIndexer) pass(ctx context.Context) {
	files, err := filepath.Glob(filepath.Join(ix.dir, "*.sqlite"))
	if err != nil {
		return
	}
	for _, file := range files {
		if err := ix.indexFile(ctx, file); err != nil && ctx.Err() == nil {
			ix.logger.Debug("primary-key index pass skipped a database", "file", filepath.Base(file), "err", err)
		}
	}
}

func (ix *pkIndexer) indexFile(ctx context.Context, file string) error {
	// mode=rw: never create a file FerretDB has just dropped.
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: file}).EscapedPath()+
		"?mode=rw&_pragma=busy_timeout(10000)")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)

	rows, err := db.QueryContext(ctx, `SELECT c.table_name,
		EXISTS (SELECT 1 FROM sqlite_master m WHERE m.type = 'index' AND m.name = c.table_name || ?)
		FROM _ferretdb_collections c`, pkIndexSuffix)
	if err != nil {
		return err // not a FerretDB database, or one being created or dropped
	}
	var missing []string
	for rows.Next() {
		var table string
		var has bool
		if err := rows.Scan(&table, &has); err != nil {
			rows.Close()
			return err
		}
		if !has {
			missing = append(missing, table)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, table := range missing {
		q := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %s ON %s (%s)`,
			quoteIdent(table+pkIndexSuffix), quoteIdent(table), pkExpression)
		if _, err := db.ExecContext(ctx, q); err != nil {
			return err // dropped meanwhile: the next pass sees it gone
		}
		ix.logger.Debug("primary-key index added", "file", filepath.Base(file), "table", table)
	}
	return nil
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
