package model

import (
	"strings"
	"unicode"
)

// Limits on a search: enough words to find any ticket, few enough that a
// paste of a whole email does not make a query of it.
const (
	searchMaxWords = 8
	searchMaxWord  = 40
)

// SearchMatch turns what a user typed into a full-text query: the words
// they typed (letters and digits; everything else separates words), each a
// prefix, all of them required. Nothing typed is ever read as query syntax,
// so a quote, a star or an AND is just a word or a gap, never an error or
// an injection. "T-1042" finds the ticket by its number.
func SearchMatch(typed string) (string, error) {
	words := strings.FieldsFunc(CleanLine(typed), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	var terms []string
	for _, w := range words {
		if len([]rune(w)) == 1 && len(words) > 1 { // "T" of T-1042, "a": noise beside other words
			continue
		}
		if r := []rune(w); len(r) > searchMaxWord {
			w = string(r[:searchMaxWord])
		}
		terms = append(terms, `"`+w+`"*`)
		if len(terms) == searchMaxWords {
			break
		}
	}
	if len(terms) == 0 {
		return "", FieldError{Field: "search", Msg: "has no words to look for; type part of a title, a client, a name or a ticket number"}
	}
	return strings.Join(terms, " "), nil
}
