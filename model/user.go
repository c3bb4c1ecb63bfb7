package model

import "fmt"

// User is someone who may connect. Keys are registered separately; a user may
// have several (laptop, desktop).
type User struct {
	ID    int64
	Name  string
	Role  Role
	Email string // where their invitations go; "" for none
}

// NameLimit bounds names of people, clients and sites.
var nameLimit = 80

// ValidateName checks a person's or company's name after cleaning.
func ValidateName(field, name string) error {
	if name == "" {
		return FieldError{Field: field, Msg: "is empty; give a name"}
	}
	if err := (TextLimit{Field: field, Max: nameLimit}).Check(name); err != nil {
		return err
	}
	return nil
}

// NewUser cleans and validates a user.
func NewUser(name string, role Role) (User, error) {
	u := User{Name: CleanName(name), Role: role}
	var inv Invalid
	inv.Add("name", ValidateName("name", u.Name))
	if _, err := ParseRole(string(role)); err != nil {
		inv.Add("role", err)
	}
	return u, inv.Err()
}

// Actor is who is taking an action and in what capacity. System actions (the
// demo seed, the local admin console) use a named actor with admin rights.
type Actor struct {
	UserID int64
	Name   string
	Role   Role
}

// ActorOf is the actor for a signed-in user.
func ActorOf(u User) Actor { return Actor{UserID: u.ID, Name: u.Name, Role: u.Role} }

// Console is the actor for commands run on the server itself (dispatch user …):
// whoever can run the binary against the database file is the administrator.
var Console = Actor{Name: "console", Role: RoleAdmin}

func (a Actor) String() string {
	if a.UserID == 0 {
		return a.Name
	}
	return fmt.Sprintf("%s (%s)", a.Name, a.Role)
}
