package jsonl

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// upper repairs by upper-casing "spun", counting one fix for each.
func upper(text []byte) ([]byte, Counts, error) {
	n := bytes.Count(text, []byte("spun"))
	return bytes.ReplaceAll(text, []byte("spun"), []byte("SPUN")), Counts{Words: len(bytes.Fields(text)), Fixes: n}, nil
}

func TestRewriteKeepsOtherBytes(t *testing.T) {
	cases := []struct{ name, in, counts, want string }{
		{"only the text changes",
			`{"id": "a\u00e9", "text":"a spun word", "metadata": {"n": 1.50e3, "x": [1 , 2]}}`, "",
			`{"id": "a\u00e9", "text":"a SPUN word", "metadata": {"n": 1.50e3, "x": [1 , 2]}}`},
		{"unchanged text keeps its escapes",
			`{"text": "caf\u00e9 \u003c ok", "id": 7}`, "",
			`{"text": "caf\u00e9 \u003c ok", "id": 7}`},
		{"a changed text is written with no HTML escapes",
			`{"text":"<b>spun</b> & \"q\"\n"}`, "",
			`{"text":"<b>SPUN</b> & \"q\"\n"}`},
		{"counts added after the last member",
			`{"id":1,"text":"spun spun" }`, "unspin",
			`{"id":1,"text":"SPUN SPUN","unspin":{"words":2,"fixes":2,"suggestions":0} }`},
		{"counts replace a value already there",
			`{"unspin": null, "text":"spun", "z": true}`, "unspin",
			`{"unspin": {"words":1,"fixes":1,"suggestions":0}, "text":"SPUN", "z": true}`},
		{"a carriage return before the line break stays",
			"{\"text\":\"spun\"}\r", "",
			"{\"text\":\"SPUN\"}\r"},
	}
	for _, c := range cases {
		got, _, err := Rewrite([]byte(c.in), "text", c.counts, upper)
		if err != nil || string(got) != c.want {
			t.Errorf("%s:\n got %s, %v\nwant %s", c.name, got, err, c.want)
		}
	}
}

func TestRewriteOtherField(t *testing.T) {
	got, _, err := Rewrite([]byte(`{"text":"spun","body":"spun it"}`), "body", "", upper)
	if want := `{"text":"spun","body":"SPUN it"}`; err != nil || string(got) != want {
		t.Errorf("got %s, %v; want %s", got, err, want)
	}
}

func TestRewriteBadRecords(t *testing.T) {
	for in, msg := range map[string]string{
		``:                          "not a JSON object",
		`["text"]`:                  "not a JSON object",
		`"text"`:                    "not a JSON object",
		`{"id":1}`:                  `no field "text"`,
		`{"text":3}`:                `field "text" is not a string`,
		`{"text":null}`:             `field "text" is not a string`,
		`{"text":"a","text":"b"}`:   `key "text" appears twice`,
		`{"text":"a"} {"text":"b"}`: "data after the JSON object",
		`{"text":"a",}`:             "invalid character",
		`{"text":"a"`:               "EOF",
	} {
		_, _, err := Rewrite([]byte(in), "text", "", upper)
		if !errors.Is(err, ErrBad) || !strings.Contains(err.Error(), msg) {
			t.Errorf("%s: error %v, want a bad record saying %q", in, err, msg)
		}
	}
}

func TestRewriteCountsFieldIsNotTheText(t *testing.T) {
	if _, _, err := Rewrite([]byte(`{"text":"a"}`), "text", "text", upper); err == nil || errors.Is(err, ErrBad) {
		t.Errorf("error %v, want a usage error that is not about the record", err)
	}
}

func TestRewriteEmptyObjectGetsNoComma(t *testing.T) {
	got, _, err := Rewrite([]byte(`{"text":"x"}`), "text", "c", upper)
	if want := `{"text":"x","c":{"words":1,"fixes":0,"suggestions":0}}`; err != nil || string(got) != want {
		t.Errorf("got %s, %v; want %s", got, err, want)
	}
}
