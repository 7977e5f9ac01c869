package cli

import (
	"errors"

	"github.com/spf13/cobra"
)

func newFixCmd(s Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "fix",
		Short: "not yet implemented",
		RunE:  func(*cobra.Command, []string) error { return errors.New("fix: not implemented") },
	}
}
