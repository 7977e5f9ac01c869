package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"
)

type configOptions struct {
	repair repairOptions
	dump   bool
}

func newConfigCmd(s Streams) *cobra.Command {
	o := &configOptions{}
	cmd := &cobra.Command{
		Use:   "config --dump [PATH]",
		Short: "Show the effective configuration",
		Long: `config --dump prints, as TOML, the configuration that applies to PATH (a file
or directory; default the working directory): the nearest .unspin.toml above
it, or the file --config names, with the defaults filled in and the flags given
on top. Keys of .unspin.toml:

  min_confidence = 0.8        # apply a fix from this confidence on
  model = "news.bin"          # language model file; "" is the built-in one
  candidates = 30             # candidate originals per word (K)
  dictionaries = ["x.txt"]    # extra "spun -> original" tables, one pair a line
  allow = ".unspin-allow.txt" # words and pairs never changed
  deny = ".unspin-deny.txt"   # pairs always changed (words: proposals always applied)
  exclude = ["*.min.md", "vendor", "drafts/*.txt"]

Relative paths are relative to the file's directory; the lists default to the
names above beside the .unspin.toml, or in the working directory when there is
none. An unknown key is an error naming the file and line.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error { return o.run(s, args) },
	}
	cmd.Flags().BoolVar(&o.dump, "dump", false, "print the effective configuration")
	o.repair.addFlags(cmd.Flags())
	return cmd
}

func (o *configOptions) run(s Streams, args []string) error {
	if !o.dump {
		return usageError{errors.New("config needs --dump")}
	}
	path := ""
	if len(args) == 1 {
		path = args[0]
	}
	cfg, err := newResolver(&o.repair).configFor(path)
	if err != nil {
		return err
	}
	if err := o.repair.effective(cfg).Dump(s.Out, cfg.Path); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	return nil
}
