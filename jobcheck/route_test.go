package jobcheck

import "testing"

// TestGoodsAcrossTheBorder: a driver who carries goods across the border
// has a local transport job; a worker taken across it is routed (rules
// 2026.12.04-102).
func TestGoodsAcrossTheBorder(t *testing.T) {
	c := mustLoad(t)
	runFlagCases(t, c, []flagCase{
		{"km lorry driver", "ត្រូវការអ្នកបើកឡានដឹកទំនិញឆ្លងព្រំដែនវៀតណាម ប្រាក់ខែ 450$ មានកន្លែងស្នាក់នៅ ទាក់ទង Telegram 012 000 111", "indirect_route_third_country", false},
		{"en freight", "Hiring drivers for cross-border freight to Thailand, $500 a month, licence C required.", "indirect_route_third_country", false},
		{"ko cargo", "화물 국경 운송 기사 모집, 태국 노선, 월 250", "indirect_route_third_country", false},
		{"km workers taken across at night", "ត្រូវការកម្មករ ទៅធ្វើការនៅវៀតណាម ឆ្លងព្រំដែនពេលយប់ ក្រុមហ៊ុនចេញថ្លៃ ខែ 1200$ អត់ចេះក៏បាន", "indirect_route_third_country", true},
		{"en workers driven over the border", "Free van from Bangkok, we drive you across the border to the company, $2,000, no experience.", "indirect_route_third_country", true},
	})
}
