package main

// FerretDB 1.24 runs an update as "query the matching documents, then write each back": two
// steps, not one. Two conditional updates of one document sent at once can therefore both match
// and both write, which breaks what every MongoDB server guarantees and what Buqi relies on: that a
// single-document update guarded by its filter (a version check, an applied-event guard, a lease)
// is atomic. The proxy below sits in front of FerretDB and lets one such command run at a time per
// collection (a single-document update changes one collection only, so writes to different
// collections need not wait for each other); reads, inserts and everything else pass through
// concurrently. While it holds a collection's lock it also lets a write guarded by _id and more
// find its document by primary key (idfirst.go).

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
	"time"

	"go.mongodb.org/mongo-driver/bson"
)

const (
	opMsg               = 2013
	headerLen           = 16
	maxMessageLen       = 48 * 1024 * 1024 // MongoDB's maxMessageSizeBytes
	flagChecksumPresent = 1 << 0
	flagMoreToCome      = 1 << 1
)

// Commands that read documents and then write them, non-atomically in FerretDB 1.24.
var serializedCommands = map[string]bool{"update": true, "findAndModify": true, "delete": true}

type serializingProxy struct {
	backend string // FerretDB's Unix socket
	// One lock per namespace ("db.collection"), created on first use.
	writes sync.Map
	logger *slog.Logger
}

// A serialised write that waited for its lock and ran this long in all is logged, with both parts.
const slowWrite = 5 * time.Second

// lockFor is the lock of a namespace (see namespace). A command whose namespace cannot be read
// takes the lock of the empty namespace, shared by every such command.
func (p *serializingProxy) lockFor(namespace string) *sync.Mutex {
	lock, _ := p.writes.LoadOrStore(namespace, &sync.Mutex{})
	return lock.(*sync.Mutex)
}

func (p *serializingProxy) serve(ctx context.Context, ln net.Listener) error {
	go func() {
		<-ctx.Done()
		ln.Close()
	}()
	for {
		client, err := ln.Accept()
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		go p.handle(client)
	}
}

// handle relays one client connection: a request, then its reply (or replies, while the server
// says more are coming). MongoDB drivers send one request at a time per connection.
func (p *serializingProxy) handle(client net.Conn) {
	defer client.Close()
	server, err := net.Dial("unix", p.backend)
	if err != nil {
		p.logger.Error("cannot reach FerretDB", "err", err)
		return
	}
	defer server.Close()
	fromClient := bufio.NewReader(client)
	fromServer := bufio.NewReader(server)
	for {
		request, err := readMessage(fromClient)
		if err != nil {
			if !errors.Is(err, io.EOF) {
				p.logger.Debug("client connection ended", "err", err)
			}
			return
		}
		if err := p.exchange(request, client, server, fromServer); err != nil {
			p.logger.Debug("relay ended", "err", err)
			return
		}
	}
}

func (p *serializingProxy) exchange(request []byte, client, server net.Conn, fromServer *bufio.Reader) error {
	if command := commandName(request); serializedCommands[command] {
		ns := namespace(request)
		lock := p.lockFor(ns)
		asked := time.Now()
		lock.Lock()
		got := time.Now()
		defer func() {
			lock.Unlock()
			if wait, ran := got.Sub(asked), time.Since(got); wait+ran >= slowWrite {
				p.logger.Warn("slow serialised write", "command", command, "namespace", ns,
					"waitedMs", wait.Milliseconds(), "ranMs", ran.Milliseconds())
			}
		}()
		if w, ok := parseGuardedWrite(request); ok {
			matched, err := w.matches(server, fromServer)
			if err != nil {
				return err
			}
			if matched {
				if rewritten, err := w.rewrite(); err == nil {
					request = rewritten
				}
			}
		}
	}
	if _, err := server.Write(request); err != nil {
		return err
	}
	if moreToCome(request) {
		return nil // an unacknowledged write: no reply follows
	}
	for {
		reply, err := readMessage(fromServer)
		if err != nil {
			return err
		}
		if _, err := client.Write(reply); err != nil {
			return err
		}
		if !moreToCome(reply) {
			return nil
		}
	}
}

// readMessage reads one whole wire-protocol message (its length is its first four bytes).
func readMessage(r *bufio.Reader) ([]byte, error) {
	var size [4]byte
	if _, err := io.ReadFull(r, size[:]); err != nil {
		return nil, err
	}
	n := int(int32(binary.LittleEndian.Uint32(size[:])))
	if n < headerLen || n > maxMessageLen {
		return nil, fmt.Errorf("message of %d bytes", n)
	}
	msg := make([]byte, n)
	copy(msg, size[:])
	if _, err := io.ReadFull(r, msg[4:]); err != nil {
		return nil, err
	}
	return msg, nil
}

func opCode(msg []byte) int32 {
	return int32(binary.LittleEndian.Uint32(msg[12:16]))
}

func moreToCome(msg []byte) bool {
	return opCode(msg) == opMsg && len(msg) >= headerLen+4 &&
		binary.LittleEndian.Uint32(msg[headerLen:headerLen+4])&flagMoreToCome != 0
}

// sections walks an OP_MSG's sections (after the flag bits, before any checksum) and returns its
// body section (kind 0) and how many document sequences (kind 1) came with it; ok is false for any
// other opcode and for a message whose sections do not add up.
func sections(msg []byte) (body bson.Raw, sequences int, ok bool) {
	if len(msg) < headerLen+4 || opCode(msg) != opMsg {
		return nil, 0, false
	}
	end := len(msg)
	if checksumPresent(msg) {
		end -= 4
	}
	for i := headerLen + 4; i < end; {
		if i+5 > end {
			return nil, 0, false
		}
		kind := msg[i]
		// Each section's size counts its own length field, not the kind byte before it.
		size := int(int32(binary.LittleEndian.Uint32(msg[i+1 : i+5])))
		if size < 5 || i+1+size > end {
			return nil, 0, false
		}
		switch {
		case kind == 0 && body == nil:
			body = bson.Raw(msg[i+1 : i+1+size])
		case kind == 1:
			sequences++
		default: // a second body or an unknown kind
			return nil, 0, false
		}
		i += 1 + size
	}
	return body, sequences, body != nil
}

func checksumPresent(msg []byte) bool {
	return binary.LittleEndian.Uint32(msg[headerLen:headerLen+4])&flagChecksumPresent != 0
}

// commandName is the first field name of an OP_MSG's body: the command, e.g. "update".
func commandName(msg []byte) string {
	body, _, ok := sections(msg)
	if !ok {
		return ""
	}
	first, err := body.IndexErr(0)
	if err != nil {
		return ""
	}
	return first.Key()
}

// namespace is "db.collection" of an OP_MSG command such as {update: "orders", ..., $db: "buqi"},
// read from its body; "" when the message has no body, or no collection name or $db in it.
func namespace(msg []byte) string {
	body, _, ok := sections(msg)
	if !ok {
		return ""
	}
	first, err := body.IndexErr(0)
	if err != nil {
		return ""
	}
	collection, ok := first.Value().StringValueOK()
	if !ok {
		return ""
	}
	db, ok := body.Lookup("$db").StringValueOK()
	if !ok {
		return ""
	}
	return db + "." + collection
}
