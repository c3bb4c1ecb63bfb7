package cli

import (
	"flag"
	"strings"
	"unicode"
)

// Split turns the command an SSH client sent into words. OpenSSH joins its
// arguments with spaces before sending them, so the quotes a user typed
// locally (--client "Acme Dental") are gone by the time they arrive; quotes
// that do arrive still group words. Unlike a strict shell parser it never
// fails: an unclosed quote is kept as a character, because a title like
// Won't boot must not turn a command into an error.
func Split(raw string) []string {
	var words []string
	var word strings.Builder
	inWord := false
	runes := []rune(raw)
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		switch {
		case unicode.IsSpace(r):
			if inWord {
				words = append(words, word.String())
				word.Reset()
				inWord = false
			}
		case r == '\\' && i+1 < len(runes):
			i++
			word.WriteRune(runes[i])
			inWord = true
		case r == '\'' || r == '"':
			end := closing(runes, i+1, r)
			if end < 0 {
				word.WriteRune(r) // unbalanced: an apostrophe, not a quote
			} else {
				word.WriteString(string(runes[i+1 : end]))
				i = end
			}
			inWord = true
		default:
			word.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		words = append(words, word.String())
	}
	return words
}

func closing(runes []rune, from int, quote rune) int {
	for j := from; j < len(runes); j++ {
		if runes[j] == quote {
			return j
		}
	}
	return -1
}

// regroup puts back together the values OpenSSH split into words: the words
// after a flag that takes a value, up to the next flag the command knows, are
// that flag's value (--tech Sam Okafor), and positional words beyond the
// command's count join its last positional (client new Acme Dental).
func regroup(words []string, fs *flag.FlagSet, positionals int) []string {
	var flags, args, valueless []string
	for i := 0; i < len(words); i++ {
		name, isFlag := flagName(words[i], fs)
		if !isFlag {
			args = append(args, words[i])
			continue
		}
		if strings.Contains(words[i], "=") || isBool(fs, name) || name == "h" || name == "help" {
			flags = append(flags, words[i])
			continue
		}
		j := i + 1
		for j < len(words) {
			if _, next := flagName(words[j], fs); next {
				break
			}
			j++
		}
		if j == i+1 { // no value: last, so it cannot take a positional as one, and the flag package says so
			valueless = append(valueless, words[i])
			continue
		}
		flags = append(flags, "--"+name+"="+strings.Join(words[i+1:j], " "))
		i = j - 1
	}
	if positionals > 0 && len(args) > positionals {
		last := strings.Join(args[positionals-1:], " ")
		args = append(args[:positionals-1], last)
	}
	return append(append(flags, args...), valueless...)
}

// flagName reports whether a word is a flag: any --word (an unknown one is
// left for the flag package to name), or -word when the command has it, so
// a value like -5 degrees stays a value.
func flagName(word string, fs *flag.FlagSet) (string, bool) {
	if len(word) < 2 || word[0] != '-' || word == "--" {
		return "", false
	}
	name := strings.TrimPrefix(strings.TrimPrefix(word, "-"), "-")
	name, _, _ = strings.Cut(name, "=")
	if strings.HasPrefix(word, "--") || name == "h" || name == "help" {
		return name, true
	}
	return name, fs.Lookup(name) != nil
}

func isBool(fs *flag.FlagSet, name string) bool {
	f := fs.Lookup(name)
	if f == nil {
		return false
	}
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}
