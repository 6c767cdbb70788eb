package main

import (
	"bytes"
	"context"
	"flag"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

var updateScreenshot = flag.Bool("update-screenshot", false, "write the README's screenshot of the HTML report, docs/audit-report.png")

// artefacts is where the browser test leaves its screenshots for people to
// look at (gitignored).
const artefacts = "testdata/artefacts"

// findChromium finds a headless-capable Chromium: $HABLA_CHROMIUM, else
// Debian's chromium (apt-get install -y chromium) or another usual name.
func findChromium(t *testing.T) string {
	if p := os.Getenv("HABLA_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium to render the HTML report: install it with " +
		"`apt-get install -y --no-install-recommends chromium` (.ci/run does) or set HABLA_CHROMIUM")
	return ""
}

// chromium runs a headless browser on the page with these extra flags.
func chromium(t *testing.T, bin, page string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	all := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
		"--no-first-run", "--user-data-dir=" + t.TempDir()}, args...)
	cmd := exec.CommandContext(ctx, bin, append(all, "file://"+page)...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", bin, strings.Join(all, " "), err, errOut.String())
	}
	return out.Bytes()
}

// TestAuditHTMLInChromium renders the HTML report of the examples in a
// real browser, at a phone's width and a desktop's, and checks that the
// browser read the page (the DOM has its title and charts) and drew it (a
// screenshot of the expected size, with the report's colours).
func TestAuditHTMLInChromium(t *testing.T) {
	bin := findChromium(t)
	dir := artefacts
	if err := os.MkdirAll(dir, 0o755); err != nil {
		dir = t.TempDir() // a read-only checkout: the artefacts go with the test
		t.Logf("artefacts in %s: %v", dir, err)
	}
	page, err := filepath.Abs(filepath.Join(dir, "audit.html"))
	if err != nil {
		t.Fatal(err)
	}
	html, err := exec.Command(filepath.Join(binDir, "habla"), "audit", "--target", "es-VE", "--by", "model",
		"--format", "html", "../../examples/outputs.jsonl").Output()
	if err != nil {
		t.Fatalf("habla audit: %v", err)
	}
	if err := os.WriteFile(page, html, 0o644); err != nil {
		t.Fatal(err)
	}

	dom := string(chromium(t, bin, page, "--dump-dom"))
	for _, want := range []string{"<title>Auditoría habla · es-VE</title>", "<svg", `<mark class="critical"`} {
		if !strings.Contains(dom, want) {
			t.Errorf("the browser's DOM lacks %q", want)
		}
	}

	for _, shot := range []struct {
		name          string
		width, height int
	}{{"audit-phone.png", 390, 1600}, {"audit-desktop.png", 1100, 1400}} {
		path := filepath.Join(dir, shot.name)
		chromium(t, bin, page, "--screenshot="+path, "--window-size="+strconv.Itoa(shot.width)+","+strconv.Itoa(shot.height))
		checkScreenshot(t, path, shot.width, shot.height)
		t.Logf("screenshot: %s", path)
	}
	if *updateScreenshot {
		chromium(t, bin, page, "--screenshot=../../docs/audit-report.png", "--window-size=1000,1300")
		checkScreenshot(t, "../../docs/audit-report.png", 1000, 1300)
	}
}

// checkScreenshot checks that a screenshot has the window's size and shows
// the report: not blank, and with the red of the failing verdict and the
// blue of the histogram's bars.
func checkScreenshot(t *testing.T, path string, width, height int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if b := img.Bounds(); b.Dx() != width || b.Dy() != height {
		t.Errorf("%s is %dx%d, want %dx%d", path, b.Dx(), b.Dy(), width, height)
	}
	colours := map[uint32]bool{}
	red, blue := 0, 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl := rgb(img, x, y)
			colours[r<<16|g<<8|bl] = true
			if near(r, g, bl, 0xc9, 0x2a, 0x2a) {
				red++
			}
			if near(r, g, bl, 0x30, 0x63, 0x8e) {
				blue++
			}
		}
	}
	if len(colours) < 50 {
		t.Errorf("%s has %d colours: a blank page?", path, len(colours))
	}
	if red < 200 || blue < 500 {
		t.Errorf("%s: %d pixels of the verdict's red, %d of the histogram's blue: the report was not drawn", path, red, blue)
	}
}

func rgb(img image.Image, x, y int) (r, g, b uint32) {
	r, g, b, _ = img.At(x, y).RGBA()
	return r >> 8, g >> 8, b >> 8
}

func near(r, g, b, wr, wg, wb uint32) bool {
	d := func(a, b uint32) uint32 {
		if a > b {
			return a - b
		}
		return b - a
	}
	return d(r, wr) < 12 && d(g, wg) < 12 && d(b, wb) < 12
}
