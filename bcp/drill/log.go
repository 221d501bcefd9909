package drill

import "log/slog"

// LogValue implements [slog.LogValuer]: the timeline entry as a group of
// attributes named as in its JSON form (at in Japan time, event, actor, act,
// to, channel, level or min and max, detail, detailJA, asNeeded, cites), the
// unset ones left out.
func (e Entry) LogValue() slog.Value {
	attrs := make([]slog.Attr, 0, 13)
	at := e.At
	if !at.IsZero() {
		at = at.In(jst)
	}
	attrs = append(attrs, slog.Time("at", at), slog.Int("event", e.Event))
	if e.Actor.IsValid() {
		attrs = append(attrs, slog.String("actor", e.Actor.String()))
	}
	attrs = append(attrs, slog.String("act", e.Act.String()))
	if e.To.IsValid() {
		attrs = append(attrs, slog.String("to", e.To.String()))
	}
	if e.Channel.IsValid() {
		attrs = append(attrs, slog.String("channel", e.Channel.String()))
	}
	if e.Level.IsValid() {
		attrs = append(attrs, slog.String("level", e.Level.String()))
	}
	if e.Min.IsValid() {
		attrs = append(attrs, slog.String("min", e.Min.String()))
	}
	if e.Max.IsValid() {
		attrs = append(attrs, slog.String("max", e.Max.String()))
	}
	if e.Detail != "" {
		attrs = append(attrs, slog.String("detail", e.Detail))
	}
	if e.DetailJA != "" {
		attrs = append(attrs, slog.String("detailJA", e.DetailJA))
	}
	if e.AsNeeded {
		attrs = append(attrs, slog.Bool("asNeeded", true))
	}
	return slog.GroupValue(append(attrs, slog.Any("cites", e.Cites))...)
}
