package bcp

import "log/slog"

// LogValue implements [slog.LogValuer]: the finding as a group of attributes
// named as in its JSON form (severity, code, message, messageJA, path, cite).
func (f Finding) LogValue() slog.Value {
	attrs := []slog.Attr{
		slog.String("severity", f.Severity.String()),
		slog.String("code", f.Code.String()),
		slog.String("message", f.Message),
	}
	if f.MessageJA != "" {
		attrs = append(attrs, slog.String("messageJA", f.MessageJA))
	}
	attrs = append(attrs, slog.String("path", f.Path))
	if f.Cite.IsValid() {
		attrs = append(attrs, slog.String("cite", f.Cite.String()))
	}
	if f.Line != 0 {
		attrs = append(attrs, slog.Int("line", f.Line))
	}
	if f.Column != 0 {
		attrs = append(attrs, slog.Int("column", f.Column))
	}
	return slog.GroupValue(attrs...)
}

// LogValue implements [slog.LogValuer]: the difference as a group of
// attributes named as in its JSON form (aspect, key, a, b, citesA, citesB).
func (d Difference) LogValue() slog.Value {
	attrs := make([]slog.Attr, 0, 12)
	attrs = append(attrs, slog.String("aspect", d.Aspect.String()), slog.String("key", d.Key))
	if d.LabelA != "" {
		attrs = append(attrs, slog.String("labelA", d.LabelA))
	}
	if d.LabelB != "" {
		attrs = append(attrs, slog.String("labelB", d.LabelB))
	}
	attrs = append(attrs, slog.String("a", d.A), slog.String("b", d.B),
		slog.Any("citesA", d.CitesA), slog.Any("citesB", d.CitesB))
	if d.ReadingA != "" {
		attrs = append(attrs, slog.String("readingA", d.ReadingA))
	}
	if d.ReadingB != "" {
		attrs = append(attrs, slog.String("readingB", d.ReadingB))
	}
	if d.ReadingAJA != "" {
		attrs = append(attrs, slog.String("readingAJa", d.ReadingAJA))
	}
	if d.ReadingBJA != "" {
		attrs = append(attrs, slog.String("readingBJa", d.ReadingBJA))
	}
	return slog.GroupValue(attrs...)
}
