package cli

import (
	"errors"

	"github.com/spf13/cobra"
)

func newDiffCmd(s Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "diff",
		Short: "not yet implemented",
		RunE:  func(*cobra.Command, []string) error { return errors.New("diff: not implemented") },
	}
}
