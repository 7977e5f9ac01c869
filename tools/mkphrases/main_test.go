package main

import (
	"testing"

	"github.com/unspin/unspin/internal/tortured"
)

func TestDropPlainWords(t *testing.T) {
	words := map[string]bool{"jumble": true, "forest": true}
	pairs := []tortured.Pair{
		{Spun: "jumble", Originals: []string{"attention deficit hyperactivity disorder"}},
		{Spun: "auupdatedmation", Originals: []string{"automation"}},
		{Spun: "np-difficult", Originals: []string{"np-hard"}},
		{Spun: "irregular woodland", Originals: []string{"random forest"}},
	}
	kept, dropped := dropPlainWords(pairs, words)
	if dropped != 1 || len(kept) != 3 || kept[0].Spun != "auupdatedmation" {
		t.Errorf("kept %v, dropped %d; want all but jumble", kept, dropped)
	}
}
