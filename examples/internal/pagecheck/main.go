// Command pagecheck is the browser check of .ci/run: it reads what headless
// Chromium made of a report (a screenshot, the DOM after loading, and the
// browser's log) and fails when the page is blank, a diagram draws no
// shapes, or the console reported something (a report has no script, so
// any console message is an error: a blocked load, a parse error).
//
// Usage:
//
//	pagecheck -png FILE [-dom FILE] [-svgs N] [-log FILE]
//
// Exit status 0 when the page passes, 1 naming every problem, 2 for bad
// flags or an unreadable file.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"regexp"
	"strings"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("pagecheck", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	pngFile := fs.String("png", "", "")
	domFile := fs.String("dom", "", "")
	logFile := fs.String("log", "", "")
	svgs := fs.Int("svgs", 0, "")
	if err := fs.Parse(args); err != nil || *pngFile == "" || fs.NArg() > 0 {
		if err == nil {
			err = errors.New("want -png FILE [-dom FILE] [-svgs N] [-log FILE]")
		}
		fmt.Fprintln(stderr, "pagecheck: "+err.Error())
		return 2
	}
	var problems []string
	f, err := os.Open(*pngFile)
	if err != nil {
		fmt.Fprintln(stderr, "pagecheck: "+err.Error())
		return 2
	}
	img, err := png.Decode(bufio.NewReader(f))
	f.Close()
	if err != nil {
		fmt.Fprintf(stderr, "pagecheck: %s: %v\n", *pngFile, err)
		return 2
	}
	if share := dominantShare(img); share > blankShare {
		problems = append(problems, fmt.Sprintf("%s: blank page (%.2f%% of the pixels are one colour)", *pngFile, 100*share))
	}
	if *domFile != "" {
		dom, err := os.ReadFile(*domFile)
		if err != nil {
			fmt.Fprintln(stderr, "pagecheck: "+err.Error())
			return 2
		}
		counts := svgShapes(dom)
		if len(counts) < *svgs {
			problems = append(problems, fmt.Sprintf("%s: %d diagrams, want %d", *domFile, len(counts), *svgs))
		}
		for i, n := range counts {
			if n == 0 {
				problems = append(problems, fmt.Sprintf("%s: diagram %d has no shapes", *domFile, i+1))
			}
		}
	}
	if *logFile != "" {
		log, err := os.ReadFile(*logFile)
		if err != nil {
			fmt.Fprintln(stderr, "pagecheck: "+err.Error())
			return 2
		}
		for _, m := range consoleMessages(log) {
			problems = append(problems, fmt.Sprintf("%s: console: %s", *logFile, m))
		}
	}
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(stderr, "pagecheck: "+p)
		}
		return 1
	}
	fmt.Fprintf(stdout, "%s: ok\n", *pngFile)
	return 0
}

// blankShare is the share of one colour above which a page counts as blank:
// a report's text and tables cover far more than half a percent of it.
const blankShare = 0.995

// dominantShare returns the share of the pixels of img that have its most
// common colour (colours compared at 8 bits a channel).
func dominantShare(img image.Image) float64 {
	b := img.Bounds()
	total := b.Dx() * b.Dy()
	if total == 0 {
		return 1
	}
	counts := map[uint32]int{}
	best := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			k := r>>8<<16 | g>>8<<8 | bl>>8
			counts[k]++
			best = max(best, counts[k])
		}
	}
	return float64(best) / float64(total)
}

var (
	svgElement = regexp.MustCompile(`(?s)<svg\b.*?</svg>`)
	shape      = regexp.MustCompile(`<(rect|line|polygon|polyline|ellipse|circle|path)\b`)
)

// svgShapes returns, for each SVG element of an HTML document, the number
// of shapes it draws.
func svgShapes(dom []byte) []int {
	var out []int
	for _, m := range svgElement.FindAll(dom, -1) {
		out = append(out, len(shape.FindAll(m, -1)))
	}
	return out
}

// consoleMessages returns the console lines of a Chromium log
// (--enable-logging=stderr): "…:CONSOLE(12)] "message", source: …".
func consoleMessages(log []byte) []string {
	var out []string
	for _, line := range bytes.Split(log, []byte("\n")) {
		if i := bytes.Index(line, []byte(":CONSOLE")); i >= 0 {
			out = append(out, strings.TrimSpace(string(line[i+1:])))
		}
	}
	return out
}
