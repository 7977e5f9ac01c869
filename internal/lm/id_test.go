package lm

import (
	"regexp"
	"testing"

	"github.com/unspin/unspin/models"
)

func TestIDOfBuiltInModel(t *testing.T) {
	id := ID(models.Default())
	if !regexp.MustCompile(`^unlm/\d+ crc32c:[0-9a-f]{8}$`).MatchString(id) {
		t.Errorf("ID = %q", id)
	}
	if ID([]byte("not a model")) != "" {
		t.Error("ID of a non-model is not empty")
	}
}
