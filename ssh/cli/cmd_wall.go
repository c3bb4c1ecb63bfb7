package cli

import "errors"

func init() {
	register(command{path: "wall", about: "the live wall display for a tmux pane or a TV (needs a terminal: ssh -t)", run: wallWithoutTerminal})
}

// WallCommand reports whether argv opens the wall display; with a terminal
// the server draws it instead of running a command.
func WallCommand(argv []string) bool { return len(argv) == 1 && argv[0] == "wall" }

// wallWithoutTerminal runs only when there is no terminal to draw on.
func wallWithoutTerminal(c *call) error {
	if err := c.parse(0); err != nil {
		return err
	}
	return errors.New("the wall display needs a terminal to draw on; connect with ssh -t HOST wall (add -p PORT if not 22)")
}
