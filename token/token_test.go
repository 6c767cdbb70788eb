package token

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// kt is a token without offsets, so that tables stay readable; offsets
// are checked by checkTokens and by TestOffsets.
type kt struct {
	Kind Kind
	Text string
}

func kinds(toks []Token) []kt {
	out := []kt{}
	for _, t := range toks {
		out = append(out, kt{t.Kind, t.Text})
	}
	return out
}

func w(s string) kt { return kt{Word, s} }
func n(s string) kt { return kt{Number, s} }
func p(s string) kt { return kt{Punct, s} }
func y(s string) kt { return kt{Symbol, s} }
func e(s string) kt { return kt{Emoji, s} }

var tokenizeTests = []struct {
	name string
	in   string
	want []kt
}{
	{"empty", "", nil},
	{"whitespace only", " \t\n\u00A0\u2003\r\n", nil},
	{"inverted marks", "¿Dónde está? ¡Aquí!", []kt{p("¿"), w("Dónde"), w("está"), p("?"), p("¡"), w("Aquí"), p("!")}},
	{"nfd accent", "cafe\u0301 y n\u0303andu\u0301", []kt{w("cafe\u0301"), w("y"), w("n\u0303andu\u0301")}},
	{"orphan mark", " \u0301a", []kt{y("\u0301"), w("a")}},
	{"apostrophe inside", "d'Artagnan d’Artagnan N´Dongo pa'l", []kt{w("d'Artagnan"), w("d’Artagnan"), w("N´Dongo"), w("pa'l")}},
	{"apostrophe at edges", "'No está' pa' la casa", []kt{p("'"), w("No"), w("está"), p("'"), w("pa"), p("'"), w("la"), w("casa")}},
	{"hyphen compound", "teórico-práctico franco-venezolano COVID-19", []kt{w("teórico-práctico"), w("franco-venezolano"), w("COVID-19")}},
	{"hyphen not inner", "bien- y -mal a - b bien--mal", []kt{w("bien"), p("-"), w("y"), p("-"), w("mal"), w("a"), p("-"), w("b"), w("bien"), p("-"), p("-"), w("mal")}},
	{"dialogue dash", "—¿Vienes? —Sí—dijo.", []kt{p("—"), p("¿"), w("Vienes"), p("?"), p("—"), w("Sí"), p("—"), w("dijo"), p(".")}},
	{"soft hyphen", "pa\u00ADla\u00ADbra", []kt{w("pa\u00ADla\u00ADbra")}},
	{"zero width space splits", "ho\u200Bla\uFEFF", []kt{w("ho"), w("la")}},
	{"letters then digits", "mp3 H2O", []kt{w("mp3"), w("H2O")}},
	{"numbers with separators", "1.234,56 1,234.56 3,5 2024 10:30 12/05/2024 2024-05-12",
		[]kt{n("1.234,56"), n("1,234.56"), n("3,5"), n("2024"), n("10:30"), n("12/05/2024"), n("2024-05-12")}},
	{"signs", "-5 +58 412 (-3) x-5 5 -3 5-3", []kt{n("-5"), n("+58"), n("412"), p("("), n("-3"), p(")"), w("x-5"), n("5"), n("-3"), n("5-3")}},
	{"minus sign", "−7", []kt{n("−7")}},
	{"number then stop", "Tengo 3. Y 1..2", []kt{w("Tengo"), n("3"), p("."), w("Y"), n("1"), p(".."), n("2")}},
	{"ordinals", "1º 2.ª 3er", []kt{n("1º"), n("2.ª"), n("3"), w("er")}},
	{"currency and percent", "$5 20€ 50% US$ 3,5 °C", []kt{y("$"), n("5"), n("20"), y("€"), n("50"), y("%"), w("US"), y("$"), n("3,5"), y("°"), w("C")}},
	{"phone", "+58 412-555-1234", []kt{n("+58"), n("412-555-1234")}},
	{"other digits", "٣٤ ３", []kt{n("٣٤"), n("３")}},
	{"url trailing dot", "Ver https://x.org/a.", []kt{w("Ver"), {URL, "https://x.org/a"}, p(".")}},
	{"url www", "en www.habla.es, gratis", []kt{w("en"), {URL, "www.habla.es"}, p(","), w("gratis")}},
	{"url parens", "(ver https://es.wikipedia.org/wiki/Caracas_(Venezuela))",
		[]kt{p("("), w("ver"), {URL, "https://es.wikipedia.org/wiki/Caracas_(Venezuela)"}, p(")")}},
	{"url case and query", "HTTPS://X.ORG/b?q=ñandú&x=1#top?", []kt{{URL, "HTTPS://X.ORG/b?q=ñandú&x=1#top"}, p("?")}},
	{"url markdown", "**https://x.org** <http://a.b/c>", []kt{y("*"), y("*"), {URL, "https://x.org"}, y("*"), y("*"), y("<"), {URL, "http://a.b/c"}, y(">")}},
	{"url quotes", "«https://x.org/a»", []kt{p("«"), {URL, "https://x.org/a"}, p("»")}},
	{"not a url", "http:// www. wwwhat", []kt{w("http"), p(":"), p("/"), p("/"), w("www"), p("."), w("wwwhat")}},
	{"email", "Escribe a juan.perez@correo.com.ve. O a maria_p+news@habla.es!",
		[]kt{w("Escribe"), w("a"), {Email, "juan.perez@correo.com.ve"}, p("."), w("O"), w("a"), {Email, "maria_p+news@habla.es"}, p("!")}},
	{"email unicode", "josé@años.es", []kt{{Email, "josé@años.es"}}},
	{"not an email", "foo@bar foo.@x.com", []kt{w("foo"), y("@"), w("bar"), w("foo"), p("."), {Mention, "@x"}, p("."), w("com")}},
	{"mentions", "@usuario #Venezuela #1 @", []kt{{Mention, "@usuario"}, {Mention, "#Venezuela"}, y("#"), n("1"), y("@")}},
	{"emoji modifiers", "👍🏽👍 hola👍", []kt{e("👍🏽"), e("👍"), w("hola"), e("👍")}},
	{"emoji zwj", "👨‍👩‍👧 ❤️‍🔥 🧑🏽‍💻", []kt{e("👨‍👩‍👧"), e("❤️‍🔥"), e("🧑🏽‍💻")}},
	{"flags", "🇻🇪🇦🇷 🇻", []kt{e("🇻🇪"), e("🇦🇷"), e("🇻")}},
	{"subdivision flag", "🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F",
		[]kt{e("🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F")}},
	{"variation selectors", "❤️ ❤ ☺︎", []kt{e("❤️"), e("❤"), e("☺︎")}},
	{"keycaps", "1️⃣ #️⃣ 2\u20E3", []kt{e("1️⃣"), e("#️⃣"), e("2\u20E3")}},
	{"text symbols", "© ©️ ™ → €", []kt{y("©"), e("©️"), y("™"), y("→"), y("€")}},
	{"ellipsis", "No sé... Tal vez…", []kt{w("No"), w("sé"), p("..."), w("Tal"), w("vez"), p("…")}},
	{"abbreviations", "Sr. EE. UU. a. m.", []kt{w("Sr"), p("."), w("EE"), p("."), w("UU"), p("."), w("a"), p("."), w("m"), p(".")}},
	{"invalid utf8", "a\xffb\xc3", []kt{w("a"), y("\xff"), w("b"), y("\xc3")}},
	{"control chars", "a\x00b\x7fc", []kt{w("a"), w("b"), w("c")}},
	{"greek and cjk", "Ελλάδα 日本語", []kt{w("Ελλάδα"), w("日本語")}},
}

func TestTokenize(t *testing.T) {
	for _, tc := range tokenizeTests {
		t.Run(tc.name, func(t *testing.T) {
			toks := Tokenize(tc.in)
			checkTokens(t, tc.in, toks)
			want := tc.want
			if want == nil {
				want = []kt{}
			}
			if diff := cmp.Diff(want, kinds(toks)); diff != "" {
				t.Errorf("Tokenize(%q) mismatch (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

// TestOffsets checks code-point and byte offsets where they differ: after
// emoji, astral code points and combining marks.
func TestOffsets(t *testing.T) {
	in := "¡Hola 👍🏽! cafe\u0301 👨‍👩‍👧 🇻🇪"
	want := []Token{
		{Text: "¡", Kind: Punct, Start: 0, End: 1, ByteStart: 0, ByteEnd: 2},
		{Text: "Hola", Kind: Word, Start: 1, End: 5, ByteStart: 2, ByteEnd: 6},
		{Text: "👍🏽", Kind: Emoji, Start: 6, End: 8, ByteStart: 7, ByteEnd: 15},
		{Text: "!", Kind: Punct, Start: 8, End: 9, ByteStart: 15, ByteEnd: 16},
		{Text: "cafe\u0301", Kind: Word, Start: 10, End: 15, ByteStart: 17, ByteEnd: 23},
		{Text: "👨‍👩‍👧", Kind: Emoji, Start: 16, End: 21, ByteStart: 24, ByteEnd: 42},
		{Text: "🇻🇪", Kind: Emoji, Start: 22, End: 24, ByteStart: 43, ByteEnd: 51},
	}
	if diff := cmp.Diff(want, Tokenize(in)); diff != "" {
		t.Errorf("Tokenize(%q) mismatch (-want +got):\n%s", in, diff)
	}
}

func TestAppendTokensReusesDst(t *testing.T) {
	in := "¿Qué pasó con el Sr. Pérez? Llegó a las 10:30 👍🏽."
	dst := AppendTokens(nil, "previo")
	got := AppendTokens(dst, in)
	if diff := cmp.Diff(append(Tokenize("previo"), Tokenize(in)...), got); diff != "" {
		t.Errorf("AppendTokens mismatch (-want +got):\n%s", diff)
	}
	buf := make([]Token, 0, 64)
	if allocs := testing.AllocsPerRun(100, func() { buf = AppendTokens(buf[:0], in) }); allocs != 0 {
		t.Errorf("AppendTokens with room allocates %v times per call, want 0", allocs)
	}
}

func TestKindString(t *testing.T) {
	var got []string
	for k := range Mention + 2 {
		got = append(got, k.String())
	}
	want := []string{"Kind(0)", "word", "number", "punct", "symbol", "url", "email", "emoji", "mention", "Kind(9)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Kind.String mismatch (-want +got):\n%s", diff)
	}
}

// TestLongRunsLinear guards the e-mail look-ahead: a long dotted run
// before an '@' must not be rescanned from every word in it.
func TestLongRunsLinear(t *testing.T) {
	in := strings.Repeat("a.", 200000) + "@ fin"
	toks := Tokenize(in)
	checkTokens(t, in, toks)
	if got := fmt.Sprint(toks[len(toks)-1].Text); got != "fin" {
		t.Errorf("last token %q, want fin", got)
	}
}

// TestClassFastPaths checks the shortcuts in classOf against the general
// classification for the ranges they cover.
func TestClassFastPaths(t *testing.T) {
	special := map[rune]class{'’': cApos, '‐': cHyphen, '‑': cHyphen, '†': cSymbol, '‡': cSymbol, '‰': cSymbol, '‱': cSymbol}
	for r := rune(0x2010); r <= 0x20C0; r++ {
		want := classOfSlow(r)
		if c, ok := special[r]; ok {
			want = c
		}
		if got := classOf(r); got != want {
			t.Errorf("classOf(%U) = %d, want %d", r, got, want)
		}
	}
}
