// Command habla checks and localizes Spanish text for a regional variety.
package main

import "os"

func main() { os.Exit(run(os.Args[1:], stdStreams())) }
