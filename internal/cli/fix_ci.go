package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/unspin/unspin/internal/render"
)

// The CI formats, --format github and --format sarif, are made from the
// JSON Lines records of a run: ciWriter takes the place of standard output
// under the JSON writer, decodes each record and writes it again as a
// GitHub Actions workflow command or, once the summary arrives, as one
// SARIF 2.1.0 log for GitHub code scanning. Positions are lines only:
// GitHub shows annotations by line, and SARIF columns would have to count
// UTF-16 units or code points where unspin counts bytes (SARIF regions
// carry the byte offset and length instead).

type ciWriter struct {
	w       io.Writer
	sarif   bool
	pending bytes.Buffer // a record not yet ended by its newline
	results []sarifResult
}

func newCIWriter(w io.Writer, format string) *ciWriter {
	return &ciWriter{w: w, sarif: format == "sarif", results: []sarifResult{}}
}

func (c *ciWriter) Write(p []byte) (int, error) {
	c.pending.Write(p)
	for {
		line, err := c.pending.ReadBytes('\n')
		if err != nil { // no newline yet: keep the start of the record
			c.pending.Reset()
			c.pending.Write(line)
			return len(p), nil
		}
		if err := c.record(line); err != nil {
			return 0, err
		}
	}
}

// record writes one JSON Lines record in the CI format.
func (c *ciWriter) record(line []byte) error {
	var head struct{ Type string }
	if err := json.Unmarshal(line, &head); err != nil {
		return err
	}
	switch head.Type {
	case "fix":
		var f render.FixRecord
		if err := json.Unmarshal(line, &f); err != nil {
			return err
		}
		if c.sarif {
			c.results = append(c.results, newSarifResult(f))
			return nil
		}
		level := "warning"
		if !f.Applied {
			level = "notice"
		}
		_, err := fmt.Fprintf(c.w, "::%s file=%s,line=%d,title=%s::%s\n", level,
			escapeProperty(filepath.ToSlash(f.Path)), f.Line, escapeProperty("unspin: "+f.Source), escapeData(fixMessage(f)))
		return err
	case "error":
		var e render.ErrorRecord
		if err := json.Unmarshal(line, &e); err != nil {
			return err
		}
		if c.sarif {
			return nil // a notice on stderr already says it; SARIF results are findings
		}
		_, err := fmt.Fprintf(c.w, "::error file=%s::%s\n", escapeProperty(filepath.ToSlash(e.Path)), escapeData(e.Error))
		return err
	case "summary":
		if c.sarif {
			return c.writeSarif()
		}
	}
	return nil
}

func fixMessage(f render.FixRecord) string {
	kind := "fix"
	if !f.Applied {
		kind = "suggestion below --min-confidence"
	}
	return fmt.Sprintf("%q looks spun; the original is likely %q (confidence %.2f, %s)", f.Original, f.Replacement, f.Confidence, kind)
}

// escapeData and escapeProperty encode a workflow command's message and
// properties as the GitHub Actions runner decodes them.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// SARIF 2.1.0, the parts GitHub code scanning reads.
type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
	Fixes     []sarifFix      `json:"fixes"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine  int `json:"startLine"`
	ByteOffset int `json:"byteOffset"`
	ByteLength int `json:"byteLength"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifact      `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent sarifText   `json:"insertedContent"`
}

const sarifRule = "spun-word"

func newSarifResult(f render.FixRecord) sarifResult {
	art := sarifArtifact{URI: filepath.ToSlash(f.Path)}
	region := sarifRegion{StartLine: f.Line, ByteOffset: f.Offset, ByteLength: f.Length}
	level := "warning"
	if !f.Applied {
		level = "note"
	}
	return sarifResult{
		RuleID: sarifRule, Level: level, Message: sarifText{fixMessage(f)},
		Locations: []sarifLocation{{sarifPhysical{art, region}}},
		Fixes: []sarifFix{{
			Description:     sarifText{fmt.Sprintf("Replace %q with %q", f.Original, f.Replacement)},
			ArtifactChanges: []sarifArtifactChange{{art, []sarifReplacement{{region, sarifText{f.Replacement}}}}},
		}},
	}
}

func (c *ciWriter) writeSarif() error {
	rule := map[string]any{
		"id":               sarifRule,
		"shortDescription": sarifText{"Word probably swapped by a synonym spinner"},
		"helpUri":          "https://github.com/unspin/unspin#readme",
	}
	log := map[string]any{
		"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
		"version": "2.1.0",
		"runs": []any{map[string]any{
			"tool": map[string]any{"driver": map[string]any{
				"name":           "unspin",
				"informationUri": "https://github.com/unspin/unspin",
				"rules":          []any{rule},
			}},
			"results": c.results,
		}},
	}
	b := bufio.NewWriter(c.w)
	enc := json.NewEncoder(b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(log); err != nil {
		return err
	}
	return b.Flush()
}
