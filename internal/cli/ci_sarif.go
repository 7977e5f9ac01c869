package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"path/filepath"
)

// SARIF 2.1.0, the parts GitHub code scanning reads.
type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
	Fixes     []sarifFix      `json:"fixes,omitempty"`
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

// sarifRegion is a finding's place. GitHub requires a start line; a
// finding about a whole file is put on its first, without a byte range.
type sarifRegion struct {
	StartLine  int  `json:"startLine"`
	ByteOffset *int `json:"byteOffset,omitempty"`
	ByteLength *int `json:"byteLength,omitempty"`
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

func (c *ciWriter) sarifResult(f ciFinding) sarifResult {
	art := sarifArtifact{URI: filepath.ToSlash(f.path)}
	region := sarifRegion{StartLine: max(f.line, 1)}
	if f.line > 0 {
		region.ByteOffset, region.ByteLength = &f.offset, &f.length
	}
	level := "warning"
	if f.note {
		level = "note"
	}
	r := sarifResult{
		RuleID: c.rule.id, Level: level, Message: sarifText{f.message},
		Locations: []sarifLocation{{sarifPhysical{art, region}}},
	}
	if f.replace != nil {
		r.Fixes = []sarifFix{{
			Description:     sarifText{fmt.Sprintf("Replace %q with %q", f.original, *f.replace)},
			ArtifactChanges: []sarifArtifactChange{{art, []sarifReplacement{{region, sarifText{*f.replace}}}}},
		}}
	}
	return r
}

func (c *ciWriter) writeSarif() error {
	results := []sarifResult{}
	for _, f := range c.findings {
		results = append(results, c.sarifResult(f))
	}
	rule := map[string]any{
		"id":               c.rule.id,
		"shortDescription": sarifText{c.rule.description},
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
			"results": results,
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
