package threat

import "log/slog"

// LogValue implements [slog.LogValuer]: the grading as a group of
// attributes named as in its JSON form (plan, event, level, serious, manual,
// example, reason, citations), the empty ones left out.
func (g Grading) LogValue() slog.Value {
	attrs := make([]slog.Attr, 0, 8)
	attrs = append(attrs, slog.String("plan", g.Plan), slog.String("event", g.Event.String()))
	if g.Level.IsValid() {
		attrs = append(attrs, slog.String("level", g.Level.String()))
	}
	attrs = append(attrs, slog.Bool("serious", g.Serious), slog.Bool("manual", g.Manual))
	if g.Example != "" {
		attrs = append(attrs, slog.String("example", g.Example))
	}
	if g.Reason != "" {
		attrs = append(attrs, slog.String("reason", g.Reason))
	}
	return slog.GroupValue(append(attrs, slog.Any("citations", g.Citations))...)
}

// LogValue implements [slog.LogValuer]: the provisional range as a group of
// attributes named as in its JSON form (plan, event, min, max, unknown,
// uncovered, citations).
func (r Range) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("plan", r.Plan),
		slog.String("event", r.Event.String()),
		slog.String("min", r.Min.String()),
		slog.String("max", r.Max.String()),
		slog.Any("unknown", r.Unknown),
		slog.Bool("uncovered", r.Uncovered),
		slog.Any("citations", r.Citations),
	)
}

// LogValue implements [slog.LogValuer]: the response as a group with the
// grading (a group of its own), the actions and notifications (lists, as in
// the JSON form) and standDown.
func (r Response) LogValue() slog.Value {
	return slog.GroupValue(
		slog.Any("grading", r.Grading),
		slog.Any("actions", r.Actions),
		slog.Any("notifications", r.Notifications),
		slog.Bool("standDown", r.StandDown),
	)
}

// LogValue implements [slog.LogValuer]: the precaution as a group with the
// provisional range (a group of its own) and the actions and notifications.
func (p Precaution) LogValue() slog.Value {
	return slog.GroupValue(
		slog.Any("range", p.Range),
		slog.Any("actions", p.Actions),
		slog.Any("notifications", p.Notifications),
	)
}
