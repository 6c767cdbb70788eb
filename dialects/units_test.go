package dialects

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// unitOf is the resolved unit of one quantity, "" when none is declared
// up the chain.
func unitOf(u Units, quantity string) string {
	for _, f := range u.fields() {
		if f.name == quantity && *f.unit != nil {
			return (*f.unit).Unit
		}
	}
	return ""
}

func TestUnitsResolve(t *testing.T) {
	s := mustLoad(t)
	tests := []struct {
		tag  string
		want map[string]string
	}{
		{"es", map[string]string{"temperature": "°C", "distance": "km", "speed": "km/h", "mass": "kg", "fuel": ""}},
		{"es-ES", map[string]string{"temperature": "°C", "distance": "km", "speed": "km/h", "mass": "kg", "fuel": "L"}},
		// Inherited from es through rioplatense and es-419; no fuel fact.
		{"es-AR", map[string]string{"temperature": "°C", "distance": "km", "mass": "kg", "fuel": ""}},
		{"es-US", map[string]string{"temperature": "°F", "distance": "mi", "speed": "mph", "mass": "lb", "fuel": "gal"}},
		// Kilometres on signs, mph on speed limits; mass deliberately unknown.
		{"es-PR", map[string]string{"temperature": "°F", "distance": "km", "speed": "mph", "mass": "unknown", "fuel": "L"}},
		{"es-CO-u-sd-coant", map[string]string{"mass": "kg", "fuel": "gal", "temperature": "°C"}},
		{"es-PA", map[string]string{"fuel": "both"}},
	}
	for _, tt := range tests {
		u := s.Units(profile(t, s, tt.tag))
		for q, want := range tt.want {
			if got := unitOf(u, q); got != want {
				t.Errorf("%s %s = %q, want %q", tt.tag, q, got, want)
			}
		}
	}
}

// Every resolved unit carries a source, or says in its notes why it is
// unknown; the libra of Colombia reaches its subdivisions.
func TestUnitsSources(t *testing.T) {
	s := mustLoad(t)
	for _, p := range s.Profiles() {
		u := s.Units(p)
		for _, f := range u.fields() {
			un := *f.unit
			switch {
			case un == nil:
			case un.Unit == UnitUnknown && un.Notes == "":
				t.Errorf("%s %s: unknown without notes", p.Tag, f.name)
			case un.Unit != UnitUnknown && un.Source == "":
				t.Errorf("%s %s: %s without a source", p.Tag, f.name, un.Unit)
			}
		}
	}
	co := s.Units(profile(t, s, "es-CO-u-sd-coant"))
	if co.Mass == nil || co.Mass.Libra != 500 || !strings.Contains(co.Mass.Source, "Ley 33 de 1905") {
		t.Errorf("es-CO-u-sd-coant mass = %+v, want the 500 g libra with its source", co.Mass)
	}
	if !co.Mass.Metric() || co.Mass.Imperial() || (&Unit{Unit: UnitBoth}).Metric() {
		t.Error("Metric/Imperial misclassify kg or both")
	}
}

func TestUnitsValidation(t *testing.T) {
	tests := []struct{ units, want string }{
		{"  units:\n    temperature: {unit: K, source: x}\n",
			`data/es-ES.yaml:16:25: conventions.units.temperature.unit: "K" is not one of "°C", "°F", "both", "unknown"`},
		{"  units:\n    mass: {unit: lb}\n", "data/es-ES.yaml:16:11: conventions.units.mass.source: missing"},
		{"  units:\n    fuel: {unit: unknown}\n", "data/es-ES.yaml:16:11: conventions.units.fuel.notes: missing"},
		{"  units:\n    fuel: {unit: L, libra: 500, source: x}\n", "data/es-ES.yaml:16:28: conventions.units.fuel.libra: only mass has a libra"},
		{"  units:\n    source: law\n    mass: {unit: kg, libra: 5000}\n", "data/es-ES.yaml:17:29: conventions.units.mass.libra: 5000 g is not a plausible libra (0 or 1..1000)"},
	}
	for _, tt := range tests {
		file := strings.Replace(testESES, "\nsources:", "\n"+strings.TrimSuffix(tt.units, "\n")+"\nsources:", 1)
		_, err := LoadFS(testFS(map[string]string{"es-ES.yaml": file}), "data")
		if err == nil {
			t.Errorf("%q: loaded, want %s", tt.units, tt.want)
			continue
		}
		if diff := cmp.Diff([]string{tt.want}, errorLines(t, err)); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tt.units, diff)
		}
	}
}
