package main

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writePNG(t *testing.T, img image.Image) string {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "page.png")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func page(textRows int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, 200, 100))
	for y := range 100 {
		for x := range 200 {
			c := color.RGBA{255, 255, 255, 255}
			if y < textRows && x%3 == 0 {
				c = color.RGBA{0, 0, 0, 255}
			}
			img.Set(x, y, c)
		}
	}
	return img
}

func TestBlank(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run([]string{"-png", writePNG(t, page(0))}, &out, &errs); code != 1 || !strings.Contains(errs.String(), "blank page") {
		t.Errorf("a white page: %d, %q", code, errs.String())
	}
	errs.Reset()
	if code := run([]string{"-png", writePNG(t, page(30))}, &out, &errs); code != 0 {
		t.Errorf("a page with text: %d, %q", code, errs.String())
	}
}

func TestDiagramsAndConsole(t *testing.T) {
	dir := t.TempDir()
	dom := filepath.Join(dir, "dom.html")
	os.WriteFile(dom, []byte(`<html><body><svg viewBox="0 0 1 1"><rect/><line/></svg><p>x</p><svg viewBox="0 0 1 1"><title>t</title></svg></body></html>`), 0o644)
	log := filepath.Join(dir, "log")
	os.WriteFile(log, []byte("[1:2:INFO:CONSOLE(3)] \"Uncaught ReferenceError: x is not defined\", source: file:///r.html (3)\n[1:2:ERROR:dbus/bus.cc:405] Failed to connect to the bus\n"), 0o644)
	var out, errs bytes.Buffer
	code := run([]string{"-png", writePNG(t, page(30)), "-dom", dom, "-svgs", "3", "-log", log}, &out, &errs)
	msg := errs.String()
	for _, want := range []string{"2 diagrams, want 3", "diagram 2 has no shapes", "console: CONSOLE(3)] \"Uncaught ReferenceError"} {
		if !strings.Contains(msg, want) {
			t.Errorf("stderr lacks %q:\n%s", want, msg)
		}
	}
	if code != 1 || strings.Contains(msg, "dbus") {
		t.Errorf("code %d; stderr %q", code, msg)
	}
}
