package tortured

import "strings"

// Lookup returns the originals of spun (lowercase words, single spaces)
// that lookup finds, trying the phrase as written and then its last word
// uninflected, a plural ("irregular woodlands") or a possessive
// ("counterfeit consciousness's"): the list holds base forms only, and the
// original then gets the same ending ("random forests"). key is the
// listed form that matched.
func Lookup(spun string, lookup func(string) []string) (origs []string, key string) {
	if o := lookup(spun); len(o) > 0 {
		return o, spun
	}
	for _, e := range endings {
		if !strings.HasSuffix(spun, e.suffix) || len(spun) <= len(e.suffix)+2 {
			continue
		}
		base := spun[:len(spun)-len(e.suffix)] + e.base
		o := lookup(base)
		if len(o) == 0 {
			continue
		}
		out := make([]string, len(o))
		for i, orig := range o {
			out[i] = e.apply(orig)
		}
		return out, base
	}
	return nil, ""
}

type ending struct {
	suffix, base string
	apply        func(string) string
}

var endings = []ending{
	{"'s", "", func(o string) string { return o + "'s" }},
	{"s'", "", func(o string) string { return plural(o) + "'" }},
	{"ies", "y", plural},
	{"es", "", plural},
	{"s", "", plural},
}

// plural gives a phrase's last word the regular English plural ending.
func plural(phrase string) string {
	switch {
	case strings.HasSuffix(phrase, "s"), strings.HasSuffix(phrase, "x"), strings.HasSuffix(phrase, "z"),
		strings.HasSuffix(phrase, "ch"), strings.HasSuffix(phrase, "sh"):
		return phrase + "es"
	case strings.HasSuffix(phrase, "y") && len(phrase) > 1 && !strings.ContainsRune("aeiou", rune(phrase[len(phrase)-2])):
		return phrase[:len(phrase)-1] + "ies"
	}
	return phrase + "s"
}
