package cli

import (
	"errors"

	"github.com/spf13/cobra"
)

func newLMCmd(s Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "lm",
		Short: "not yet implemented",
		RunE:  func(*cobra.Command, []string) error { return errors.New("lm: not implemented") },
	}
}
