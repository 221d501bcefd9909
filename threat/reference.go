package threat

import "github.com/jukiplan/jukiplan/council"

// cites returns the citations of clauses in plan.
func cites(plan string, clauses ...string) council.Citations {
	cs := make([]council.Citation, len(clauses))
	for i, c := range clauses {
		cs[i] = council.Cite(plan, c)
	}
	return council.Cites(cs...)
}

func mustScheme(spec Spec) *Scheme {
	s, err := NewScheme(spec)
	if err != nil {
		return nil // unreachable: the reference specs pass NewScheme (tested)
	}
	return s
}

var (
	sysAdmin     = council.ByRole(council.SystemAdministrator)
	chief        = council.ByRole(council.SecurityChief)
	staff        = council.ByRole(council.Staff)
	sectionMgr   = council.ByRole(council.SectionManager)
	secOfficers  = council.ByRole(council.SecurityOfficers)
	nationalCtr  = council.ByParty(council.NationalCenter)
	municipality = council.ByParty(council.RelatedMunicipalities)
	otherGovts   = council.ByParty(council.OtherLocalGovernments)
	regionalDiv  = council.ByRole(council.RegionalPolicyDivision)
	chuoDiv      = council.ByRole(council.ChuoWardResidentsDivision)
	infoDiv      = council.ByRole(council.InfoPolicyDivision)
	otherWards   = council.ByParty(council.OtherWardOffices)
	contractor   = council.ByParty(council.Contractor)
	jlis         = council.ByParty(council.JLIS)
)

// Tottori returns tottori's scheme (鳥取県 住基ネット緊急時対応計画 第3), fresh
// on every call: see [TottoriSpec].
func Tottori() *Scheme { return mustScheme(TottoriSpec()) }

// TottoriSpec returns the specification of tottori's scheme, fresh on every
// call, for inspection or as the start of a vendor's own scheme.
//
// Levels (tottori:第3-1), for identity information: an intrusion is graded by
// what the place holds; unauthorized access that did not pass the firewall
// and an antivirus detection are level 2; access that passed the firewall,
// suspicious terminal operation, a virus causing abnormal behaviour and a
// serious vulnerability are level 3. The annex-only kinds (erroneous access,
// data corruption, service disruption), a vulnerability that is not serious,
// and kumamoto's paper forms, leaks and credential leaks are not in the
// table: they are marked not covered, so they need a manual judgement.
// Level 3 is serious (tottori:第3-6).
//
// Precautions by the top of the provisional range: collect and investigate
// (第3-2, 第3-3(1)(2)), emergency measures and requests to other local
// governments and the like ([council.OtherLocalGovernments]) (第3-4,
// 第3-4(1)(3)), judge the level (第3-5); likely level 2 or 3: notify
// the national center and ask it to capture the situation, related
// municipalities as needed (第3-3(3)); likely level 3: stop or disconnect part
// of the system as needed (第3-4(2)).
//
// Responses: level 1: report to the security chief and stand down
// (第3-5(1)); level 2: find the cause now and act (第3-5(2), 第3-7), review
// the measures, plan permanent countermeasures and report them (第3-8(1)(2)),
// tell the national center and related municipalities (第3-8(3)); level 3:
// also report to the security chief, who convenes the council and directs
// stopping the system, residents and PR (第3-6).
func TottoriSpec() Spec {
	c := func(clauses ...string) council.Citations { return cites(council.PlanTottori, clauses...) }
	tbl := c("第3-1")
	notInTable := func(k Kind, why string, more ...string) Rule {
		return Rule{Match: Event{Kind: k}, Example: why, Citations: c(append([]string{"第3-1"}, more...)...)}
	}
	return Spec{
		Plan:  council.PlanTottori,
		Name:  "鳥取県住民基本台帳ネットワークシステム緊急時対応計画 第3 不正行為対応編",
		Scale: ScaleLevels,
		Rules: []Rule{
			{Match: Event{Kind: Intrusion, Place: PlaceUnrelated}, Level: Level1, Citations: tbl,
				Example: "住基ネットに直接関係のない備品のある場所への無権限者の侵入"},
			{Match: Event{Kind: Intrusion, Place: PlaceRelated}, Level: Level2, Citations: tbl,
				Example: "住基ネットに関係があるが、本人確認情報が記録されていない磁気ディスク、本人確認情報の保護とは関係がないソフトウェア、ドキュメント等のある場所への無権限者の侵入"},
			{Match: Event{Kind: Intrusion, Place: PlaceProtected}, Level: Level3, Citations: tbl,
				Example: "本人確認情報が記録されている磁気ディスク、本人確認情報を保護するうえで重要なソフトウェア、ドキュメント等のある場所への無権限者の侵入"},
			{Match: Event{Kind: UnauthorizedAccess, Firewall: FirewallStopped}, Level: Level2, Citations: tbl,
				Example: "ファイアウォールを通過しなかった不正アクセス"},
			{Match: Event{Kind: UnauthorizedAccess, Firewall: FirewallPassed}, Level: Level3, Citations: tbl,
				Example: "ファイアウォールを通過した不正アクセス"},
			{Match: Event{Kind: VirusDetected}, Level: Level2, Citations: tbl,
				Example: "ウイルス対策ソフトによる、コンピュータウィルス等の検出"},
			{Match: Event{Kind: VirusInfection}, Level: Level3, Citations: tbl,
				Example: "コンピュータウィルス等の侵入によるシステムの異常動作"},
			{Match: Event{Kind: SuspiciousOperation}, Level: Level3, Citations: tbl,
				Example: "業務端末等の不審な操作の検出"},
			{Match: Event{Kind: Vulnerability, Severity: SeveritySerious}, Level: Level3, Citations: tbl,
				Example: "本人確認情報保護に関する重大な脆弱性の発見"},
			{Match: Event{Kind: Vulnerability, Severity: SeverityOrdinary}, Citations: tbl,
				Example: "第3-1の表は重大な脆弱性のみを掲げる: a vulnerability that is not serious is not in the table"},
			notInTable(ErroneousAccess, "誤アクセスは第3-1の表になく、別表2（セキュリティホールの発見）で扱う", "別表2-1", "別表2-2"),
			notInTable(DataCorruption, "本人確認情報の乱れ・交錯は第3-1の表になく、別表3（システムじょう乱企図の徴候）で扱う", "別表3-1", "別表3-2"),
			notInTable(ServiceDisruption, "予期せぬ機能停止・電文遅延は第3-1の表になく、別表3（システムじょう乱企図の徴候）で扱う", "別表3-3", "別表3-4"),
			notInTable(FormTheftOrLoss, "届書等の盗難・紛失は第3-1の表にない"),
			notInTable(Leak, "外部への情報漏洩は第3-1の表にない"),
			notInTable(CredentialLeak, "ID・パスワード等の漏洩は第3-1の表にない"),
		},
		SeriousFrom:      Level3,
		SeriousCitations: c("第3-6(1)"),
		Judgement:        c("第3-5"),
		Precautions: []Tier{
			{Level: Level1, Notifications: []Notification{
				{From: staff, To: sysAdmin, If: Always, Citations: c("第3-3(1)"),
					Note: "不正行為に係る情報は、住基ネット担当者を経由して、システム管理者に集約する"},
			}, Actions: []Action{
				{Actor: sysAdmin, Step: CollectInformation, If: Always, Citations: c("第3-2", "第3-3(1)"),
					Note: "不正行為に係る情報は、住基ネット担当者を経由して、システム管理者に集約する"},
				{Actor: sysAdmin, Step: Investigate, Target: contractor, If: Always, Citations: c("第3-3(2)"),
					Note: "運用保守委託事業者等に連絡し、その協力を得て、事象の調査・分析を行う"},
				{Actor: sysAdmin, Step: EmergencyMeasures, If: Always, Citations: c("第3-4", "第3-4(1)"),
					Note: "運用監視の強化等の緊急措置を、全国センター、関係する市町村の住基ネット担当部署及び運用保守委託事業者等との協力の下で行う"},
				{Actor: sysAdmin, Step: RequestMeasures, Target: nationalCtr, If: AsNeeded, Citations: c("第3-4(3)"),
					Note: "全国センターが緊急措置を講じる必要がある場合は、緊急措置の実施を要請する"},
				{Actor: sysAdmin, Step: RequestMeasures, Target: otherGovts, If: AsNeeded, Citations: c("第3-4(3)"),
					Note: "他の地方公共団体等が緊急措置を講じる必要がある場合は、当該団体に緊急措置の実施を要請する"},
				{Actor: sysAdmin, Step: JudgeLevel, If: Always, Citations: c("第3-5"),
					Note: "全国センター、関係する市町村の住基ネット担当部署及び運用保守委託事業者等との協力の下で、脅威度の判定を行う"},
			}},
			{Level: Level2, Notifications: []Notification{
				{From: sysAdmin, To: nationalCtr, Ask: CaptureSituation, If: Always, Citations: c("第3-3(3)"),
					Note: "脅威度がレベル２又は３に該当する可能性が高い場合は、全国センターに通報し、状況把握を行うよう要請する"},
				{From: sysAdmin, To: municipality, If: AsNeeded, Citations: c("第3-3(3)"),
					Note: "必要に応じ、関係する市町村の住基ネット担当部署に通報する"},
			}},
			{Level: Level3, Actions: []Action{
				{Actor: sysAdmin, Step: StopSystem, If: AsNeeded, Citations: c("第3-4(2)"),
					Note: "脅威度がレベル３に該当する可能性が高い場合は、必要に応じて、システムの停止（一部切離し、一部停止を含む。）等の緊急措置を行う"},
			}},
		},
		Responses: []Tier{
			{Level: Level1, Actions: []Action{
				{Actor: sysAdmin, Step: Report, Target: chief, If: Always, Citations: c("第3-5(1)"),
					Note: "セキュリティ統括管理者に報告を行う"},
				{Actor: sysAdmin, Step: StandDown, If: Always, Citations: c("第3-5(1)"),
					Note: "緊急時対応を解く"},
			}},
			{Level: Level2, Actions: []Action{
				{Actor: sysAdmin, Step: FindCause, If: Always, Citations: c("第3-5(2)", "第3-7"),
					Note: "直ちに原因の解明を行う（収集したログ等により、全国センター等と協力して）"},
				{Actor: sysAdmin, Step: Countermeasures, If: Always, Citations: c("第3-5(2)"),
					Note: "対応策を実施する"},
				{Actor: sysAdmin, Step: ReviewMeasures, If: Always, Citations: c("第3-8(1)"),
					Note: "既に実施した緊急措置を見直し、必要に応じてシステム復旧等を行う"},
				{Actor: sysAdmin, Step: PlanCountermeasures, If: Always, Citations: c("第3-8(2)"),
					Note: "恒久対策の立案を行う"},
				{Actor: sysAdmin, Step: Report, Target: chief, If: Always, Citations: c("第3-8(2)"),
					Note: "恒久対策をセキュリティ統括管理者に報告する"},
			}, Notifications: []Notification{
				{From: sysAdmin, To: nationalCtr, If: Always, Citations: c("第3-8(3)"), Note: "解明した原因等に基づき連絡する"},
				{From: sysAdmin, To: municipality, If: Always, Citations: c("第3-8(3)"), Note: "関係する市町村の住基ネット担当部署等に連絡する"},
			}},
			{Level: Level3, Actions: []Action{
				{Actor: sysAdmin, Step: Report, Target: chief, If: Always, Citations: c("第3-6(1)"),
					Note: "全庁的な対応が求められることから、セキュリティ統括管理者に報告を行う"},
				{Actor: chief, Step: ConveneCouncil, If: Always, Citations: c("第3-6(2)"),
					Note: "直ちにセキュリティ会議を開催する"},
				{Actor: chief, Step: DirectMatters, If: Always, Citations: c("第3-6(3)"),
					Note: "システムの停止（一部切離し、一部停止を含む。）、住民への対応、広報等の重要事項について指示を行う"},
			}},
		},
	}
}

// Kumamoto returns kumamoto's scheme (熊本市 情報セキュリティ緊急時対応計画
// 4(1)), fresh on every call: see [KumamotoSpec].
func Kumamoto() *Scheme { return mustScheme(KumamotoSpec()) }

// KumamotoSpec returns the specification of kumamoto's scheme, fresh on
// every call.
//
// Levels (kumamoto:4(1)(イ)), for personal information in Juki affairs: an
// intrusion is graded by what the place holds; any detected unauthorized
// access, theft or loss of forms, a leak to the outside, a leak of IDs or
// passwords and a serious vulnerability are level 3. Antivirus detections,
// infections, suspicious operation and the tottori annex kinds are not in the
// table (not covered). Level 3 is serious: it calls the emergency security
// council (kumamoto:別紙1).
//
// Precautions: the section manager, told by the staff, collects the
// information, analyses it and judges the level (kumamoto:4(1)(ア)(イ)).
// Responses (kumamoto:4(1) 緊急対応策): level 1: collect, organise and inform
// the sections concerned, then stand down (ア); level 2: find the cause now
// and prevent escalation to level 3 (イ), notify 地域政策課 and 中央区役所区民課
// ([council.RegionalPolicyDivision], [council.ChuoWardResidentsDivision]) and
// ask 情報政策課 ([council.InfoPolicyDivision]) to capture the situation
// (4(1)(ウ)); level 3: emergency measures with the security officers (the
// three divisions together), requests to other ward offices and branches
// ([council.OtherWardOffices]) ((ウ)(a)-(c)) and the emergency security council (別紙1). At any level the
// police, the PR division, related bodies and affected persons are told
// depending on the content and degree of the breach (kumamoto:3).
func KumamotoSpec() Spec {
	c := func(clauses ...string) council.Citations { return cites(council.PlanKumamoto, clauses...) }
	tbl := c("4(1)(イ)")
	notInTable := func(k Kind, why string) Rule {
		return Rule{Match: Event{Kind: k}, Example: why, Citations: tbl}
	}
	breach := "侵害の内容や程度等によっては連絡する"
	return Spec{
		Plan:  council.PlanKumamoto,
		Name:  "熊本市住民基本台帳、印鑑登録・証明、戸籍事務に係る情報セキュリティ緊急時対応計画 4(1)",
		Scale: ScaleLevels,
		Rules: []Rule{
			{Match: Event{Kind: Intrusion, Place: PlaceUnrelated}, Level: Level1, Citations: tbl,
				Example: "住基事務等に直接関係のない備品のある場所への無権限者の侵入、等"},
			{Match: Event{Kind: Intrusion, Place: PlaceRelated}, Level: Level2, Citations: tbl,
				Example: "住基事務等に関係があるが、個人情報が記録されていない磁気ディスク、個人情報の保護とは関係がない機器、ドキュメント等のある場所への無権限者の侵入、等"},
			{Match: Event{Kind: Intrusion, Place: PlaceProtected}, Level: Level3, Citations: tbl,
				Example: "個人情報が記録されている磁気ディスク、個人情報を保護するうえで重要な機器、ドキュメント等のある場所への無権限者の侵入"},
			{Match: Event{Kind: UnauthorizedAccess}, Level: Level3, Citations: tbl,
				Example: "システム等への不正アクセスの検出"},
			{Match: Event{Kind: FormTheftOrLoss}, Level: Level3, Citations: tbl,
				Example: "個人情報が記載された、届書、申請書等の盗難、紛失"},
			{Match: Event{Kind: Leak}, Level: Level3, Citations: tbl,
				Example: "外部への個人情報の漏洩"},
			{Match: Event{Kind: CredentialLeak}, Level: Level3, Citations: tbl,
				Example: "システム等を取扱うためのユーザID、パスワード等の漏洩"},
			{Match: Event{Kind: Vulnerability, Severity: SeveritySerious}, Level: Level3, Citations: tbl,
				Example: "個人情報保護に関する重大な脆弱性の発見"},
			{Match: Event{Kind: Vulnerability, Severity: SeverityOrdinary}, Citations: tbl,
				Example: "4(1)(イ)の表は重大な脆弱性のみを掲げる: a vulnerability that is not serious is not in the table"},
			notInTable(VirusDetected, "ウイルス等の検出は4(1)(イ)の表にない"),
			notInTable(VirusInfection, "ウイルス感染は4(1)(イ)の表にない"),
			notInTable(SuspiciousOperation, "不審な操作は4(1)(イ)の表にない"),
			notInTable(ErroneousAccess, "誤アクセスは4(1)(イ)の表にない"),
			notInTable(DataCorruption, "本人確認情報の乱れ・交錯は4(1)(イ)の表にない"),
			notInTable(ServiceDisruption, "予期せぬ機能停止・電文遅延は4(1)(イ)の表にない（電子計算組織の障害は4(2)で扱う）"),
		},
		SeriousFrom:      Level3,
		SeriousCitations: c("別紙1"),
		Judgement:        c("4(1)(イ)"),
		Precautions: []Tier{
			{Level: Level1, Actions: []Action{
				{Actor: sectionMgr, Step: CollectInformation, If: Always, Citations: c("4(1)(ア)"),
					Note: "個人情報の管理に対する侵害に係る情報を集約する"},
				{Actor: sectionMgr, Step: Investigate, If: Always, Citations: c("4(1)(ア)"),
					Note: "事象の調査分析を行う"},
				{Actor: sectionMgr, Step: JudgeLevel, If: Always, Citations: c("4(1)(イ)"),
					Note: "脅威度を表に基づき判定する"},
			}, Notifications: []Notification{
				{From: staff, To: sectionMgr, If: Always, Citations: c("4(1)"),
					Note: "担当者より個人情報の管理に対する侵害を発見した等の通報"},
			}},
		},
		Responses: []Tier{
			{Level: Level1, Actions: []Action{
				{Actor: sectionMgr, Step: InformSections, If: Always, Citations: c("4(1) 緊急対応策(ア)"),
					Note: "情報の収集、整理及び関係各課への状況の周知を行う"},
				{Actor: sectionMgr, Step: StandDown, If: Always, Citations: c("4(1) 緊急対応策(ア)"),
					Note: "緊急時対応を解く"},
			}, Notifications: []Notification{
				{To: council.ByParty(council.Police), If: AsNeeded, Citations: c("3"), Note: breach},
				{To: council.ByParty(council.PRDivision), If: AsNeeded, Citations: c("3"), Note: breach},
				{To: council.ByParty(council.RelatedBodies), If: AsNeeded, Citations: c("3"), Note: breach},
				{To: council.ByParty(council.AffectedPersons), If: AsNeeded, Citations: c("3"), Note: breach},
			}},
			{Level: Level2, Actions: []Action{
				{Actor: sectionMgr, Step: FindCause, If: Always, Citations: c("4(1) 緊急対応策(イ)"),
					Note: "ただちに原因の解明を行う"},
				{Actor: sectionMgr, Step: PreventEscalation, If: Always, Citations: c("4(1) 緊急対応策(イ)"),
					Note: "レベル3に進展しないための防止策（無権限者の浸入防止対策やレベル3の事例に係る再点検）等の緊急対応策を実施する"},
			}, Notifications: []Notification{
				{From: sectionMgr, To: regionalDiv, If: Always, Citations: c("4(1)(ウ)"),
					Note: "地域政策課及び中央区役所区民課に通報する"},
				{From: sectionMgr, To: chuoDiv, If: Always, Citations: c("4(1)(ウ)"),
					Note: "地域政策課及び中央区役所区民課に通報する"},
				{From: sectionMgr, To: infoDiv, Ask: CaptureSituation, If: Always, Citations: c("4(1)(ウ)"),
					Note: "情報政策課においても状況把握を行うよう要請する"},
			}},
			{Level: Level3, Actions: []Action{
				{Actor: sectionMgr, Step: FindCause, If: Always, Citations: c("4(1) 緊急対応策(ウ)(a)"),
					Note: "ただちに原因の解明を行う"},
				{Actor: sectionMgr, Step: EmergencyMeasures, If: Always, Citations: c("4(1) 緊急対応策(ウ)(a)", "4(1) 緊急対応策(ウ)(b)"),
					Note: "運用監視の強化、被害拡大の未然防止対策等の緊急措置を、セキュリティ責任者等の協力の下で実施する"},
				{Actor: sectionMgr, Step: RequestMeasures, Target: otherWards, If: AsNeeded, Citations: c("4(1) 緊急対応策(ウ)(c)"),
					Note: "他の区役所、出張所等が緊急措置を講ずる必要がある場合は、当該区役所、出張所等に緊急措置の実施を要請する"},
				{Actor: secOfficers, Step: ConveneCouncil, If: Always, Citations: c("別紙1"),
					Note: "レベル3の脅威度が発生した場合、緊急時セキュリティ会議を開催する（別紙1は開催者を明記しない: the library assigns the security officers' emergency structure）"},
			}},
		},
	}
}

// Ino returns ino's scheme (いの町 住基ネット緊急時対応計画書 第3章), fresh on
// every call: see [InoSpec].
func Ino() *Scheme { return mustScheme(InoSpec()) }

// InoSpec returns the specification of ino's scheme, fresh on every call.
//
// Ino has no threat levels: the system administrator or the identity
// information manager judges whether the event may pose a serious threat to
// identity information (ino:第11条). The scheme is on [ScaleSerious] with no
// decision table, so [Grade] reports every event not covered and the grading
// is a [JudgeSerious] judgement.
//
// Responses, whatever the judgement: the staff capture when, where, what and
// how and tell the system administrator (第9条); the system administrator
// starts the most urgent measures at once, with advice as needed (第10条),
// investigates the cause (第13条) and reviews the measures (第14条); when the
// threat is judged serious: the proposal to the security chief, who convenes
// the council and decides its nine items, including contacts, J-LIS support
// and permanent countermeasures (第11条, 第12条).
func InoSpec() Spec {
	c := func(clauses ...string) council.Citations { return cites(council.PlanIno, clauses...) }
	return Spec{
		Plan:      council.PlanIno,
		Name:      "いの町住民基本台帳ネットワークシステム緊急時対応計画書 第3章 不正行為対応",
		Scale:     ScaleSerious,
		Judgement: c("第11条"),
		Responses: []Tier{
			{Serious: false, Actions: []Action{
				{Actor: staff, Step: CaptureSituation, Target: sysAdmin, If: Always, Citations: c("第9条"),
					Note: "いつ（時刻）、どこで（場所）、何を（内容）、どうした等を正確に把握し、システム管理者に伝える"},
				{Actor: sysAdmin, Step: EmergencyMeasures, If: Always, Citations: c("第10条"),
					Note: "考え得る対応策のうち、住民サービスの停止等緊急に実施する必要性が高いものを直ちに着手する"},
				{Actor: sysAdmin, Step: JudgeLevel, If: Always, Citations: c("第11条"),
					Note: "システム管理者又は本人確認情報管理者が、本人確認情報に重大な脅威を及ぼす恐れがあるかを判断する"},
				{Actor: sysAdmin, Step: FindCause, If: Always, Citations: c("第13条"),
					Note: "被害情報、ログ情報、記録簿及び管理簿等を分析し、不正が行われた時期、場所、方法を究明する（第13条は主体を明記しない: the library assigns the system administrator）"},
				{Actor: sysAdmin, Step: ReviewMeasures, If: Always, Citations: c("第14条"),
					Note: "既に実施した緊急措置を見直し、アクセス権限の設定変更、住民サービスの停止解除等を実施する（第14条は主体を明記しない: the library assigns the system administrator）"},
			}, Notifications: []Notification{
				{From: sysAdmin, To: contractor, If: AsNeeded, Citations: c("第10条", "第13条", "第14条"),
					Note: "必要に応じて保守委託先事業者の助言・支援を得る"},
				{From: sysAdmin, To: jlis, If: AsNeeded, Citations: c("第10条", "第13条", "第14条"),
					Note: "必要に応じて地方公共団体情報システム機構の助言・支援を得る"},
			}},
			{Serious: true, Actions: []Action{
				{Actor: sysAdmin, Step: ProposeCouncil, Target: chief, If: Always, Citations: c("第11条"),
					Note: "システム管理者又は本人確認情報管理者は、セキュリティ統括責任者にセキュリティ会議の開催を具申する"},
				{Actor: chief, Step: ConveneCouncil, If: Always, Citations: c("第12条"),
					Note: "事前に定められた連絡網を利用してメンバーを招集し、議長となる。既存の緊急時対応体制をもって代えることができる"},
				{Actor: chief, Step: DirectMatters, If: Always, Citations: c("第12条"),
					Note: "関係機関への連絡、緊急時体制の確立、詳細な被害状況等の把握、ネットワーク遮断等の判断、住民対応、緊急措置の見直しの判断、地方公共団体情報システム機構への支援要請、広報、恒久対策の立案について決定する"},
				{Actor: chief, Step: PlanCountermeasures, If: Always, Citations: c("第12条", "第15条"),
					Note: "セキュリティ会議を中心に恒久対策を立案する（第15条の実施は緊急時対応計画の対象外）"},
			}, Notifications: []Notification{
				{From: chief, To: council.ByParty(council.RelatedBodies), If: AsNeeded, Citations: c("第12条"),
					Note: "関係機関への連絡（セキュリティ会議で決定）"},
				{From: chief, To: jlis, Ask: EmergencyMeasures, If: AsNeeded, Citations: c("第12条"),
					Note: "地方公共団体情報システム機構への支援要請（セキュリティ会議で決定）"},
			}},
		},
	}
}
