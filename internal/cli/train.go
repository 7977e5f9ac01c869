package cli

import (
	"errors"

	"github.com/spf13/cobra"
)

func newTrainCmd(s Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "train",
		Short: "not yet implemented",
		RunE:  func(*cobra.Command, []string) error { return errors.New("train: not implemented") },
	}
}
