package bot_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/koreandesk/hotline/bot/bottest"
	"github.com/koreandesk/hotline/desk"
)

// familyInputs are one inquiry's answers, in the order asked; "" skips.
type familyInputs struct {
	relationship, name, latin, birth, passport, lastContact, place, situation, phone, consent string
}

// family runs a whole family inquiry and returns its case, waiting for
// each question on the way (the words are in the reporter's language).
func (h *harness) family(u bottest.User, in familyInputs, asks []string) *desk.Case {
	h.t.Helper()
	h.step(u, func() { h.api.SendText(u, "/family") }, asks[0])
	h.waitButton(u, "family:relationship:parent")
	h.step(u, func() { h.tap(u, "family:relationship:"+in.relationship) }, asks[1])
	n := len(h.api.BotMessages(u.ID))
	h.api.SendText(u, in.name)
	h.waitButtons(u, "family:skip:name_latin", 1)
	h.until(u.ID, n, "KD-")
	answer := func(state, text string) {
		h.t.Helper()
		n := len(h.api.BotMessages(u.ID))
		if text == "" {
			h.tap(u, "family:skip:"+state)
		} else {
			h.api.SendText(u, text)
		}
		if err := h.api.WaitFor(func() bool { return len(h.api.BotMessages(u.ID)) > n }, wait); err != nil {
			h.t.Fatalf("no answer to %s %q", state, text)
		}
	}
	answer("name_latin", in.latin)
	h.waitButton(u, "family:skip:birth_date")
	answer("birth_date", in.birth)
	h.waitButton(u, "family:skip:passport")
	answer("passport", in.passport)
	h.waitButton(u, "family:skip:last_contact")
	answer("last_contact", in.lastContact)
	h.waitButton(u, "family:skip:last_place")
	answer("last_place", in.place)
	h.waitButton(u, "family:situation:police")
	h.tap(u, "family:situation:"+in.situation)
	h.waitButton(u, "family:skip:photo")
	h.api.SendPhoto(u, "recent photo")
	h.waitButton(u, "family:skip:phone")
	answer("phone", in.phone)
	h.waitButton(u, "family:consent:yes")
	c := h.caseOf(u.ID)
	h.step(u, func() { h.tap(u, "family:consent:"+in.consent) }, string(c.Ref))
	return h.caseOf(u.ID)
}

func TestFamilyWholeFlowInEachLanguage(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	tests := []struct {
		lang   string
		birth  string
		asks   []string
		thanks string
	}{
		{"ko", "1995년 3월 7일", []string{"어떤 관계", "이름은"}, "데스크에 전달된 내용"},
		{"km", "៧ មីនា ១៩៩៥", []string{"ជាអ្វីនឹងអ្នក", "ឈ្មោះអ្វី"}, "នេះជាអ្វីដែល Korean Desk មាន"},
		{"en", "7/3/1995", []string{"Who is the person to you", "What is their name"}, "This is what the desk has"},
	}
	for i, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			u := bottest.User{ID: int64(9700 + i), FirstName: "Family " + tt.lang, LanguageCode: tt.lang}
			c := h.family(u, familyInputs{relationship: "parent", name: "박서준" + tt.lang, latin: "PARK SEOJUN " + tt.lang,
				birth: tt.birth, passport: "m1234 5678", lastContact: "2025-12-20", place: "Sihanoukville",
				situation: "compound", phone: "010-9876-5432", consent: "yes"}, tt.asks)
			h.until(u.ID, 0, tt.thanks)
			for k, want := range map[string]string{"relationship": "parent", "relative_name": "박서준" + tt.lang,
				"birth_date": "1995-03-07", "passport_number": "M*****678", "last_contact": "2025-12-20",
				"last_place": "Sihanoukville", "situation": "compound", "callback_phone": "+82******5432", "consent_share": "yes"} {
				if c.Answers[k] != want {
					t.Errorf("answer %s = %q, want %q", k, c.Answers[k], want)
				}
			}
			if c.Type != desk.TypeFamily || c.Priority != desk.PriorityNormal || c.ConsentShare == nil || !*c.ConsentShare {
				t.Errorf("case = %s/%s consent %v", c.Type, c.Priority, c.ConsentShare)
			}
			if n := h.count(`SELECT count(*) FROM cases WHERE answers::text LIKE '%12345678%' OR search LIKE '%12345678%'`); n != 0 {
				t.Errorf("%d case rows hold the clear passport number", n)
			}
			if n := h.count(`SELECT count(*) FROM case_passports WHERE case_id = $1 AND position('M12345678' in encode(sealed, 'escape')) = 0`, c.ID); n != 1 {
				t.Error("the passport number is not sealed apart")
			}
			if n := h.count(`SELECT count(*) FROM chats WHERE chat_id = $1 AND answers::text LIKE '%12345678%'`, u.ID); n != 0 {
				t.Error("the stored session holds the clear passport number")
			}
			if n := h.count(`SELECT count(*) FROM case_events WHERE case_id = $1 AND kind = 'attachment'`, c.ID); n != 1 {
				t.Errorf("attachments = %d, want the photo", n)
			}
			// The desk group had the least; /case shows the inquiry in private.
			done := h.step(officer, func() { h.api.SendText(officer, "/case "+string(c.Ref)) }, string(c.Ref))
			contains(t, done.Text, "+82******5432") // an agent sees the numbers of their own cases only
			if n := h.count(`SELECT count(*) FROM cases WHERE id = $1 AND answers::text LIKE '%98765432%'`, c.ID); n != 0 {
				t.Error("the case's answers hold the clear callback number")
			}
			if n := h.count(`SELECT count(*) FROM chats WHERE chat_id = $1 AND answers::text LIKE '%98765432%'`, u.ID); n != 0 {
				t.Error("the stored session holds the clear callback number")
			}
			h.step(officer, func() { h.api.SendText(officer, "/claim "+string(c.Ref)) }, string(c.Ref))
			done = h.step(officer, func() { h.api.SendText(officer, "/case "+string(c.Ref)) }, "+821098765432")
			contains(t, done.Text, "다른 기관(대사관, 출입국, 다른 경찰 부서) 전달 동의: 예")
			// Staff reply in the family's language; /status lists the case.
			n := len(h.api.BotMessages(u.ID))
			h.api.SendText(officer, "/reply "+string(c.Ref)+" 확인 중입니다")
			h.until(u.ID, n, "확인 중입니다")
			h.step(u, func() { h.api.SendText(u, "/status") }, string(c.Ref))
		})
	}
	// Nothing but /case shows the passport number.
	for _, m := range h.api.BotMessages(deskGroup) {
		if strings.Contains(m.Text, "12345678") {
			t.Errorf("an alert shows the passport number: %q", m.Text)
		}
	}
	q := h.step(officer, func() { h.api.SendText(officer, "/queue all") }, "KD-")
	if strings.Contains(q.Text, "12345678") {
		t.Errorf("/queue shows the passport number: %q", q.Text)
	}
	c := h.caseOf(9702)
	// The number is stored encrypted, yet /find still finds it (by keyed
	// hash), and the result line does not show it.
	found := h.step(officer, func() { h.api.SendText(officer, "/find m1234 5678") }, string(c.Ref))
	if strings.Contains(found.Text, "12345678") {
		t.Errorf("/find shows the passport number: %q", found.Text)
	}
	view := h.step(officer, func() { h.api.SendText(officer, "/case "+string(c.Ref)) }, "M12345678")
	contains(t, view.Text, "전달 동의: 예")
	h.api.SendText(supervisor, "/export")
	var doc bottest.Message
	if err := h.api.WaitFor(func() bool {
		for _, m := range h.api.BotMessages(supervisor.ID) {
			if m.Kind == bottest.KindDocument && m.File != nil {
				doc = m
				return true
			}
		}
		return false
	}, wait); err != nil {
		t.Fatal("no export")
	}
	if bytes.Contains(doc.File.Content, []byte("12345678")) || !bytes.Contains(doc.File.Content, []byte("678")) {
		t.Error("the export holds the full passport number, or no masked one")
	}
	if n := len(readCSV(t, doc.File.Content)); n != 4 {
		t.Errorf("export rows = %d, want a header and 3 inquiries", n)
	}
}

func TestFamilyRefusesBadAnswersAndKeepsNoConsent(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	u := bottest.User{ID: 9710, FirstName: "Mother", LanguageCode: "en"}
	h.step(u, func() { h.api.SendText(u, "/start family") }, "Who is the person to you")
	h.waitButton(u, "family:relationship:parent")
	h.step(u, func() { h.tap(u, "family:relationship:child") }, "What is their name")
	h.step(u, func() { h.api.SendText(u, "최유나") }, "Case number")
	h.waitButton(u, "family:skip:name_latin")
	h.tap(u, "family:skip:name_latin")
	h.waitButton(u, "family:skip:birth_date")
	h.step(u, func() { h.api.SendText(u, "1995-02-30") }, "That date does not exist")
	h.step(u, func() { h.api.SendText(u, "2099-01-01") }, "in the future")
	h.step(u, func() { h.api.SendText(u, "950307") }, "passport number")
	h.step(u, func() { h.api.SendText(u, "X12") }, "does not look like a passport number")
	c := h.caseOf(u.ID)
	if c.Answers["birth_date"] != "1995-03-07" || c.Answers["passport_number"] != "" {
		t.Errorf("answers = %v", c.Answers)
	}
	h.tap(u, "family:skip:passport")
	for _, s := range []string{"last_contact", "last_place", "situation", "photo"} {
		h.waitButton(u, "family:skip:"+s)
		h.tap(u, "family:skip:"+s)
	}
	h.waitButton(u, "family:skip:phone")
	h.step(u, func() { h.api.SendText(u, "031-123-4567") }, "country code")
	h.step(u, func() { h.api.SendText(u, "+855 12 345 678") }, "pass it to other agencies")
	h.step(u, func() { h.tap(u, "family:consent:no") }, "will not pass your inquiry")
	c = h.caseOf(u.ID)
	if c.ConsentShare == nil || *c.ConsentShare || c.Answers["consent_share"] != "no" || c.Answers["callback_phone"] != "+85*****5678" {
		t.Errorf("case consent %v, answers %v", c.ConsentShare, c.Answers)
	}
	// The callback number is sealed, found by /find however it is
	// written, and shown in full to the officer who takes the case.
	var sealed []byte
	if err := h.db.Get(&sealed, `SELECT sealed FROM case_phones WHERE case_id = $1 AND field = 'callback_phone'`, c.ID); err != nil {
		t.Fatal(err)
	}
	if n, err := h.sealer.OpenAs(desk.KindPhone, sealed); err != nil || n != "+85512345678" {
		t.Errorf("sealed callback number opens to %q, %v", n, err)
	}
	contains(t, h.step(officer, func() { h.api.SendText(officer, "/find 012 345 678") }, "🔎").Text, string(c.Ref))
	h.step(officer, func() { h.api.SendText(officer, "/claim "+string(c.Ref)) }, string(c.Ref))
	contains(t, h.step(officer, func() { h.api.SendText(officer, "/case "+string(c.Ref)) }, "+85512345678").Text, string(c.Ref))
	contains(t, h.step(officer, func() { h.api.SendText(officer, "/case "+string(c.Ref)) }, string(c.Ref)).Text, "다른 기관 전달 동의 없음")
}

// A family inquiry names a relative who later asks for help: the distress
// alert shows the inquiry, and /case shows each to the other. And the
// reverse: a report first, then the inquiry.
func TestFamilyMatchesDistressBothWays(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	mother := bottest.User{ID: 9720, FirstName: "Mother", LanguageCode: "ko"}
	asks := []string{"어떤 관계", "이름은"}
	inquiry := h.family(mother, familyInputs{relationship: "child", name: "김민수", latin: "KIM MIN-SU", birth: "1995-03-07",
		passport: "M123A4567", consent: "yes", situation: "missing"}, asks)

	son := bottest.User{ID: 9721, FirstName: "Kim", LastName: "Minsu", LanguageCode: "ko"}
	n := len(h.api.BotMessages(officer.ID))
	h.step(son, func() { h.api.SendText(son, "/sos") }, "접수번호")
	report := h.caseOf(son.ID)
	alert := h.until(officer.ID, n, "새 사건 "+string(report.Ref))
	contains(t, alert.Text, "일치 가능성: "+string(inquiry.Ref))
	contains(t, alert.Text, "이름 같음")
	// An agent sees the passport number in full once the case is theirs.
	masked := h.step(officer, func() { h.api.SendText(officer, "/case "+string(inquiry.Ref)) }, "M*****567")
	contains(t, masked.Text, "전체 번호는 담당자와 감독관만")
	h.step(officer, func() { h.api.SendText(officer, "/claim "+string(inquiry.Ref)) }, string(inquiry.Ref))
	view := h.step(officer, func() { h.api.SendText(officer, "/case "+string(inquiry.Ref)) }, "M123A4567")
	contains(t, view.Text, "일치 가능성: "+string(report.Ref))
	for _, m := range h.api.BotMessages(son.ID) {
		if strings.Contains(m.Text, string(inquiry.Ref)) {
			t.Errorf("the reporter was shown the family inquiry: %q", m.Text)
		}
	}

	// The reverse: a report from Lee Jieun, then her father's inquiry.
	daughter := bottest.User{ID: 9722, FirstName: "Lee", LastName: "Ji-eun", LanguageCode: "en"}
	h.step(daughter, func() { h.api.SendText(daughter, "/sos") }, "Case number")
	first := h.caseOf(daughter.ID)
	father := bottest.User{ID: 9723, FirstName: "Father", LanguageCode: "ko"}
	later := h.family(father, familyInputs{relationship: "child", name: "이지은", latin: "LEE JIEUN", consent: "no", situation: "police"}, asks)
	done := h.step(officer, func() { h.api.SendText(officer, "/case "+string(later.Ref)) }, string(later.Ref))
	contains(t, done.Text, "일치 가능성: "+string(first.Ref))
	view = h.step(officer, func() { h.api.SendText(officer, "/case "+string(first.Ref)) }, string(first.Ref))
	contains(t, view.Text, "일치 가능성: "+string(later.Ref))
	// Two inquiries with the same passport match by its hash alone.
	aunt := bottest.User{ID: 9724, FirstName: "Aunt", LanguageCode: "ko"}
	third := h.family(aunt, familyInputs{relationship: "other", name: "김 민 수 씨", passport: "m 123 a 4567", consent: "yes", situation: "missing"}, asks)
	view = h.step(officer, func() { h.api.SendText(officer, "/case "+string(third.Ref)) }, "여권번호 같음")
	contains(t, view.Text, string(inquiry.Ref))
}

// A Cambodian family asks in Khmer about a Cambodian relative: a name in
// Khmer script and a Cambodian passport number are taken, the warning
// about ransom demands comes with the case number, and /find finds the
// sealed number.
func TestFamilyInKhmerForACambodianRelative(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	u := bottest.User{ID: 9730, FirstName: "Bong", LanguageCode: "km"}
	asks := []string{"ជាអ្វីនឹងអ្នក", "ឈ្មោះអ្វី"}
	c := h.family(u, familyInputs{relationship: "sibling", name: "សុខ ដារា", latin: "SOK DARA", passport: "N0123 4567",
		place: "ប៉ោយប៉ែត", situation: "compound", phone: "012 345 678", consent: "yes"}, asks)
	if c.Answers["relative_name"] != "សុខ ដារា" || c.Answers["passport_number"] != "N*****567" {
		t.Errorf("answers = %v", c.Answers)
	}
	opened := h.until(u.ID, 0, "លេខករណី៖ "+string(c.Ref))
	contains(t, opened.Text, "មិនដែលសុំប្រាក់")
	if n := h.count(`SELECT count(*) FROM case_passports WHERE case_id = $1`, c.ID); n != 1 {
		t.Errorf("sealed passports = %d, want 1", n)
	}
	found := h.step(officer, func() { h.api.SendText(officer, "/find n01234567") }, string(c.Ref))
	if strings.Contains(found.Text, "01234567") {
		t.Errorf("/find shows the passport number: %q", found.Text)
	}
}

// A reporter's inquiry about another relative is a case of its own; one
// about the same relative again (however spaced or written in capitals)
// adds to the first inquiry's case.
func TestFamilyInquiryPerRelative(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	mother := bottest.User{ID: 9730, FirstName: "Mother", LanguageCode: "en"}
	inquiries := 0
	inquire := func(name string) string {
		t.Helper()
		inquiries++
		h.step(mother, func() { h.api.SendText(mother, "/family") }, "Who is the person to you")
		h.waitButtons(mother, "family:relationship:child", inquiries)
		h.step(mother, func() { h.tap(mother, "family:relationship:child") }, "What is their name")
		opened := h.step(mother, func() { h.api.SendText(mother, name) }, "Case number: KD-")
		h.step(mother, func() { h.api.SendText(mother, "/cancel") }, "What you already sent stays on your case")
		var ref string
		if err := h.db.Get(&ref, `SELECT ref FROM cases WHERE reporter_chat_id = $1 AND answers->>'relative_name' = $2`,
			mother.ID, name); err != nil {
			t.Fatalf("no case names %q: %v", name, err)
		}
		contains(t, opened.Text, ref)
		return ref
	}
	family := func() int {
		return h.count(`SELECT count(*) FROM cases WHERE reporter_chat_id = $1 AND type = 'family'`, mother.ID)
	}

	son := inquire("Park Seojun")
	daughter := inquire("Park Jiwoo")
	if son == daughter {
		t.Fatalf("the inquiry about another relative went into %s, the first inquiry's case", son)
	}
	if n := family(); n != 2 {
		t.Errorf("%d family cases after inquiries about two relatives, want 2", n)
	}
	if again := inquire("park  SEOJUN"); again != son {
		t.Errorf("the second inquiry about the son opened %s, want it added to %s", again, son)
	}
	if n := family(); n != 2 {
		t.Errorf("%d family cases after a second inquiry about the same son, want 2", n)
	}
}
