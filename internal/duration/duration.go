// Package duration writes and reads durations as people write them in plan
// files and read them in reports: "30m", "4h", "1d", "1w", "1d12h", "8h15m".
// Go's own forms ("24h0m0s", "1.5h", "300ms") are read as well, so plan files
// written before this form still parse.
package duration

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/jukiplan/jukiplan/internal/problem"
)

const (
	// Day is 24 hours: plans count outages in calendar days, and Japan time
	// has no daylight saving, so a day is always 24 hours.
	Day = 24 * time.Hour
	// Week is seven days.
	Week = 7 * Day
)

// ErrSyntax is wrapped by every error of [Parse].
var ErrSyntax = errors.New("not a duration")

// Format returns d in the shortest form people write: whole weeks as "2w",
// whole days as "3d", otherwise days followed by Go's hours, minutes and
// seconds without zero parts ("1d12h", "8h15m", "90s" as "1m30s"). Zero is
// "0"; a negative d has a leading "-"; a d with a part below a second is
// written as Go writes it ("1.5s", "300ms").
func Format(d time.Duration) string {
	if d == 0 {
		return "0"
	}
	if d < 0 {
		if d == -d { // the most negative duration has no positive counterpart
			return d.String()
		}
		return "-" + Format(-d)
	}
	if d%time.Second != 0 {
		return d.String()
	}
	if d%Week == 0 {
		return strconv.FormatInt(int64(d/Week), 10) + "w"
	}
	var b strings.Builder
	if days := d / Day; days > 0 {
		b.WriteString(strconv.FormatInt(int64(days), 10))
		b.WriteByte('d')
		d -= days * Day
	}
	for _, u := range [...]struct {
		unit time.Duration
		name byte
	}{{time.Hour, 'h'}, {time.Minute, 'm'}, {time.Second, 's'}} {
		if n := d / u.unit; n > 0 {
			b.WriteString(strconv.FormatInt(int64(n), 10))
			b.WriteByte(u.name)
			d -= n * u.unit
		}
	}
	return b.String()
}

// Parse reads a duration written as [Format] writes it, or as Go's
// [time.ParseDuration] reads it: a sequence of whole or decimal numbers, each
// with a unit of "w", "d", "h", "m", "s", "ms", "us" (or "µs") or "ns",
// optionally signed, e.g. "1d12h", "4h", "30m", "24h0m0s", "1.5h". Weeks and
// days must be whole numbers. An error wraps [ErrSyntax] and says what is
// wrong without repeating the whole input.
func Parse(s string) (time.Duration, error) {
	if s == "" {
		return 0, &syntaxError{quoted: "empty"}
	}
	rest, neg := s, false
	if rest[0] == '-' || rest[0] == '+' {
		neg, rest = rest[0] == '-', rest[1:]
	}
	switch rest {
	case "0":
		return 0, nil
	case "":
		return 0, syntax(s)
	}
	const maxDays = math.MaxInt64 / int64(Day)
	var days int64
	var goPart strings.Builder
	for rest != "" {
		i := 0
		for i < len(rest) && (rest[i] >= '0' && rest[i] <= '9' || rest[i] == '.') {
			i++
		}
		j := i
		for j < len(rest) && !(rest[j] >= '0' && rest[j] <= '9' || rest[j] == '.') {
			j++
		}
		num, unit := rest[:i], rest[i:j]
		if num == "" || unit == "" {
			return 0, syntax(s)
		}
		switch unit {
		case "w", "d":
			n, err := strconv.ParseInt(num, 10, 64)
			if err != nil || n > maxDays {
				return 0, syntax(s)
			}
			if unit == "w" {
				if n > maxDays/7 {
					return 0, syntax(s)
				}
				n *= 7
			}
			if days += n; days > maxDays {
				return 0, syntax(s)
			}
		default:
			goPart.WriteString(num)
			goPart.WriteString(unit)
		}
		rest = rest[j:]
	}
	var d time.Duration
	if goPart.Len() > 0 {
		sign := ""
		if neg {
			sign = "-"
		}
		var err error
		if d, err = time.ParseDuration(sign + goPart.String()); err != nil {
			return 0, syntax(s)
		}
	}
	whole := time.Duration(days) * Day
	switch {
	case !neg && d > math.MaxInt64-whole:
		return 0, syntax(s)
	case !neg:
		d += whole
	case d < math.MinInt64+whole:
		return 0, syntax(s)
	default:
		d -= whole
	}
	return d, nil
}

func syntax(s string) error {
	return &syntaxError{quoted: problem.Quote(s)}
}

type syntaxError struct{ quoted string }

func (e *syntaxError) Error() string {
	return e.quoted + ": " + ErrSyntax.Error() + " (want e.g. \"4h\", \"1d\", \"30m\", \"1d12h\")"
}

func (e *syntaxError) Unwrap() error { return ErrSyntax }
