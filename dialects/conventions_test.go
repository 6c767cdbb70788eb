package dialects

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// overrides lists, per tag, the convention fields a profile deliberately
// takes from somewhere other than CLDR 32. Only decimal, group and currency
// can be checked against x/text; date_order is listed so that the
// profile's Override note is accounted for.
var overrides = map[string][]string{
	"es-VE":          {"currency"},
	"es-VE-u-sd-vev": {"currency"},
	"es-US":          {"date_order"},
}

// checkable are the fields that x/text lets the test compare with CLDR.
var checkable = []string{"decimal", "group", "currency"}

// cldrSeparators formats 1234567.5 for tag with x/text and reads back the
// decimal and grouping separators.
func cldrSeparators(t *testing.T, tag language.Tag) (decimal, group string) {
	t.Helper()
	s := message.NewPrinter(tag).Sprint(number.Decimal(1234567.5))
	rest, ok := strings.CutPrefix(s, "1")
	group, rest, ok2 := strings.Cut(rest, "234")
	decimal, ok3 := strings.CutSuffix(strings.TrimPrefix(rest, group+"567"), "5")
	if !ok || !ok2 || !ok3 {
		t.Fatalf("cannot read separators from %q", s)
	}
	return decimal, group
}

// cldrDepartures returns the checkable fields in which p departs from CLDR.
func cldrDepartures(t *testing.T, p *Profile, pl place) []string {
	tag := language.MustParse(p.Tag)
	var got []string
	dec, grp := cldrSeparators(t, tag)
	if dec != p.Conventions.Decimal {
		got = append(got, "decimal")
		t.Logf("decimal: CLDR %q, profile %q", dec, p.Conventions.Decimal)
	}
	if grp != p.Conventions.Group {
		got = append(got, "group")
		t.Logf("group: CLDR %q, profile %q", grp, p.Conventions.Group)
	}
	if !pl.country {
		return got
	}
	unit, _ := currency.FromTag(tag)
	sym := message.NewPrinter(tag).Sprint(currency.Symbol(unit))
	cur := p.Conventions.Currency
	if unit.String() != cur.Code || !slices.Contains(cur.Symbols, sym) {
		got = append(got, "currency")
		t.Logf("currency: CLDR %s %q, profile %s %q", unit, sym, cur.Code, cur.Symbols)
	}
	return got
}

func TestConventionsMatchCLDR(t *testing.T) {
	s := mustLoad(t)
	for _, p := range s.Profiles() {
		t.Run(p.Tag, func(t *testing.T) {
			pl, err := parseTag(p.Tag)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, f := range overrides[p.Tag] {
				if slices.Contains(checkable, f) {
					want = append(want, f)
				}
			}
			if diff := cmp.Diff(want, cldrDepartures(t, p, pl)); diff != "" {
				t.Errorf("departures from CLDR 32 (-declared +found):\n%s", diff)
			}
			if got := p.Conventions.Override != ""; got != (len(overrides[p.Tag]) > 0) {
				t.Errorf("override note present = %v, want %v: %q", got, !got, p.Conventions.Override)
			}
			for _, f := range overrides[p.Tag] {
				if !strings.Contains(p.Conventions.Override, f+":") {
					t.Errorf("override note does not name %q: %q", f, p.Conventions.Override)
				}
			}
		})
	}
}

func TestCurrencyOnlyForCountries(t *testing.T) {
	s := mustLoad(t)
	for _, p := range s.Profiles() {
		pl, _ := parseTag(p.Tag)
		if got := p.Conventions.Currency.Code != ""; got != pl.country {
			t.Errorf("%s: has currency = %v, want %v", p.Tag, got, pl.country)
		}
	}
}

// A sub-national variety shares its country's conventions: only the notes
// may differ, and units are inherited (Set.Units), not repeated.
func TestSubdivisionConventionsFollowCountry(t *testing.T) {
	s := mustLoad(t)
	ignore := cmpopts.IgnoreFields(Currency{}, "Notes")
	for _, p := range s.Profiles() {
		if !strings.Contains(p.Tag, "-u-sd-") {
			continue
		}
		country, ok := s.Profile(p.Parent)
		if !ok {
			t.Errorf("%s: parent %q is not a country profile", p.Tag, p.Parent)
			continue
		}
		a, b := p.Conventions, country.Conventions
		a.Override, b.Override = "", ""
		a.Units, b.Units = Units{}, Units{}
		if diff := cmp.Diff(s.Units(country), s.Units(p)); diff != "" {
			t.Errorf("%s units differ from %s (-country +subdivision):\n%s", p.Tag, country.Tag, diff)
		}
		if diff := cmp.Diff(b, a, ignore); diff != "" {
			t.Errorf("%s conventions differ from %s (-country +subdivision):\n%s", p.Tag, country.Tag, diff)
		}
	}
}

func TestVenezuelaCurrency(t *testing.T) {
	s := mustLoad(t)
	p, _ := s.Profile("es-VE")
	got := p.Conventions.Currency
	got.Notes = ""
	want := Currency{Code: "VES", Symbols: []string{"Bs.", "Bs.D", "Bs"}, Also: []string{"USD"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("es-VE currency (-want +got):\n%s", diff)
	}
	if unit, _ := currency.FromTag(language.MustParse("es-VE")); unit.String() != "VEF" {
		t.Logf("x/text now says %s for es-VE: the VEF override may no longer be needed", unit)
	}
}
