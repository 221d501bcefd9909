package measures

import (
	"errors"
	"strings"
	"testing"

	"github.com/jukiplan/jukiplan/council"
)

func TestObligationValidate(t *testing.T) {
	admin := council.ByRole(council.SystemAdministrator)
	ok := Obligation{Key: "internal-audit", By: []council.Actor{admin}, Task: "内部監査を受ける",
		When: "定期又は必要に応じて", Citations: council.Cites(council.Cite(council.PlanKumiyama, "第8条1項"))}
	if err := ok.Validate(council.PlanKumiyama); err != nil {
		t.Fatalf("kumiyama:第8条1項: %v", err)
	}
	if !ok.Binds(admin) || ok.Binds(council.ByRole(council.SecurityChief)) {
		t.Error("Binds: want the system administrator only")
	}
	tests := []struct {
		name string
		edit func(o *Obligation)
		want string
	}{
		{"no-key", func(o *Obligation) { o.Key = "" }, "plain identifier"},
		{"key-with-space", func(o *Obligation) { o.Key = "internal audit" }, "plain identifier"},
		{"key-upper-case", func(o *Obligation) { o.Key = "Audit" }, "plain identifier"},
		{"no-task", func(o *Obligation) { o.Task = "" }, "no task"},
		{"invalid-by", func(o *Obligation) { o.By = []council.Actor{{}} }, "by[0]"},
		{"invalid-to", func(o *Obligation) { o.To = []council.Actor{{Role: council.Staff, Party: council.Police}} }, "to[0]"},
		{"uncited", func(o *Obligation) { o.Citations = council.Citations{} }, "cites no clause"},
		{"other-plan", func(o *Obligation) { o.Citations = council.Cites(council.Cite(council.PlanIno, "第8条")) }, "citations[0]"},
	}
	for _, tt := range tests {
		t.Run("kumiyama:第8条1項/"+tt.name, func(t *testing.T) {
			o := ok
			tt.edit(&o)
			err := o.Validate(council.PlanKumiyama)
			if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Validate = %v; want ErrInvalid saying %q", err, tt.want)
			}
		})
	}
	// A plan that names no one (kumiyama 第35条) is still well formed.
	none := ok
	none.By = nil
	if err := none.Validate(council.PlanKumiyama); err != nil {
		t.Errorf("no actor: %v", err)
	}
}
