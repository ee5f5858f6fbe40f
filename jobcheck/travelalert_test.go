package jobcheck

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTravelAlerts(t *testing.T) {
	tests := []struct {
		name, in string
		want     []TravelAlert
	}{
		{"Korean ban", "캄보디아 포이펫 카지노 고객상담, 월 500만원", []TravelAlert{AlertBan}},
		{"Bokor", "보코산 리조트 근무, 숙식 제공", []TravelAlert{AlertBan}},
		{"Latin, spaced", "Customer service in BAVET, flight paid", []TravelAlert{AlertBan}},
		{"Khmer", "ការងារនៅប៉ោយប៉ែត ប្រាក់ខែខ្ពស់", []TravelAlert{AlertBan}},
		{"leave", "시아누크빌 마케팅 직원 모집", []TravelAlert{AlertLeave}},
		{"leave, split", "Sihanouk-ville office", []TravelAlert{AlertLeave}},
		{"leave, Khmer", "ក្រុងព្រះសីហនុ", []TravelAlert{AlertLeave}},
		{"both, ban first", "Sihanoukville first, then Poipet", []TravelAlert{AlertBan, AlertLeave}},
		{"Phnom Penh", "프놈펜 한식당 주방 보조", nil},
		{"nothing", "서울 강남 사무 보조", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, TravelAlerts(tt.in)); diff != "" {
				t.Errorf("TravelAlerts(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}
