//go:build !linux

package threat

import "time"

func threadCPU() (time.Duration, bool) { return 0, false }
