package casecsv

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

func TestCells(t *testing.T) {
	for in, want := range map[string]string{"=1+1": "'=1+1", "@SUM(A1)": "'@SUM(A1)", "-2": "'-2", "+855": "'+855",
		"김민수": "김민수", "": ""} {
		if got := Cell(in); got != want {
			t.Errorf("Cell(%q) = %q, want %q", in, got, want)
		}
	}
	got := Answers(map[string]string{"passport": "M12345678", flows.CaseRefKey: "KD-7Q3M",
		"address": "ភ្នំពេញ <B>", "name_hangul": "김민수"})
	want := `{"address":"ភ្នំពេញ <B>","name_hangul":"김민수","passport":"******678"}`
	if got != want {
		t.Errorf("Answers = %s, want %s", got, want)
	}
	loc := desk.DefaultLocation()
	created := time.Date(2026, 11, 23, 17, 30, 0, 0, time.UTC)
	id := int64(42)
	row := Row(&desk.Case{Ref: "KD-7Q3M", Type: desk.TypeDistress, Priority: desk.PriorityUrgent,
		Status: desk.StatusClaimed, CreatedAt: created, ReporterLang: "km", ReporterName: "=cmd",
		AssigneeID: &id, LastLocation: &desk.Location{Lat: 10.6, Lon: 103.5}}, map[int64]string{42: "Kim"}, loc)
	wantRow := []string{"KD-7Q3M", "distress", "urgent", "claimed", "2026-11-24 00:30:00", "", "km", "'=cmd",
		"Kim (42)", "", "", "", "10.600000", "103.500000"}
	if diff := cmp.Diff(wantRow, row); diff != "" {
		t.Errorf("Row (-want +got):\n%s", diff)
	}
}
