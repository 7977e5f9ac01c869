// Command unspin repairs synonym-spun English text.
package main

import (
	"os"

	"github.com/unspin/unspin/internal/cli"
)

func main() { os.Exit(cli.Main()) }
