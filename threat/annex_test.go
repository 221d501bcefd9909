package threat

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jukiplan/jukiplan/council"
)

// annexEvents is tottori's annex (別表): the event of each row as an Event.
// The measures package looks playbooks up by Kind and Source, so each row
// must have its own (Kind, Source).
var annexEvents = []struct {
	row   string
	event Event
}{
	{"別表1-1", Event{Kind: UnauthorizedAccess, Source: SourceNationalCenter}},  // 全国センターから、不正アクセスの徴候を発見した旨の通報
	{"別表1-2", Event{Kind: UnauthorizedAccess, Source: SourceLocal}},           // 県において、不正アクセスの徴候を発見
	{"別表1-3", Event{Kind: SuspiciousOperation, Source: SourceNationalCenter}}, // 県における不審な業務パターンを発見した旨の通報
	{"別表1-4", Event{Kind: SuspiciousOperation, Source: SourceLocal}},          // 県において、サーバ、業務端末等の不審な操作を発見
	{"別表2-1", Event{Kind: ErroneousAccess, Source: SourceNationalCenter}},     // 全国センターから、誤アクセスを発見した旨の通報
	{"別表2-2", Event{Kind: ErroneousAccess, Source: SourceLocal}},              // 県において、誤アクセスを発見
	{"別表2-3", Event{Kind: Vulnerability, Source: SourceAudit}},                // システム監査等によるセキュリティホール発見の通報
	{"別表2-4", Event{Kind: Vulnerability, Source: SourceVendor}},               // ベンダー等が脆弱性情報を公表した旨の通報
	{"別表3-1", Event{Kind: DataCorruption, Source: SourceNationalCenter}},      // 全国センターから、本人確認情報の乱れ・交錯の通報
	{"別表3-2", Event{Kind: DataCorruption, Source: SourceLocal}},               // 本人確認情報の乱れ・交錯を発見
	{"別表3-3", Event{Kind: ServiceDisruption, Source: SourceNationalCenter}},   // 全国センターから、機能停止又は電文遅延の通報
	{"別表3-4", Event{Kind: ServiceDisruption, Source: SourceLocal}},            // 県において、機能停止又は電文遅延が発生
	{"別表4-1", Event{Kind: VirusDetected, Source: SourceNationalCenter}},       // 全国センターから、ウィルス等が検出・駆除された旨の通報
	{"別表4-2", Event{Kind: VirusDetected, Source: SourceLocal}},                // 県において、ウィルス等が検出・駆除
	{"別表4-3", Event{Kind: VirusInfection, Source: SourceNationalCenter}},      // 全国センターから、ウィルス感染を発見した旨の通報
	{"別表4-4", Event{Kind: VirusInfection, Source: SourceLocal}},               // 県において、ウィルス感染を発見
}

func TestAnnexEventsExpressible(t *testing.T) {
	seen := map[[2]uint8]string{}
	for _, row := range annexEvents {
		t.Run("tottori:"+row.row, func(t *testing.T) {
			if err := row.event.Validate(); err != nil {
				t.Fatal(err)
			}
			key := [2]uint8{uint8(row.event.Kind), uint8(row.event.Source)}
			if other, dup := seen[key]; dup {
				t.Errorf("%s and %s are the same (kind, source)", other, row.row)
			}
			seen[key] = row.row
			// Every annex event is graded, graded provisionally, or explicitly not covered, never silently.
			_, err := Provisional(tottori(), row.event)
			if err != nil && !errors.Is(err, ErrNotCovered) {
				t.Errorf("Provisional: %v", err)
			}
			var back Event
			if b, err := row.event.MarshalText(); err != nil || back.UnmarshalText(b) != nil || back != row.event {
				t.Errorf("text round trip: %q %v", b, err)
			}
		})
	}
}

func TestSituation(t *testing.T) {
	jst := time.FixedZone("JST", 9*3600)
	t0 := time.Date(2026, 11, 24, 9, 30, 0, 0, jst)
	full := Capture{When: t0, Where: "サーバ室", What: "CS", How: "無権限者が入室した",
		Event: Event{Kind: Intrusion, Place: PlaceProtected}, Reporter: staff, DetectedAt: t0.Add(time.Hour)}
	cite := captureCite(t, inoSpec()) // ino's scheme asks for the capture in 第9条
	if err := full.Validate(cite); err != nil || full.Missing() != nil {
		t.Errorf("ino:第9条: a full capture fails: %v %v", err, full.Missing())
	}
	t.Run("ino:第9条/every-missing-field-named", func(t *testing.T) {
		err := Capture{Where: "  "}.Validate(cite)
		if !errors.Is(err, ErrMissing) {
			t.Fatalf("error %v", err)
		}
		if diff := cmp.Diff([]string{"when", "where", "what", "how"}, Capture{Where: "  "}.Missing()); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
		for _, w := range []string{"missing when (日時, ino:第9条)", "missing where", "missing what", "missing how (行為"} {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("error does not say %q: %v", w, err)
			}
		}
	})
	t.Run("ino:第9条/malformed", func(t *testing.T) {
		bad := full
		bad.Event = Event{Kind: 99}
		bad.Reporter = council.Actor{Role: 1, Party: 1}
		bad.DetectedAt = t0.Add(-time.Minute)
		err := bad.Validate(cite)
		var fields []string
		for _, e := range unjoin(err) {
			fe, ok := errors.AsType[*FieldError](e)
			if !ok {
				t.Fatalf("%v is not a FieldError", e)
			}
			fields = append(fields, fe.Field)
			if !errors.Is(fe, council.ErrInvalid) {
				t.Errorf("%s: %v does not wrap ErrInvalid", fe.Field, fe)
			}
		}
		if diff := cmp.Diff([]string{"event", "reporter", "detectedAt"}, fields); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
		if bad.Missing() != nil {
			t.Errorf("malformed fields reported missing: %v", bad.Missing())
		}
	})
	t.Run("uncited", func(t *testing.T) {
		err := Capture{When: t0, What: "CS", How: "無権限者が入室した"}.Validate(council.Citation{})
		if err == nil || err.Error() != "threat: situation: missing where (場所)" {
			t.Errorf("error = %v", err)
		}
	})
}

// captureCite returns the clause a scheme cites for the staff's capture of
// the situation (its CaptureSituation action), failing t when it has none.
func captureCite(t *testing.T, spec Spec) council.Citation {
	t.Helper()
	for _, tier := range spec.Responses {
		for _, a := range tier.Actions {
			if a.Task == CaptureSituation && a.Citations.Len() > 0 {
				return a.Citations.Slice()[0]
			}
		}
	}
	t.Fatalf("%s: no capture of the situation", spec.Plan)
	return council.Citation{}
}
