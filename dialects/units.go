package dialects

// Units are the measurement units a variety uses in everyday life (the
// press, shops, road signs, weather forecasts), one per quantity. A nil
// field is not declared by the profile: Set.Units takes it from the
// nearest profile up the parent chain that declares it. Every declared
// unit carries its source.
type Units struct {
	// Source is the source of every unit declared here without a source
	// of its own (a metrology law that covers them all).
	Source string `yaml:"source" json:"source,omitempty"`
	// Temperature is "°C" or "°F".
	Temperature *Unit `yaml:"temperature" json:"temperature,omitempty"`
	// Distance is "km" or "mi" (road distances, heights, lengths).
	Distance *Unit `yaml:"distance" json:"distance,omitempty"`
	// Speed is "km/h" or "mph".
	Speed *Unit `yaml:"speed" json:"speed,omitempty"`
	// Mass is "kg" or "lb" (shopping, body weight).
	Mass *Unit `yaml:"mass" json:"mass,omitempty"`
	// Fuel is "L" or "gal": the unit fuel is sold in, which is also the
	// everyday unit of liquids in trade.
	Fuel *Unit `yaml:"fuel" json:"fuel,omitempty"`
}

// Unit is one quantity's everyday unit in a variety.
type Unit struct {
	// Unit is the unit's symbol (see Units for the values of each
	// quantity), or "both" when both systems are in everyday use (no
	// finding either way), or "unknown" when the profile deliberately
	// stops inheritance because the fact is not established (Notes says
	// why; no finding either way).
	Unit string `yaml:"unit" json:"unit"`
	// Libra is the mass in grams that the word libra means in everyday
	// trade when it is not the avoirdupois pound (500 in Colombia); 0
	// when libra is the pound or unused. Only for Mass.
	Libra int `yaml:"libra" json:"libra,omitempty"`
	// Source says where the fact comes from: a metrology law, a national
	// standard, an official price list. Required unless Unit is "unknown"
	// or Units.Source covers it; Set.Units fills it in from Units.Source.
	Source string `yaml:"source" json:"source,omitempty"`
	// Notes qualify the fact.
	Notes string `yaml:"notes" json:"notes,omitempty"`
}

// The special values of Unit.Unit.
const (
	UnitBoth    = "both"
	UnitUnknown = "unknown"
)

// unitValues are the allowed symbols of each quantity: metric first.
var unitValues = map[string][2]string{
	"temperature": {"°C", "°F"},
	"distance":    {"km", "mi"},
	"speed":       {"km/h", "mph"},
	"mass":        {"kg", "lb"},
	"fuel":        {"L", "gal"},
}

// fields lists the quantities in a fixed order with their declarations.
func (u *Units) fields() []struct {
	name string
	unit **Unit
} {
	return []struct {
		name string
		unit **Unit
	}{
		{"temperature", &u.Temperature}, {"distance", &u.Distance}, {"speed", &u.Speed},
		{"mass", &u.Mass}, {"fuel", &u.Fuel},
	}
}

// Metric reports whether the unit is the metric one of its quantity: °C,
// km, km/h, kg or L. A nil, "both" or "unknown" unit is not.
func (u *Unit) Metric() bool { return u.isSystem(0) }

// Imperial reports whether the unit is the U.S. customary one of its
// quantity: °F, mi, mph, lb or gal.
func (u *Unit) Imperial() bool { return u.isSystem(1) }

// isSystem reports whether the unit is column sys (0 metric, 1 U.S.
// customary) of unitValues.
func (u *Unit) isSystem(sys int) bool {
	if u == nil {
		return false
	}
	for _, v := range unitValues {
		if u.Unit == v[sys] {
			return true
		}
	}
	return false
}

// Units returns p's everyday units, each a copy with its source filled in: each quantity from p if p declares
// it, else from the nearest profile up p's parent chain that does (groups
// declare none). A quantity nobody declares stays nil.
func (s *Set) Units(p *Profile) Units {
	var out Units
	for _, id := range s.Chain(p) {
		q := p
		if id != p.Tag {
			var ok bool
			if q, ok = s.byTag[id]; !ok {
				continue // a group
			}
		}
		decl := q.Conventions.Units
		got, have := out.fields(), decl.fields()
		for i := range got {
			if *got[i].unit == nil && *have[i].unit != nil {
				u := **have[i].unit
				if u.Source == "" && u.Unit != UnitUnknown {
					u.Source = decl.Source
				}
				*got[i].unit = &u
			}
		}
	}
	return out
}
