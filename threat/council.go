package threat

import "github.com/jukiplan/jukiplan/council"

// Triggers returns the council triggers g is, for [council.ConveneAny] (or
// [council.Convene] on each): every graded event is an unauthorized act
// ([council.UnauthorizedAct]: 不正行為, tottori:第1-1(2), kumiyama:第6条5項,
// ino:第9条); a level n is also [council.LevelTrigger](n) (tottori:第3-1,
// kumamoto:4(1)(イ)); a serious judgement on the serious scale, where there is
// no level, is also [council.SeriousThreat] (本人確認情報に重大な脅威を及ぼす
// 恐れ, ino:第11条). On a level scale the seriousness is the level itself
// (tottori:第3-6(1), kumamoto:別紙1): a level-3 grading is
// {unauthorized-act threat-level-3}, not a serious threat, since no level
// plan uses that term.
//
// A plan's own organisation then says whether that convenes the council:
// tottori meets on level 3 (第3-6(2)), kumamoto on level 3 (別紙1), ino on a
// serious threat (第11条, 第12条), kumiyama on any unauthorized act when the
// system administrator asks (第6条5項). The zero Grading has no triggers. It
// does not allocate.
func (g Grading) Triggers() council.Triggers {
	if g.Plan == "" {
		return 0
	}
	ts := council.Triggers(0).With(council.UnauthorizedAct)
	if g.Level.IsValid() {
		ts = ts.With(council.LevelTrigger(int(g.Level)))
	} else if g.Serious {
		ts = ts.With(council.SeriousThreat)
	}
	return ts
}
