package bcp

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/measures"
)

// Actors kumiyama's obligations name.
var (
	kChief    = council.ByRole(council.SecurityChief)
	kAdmin    = council.ByRole(council.SystemAdministrator)
	kIPM      = council.ByRole(council.InfoProtectionManager)
	kOperator = council.ByRole(council.Operator)
	kStaff    = council.ByRole(council.Staff)
	kContract = council.ByParty(council.Contractor)
)

// kumiyamaObligation returns the obligation of kumiyama's reference plan
// with the given key.
func kumiyamaObligation(t *testing.T, key string) measures.Obligation {
	t.Helper()
	p := Kumiyama()
	if p.Measures == nil {
		t.Fatal("kumiyama has no measures")
	}
	for _, o := range p.Measures.Obligations {
		if o.Key == key {
			return o
		}
	}
	t.Fatalf("kumiyama states no obligation %q", key)
	return measures.Obligation{}
}

// want is what an article says of one obligation: who is bound, towards
// whom, the words the task (and when, on) must hold, whether it is only a
// power, and the clauses.
type want struct {
	key      string
	by, to   []council.Actor
	who      string
	task     []string
	when, on string
	may      bool
	cites    []string
}

func checkObligations(t *testing.T, ws ...want) {
	t.Helper()
	for _, w := range ws {
		t.Run("kumiyama:"+w.cites[0]+"/"+w.key, func(t *testing.T) {
			o := kumiyamaObligation(t, w.key)
			if diff := cmp.Diff(w.by, o.By); diff != "" {
				t.Errorf("by (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(w.to, o.To); diff != "" {
				t.Errorf("to (-want +got):\n%s", diff)
			}
			if o.Who != w.who {
				t.Errorf("who = %q, want %q", o.Who, w.who)
			}
			for _, s := range w.task {
				if !strings.Contains(o.Task, s) {
					t.Errorf("task %q does not say %q", o.Task, s)
				}
			}
			if o.When != w.when || o.On != w.on || o.May != w.may {
				t.Errorf("when, on, may = %q, %q, %v; want %q, %q, %v", o.When, o.On, o.May, w.when, w.on, w.may)
			}
			var got []string
			for _, c := range o.Citations.All() {
				got = append(got, c.Clause())
			}
			if diff := cmp.Diff(w.cites, got); diff != "" {
				t.Errorf("citations (-want +got):\n%s", diff)
			}
			if err := o.Validate(council.PlanKumiyama); err != nil {
				t.Error(err)
			}
		})
	}
}

// 第7条: セキュリティ統括責任者は、セキュリティ会議の結果を踏まえ、関係所属の長に
// 対して指示し、又は行政委員会に対して必要な措置を要請することができる。
// A power (できる) of the chief, after the council.
func TestKumiyama第7条CouncilInstructions(t *testing.T) {
	checkObligations(t, want{key: "council-instructions", by: []council.Actor{kChief},
		task: []string{"関係所属の長に対して指示し", "行政委員会に対して必要な措置を要請する"},
		on:   "セキュリティ会議の結果を踏まえ", may: true, cites: []string{"第7条"}})
}

// 第8条: システム管理者は…定期又は必要に応じて、内部監査を受ける (1項); 監査を
// 行った者は、監査報告書を作成し、セキュリティ統括責任者に報告を行う…改善勧告を
// 行う (2項); システム管理者は、監査報告書の結果を受けて、必要に応じ改善計画書を
// 作成する (3項).
func TestKumiyama第8条Audit(t *testing.T) {
	checkObligations(t,
		want{key: "internal-audit", by: []council.Actor{kAdmin}, task: []string{"内部監査を受ける"},
			when: "定期又は必要に応じて", cites: []string{"第8条1項"}},
		want{key: "audit-report", who: "監査を行った者", to: []council.Actor{kChief},
			task:  []string{"監査報告書を作成し", "セキュリティ統括責任者に報告", "改善勧告"},
			cites: []string{"第8条2項"}},
		want{key: "improvement-plan", by: []council.Actor{kAdmin}, task: []string{"改善計画書を作成する"},
			when: "必要に応じ", on: "監査報告書の結果を受けて", cites: []string{"第8条3項"}})
	// The audit policy itself is an item of the council's agenda (第6条3項3号).
	p := Kumiyama()
	ag, err := p.Organization.Agenda(council.Cite(council.PlanKumiyama, "第6条3項"))
	if err != nil || !slices.ContainsFunc(ag.Items, func(it council.Item) bool { return it.Key == "audit-policy" }) {
		t.Errorf("the council's agenda has no audit policy (第6条3項3号): %v", err)
	}
}

// 第9条: システム管理者及び情報保護管理者は、住基ネットに携わる職員に対して、
// 住基ネットの操作及びセキュリティ対策に関する教育・研修を行う (1項); …対象者、
// 内容、実施時期等を盛り込んだ計画書の作成を行う (2項).
func TestKumiyama第9条Training(t *testing.T) {
	checkObligations(t,
		want{key: "training", by: []council.Actor{kAdmin, kIPM}, to: []council.Actor{kStaff, kOperator},
			task: []string{"住基ネットに携わる職員", "操作及びセキュリティ対策に関する教育・研修を行う"}, cites: []string{"第9条1項"}},
		want{key: "training-plan", by: []council.Actor{kAdmin, kIPM},
			task: []string{"対象者、内容、実施時期等", "計画書の作成"}, cites: []string{"第9条2項"}})
}

// 第14条: セキュリティ統括責任者は、適切な入退室管理が行われているかどうか、
// システム管理者及び情報保護管理者から報告を聴取し、調査を行い、必要な指示を行う.
func TestKumiyama第14条EntryControlOversight(t *testing.T) {
	checkObligations(t, want{key: "entry-control-oversight", by: []council.Actor{kChief}, to: []council.Actor{kAdmin, kIPM},
		task: []string{"適切な入退室管理", "報告を聴取し", "調査を行い", "必要な指示を行う"}, cites: []string{"第14条"}})
	// Both report to the chief in the chain (the system administrator by
	// 第6条5項 too; the information protection manager by 第14条).
	p := Kumiyama()
	for _, r := range []council.Role{council.SystemAdministrator, council.InfoProtectionManager} {
		if _, err := p.Organization.Chain.PathToChief(r); err != nil {
			t.Errorf("%v does not reach the chief: %v", r, err)
		}
	}
}

// 第15条: CS、業務端末、住民基本台帳カード発行端末 のアクセス管理は、操作者用IC
// カード、パスワード及びオペレーティングシステムにより…操作履歴を記録することに
// より行う. 第16条 (table): CS — システム管理者 for every column; 業務端末 and
// 住民基本台帳カード発行端末 — 情報保護管理者 for 操作者用ICカード及びパスワード,
// システム管理者 for オペレーティングシステム, 操作履歴 and 通信履歴 (同左).
func TestKumiyama第15条第16条AccessControl(t *testing.T) {
	checkObligations(t,
		want{key: "access-cs", by: []council.Actor{kAdmin},
			task:  []string{"CS", "操作者用ICカード及びパスワード", "オペレーティングシステム", "操作履歴", "通信履歴"},
			cites: []string{"第15条1項1号", "第15条2項", "第16条"}},
		want{key: "access-terminal-cards", by: []council.Actor{kIPM}, task: []string{"業務端末", "操作者用ICカード及びパスワード"},
			cites: []string{"第15条1項2号", "第15条2項", "第16条"}},
		want{key: "access-terminal-system", by: []council.Actor{kAdmin},
			task:  []string{"業務端末", "オペレーティングシステム", "操作履歴", "通信履歴"},
			cites: []string{"第15条1項2号", "第15条2項", "第16条"}},
		want{key: "access-card-terminal-cards", by: []council.Actor{kIPM}, task: []string{"住民基本台帳カード発行端末", "操作者用ICカード及びパスワード"},
			cites: []string{"第15条1項3号", "第15条2項", "第16条"}},
		want{key: "access-card-terminal-system", by: []council.Actor{kAdmin},
			task:  []string{"住民基本台帳カード発行端末", "オペレーティングシステム", "操作履歴", "通信履歴"},
			cites: []string{"第15条1項3号", "第15条2項", "第16条"}})
	// Every device of 第15条1項 has its managers, and the system
	// administrator manages the OS and logs of all three (第16条 同左).
	p := Kumiyama()
	devices := map[string]bool{}
	for _, o := range p.Measures.Obligations {
		if !o.Citations.Contains(council.Cite(council.PlanKumiyama, "第16条")) {
			continue
		}
		for _, c := range o.Citations.All() {
			if strings.HasPrefix(c.Clause(), "第15条1項") {
				devices[c.Clause()] = true
			}
		}
		if strings.Contains(o.Task, "オペレーティングシステム") && !o.Binds(kAdmin) {
			t.Errorf("%s: the operating system is managed by %v, want the system administrator", o.Key, o.By)
		}
	}
	if len(devices) != 3 {
		t.Errorf("第16条 covers devices %v, want the three of 第15条1項", devices)
	}
}

// 第19条: システム管理者及び情報保護管理者は、CS及び業務端末の操作者を含む本人確認
// 情報を取り扱う者に対し、…秘密の保持義務、本人確認情報の業務外利用・提供の禁止…
// について指導し、遵守させなければならない。
func TestKumiyama第19条InstructHandlers(t *testing.T) {
	checkObligations(t, want{key: "instruct-handlers", by: []council.Actor{kAdmin, kIPM}, to: []council.Actor{kOperator, kStaff},
		task:  []string{"安全確保措置", "秘密の保持義務", "業務外利用・提供の禁止", "指導し、遵守させる"},
		cites: []string{"第19条"}})
}

// 第22条: 1項 only for the business of the 住民基本台帳法; 2項 no secret leaked,
// also after leaving; 3項 prevent leaks, loss and damage; 4項 media initialised
// before disposal, forms locked up and shredded or burned; 5-9項 the terminal
// side: nothing looked up without need, search criteria beforehand, nothing
// left on screen, screens hidden from the counter, no resident code spoken.
func TestKumiyama第22条IdentityInformation(t *testing.T) {
	all := []council.Actor{kAdmin, kOperator, kIPM}
	terminal := []council.Actor{kIPM, kOperator}
	const others = "その他本人確認情報を取り扱う者"
	checkObligations(t,
		want{key: "identity-use", by: terminal, who: others, task: []string{"住民基本台帳法", "業務の遂行にのみ本人確認情報を利用し"}, cites: []string{"第22条1項"}},
		want{key: "identity-secrecy", by: all, who: others, task: []string{"秘密を漏らしてはならない", "退職した者についても同様"}, cites: []string{"第22条2項"}},
		want{key: "identity-safeguards", by: all, who: others, task: []string{"漏えい、滅失及びき損の防止"}, cites: []string{"第22条3項"}},
		want{key: "identity-media", by: all, who: others, task: []string{"電子媒体は初期化してから廃棄", "鍵のかかる場所", "裁断、焼却等により廃棄"}, cites: []string{"第22条4項"}},
		want{key: "identity-no-needless-access", by: terminal, task: []string{"業務上必要のない本人確認情報", "行ってはならない"}, cites: []string{"第22条5項"}},
		want{key: "identity-search-requirements", by: terminal, task: []string{"検索・抽出要件を明確にする"}, when: "事前に", on: "業務上の検索・抽出を行う場合", cites: []string{"第22条6項"}},
		want{key: "identity-display", by: terminal, task: []string{"長時間", "表示したままの状態にしてはならない"}, cites: []string{"第22条7項"}},
		want{key: "identity-screen-privacy", by: terminal, task: []string{"住民から見えないよう努める"}, cites: []string{"第22条8項"}},
		want{key: "identity-not-spoken", by: terminal, task: []string{"住民票コード等を口に出さないよう努める"}, on: "窓口でのデータ入力に際して", cites: []string{"第22条9項"}})
}

// 第22条の2: 情報保護管理者 keeps resident cards recorded and locked up (1項);
// cards to dispose of are disposed of 速やかに (2項1号), kept strictly until
// then (2号), and made unreadable with the IC chip physically destroyed (3号).
func TestKumiyama第22条の2ResidentCards(t *testing.T) {
	ipm := []council.Actor{kIPM}
	const disposing = "住民基本台帳カードを廃棄する場合"
	checkObligations(t,
		want{key: "resident-card-custody", by: ipm, task: []string{"別に定める様式に記録", "施錠のできる書庫等に保管", "紛失及び盗難を防止"}, cites: []string{"第22条の2 1項"}},
		want{key: "resident-card-disposal", by: ipm, task: []string{"速やかに廃棄する"}, when: "速やかに", on: disposing, cites: []string{"第22条の2 2項", "第22条の2 2項1号"}},
		want{key: "resident-card-before-disposal", by: ipm, task: []string{"廃棄するまでの間", "厳重に保管する"}, on: disposing, cites: []string{"第22条の2 2項", "第22条の2 2項2号"}},
		want{key: "resident-card-destruction", by: ipm, task: []string{"券面印刷の内容が判読できないように", "ICチップを物理的に破壊する"}, on: disposing, cites: []string{"第22条の2 2項", "第22条の2 2項3号"}})
}

// 第22条の3: the card-issuing terminal operated only by the authorised and
// printed cards not stolen (1項); the transport key guarded, and changed
// 直ちに when misused or a card is stolen in transit (2項); at issue: the card
// face hidden, photos taken in from the terminals, stored photos deleted,
// no photos received as files (3項1-4号); the card forms (4項).
func TestKumiyama第22条の3CardTerminalAndTransportKey(t *testing.T) {
	ipm := []council.Actor{kIPM}
	const issuing = "住民基本台帳カード交付に当たり"
	checkObligations(t,
		want{key: "card-terminal-protection", by: ipm, task: []string{"権限の与えられた者以外が操作することがない", "盗難されないよう"}, cites: []string{"第22条の3 1項"}},
		want{key: "transport-key-custody", by: ipm, task: []string{"輸送鍵が第三者に漏えいしないよう厳重に管理する"}, cites: []string{"第22条の3 2項"}},
		want{key: "transport-key-change", by: ipm, task: []string{"輸送鍵を変更する"}, when: "直ちに",
			on: "輸送鍵が不正に使用された場合や住民基本台帳カード輸送途中に盗難が発生した場合等", cites: []string{"第22条の3 2項"}},
		want{key: "card-issue-face-hidden", by: ipm, task: []string{"交付申請者以外から見えないように"}, on: issuing, cites: []string{"第22条の3 3項", "第22条の3 3項1号"}},
		want{key: "card-issue-photo-capture", by: ipm, task: []string{"カード発行端末又はCS端末より取り込み"}, on: issuing, cites: []string{"第22条の3 3項", "第22条の3 3項2号"}},
		want{key: "card-issue-photo-deletion", by: ipm, task: []string{"削除する"}, when: "登録又は申請取消後、速やかに",
			on: "デジタルカメラなどで顔写真を撮影した場合で顔写真データを端末に保存したとき", cites: []string{"第22条の3 3項", "第22条の3 3項3号"}},
		want{key: "card-issue-no-photo-files", by: ipm, task: []string{"電子ファイルでの顔写真の受領は行わない"}, on: issuing, cites: []string{"第22条の3 3項", "第22条の3 3項4号"}},
		want{key: "card-forms", by: ipm, task: []string{"別に定める方法により管理する"}, cites: []string{"第22条の3 4項"}})
}

// 第27条: documents managed like forms holding identity information (1項);
// documents lent to a contractor: the lending managed and their handling
// settled in the contract (2項).
func TestKumiyama第27条Documents(t *testing.T) {
	checkObligations(t,
		want{key: "documents", by: []council.Actor{kAdmin}, task: []string{"基本設計書、各種手引書、マニュアル等", "帳票の管理と同様の管理"}, cites: []string{"第27条1項"}},
		want{key: "documents-lent", by: []council.Actor{kAdmin}, to: []council.Actor{kContract}, task: []string{"貸出について適正に管理し", "契約書等"},
			on: "委託事業者に関係ドキュメントを貸与する場合", cites: []string{"第27条2項"}})
}

// 第28条: disks of discarded equipment physically destroyed or erased with
// dedicated software (1項); disposal or repair contracts bind the contractor
// to protect identity information, and the work is checked (2項).
func TestKumiyama第28条DiskDestruction(t *testing.T) {
	checkObligations(t,
		want{key: "disk-destruction", by: []council.Actor{kAdmin}, task: []string{"磁気ディスクの物理的破壊", "専用ソフトを使用したデータ消去"}, on: "機器を廃棄する場合", cites: []string{"第28条1項"}},
		want{key: "disposal-contract", by: []council.Actor{kAdmin}, to: []council.Actor{kContract}, task: []string{"本人確認情報の保護に係る責務を課すことを契約条項に入れる", "作業を実施したかを確認する"},
			on: "機器の廃棄又は修理を委託する場合", cites: []string{"第28条2項"}})
}

// 第29条: the tamper-resistant device's setup disk and password in a locked
// store (1項); a leased device: disposal at the end of the lease in the
// contract, and checked (2項).
func TestKumiyama第29条TamperResistantDevice(t *testing.T) {
	checkObligations(t,
		want{key: "tamper-resistant-custody", by: []council.Actor{kAdmin}, task: []string{"耐タンパー装置用セットアップディスク及び耐タンパー装置用パスワード", "施錠できる保管庫"}, cites: []string{"第29条1項"}},
		want{key: "tamper-resistant-lease", by: []council.Actor{kAdmin}, task: []string{"契約終了時には確実に廃棄する措置", "確実に廃棄されたかどうかの確認"},
			on: "耐タンパー装置がリースである場合", cites: []string{"第29条2項"}})
}

// 第30条: the system administrator, in consultation with the information
// protection manager, draws up the operation plans beforehand (要員計画,
// 運用計画, バックアップ処理計画), manages progress and reviews them (1項), and
// works on operation quality to lower the chance of faults (2項).
func TestKumiyama第30条OperationPlans(t *testing.T) {
	admin := []council.Actor{kAdmin}
	checkObligations(t,
		want{key: "operation-plans", by: admin, to: []council.Actor{kIPM}, task: []string{"情報保護管理者と協議して", "要員計画、運用計画及びバックアップ処理計画", "進捗管理", "見直し"},
			when: "事前に作成し、適時、必要に応じて見直す", cites: []string{"第30条1項"}},
		want{key: "staffing-plan", by: admin, task: []string{"要員配置計画を策定する"}, when: "一定期間ごとに", cites: []string{"第30条1項"}},
		want{key: "operation-schedule", by: admin, task: []string{"通常時・ピーク時・大量データ取り扱い時のスケジュール", "年次、月次・週次・日次ごとの作業項目、運用時間を決定する"}, when: "あらかじめ", cites: []string{"第30条1項"}},
		want{key: "backup-plan", by: admin, task: []string{"バックアップの処理に関して、必要な事項を定める"}, cites: []string{"第30条1項"}},
		want{key: "operation-quality", by: admin, task: []string{"オペレーション品質の向上対策", "オペレーションミスの原因分析", "再現防止策"}, cites: []string{"第30条2項"}})
}

// 第31条: before outsourcing, the system administrator and the information
// protection manager survey the prospective contractor's information
// protection (あらかじめ…調査する).
func TestKumiyama第31条ContractorSurvey(t *testing.T) {
	checkObligations(t, want{key: "contractor-survey", by: []council.Actor{kAdmin, kIPM}, to: []council.Actor{kContract},
		task: []string{"委託を受けようとする者", "情報の保護に関する管理体制等について調査する"}, when: "あらかじめ", on: "外部委託をしようとするとき",
		cites: []string{"第31条"}})
}

// 第32条: before outsourcing, the chief's approval of the work, the reason
// and the protection of information (あらかじめ、セキュリティ統括責任者の承認を得なければならない).
func TestKumiyama第32条OutsourcingApproval(t *testing.T) {
	checkObligations(t, want{key: "outsourcing-approval", by: []council.Actor{kAdmin, kIPM}, to: []council.Actor{kChief},
		task: []string{"委託する事務の内容、理由及び情報の保護に関する事項等", "セキュリティ統括責任者の承認を得る"}, when: "あらかじめ", on: "外部委託をしようとするとき",
		cites: []string{"第32条"}})
}

// 第34条: 必要に応じ, the contractor's security measures for the outsourced work
// are surveyed.
func TestKumiyama第34条ContractorInspection(t *testing.T) {
	checkObligations(t, want{key: "contractor-inspection", by: []council.Actor{kAdmin, kIPM}, to: []council.Actor{kContract},
		task: []string{"受託者", "セキュリティ対策の実施状況について調査する"}, when: "必要に応じ", cites: []string{"第34条"}})
}

// 第35条: for a fault stopping resident services or an unauthorized act
// threatening identity information, an emergency plan is to be laid down
// (緊急時対応計画を定めるものとする); the article names no one who does it.
func TestKumiyama第35条EmergencyPlan(t *testing.T) {
	checkObligations(t, want{key: "emergency-plan",
		task:  []string{"被害を未然に防ぎ", "被害の拡大を防止し早急な復旧を図る", "緊急時対応計画を定める"},
		on:    "住基ネットを構成するハードウェア、ソフトウェア及びネットワークの障害により住民サービスが停止する場合又は不正行為により本人確認情報に脅威を及ぼすおそれがある場合",
		cites: []string{"第35条"}})
	// The regulation is the plan of a fault: kumiyama's plan file states its
	// fault handling (第24-26条) and the council that meets on a fault or an
	// unauthorized act (第6条5項).
	p := Kumiyama()
	if p.Fault == nil {
		t.Error("kumiyama states no fault handling")
	}
	for _, tr := range []council.Trigger{council.AnyFault, council.UnauthorizedAct} {
		if cv, err := council.Convene(*p.Organization, tr); err != nil || !cv.Meets {
			t.Errorf("Convene(%v) = %+v, %v; want the council to meet", tr, cv, err)
		}
	}
}

// TestCheckObligations: kumiyama's obligations give no finding; a broken one
// gives exactly the finding for it, at its key.
func TestCheckObligations(t *testing.T) {
	base := Check(Kumiyama())
	for _, f := range base {
		if strings.HasPrefix(f.Path, "measures.obligations") {
			t.Errorf("reference obligations give a finding: %v", f)
		}
	}
	tests := []struct {
		name  string
		edit  func(o *measures.Obligation)
		code  Code
		path  string
		words string
	}{
		{"kumiyama:第8条1項/no-task", func(o *measures.Obligation) { o.Task = "" }, CodeObligationInvalid, `measures.obligations["internal-audit"]`, "no task"},
		{"kumiyama:第8条1項/uncited", func(o *measures.Obligation) { o.Citations = council.Citations{} }, CodeObligationInvalid, `measures.obligations["internal-audit"]`, "cites no clause"},
		{"kumiyama:第8条1項/bad-key", func(o *measures.Obligation) { o.Key = "Audit!" }, CodeObligationInvalid, `measures.obligations["Audit!"]`, "plain identifier"},
		{"kumiyama:第8条1項/repeated-key", func(o *measures.Obligation) { o.Key = "training" }, CodeObligationInvalid, `measures.obligations["training"]`, "given to 2 obligations"},
		{"kumiyama:第8条1項/invalid-actor", func(o *measures.Obligation) { o.By = []council.Actor{{Role: council.Staff, Party: council.Police}} }, CodeInvalidActor, `measures.obligations["internal-audit"].by`, "no valid role"},
		{"kumiyama:第8条1項/foreign-citation", func(o *measures.Obligation) { o.Citations = council.Cites(council.Cite(council.PlanIno, "第8条")) }, CodeForeignCitation, "measures.obligations", "ino:第8条"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Kumiyama()
			i := slices.IndexFunc(p.Measures.Obligations, func(o measures.Obligation) bool { return o.Key == "internal-audit" })
			tt.edit(&p.Measures.Obligations[i])
			var got []Finding
			for _, f := range Check(p) {
				if !slices.ContainsFunc(base, func(b Finding) bool { return b.Code == f.Code && b.Path == f.Path && b.Message == f.Message }) {
					got = append(got, f)
				}
			}
			if len(got) == 0 {
				t.Fatal("no new finding")
			}
			for _, f := range got {
				if f.Code != tt.code || !strings.HasPrefix(f.Path, tt.path) || !strings.Contains(f.Message, tt.words) {
					t.Errorf("finding %v; want %v at %s saying %q", f, tt.code, tt.path, tt.words)
				}
			}
		})
	}
}

// TestCompareObligations: the obligations of a plan are an aspect of
// Compare, by key, each side with its own clauses; a plan without them has
// nothing there.
func TestCompareObligations(t *testing.T) {
	k, ino := Kumiyama(), Ino()
	d := DiffPlans(k, ino)
	got := d.Of(AspectObligation)
	if len(got) != len(k.Measures.Obligations) {
		t.Fatalf("%d obligation differences, want %d (one per kumiyama obligation)", len(got), len(k.Measures.Obligations))
	}
	for _, x := range got {
		if x.B != "" || x.CitesB.Len() != 0 {
			t.Errorf("%s: ino side %q %v, want nothing", x.Key, x.B, x.CitesB)
		}
		o := kumiyamaObligation(t, x.Key)
		if !strings.Contains(x.A, o.Task) || !x.CitesA.Equal(o.Citations) {
			t.Errorf("%s: kumiyama side %q %v, want its task and clauses", x.Key, x.A, x.CitesA)
		}
	}
	// 第7条 is a power, 第31条 on an occasion and beforehand.
	for key, want := range map[string]string{
		"council-instructions": "security-chief: 関係所属の長に対して指示し、又は行政委員会に対して必要な措置を要請する (セキュリティ会議の結果を踏まえ) (may)",
		"contractor-survey":    "system-administrator, info-protection-manager: 委託を受けようとする者における情報の保護に関する管理体制等について調査する → contractor [あらかじめ] (外部委託をしようとするとき)",
	} {
		i := slices.IndexFunc(got, func(x Difference) bool { return x.Key == key })
		if i < 0 || got[i].A != want {
			t.Errorf("%s: got %+v, want %q", key, got, want)
		}
	}
	// A changed obligation is one difference, at its key.
	k2 := Kumiyama()
	k2.Measures.Obligations[1].When = "年1回"
	if d := DiffPlans(k, k2).Of(AspectObligation); len(d) != 1 || d[0].Key != "internal-audit" {
		t.Errorf("Compare after changing 第8条1項's when: %v", d)
	}
}
