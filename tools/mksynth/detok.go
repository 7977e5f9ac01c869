package main

import "strings"

// detokenize puts a tokenised sentence's punctuation back against its words
// ("said , \" no evidence \"" -> "said, “no evidence”") so the synthetic text
// looks like the prose the repairer will see, where words carry punctuation
// inside their whitespace-separated tokens.
func detokenize(toks []string) []string {
	var out []string
	glue := false // attach the next token to the previous one
	open := true  // the next straight double quote opens
	for _, t := range toks {
		switch {
		case t == `"` && open:
			open = false
			out = appendToken(out, "“", glue)
			glue = true
			continue
		case t == `"`:
			open = true
			out = appendToken(out, "”", true)
		case attachesLeft(t):
			out = appendToken(out, t, true)
		default:
			out = appendToken(out, t, glue)
		}
		glue = t == "(" || t == "[" || t == "$"
	}
	return out
}

func attachesLeft(t string) bool {
	switch t {
	case ",", ".", ";", ":", "?", "!", ")", "]", "%", "'":
		return true
	}
	return strings.HasPrefix(t, "n't")
}

func appendToken(out []string, t string, glue bool) []string {
	if glue && len(out) > 0 {
		out[len(out)-1] += t
		return out
	}
	return append(out, t)
}
