package cli

import (
	"fmt"
	"io"
	"strings"

	"dispatch/model"
)

func init() {
	register(
		command{path: "user add", args: "NAME --role ROLE (--key-file PATH | --key \"ssh-ed25519 AAAA…\")", about: "let someone connect (admins)", run: userAdd},
		command{path: "user list", about: "who may connect, with their keys (admins)", run: userList},
		command{path: "user remove", args: "NAME [--reassign-to NAME]", about: "end someone's access and open sessions; their booked visits go to another technician (admins)", run: userRemove},
		command{path: "user role", args: "NAME ROLE", about: "change what someone may do; their open sessions end (admins)", run: userRole},
		command{path: "user key add", args: `NAME (--key-file PATH | --key "ssh-ed25519 AAAA…")`, about: "let someone sign in with one more key (admins)", run: userKeyAdd},
		command{path: "user key remove", args: "NAME FINGERPRINT", about: "stop one of someone's keys signing in: a lost laptop (admins)", run: userKeyRemove},
	)
}

func userAdd(c *call) error {
	role := c.fs.String("role", "", "admin, manager, dispatcher, tech or viewer (the wall display only)")
	keyFile := c.fs.String("key-file", "", "path to their public key (.pub); on the server's own console only")
	keyText := c.fs.String("key", "", `their public key line, like "ssh-ed25519 AAAA… dana@laptop"`)
	if err := c.parse(1); err != nil {
		return err
	}
	who := model.ActorOf(c.env.User)
	if err := who.Role.Check(model.ActManageUsers); err != nil {
		return err
	}
	if err := required(map[string]*string{"role": role}); err != nil {
		return err
	}
	r, err := model.ParseRole(*role)
	if err != nil {
		return err
	}
	key, err := c.keyLine(*keyText, *keyFile)
	if err != nil {
		return err
	}
	u, err := c.env.Door.AddUser(c.ctx, who, c.args[0], r, key)
	if err != nil {
		return err
	}
	return c.print(map[string]any{"name": u.Name, "role": u.Role}, func(w io.Writer) {
		fmt.Fprintf(w, "%s may now connect as %s\n", model.CleanLine(u.Name), u.Role)
	})
}

type userJSON struct {
	Name string   `json:"name"`
	Role string   `json:"role"`
	Keys []string `json:"keys"`
}

func userList(c *call) error {
	if err := c.parse(0); err != nil {
		return err
	}
	cards, err := c.env.Door.Users(c.ctx, model.ActorOf(c.env.User))
	if err != nil {
		return err
	}
	out := []userJSON{}
	var rows [][]string
	for _, u := range cards {
		j := userJSON{Name: u.Name, Role: string(u.Role), Keys: []string{}}
		for _, k := range u.Keys {
			j.Keys = append(j.Keys, k.Fingerprint)
		}
		out = append(out, j)
		keys := strings.Join(j.Keys, ", ")
		if keys == "" {
			keys = "(no key: cannot sign in)"
		}
		rows = append(rows, []string{u.Name, string(u.Role), keys})
	}
	return c.print(out, func(w io.Writer) { table(w, "", []string{"NAME", "ROLE", "KEYS"}, rows) })
}

func userRemove(c *call) error {
	to := c.fs.String("reassign-to", "", "the technician who takes over their booked visits")
	if err := c.parse(1); err != nil {
		return err
	}
	u, err := c.env.Door.RemoveUser(c.ctx, model.ActorOf(c.env.User), c.args[0], *to)
	if err != nil {
		return err
	}
	return c.print(map[string]any{"name": u.Name, "removed": true}, func(w io.Writer) {
		fmt.Fprintf(w, "removed %s; their open sessions end now\n", model.CleanLine(u.Name))
	})
}

// nameAndLast reads NAME LAST where the name may be several words: over
// SSH the quotes around "Ken Walsh" are the local shell's, gone on arrival.
func (c *call) nameAndLast(last string) (string, string, error) {
	if err := c.parseAny(0); err != nil {
		return "", "", err
	}
	if len(c.args) < 2 {
		return "", "", usageError{msg: "give the name and the " + last + ": " + c.cmd.args}
	}
	n := len(c.args)
	return strings.Join(c.args[:n-1], " "), c.args[n-1], nil
}

func userRole(c *call) error {
	name, role, err := c.nameAndLast("role")
	if err != nil {
		return err
	}
	r, err := model.ParseRole(role)
	if err != nil {
		return err
	}
	u, err := c.env.Door.SetRole(c.ctx, c.actor(), name, r)
	if err != nil {
		return err
	}
	return c.print(map[string]any{"name": u.Name, "role": u.Role}, func(w io.Writer) {
		fmt.Fprintf(w, "%s is now a %s; their open sessions end, the next opens as one\n", model.CleanLine(u.Name), u.Role)
	})
}

func userKeyAdd(c *call) error {
	keyFile := c.fs.String("key-file", "", "path to their public key (.pub); on the server's own console only")
	keyText := c.fs.String("key", "", `their public key line, like "ssh-ed25519 AAAA… dana@laptop"`)
	if err := c.parse(1); err != nil {
		return err
	}
	key, err := c.keyLine(*keyText, *keyFile)
	if err != nil {
		return err
	}
	k, err := c.env.Door.AddKey(c.ctx, c.actor(), c.args[0], key)
	if err != nil {
		return err
	}
	return c.print(map[string]any{"name": c.args[0], "key": k.Fingerprint}, func(w io.Writer) {
		fmt.Fprintf(w, "%s may now sign in with %s too\n", model.CleanLine(c.args[0]), k.Fingerprint)
	})
}

func userKeyRemove(c *call) error {
	name, fingerprint, err := c.nameAndLast("fingerprint")
	if err != nil {
		return err
	}
	if err := c.env.Door.RemoveKey(c.ctx, c.actor(), name, fingerprint); err != nil {
		return err
	}
	return c.print(map[string]any{"name": name, "removed_key": fingerprint}, func(w io.Writer) {
		fmt.Fprintf(w, "%s no longer signs in with %s\n", model.CleanLine(name), model.CleanLine(fingerprint))
	})
}

// keyLine is the public key given with --key, or read from --key-file on
// the server's own console.
func (c *call) keyLine(text, file string) (string, error) {
	switch {
	case file != "" && text != "":
		return "", usageError{msg: "give --key-file or --key, not both"}
	case file != "":
		if c.env.ReadFile == nil {
			return "", usageError{msg: "--key-file reads the server's disk and works only on its console; over SSH pass --key \"$(cat KEY.pub)\""}
		}
		b, err := c.env.ReadFile(file)
		if err != nil {
			return "", fmt.Errorf("read key file: %w", err)
		}
		return strings.TrimSpace(string(b)), nil
	case text == "":
		return "", usageError{msg: "missing --key-file or --key: a user signs in with their SSH key"}
	}
	return strings.TrimSpace(text), nil
}
