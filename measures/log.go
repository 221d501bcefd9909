package measures

import "log/slog"

// LogValue implements [slog.LogValuer]: the finding as a group of attributes
// named as in its JSON form (requirement, subject, detail, citations).
func (f Finding) LogValue() slog.Value {
	attrs := make([]slog.Attr, 0, 4)
	if f.Requirement.IsValid() {
		attrs = append(attrs, slog.String("requirement", f.Requirement.String()))
	}
	attrs = append(attrs, slog.String("subject", f.Subject), slog.String("detail", f.Detail))
	if f.Citations.Len() > 0 {
		attrs = append(attrs, slog.Any("citations", f.Citations))
	}
	return slog.GroupValue(attrs...)
}
