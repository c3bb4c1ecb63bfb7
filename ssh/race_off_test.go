//go:build !race

package ssh

// raceEnabled: the race detector is on, and slows drawing severalfold.
const raceEnabled = false
