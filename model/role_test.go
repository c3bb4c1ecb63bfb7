package model

import (
	"errors"
	"testing"
)

func TestPermissions(t *testing.T) {
	tests := []struct {
		role Role
		act  Action
		want bool
	}{
		{RoleTech, ActViewBoard, true},
		{RoleTech, ActScheduleVisit, false},
		{RoleTech, ActCreateTicket, false},
		{RoleTech, ActManageClients, false},
		{RoleTech, ActManageUsers, false},
		{RoleDispatcher, ActScheduleVisit, true},
		{RoleDispatcher, ActCreateTicket, true},
		{RoleDispatcher, ActManageUsers, false},
		{RoleManager, ActScheduleVisit, true},
		{RoleManager, ActManageUsers, false},
		{RoleAdmin, ActManageUsers, true},
		{RoleAdmin, ActScheduleVisit, true},
		{Role("intruder"), ActViewBoard, false},
		{RoleViewer, ActViewWall, true},
		{RoleTech, ActViewWall, true},
		{RoleAdmin, ActViewWall, true},
		{RoleViewer, ActViewBoard, false},
		{RoleViewer, ActRecordVisit, false},
		{RoleViewer, ActTrackTicket, false},
		{Role("intruder"), ActViewWall, false},
	}
	for _, tt := range tests {
		if got := tt.role.Can(tt.act); got != tt.want {
			t.Errorf("%s can %s = %v, want %v", tt.role, tt.act, got, tt.want)
		}
	}
}

func TestForbiddenSaysWhoCan(t *testing.T) {
	err := RoleTech.Check(ActScheduleVisit)
	var f Forbidden
	if !errors.As(err, &f) {
		t.Fatalf("want Forbidden, got %v", err)
	}
	want := "scheduling visits is for dispatchers, managers and admins; you are signed in as tech"
	if err.Error() != want {
		t.Errorf("got %q\nwant %q", err, want)
	}
}

func TestParseRole(t *testing.T) {
	if r, err := ParseRole(" Dispatcher "); err != nil || r != RoleDispatcher {
		t.Errorf("got %v %v", r, err)
	}
	if _, err := ParseRole("boss"); err == nil || err.Error() != `role "boss" is not a role; use admin, manager, dispatcher, tech or viewer` {
		t.Errorf("got %v", err)
	}
}
