package cli

import "github.com/spf13/cobra"

// newDiffCmd is "fix -d" under its own name, for the habit of git diff: it
// shows the fixes as a unified diff and changes nothing.
func newDiffCmd(s Streams) *cobra.Command {
	o := &fixOptions{format: "text", diff: true}
	cmd := &cobra.Command{
		Use:   "diff [flags] [PATH...]",
		Short: "Show the fixes as a unified diff (same as fix -d)",
		Long: `Show the fixes unspin would make as a unified diff that git apply and
patch -p1 accept. It is "unspin fix -d": with no path it reads standard input;
directories are walked as by fix. With --suggest the diff also makes the fixes
below --min-confidence.

Exit status: 0 when there is nothing to fix, 1 when the diff is not empty,
2 on usage, input/output or model errors.`,
		RunE: func(_ *cobra.Command, args []string) error { return o.run(s, args) },
	}
	o.addCommonFlags(cmd)
	return cmd
}
