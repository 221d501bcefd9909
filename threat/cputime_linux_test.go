package threat

import (
	"syscall"
	"time"
)

// threadCPU returns the CPU time used so far by the calling OS thread, so
// benchmarks can report CPU ns/op next to wall-clock ns/op on a shared,
// overloaded machine. The caller must hold its OS thread (runtime.LockOSThread).
func threadCPU() (time.Duration, bool) {
	var r syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_THREAD, &r); err != nil {
		return 0, false
	}
	return time.Duration(r.Utime.Nano() + r.Stime.Nano()), true
}
