package cli

import (
	"errors"

	"github.com/spf13/cobra"
)

func newEvalCmd(s Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "eval",
		Short: "not yet implemented",
		RunE:  func(*cobra.Command, []string) error { return errors.New("eval: not implemented") },
	}
}
