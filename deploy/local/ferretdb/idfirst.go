package main

// FerretDB 1.24 on SQLite reads a collection by primary key only when a filter is exactly
// {_id: <string or ObjectId>}; a filter with anything beside the _id (a version guard such as
// {_id, version}, an outbox guard such as {_id, "__outbox.0": {$exists: false}}) reads and decodes
// every document of the collection, so each guarded write costs time in proportion to the
// collection's size (45–53 ms at 400 orders, and growing). Every MongoDB server answers those
// filters from the _id index.
//
// While the proxy holds its write lock no other update, findAndModify or delete can change a
// document, so a single-statement guarded write can be split safely into:
//  1. an aggregate whose first $match is {_id} alone (read by primary key) and whose second $match
//     is the rest of the filter: does the one document with that _id match the whole filter?
//  2. if it does, the same command with the filter reduced to {_id}: it selects the same document.
//     If it does not (a lost race, a stale version, an upsert that will insert), the command goes
//     to FerretDB unchanged, so its answer is FerretDB's own.
// Anything this file does not recognise — several statements in one command, a document sequence,
// a checksum, a collation, an _id that is not a string or ObjectId — is relayed untouched.

import (
	"bufio"
	"encoding/binary"
	"net"
	"sync/atomic"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
)

// A request id for the proxy's own checks, far from the small increasing ids drivers use.
var checkRequestID atomic.Int32

func init() { checkRequestID.Store(1 << 30) }

// guardedWrite is a single-statement write whose filter is {_id: id, ...rest} with rest not empty.
type guardedWrite struct {
	db, collection string
	id             any
	rest           bson.D
	// rewrite returns the request with the statement's filter reduced to {_id: id}.
	rewrite func() ([]byte, error)
}

// parseGuardedWrite recognises an update, findAndModify or delete of one document by _id and more.
func parseGuardedWrite(msg []byte) (*guardedWrite, bool) {
	body, ok := soleBody(msg)
	if !ok {
		return nil, false
	}
	var cmd bson.D
	if err := bson.Unmarshal(body, &cmd); err != nil || len(cmd) == 0 {
		return nil, false
	}
	name := cmd[0].Key
	collection, ok := cmd[0].Value.(string)
	if !ok {
		return nil, false
	}
	db, ok := lookup(cmd, "$db").(string)
	if !ok {
		return nil, false
	}

	// Where the filter lives: the command itself (findAndModify's "query") or its only statement.
	var statement bson.D
	var filterKey, listKey string
	switch name {
	case "findAndModify", "findandmodify":
		statement, filterKey = cmd, "query"
	case "update", "delete":
		listKey, filterKey = name+"s", "q"
		list, ok := lookup(cmd, listKey).(bson.A)
		if !ok || len(list) != 1 {
			return nil, false
		}
		if statement, ok = list[0].(bson.D); !ok {
			return nil, false
		}
	default:
		return nil, false
	}
	if lookup(statement, "collation") != nil {
		return nil, false
	}
	filter, ok := lookup(statement, filterKey).(bson.D)
	if !ok || len(filter) < 2 {
		return nil, false
	}
	var id any
	var rest bson.D
	for _, e := range filter {
		if e.Key == "_id" {
			id = e.Value
			continue
		}
		rest = append(rest, e)
	}
	switch id.(type) {
	case string, primitive.ObjectID:
	default:
		return nil, false
	}

	w := &guardedWrite{db: db, collection: collection, id: id, rest: rest}
	w.rewrite = func() ([]byte, error) {
		replace(statement, filterKey, bson.D{{Key: "_id", Value: id}})
		if listKey != "" {
			replace(cmd, listKey, bson.A{statement})
		}
		out, err := bson.Marshal(cmd)
		if err != nil {
			return nil, err
		}
		return withBody(msg, out), nil
	}
	return w, true
}

// matches asks FerretDB, over the client's own connection, whether the document with the write's
// _id matches the rest of its filter. Any doubt (an error, an unexpected reply) answers false, and
// the write then goes to FerretDB as it was sent.
func (w *guardedWrite) matches(server net.Conn, fromServer *bufio.Reader) (bool, error) {
	check := bson.D{
		{Key: "aggregate", Value: w.collection},
		{Key: "pipeline", Value: bson.A{
			bson.D{{Key: "$match", Value: bson.D{{Key: "_id", Value: w.id}}}},
			bson.D{{Key: "$match", Value: w.rest}},
			bson.D{{Key: "$project", Value: bson.D{{Key: "_id", Value: 1}}}},
		}},
		{Key: "cursor", Value: bson.D{}},
		{Key: "$db", Value: w.db},
	}
	body, err := bson.Marshal(check)
	if err != nil {
		return false, nil
	}
	if _, err := server.Write(opMsgWith(checkRequestID.Add(1), body)); err != nil {
		return false, err
	}
	reply, err := readMessage(fromServer)
	if err != nil {
		return false, err
	}
	replyBody, ok := soleBody(reply)
	if !ok {
		return false, nil
	}
	var answer struct {
		OK     float64 `bson:"ok"`
		Cursor struct {
			FirstBatch []bson.Raw `bson:"firstBatch"`
			ID         int64      `bson:"id"`
		} `bson:"cursor"`
	}
	if err := bson.Unmarshal(replyBody, &answer); err != nil || answer.OK != 1 || answer.Cursor.ID != 0 {
		return false, nil
	}
	return len(answer.Cursor.FirstBatch) == 1, nil
}

func lookup(d bson.D, key string) any {
	for _, e := range d {
		if e.Key == key {
			return e.Value
		}
	}
	return nil
}

func replace(d bson.D, key string, value any) {
	for i := range d {
		if d[i].Key == key {
			d[i].Value = value
		}
	}
}

// soleBody is the body of an OP_MSG made of one body section, no document sequence, no checksum.
func soleBody(msg []byte) ([]byte, bool) {
	body, sequences, ok := sections(msg)
	if !ok || sequences > 0 || checksumPresent(msg) {
		return nil, false
	}
	return body, true
}

// withBody is msg (header and flags kept) with a new body section.
func withBody(msg, body []byte) []byte {
	out := make([]byte, 0, headerLen+4+1+len(body))
	out = append(out, msg[:headerLen+4]...)
	out = append(out, 0)
	out = append(out, body...)
	binary.LittleEndian.PutUint32(out[0:4], uint32(len(out)))
	return out
}

// opMsgWith is a new OP_MSG request with one body section.
func opMsgWith(requestID int32, body []byte) []byte {
	out := make([]byte, headerLen+4+1, headerLen+4+1+len(body))
	binary.LittleEndian.PutUint32(out[4:8], uint32(requestID))
	binary.LittleEndian.PutUint32(out[12:16], opMsg)
	out = append(out, body...)
	binary.LittleEndian.PutUint32(out[0:4], uint32(len(out)))
	return out
}
