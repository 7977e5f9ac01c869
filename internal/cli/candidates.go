package cli

import (
	"errors"

	"github.com/spf13/cobra"
)

func newCandidatesCmd(s Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "candidates",
		Short: "not yet implemented",
		RunE:  func(*cobra.Command, []string) error { return errors.New("candidates: not implemented") },
	}
}
