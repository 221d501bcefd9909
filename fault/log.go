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
// named as in its JSON form (action, by, to, note, cites).
func (n Notice) LogValue() slog.Value {
	attrs := []slog.Attr{slog.String("action", n.Task.String()), slog.String("by", n.By.String())}
	if n.To.IsValid() {
		attrs = append(attrs, slog.String("to", n.To.String()))
	}
	if n.Note != "" {
		attrs = append(attrs, slog.String("note", n.Note))
	}
	return slog.GroupValue(append(attrs, slog.Any("cites", n.Cites))...)
}

// LogValue implements [slog.LogValuer]: the classification as a group of
// attributes named as in its JSON form (symptom, kind, cites), the unset
// ones left out.
func (c Classification) LogValue() slog.Value {
	attrs := make([]slog.Attr, 0, 3)
	if c.Symptom.IsValid() {
		attrs = append(attrs, slog.String("symptom", c.Symptom.String()))
	}
	if c.Kind.IsValid() {
		attrs = append(attrs, slog.String("kind", c.Kind.String()))
	}
	if c.Cites.Len() > 0 {
		attrs = append(attrs, slog.Any("cites", c.Cites))
	}
	return slog.GroupValue(attrs...)
}
