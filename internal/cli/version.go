package cli

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/unspin/unspin/internal/lm"
	"github.com/unspin/unspin/models"
)

// versionText is what --version prints: the module's version as the Go
// toolchain recorded it ("(devel)" for a build from a clone; the tag for
// go install ...@v1.2.3), the commit when the build recorded one, and the
// built-in model's id and source, since the model decides the repairs as
// much as the code does.
func versionText() string {
	version, extra := "(devel)", ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" {
			version = bi.Main.Version
		}
		extra = ", " + bi.GoVersion
		for _, s := range bi.Settings {
			switch {
			case s.Key == "vcs.revision":
				extra = ", commit " + s.Value[:min(12, len(s.Value))] + extra
			case s.Key == "vcs.modified" && s.Value == "true":
				extra = " (modified)" + extra
			}
		}
	}
	model := lm.ID(models.Default())
	if m, err := lm.Default(); err == nil {
		model += ", " + shortSource(m.Info().Source)
	}
	return fmt.Sprintf("unspin %s%s\nbuilt-in model: %s\n", version, extra, model)
}

// shortSource keeps a model's source up to its first parenthesis or comma:
// its name, without the licence and provenance lm info shows.
func shortSource(s string) string {
	if i := strings.IndexAny(s, "(,"); i > 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}
