// Command denied explains AWS access-denied errors, evaluates IAM policies
// offline across every layer, and checks AWS Backup operations before they
// run.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"

	"github.com/deniedhq/denied/catalog"
	"github.com/deniedhq/denied/internal/cli"
)

func main() {
	// Load the service catalog on the other core while the input is read
	// and parsed: most commands need it, and it takes about 10 ms.
	go catalog.DataVersion()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := cli.Run(ctx, cli.DefaultEnv(), os.Args[1:])
	stop()
	if err != nil && err.Error() != "" {
		fmt.Fprintf(os.Stderr, "denied: %v\n", err)
	}
	os.Exit(cli.ExitCode(err))
}
