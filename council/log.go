package council

import "log/slog"

// LogValue implements [slog.LogValuer]: the convening decision as a group of
// attributes named as in its JSON form (plan, trigger, named, meets, body,
// requestedBy, onRequest, immediately, convener, chair, agenda, substitute,
// substituted, cites), the unset ones left out.
func (c Convening) LogValue() slog.Value {
	attrs := make([]slog.Attr, 0, 16)
	attrs = append(attrs, slog.String("plan", c.Plan))
	if c.Trigger.IsValid() {
		attrs = append(attrs, slog.String("trigger", c.Trigger.String()))
	}
	attrs = append(attrs, slog.Bool("named", c.Named), slog.Bool("meets", c.Meets))
	if c.Body.IsValid() {
		attrs = append(attrs, slog.String("body", c.Body.String()))
	}
	if c.RequestedBy != 0 {
		attrs = append(attrs, slog.Any("requestedBy", c.RequestedBy))
	}
	attrs = append(attrs, slog.Bool("onRequest", c.OnRequest), slog.Bool("immediately", c.Immediately))
	if c.Convener.IsValid() {
		attrs = append(attrs, slog.String("convener", c.Convener.String()))
	}
	if c.Chair.IsValid() {
		attrs = append(attrs, slog.String("chair", c.Chair.String()))
	}
	if c.Agenda.IsValid() {
		attrs = append(attrs, slog.String("agenda", c.Agenda.String()))
	}
	if c.Substitute.IsValid() {
		attrs = append(attrs, slog.String("substitute", c.Substitute.String()))
	}
	attrs = append(attrs, slog.Bool("substituted", c.Substituted))
	if c.Cites.Len() > 0 {
		attrs = append(attrs, slog.Any("cites", c.Cites))
	}
	if c.Delegation != (Citation{}) {
		attrs = append(attrs, slog.String("delegation", c.Delegation.String()))
	}
	if rt := c.Ratification; rt != (Ratification{}) {
		var g []any
		if rt.By != 0 {
			g = append(g, slog.String("by", rt.By.String()))
		}
		if rt.Cite != (Citation{}) {
			g = append(g, slog.String("cite", rt.Cite.String()))
		}
		attrs = append(attrs, slog.Group("ratification", g...))
	}
	return slog.GroupValue(attrs...)
}
