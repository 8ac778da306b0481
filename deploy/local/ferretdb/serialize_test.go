package main

import (
	"encoding/binary"
	"testing"

	"go.mongodb.org/mongo-driver/bson"
)

// opMsg builds an OP_MSG request: the body section, then one document sequence per entry of seqs
// (identifier → documents), then a checksum when asked for (its value is not checked here).
func buildOpMsg(t *testing.T, body bson.D, seqs map[string][]bson.D, checksum bool) []byte {
	t.Helper()
	raw, err := bson.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]byte, headerLen+4)
	binary.LittleEndian.PutUint32(out[12:16], opMsg)
	if checksum {
		binary.LittleEndian.PutUint32(out[headerLen:headerLen+4], flagChecksumPresent)
	}
	out = append(out, 0)
	out = append(out, raw...)
	for id, docs := range seqs {
		section := []byte{0, 0, 0, 0}
		section = append(section, id...)
		section = append(section, 0)
		for _, d := range docs {
			b, err := bson.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			section = append(section, b...)
		}
		binary.LittleEndian.PutUint32(section[0:4], uint32(len(section)))
		out = append(out, 1)
		out = append(out, section...)
	}
	if checksum {
		out = append(out, 0xde, 0xad, 0xbe, 0xef)
	}
	binary.LittleEndian.PutUint32(out[0:4], uint32(len(out)))
	return out
}

func TestNamespaceAndCommandOfTheWritesTheProxySerialises(t *testing.T) {
	update := bson.D{{Key: "update", Value: "work_orders"}, {Key: "ordered", Value: true}, {Key: "$db", Value: "buqi_wo"}}
	updates := map[string][]bson.D{"updates": {{{Key: "q", Value: bson.D{{Key: "_id", Value: "wo-1"}}}}}}
	cases := []struct {
		name, command, namespace string
		msg                      []byte
	}{
		{"update with its statements in a document sequence", "update", "buqi_wo.work_orders",
			buildOpMsg(t, update, updates, false)},
		{"update with a checksum after its sections", "update", "buqi_wo.work_orders",
			buildOpMsg(t, update, updates, true)},
		{"findAndModify with everything in the body", "findAndModify", "buqi_budget.envelopes",
			buildOpMsg(t, bson.D{{Key: "findAndModify", Value: "envelopes"}, {Key: "query", Value: bson.D{}},
				{Key: "$db", Value: "buqi_budget"}}, nil, false)},
		{"delete in another database", "delete", "buqi_assets.work_orders",
			buildOpMsg(t, bson.D{{Key: "delete", Value: "work_orders"}, {Key: "$db", Value: "buqi_assets"}}, nil, false)},
		{"a command without $db", "update", "",
			buildOpMsg(t, bson.D{{Key: "update", Value: "work_orders"}}, nil, false)},
		{"a command whose first value is not a collection name", "update", "",
			buildOpMsg(t, bson.D{{Key: "update", Value: int32(1)}, {Key: "$db", Value: "buqi"}}, nil, false)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := commandName(c.msg); got != c.command {
				t.Errorf("commandName = %q, want %q", got, c.command)
			}
			if got := namespace(c.msg); got != c.namespace {
				t.Errorf("namespace = %q, want %q", got, c.namespace)
			}
		})
	}
}

func TestMalformedMessagesHaveNoCommandOrNamespace(t *testing.T) {
	good := buildOpMsg(t, bson.D{{Key: "update", Value: "orders"}, {Key: "$db", Value: "buqi"}}, nil, false)
	notOpMsg := append([]byte(nil), good...)
	binary.LittleEndian.PutUint32(notOpMsg[12:16], 2004) // OP_QUERY
	oversized := append([]byte(nil), good...)
	binary.LittleEndian.PutUint32(oversized[headerLen+5:headerLen+9], uint32(len(good))) // body longer than the message
	secondBody := append(append([]byte(nil), good...), good[headerLen+4:]...)
	for name, msg := range map[string][]byte{
		"another opcode":          notOpMsg,
		"a truncated body":        good[:len(good)-3],
		"a body past the end":     oversized,
		"two body sections":       secondBody,
		"only a header and flags": good[:headerLen+4],
	} {
		if got := commandName(msg); got != "" {
			t.Errorf("%s: commandName = %q, want none", name, got)
		}
		if got := namespace(msg); got != "" {
			t.Errorf("%s: namespace = %q, want none", name, got)
		}
	}
}

func TestSoleBodyOnlyForABodyAlone(t *testing.T) {
	body := bson.D{{Key: "update", Value: "orders"}, {Key: "$db", Value: "buqi"}}
	raw, _ := bson.Marshal(body)
	got, ok := soleBody(buildOpMsg(t, body, nil, false))
	if !ok || string(got) != string(raw) {
		t.Fatalf("soleBody of a body alone = %v, %v", got, ok)
	}
	if _, ok := soleBody(buildOpMsg(t, body, map[string][]bson.D{"updates": {{}}}, false)); ok {
		t.Error("soleBody accepted a message with a document sequence")
	}
	if _, ok := soleBody(buildOpMsg(t, body, nil, true)); ok {
		t.Error("soleBody accepted a message with a checksum")
	}
}

// Writes to two collections take two locks and so run side by side; two writes to one collection
// take the same lock and so one at a time.
func TestOneLockPerCollection(t *testing.T) {
	p := &serializingProxy{}
	write := func(db, coll string) string {
		return namespace(buildOpMsg(t, bson.D{{Key: "update", Value: coll}, {Key: "$db", Value: db}}, nil, false))
	}
	orders := p.lockFor(write("buqi_wo", "work_orders"))
	if p.lockFor(write("buqi_wo", "work_orders")) != orders {
		t.Error("two writes to one collection took different locks")
	}
	if p.lockFor(write("buqi_wo", "escalations")) == orders {
		t.Error("writes to two collections share a lock")
	}
	if p.lockFor(write("buqi_assets", "work_orders")) == orders {
		t.Error("writes to same-named collections of two databases share a lock")
	}
	orders.Lock()
	defer orders.Unlock()
	if !p.lockFor(write("buqi_wo", "escalations")).TryLock() {
		t.Error("a write to another collection waited for work_orders' lock")
	}
}
