package fault

import "log/slog"

// LogValue implements [slog.LogValuer]: the escalation decision as a group
// of attributes named as in its JSON form (serious, seriousCites, notices as
// a list).
func (e Escalation) LogValue() slog.Value {
	return slog.GroupValue(
		slog.Bool("serious", e.Serious),
		slog.Any("seriousCites", e.SeriousCites),
		slog.Any("notices", e.Notices),
	)
}

// LogValue implements [slog.LogValuer]: the notice as a group of attributes
// named as in its JSON form (action, by, to, cites).
func (n Notice) LogValue() slog.Value {
	attrs := []slog.Attr{slog.String("action", n.Action.String()), slog.String("by", n.By.String())}
	if n.To.IsValid() {
		attrs = append(attrs, slog.String("to", n.To.String()))
	}
	return slog.GroupValue(append(attrs, slog.Any("cites", n.Cites))...)
}
