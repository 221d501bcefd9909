package drill

import (
	"bytes"
	"encoding/json"
	"log/slog"
)

// LogValue implements [slog.LogValuer]: the timeline entry as a group of
// attributes named as in its JSON form (at in Japan time, event, actor, act,
// to, channel, level or min and max, what it states, asNeeded, cites), the
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
	attrs = append(attrs, slog.Attr{Key: "what", Value: slog.GroupValue(e.What.appendAttrs(nil)...)})
	if e.AsNeeded {
		attrs = append(attrs, slog.Bool("asNeeded", true))
	}
	return slog.GroupValue(append(attrs, slog.Any("cites", e.Cites))...)
}

// appendAttrs appends the fields of w that are set, named and valued as in
// its JSON form.
func (w What) appendAttrs(attrs []slog.Attr) []slog.Attr {
	b, err := json.Marshal(w)
	if err != nil {
		return append(attrs, slog.String("about", w.About.String()))
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	// The object's keys in order: json.Marshal writes them in field order.
	if _, err := dec.Token(); err != nil {
		return attrs
	}
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return attrs
		}
		var v any
		if err := dec.Decode(&v); err != nil {
			return attrs
		}
		attrs = append(attrs, slog.Any(k.(string), v))
	}
	return attrs
}
