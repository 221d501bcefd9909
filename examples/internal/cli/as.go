package cli

import (
	"errors"
	"flag"
	"fmt"

	"github.com/jukiplan/jukiplan/bcp"
)

// AsFlag defines the flag -as NEWID on fs and returns what applies it to a
// plan the program has loaded: the plan moved to NEWID with bcp.Plan.WithID,
// its ID and every citation of its own clauses, so that a reference plan or a
// plan file copied from one runs under a municipality's own ID. Without the
// flag the plan is returned as it is.
func AsFlag(fs *flag.FlagSet) func(bcp.Plan) (bcp.Plan, error) {
	id := fs.String("as", "", "")
	return func(p bcp.Plan) (bcp.Plan, error) {
		if *id == "" {
			return p, nil
		}
		q, err := p.WithID(*id)
		switch {
		case errors.Is(err, bcp.ErrBadValue):
			return bcp.Plan{}, fmt.Errorf("-as %q: want a plan ID of lower-case letters, digits, '-' and '_'", *id)
		case err != nil:
			return bcp.Plan{}, fmt.Errorf("-as %q: %w", *id, err)
		}
		return q, nil
	}
}
