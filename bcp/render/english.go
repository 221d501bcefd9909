package render

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/drill"
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/fault"
	"github.com/jukiplan/jukiplan/internal/duration"
	"github.com/jukiplan/jukiplan/measures"
	"github.com/jukiplan/jukiplan/threat"
)

// English words an entry as a sentence: its actor is the subject ("The
// system administrator"), the English of its About (details) the
// predicate in the base form ("ask the maintenance contractor to
// investigate"), which the sentence puts in the third person.

// stepsEn is what each step of a threat scheme's response asks, in the base
// form, keyed by the step (TestEnglishTablesExhaustive).
var stepsEn = [...]string{
	threat.CollectInformation:       "collect information",
	threat.Investigate:              "investigate",
	threat.JudgeLevel:               "judge the threat level",
	threat.EmergencyMeasures:        "take emergency measures",
	threat.StopSystem:               "stop the system",
	threat.RequestMeasures:          "take measures",
	threat.Report:                   "report",
	threat.StandDown:                "stand down",
	threat.FindCause:                "find the cause",
	threat.Countermeasures:          "take countermeasures",
	threat.PreventEscalation:        "prevent the damage from spreading",
	threat.InformSections:           "inform the sections concerned",
	threat.ConveneCouncil:           "convene the council",
	threat.DirectMatters:            "direct what must be done",
	threat.ReviewMeasures:           "review the measures",
	threat.PlanCountermeasures:      "plan countermeasures against recurrence",
	threat.ProposeCouncil:           "propose that the council meet",
	threat.CaptureSituation:         "establish the situation",
	threat.ImplementCountermeasures: "implement the countermeasures",
}

// noticesEn is what each action of a fault notice does, keyed by the
// action; "%s" is the recipient ("the national center"), and a phrase
// without it takes none (TestEnglishTablesExhaustive).
var noticesEn = [...]string{
	fault.Report:             "report to %s",
	fault.Notify:             "notify %s",
	fault.RequestCooperation: "ask %s to cooperate",
	fault.NotifyOutage:       "notify %s of the outage",
	fault.ProposeCouncil:     "propose to %s that the council meet",
	fault.ReportSerious:      "report the serious fault to %s",
	fault.ConveneCouncil:     "convene the council",
	fault.Instruct:           "instruct %s",
	fault.Disconnect:         "disconnect the equipment",
	fault.RequestProvisional: "ask %s for provisional measures",
}

// alternativesEn is each alternative operation, keyed by it.
var alternativesEn = [...]string{
	fault.DowntimeServer:     "operate on the downtime server",
	fault.TerminalSwitch:     "switch to another terminal",
	fault.FaxOperation:       "operate by fax",
	fault.NearbyMunicipality: "operate at a nearby municipality",
	fault.DegradedOperation:  "operate in a degraded mode",
	fault.AlternateOperation: "operate by alternative means",
}

// playbookEn is each action of an annex playbook, keyed by it.
var playbookEn = [...]string{
	measures.IdentifySource:       "identify the source",
	measures.InvestigateOnSite:    "investigate on site",
	measures.Disconnect:           "disconnect the network",
	measures.IdentifyAttacker:     "identify the attacker",
	measures.RequestMonitoring:    "monitor the network",
	measures.TightenAccessControl: "tighten access control",
	measures.Patch:                "apply the patches",
	measures.RestoreDatabase:      "restore the database",
	measures.Reintegrate:          "reintegrate the data",
	measures.CheckPatternFiles:    "check the pattern files",
	measures.StrengthenManagement: "strengthen management",
	measures.InvestigateInfection: "investigate the infection",
	measures.ResearchRemoval:      "research how to remove it",
	measures.RequestPatternFile:   "provide a pattern file",
}

// modesEn is how a playbook step is taken with its partner ("%s"), keyed
// by the mode: a phrase ending in " to" comes before the action.
var modesEn = [...]string{
	measures.Assist:    "help %s to",
	measures.WithHelp:  "with the help of %s",
	measures.InLiaison: "in liaison with %s",
	measures.OnRequest: "at the request of %s",
	measures.Ask:       "ask %s to",
	measures.Consult:   "in consultation with %s",
	measures.Alone:     "alone",
}

// conditionsEn is the condition a playbook step waits for, keyed by it.
var conditionsEn = [...]string{
	measures.PatternThreatensIdentity:      "if the pattern threatens identity information",
	measures.QuickActionHardAndThreatLarge: "if quick action is hard and the threat is large",
	measures.HoleThreatLarge:               "if the hole poses a large threat",
	measures.UnknownVirus:                  "if the virus is unknown",
	measures.AsNeeded:                      "as needed",
}

// flowEn is each step of the recovery flow, keyed by it.
var flowEn = [...]string{
	bcp.Detection:         "detect the outage",
	bcp.PlatformRecovery:  "recover the platform",
	bcp.SystemCheck:       "check the systems",
	bcp.ResponseStructure: "set up the response structure",
	bcp.AlternativeMeans:  "arrange alternative means",
	bcp.PrioritySetting:   "set the recovery priorities",
	bcp.SystemRecovery:    "recover the systems",
}

// audiencesEn is what a message to each audience does, keyed by it.
var audiencesEn = [...]string{
	bcp.WardWide:         "inform the whole ward office",
	bcp.SystemOwners:     "inform the owners of the systems",
	bcp.ToProvider:       "report to the provider",
	bcp.CrisisManagement: "send a first report (orally or as a memo), then a written report",
	bcp.OutsideBodies:    "inform the outside bodies",
	bcp.ProviderBroad:    "inform every user of the provider",
	bcp.ProviderSingle:   "inform the user of the provider",
}

// phrase returns table[v], or v's English name as words for a value the
// table does not hold.
func phrase[T interface {
	~uint8
	String() string
}](table []string, v T) string {
	if int(v) < len(table) && table[v] != "" {
		return table[v]
	}
	return spaced(v.String())
}

// spaced writes an English name ("request-monitoring") as words.
func spaced(s string) string { return strings.ReplaceAll(s, "-", " ") }

// the returns a label with the definite article, unless it is a name
// ("J-LIS", "Juki LAN"): one that starts with a capital letter.
func the(label string) string {
	r, _ := utf8.DecodeRuneInString(label)
	if label == "" || unicode.IsUpper(r) && !strings.Contains(label, " ") || r >= 0x3000 ||
		strings.HasPrefix(label, "each ") || strings.HasPrefix(label, "every ") || strings.HasPrefix(label, "all ") {
		return label
	}
	return "the " + label
}

// recipient fills "%s" in phrase with the recipient, "those concerned"
// when the entry names none.
func recipient(phrase, to string) string {
	if to == "" {
		to = "those concerned"
	}
	return strings.Replace(phrase, "%s", to, 1)
}

// list joins words as English does: "a", "a and b", "a, b and c".
func list(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

// thirdPerson puts a predicate in the base form into the third person
// singular: "ask the X to investigate" becomes "asks the X to investigate".
func thirdPerson(p string) string {
	verb, rest, _ := strings.Cut(p, " ")
	if rest != "" {
		rest = " " + rest
	}
	switch {
	case verb == "":
		return p
	case verb == "have":
		verb = "has"
	case verb == "be":
		verb = "is"
	case strings.HasSuffix(verb, "y") && len(verb) > 1 && !strings.ContainsAny(verb[len(verb)-2:len(verb)-1], "aeiou"):
		verb = verb[:len(verb)-1] + "ies"
	case strings.HasSuffix(verb, "s"), strings.HasSuffix(verb, "sh"), strings.HasSuffix(verb, "ch"),
		strings.HasSuffix(verb, "x"), strings.HasSuffix(verb, "z"), strings.HasSuffix(verb, "o"):
		verb += "es"
	default:
		verb += "s"
	}
	return verb + rest
}

// plural reports whether a label names many ("security officers",
// "related municipalities"), so that its verb takes no "s".
func plural(label string) bool {
	last := label[strings.LastIndexByte(label, ' ')+1:]
	return last == "police" || strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") &&
		!strings.HasSuffix(last, "us") && !strings.HasSuffix(last, "is")
}

// means is how an entry's message goes: " by phone", " by phone, also by
// fax and paper".
func (w *words) means(e drill.Entry) string {
	var s string
	if e.Channel.IsValid() {
		s = " " + channelEn(e.Channel, w.label(e.Channel))
	}
	if e.What.About == drill.AboutContact && e.What.Also != 0 {
		var also []string
		for v := range e.What.Also.All() {
			also = append(also, channelEn(v, w.en(v)))
		}
		s += ", also " + list(also)
	}
	return s
}

// triggersEn is what a body is convened on, keyed by the trigger.
var triggersEn = [...]string{
	council.AnyFault:         "for the fault",
	council.SeriousFault:     "for a serious fault",
	council.UnauthorizedAct:  "for an unauthorized act",
	council.SeriousThreat:    "for a serious threat",
	council.ThreatLevel1:     "at threat level 1",
	council.ThreatLevel2:     "at threat level 2",
	council.ThreatLevel3:     "at threat level 3",
	council.SecurityIncident: "for a security incident",
	council.LargeIncident:    "for a large incident",
	council.InfoLeak:         "for a leak of information",
	council.SpecificInfoLeak: "for a leak of specific personal information",
	council.Routine:          "routinely",
}

// triggerNamesEn names each trigger as the escalation flowchart labels its
// hexagons and notices, keyed by it.
var triggerNamesEn = [...]string{
	council.AnyFault:         "fault",
	council.SeriousFault:     "serious fault",
	council.UnauthorizedAct:  "unauthorized act",
	council.SeriousThreat:    "serious threat",
	council.ThreatLevel1:     "threat level 1",
	council.ThreatLevel2:     "threat level 2",
	council.ThreatLevel3:     "threat level 3",
	council.SecurityIncident: "security incident",
	council.LargeIncident:    "large incident",
	council.InfoLeak:         "information leak",
	council.SpecificInfoLeak: "leak of specific personal information",
	council.Routine:          "routine",
}

// capital returns s with its first letter in upper case.
func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// levelEn is the level or provisional range of an entry as a sentence
// opens with it: "At level 3, ", "At level 2 or 3, ".
func levelEn(e drill.Entry) string {
	switch {
	case e.Level.IsValid():
		return "At level " + itoa(int(e.Level)) + ", "
	case e.Min.IsValid() && e.Max.IsValid() && e.Min == e.Max:
		return "At level " + itoa(int(e.Min)) + ", "
	case e.Min.IsValid() && e.Max.IsValid() && e.Max == e.Min+1:
		return "At level " + itoa(int(e.Min)) + " or " + itoa(int(e.Max)) + ", "
	case e.Min.IsValid() && e.Max.IsValid():
		return "At levels " + itoa(int(e.Min)) + " to " + itoa(int(e.Max)) + ", "
	}
	return ""
}

// sentence writes entry e as one English sentence: its level, its actor,
// what it does in the plan's words, the channel, whether it is due only as
// needed, and its clauses: "At level 2 or 3, the system administrator asks
// the maintenance contractor to investigate (tottori:第3-3(2))."
func (w *words) sentence(b *strings.Builder, e drill.Entry) {
	p := w.marked(e)
	if p == "" {
		p = spaced(e.Act.String())
	}
	var s strings.Builder
	if a := w.actor(e.Actor); a != "" && plural(a) {
		s.WriteString(the(a) + " " + p)
	} else if a != "" {
		s.WriteString(the(a) + " " + thirdPerson(p))
	} else {
		s.WriteString(p)
	}
	if to := w.to(e); to != "" && !strings.Contains(p, to) {
		s.WriteString(" for " + to)
	}
	text := withMeans(s.String(), w.means(e))
	if e.AsNeeded && !conditional(e) {
		text += " as needed"
	}
	if lv := levelEn(e); lv != "" {
		b.WriteString(lv + text)
	} else {
		b.WriteString(capital(text))
	}
	if e.Cites.Len() > 0 {
		b.WriteString(" (" + e.Cites.String() + ")")
	}
	b.WriteByte('.')
}

// meansAt marks where in an English predicate the channel goes ("report on
// schedule to X" meansAt " while the recovery time is unknown"); a
// predicate without it ends with the channel.
const meansAt = "\x00"

// withMeans puts means where p marks it, or at its end.
func withMeans(p, means string) string {
	if strings.Contains(p, meansAt) {
		return strings.Replace(p, meansAt, means, 1)
	}
	return p + means
}

// conditional reports whether e's English already says when it is due
// (a playbook step's condition), so that "as needed" would repeat it.
func conditional(e drill.Entry) bool {
	return e.What.About == drill.AboutPlaybookStep && e.What.Playbook.Condition != 0
}

// actsEn is each kind of unauthorized act as the object of "observe",
// keyed by it; a kind the table does not hold is "an act of" its name
// ([words.act]).
var actsEn = [...]string{
	threat.Intrusion:           "an intrusion by an unauthorized person",
	threat.UnauthorizedAccess:  "unauthorized access",
	threat.ErroneousAccess:     "erroneous access",
	threat.VirusDetected:       "the detection of a virus",
	threat.VirusInfection:      "a virus infection",
	threat.SuspiciousOperation: "a suspicious operation",
	threat.Vulnerability:       "a vulnerability",
	threat.DataCorruption:      "corrupted or mixed-up data",
	threat.ServiceDisruption:   "a service disruption",
	threat.FormTheftOrLoss:     "the theft or loss of forms",
	threat.Leak:                "a leak of information",
	threat.CredentialLeak:      "a leak of IDs or passwords",
}

// act words an act of kind k as the object of "observe"; a kind the plan
// declares in its words: "an act of card skimming".
func (w *words) act(k threat.ActKind) string {
	if int(k) < len(actsEn) && actsEn[k] != "" {
		return actsEn[k]
	}
	return "an act of " + w.kind(k, bcp.English)
}

// unknownEn is what is not yet known of an act, after "until it is
// known", keyed by the graded attribute.
var unknownEn = [...]string{
	threat.AttrPlace:    "where the act took place",
	threat.AttrFirewall: "whether the act passed the firewall",
	threat.AttrSeverity: "how serious the act is",
}

// placesEn is what an event states of the place an unauthorized person
// entered, as a clause after "learn that", keyed by the place.
var placesEn = [...]string{
	threat.PlaceUnrelated: "the place entered holds nothing directly related to the network or its affairs",
	threat.PlaceRelated:   "the place entered holds related items but no protected information",
	threat.PlaceProtected: "the place entered holds protected information or items important to its protection",
}

// firewallsEn is what an event states of the firewall, as a clause after
// "learn that", keyed by the outcome.
var firewallsEn = [...]string{
	threat.FirewallStopped: "the firewall stopped the access",
	threat.FirewallPassed:  "the access passed the firewall",
}

// seriousnessEn is what an event states of a vulnerability, as a clause
// after "learn that", keyed by its seriousness.
var seriousnessEn = [...]string{
	threat.Ordinary: "the vulnerability is not serious",
	threat.Serious:  "the vulnerability is serious",
}

// countermeasuresEn is each countermeasure against recurrence, in the base
// form, keyed by it.
var countermeasuresEn = [...]string{
	measures.StrengthenFaultMonitoring: "strengthen fault monitoring",
	measures.CollectTechnicalInfo:      "collect technical information",
	measures.ReviewInspectionSchedule:  "review the inspection schedule",
	measures.Overhaul:                  "overhaul the equipment",
	measures.SpareEquipment:            "keep spare equipment",
	measures.Training:                  "train the staff",
}

// reasonsEn is why a system stands where it does in the recovery order, as
// a noun phrase after "given", keyed by the reason.
var reasonsEn = [...]string{
	bcp.ReasonPlatform:      "the platform coming first",
	bcp.ReasonMonitoring:    "its monitoring of the platform",
	bcp.ReasonScale:         "its impact scale",
	bcp.ReasonTarget:        "its target recovery time",
	bcp.ReasonInherited:     "the target of a system that depends on it",
	bcp.ReasonRaised:        "a more urgent system depending on it",
	bcp.ReasonDependencies:  "the systems it depends on",
	bcp.ReasonAlternative:   "an alternative means keeping its services going",
	bcp.ReasonNoAlternative: "no alternative means",
	bcp.ReasonDifficulty:    "how easily it recovers",
	bcp.ReasonTieBreak:      "its ID as the tie-break",
	bcp.ReasonPolicy:        "the policy for unassessed scales",
}

// channelsEn is how a message goes by each channel the engine names, "%s"
// being the channel in the plan's words, keyed by it; a channel the plan
// declares goes "through" it.
var channelsEn = [...]string{
	bcp.WardFileServer:  "on the %s",
	bcp.WardCabinet:     "in the %s",
	bcp.PhoneAndPaper:   "by %s",
	bcp.GroupwareMail:   "by %s",
	bcp.GroupwareNotice: "by a %s",
	bcp.MailingList:     "through the %s",
	bcp.Phone:           "by %s",
	bcp.Email:           "by %s",
	bcp.Fax:             "by %s",
}

// channelEn words how a message goes by channel c, labelled label.
func channelEn(c bcp.Channel, label string) string {
	if int(c) < len(channelsEn) && channelsEn[c] != "" {
		return strings.Replace(channelsEn[c], "%s", label, 1)
	}
	return "through " + the(label)
}

// agendaEn is an agenda item as the object of "put … on the agenda": the
// plan's English title of it ([council.Item].TitleEN), or its key in words
// where the plan gives none.
func agendaEn(w drill.What) string {
	if w.TitleEN != "" {
		return w.TitleEN
	}
	return spaced(w.Item)
}

// indefinite returns word with the indefinite article: "a hardware fault",
// "an operation fault".
func indefinite(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "an " + word
	}
	return "a " + word
}

// durationEn writes d in words: "8 hours", "1 day and 4 hours", "30
// minutes". A duration of seconds or less is written as Go writes it.
func durationEn(d time.Duration) string {
	if d <= 0 || d%time.Minute != 0 {
		return d.String()
	}
	var parts []string
	for _, u := range [...]struct {
		unit time.Duration
		name string
	}{{duration.Week, "week"}, {duration.Day, "day"}, {time.Hour, "hour"}, {time.Minute, "minute"}} {
		if n := d / u.unit; n > 0 {
			d -= n * u.unit
			s := strconv.FormatInt(int64(n), 10) + " " + u.name
			if n > 1 {
				s += "s"
			}
			parts = append(parts, s)
		}
	}
	return list(parts)
}

// changed says that fields changed, the verb agreeing with them: "the
// response has changed", "the situation and the cause have changed".
func changed(fs bcp.Fields) string {
	en := fieldsEn(fs)
	if len(en) > 1 {
		return list(en) + " have changed"
	}
	return list(en) + " has changed"
}

// count says how many of a thing there are, the noun agreeing: "1 error",
// "2 warnings", "0 findings".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return itoa(n) + " " + noun + "s"
}
